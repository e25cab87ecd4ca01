#pragma once
// The change queue callable from SQL (docs/queue.md, "From SQL"): `odbc-agent queue install CONFIG` makes
// the procedure queue.refresh (PostgreSQL; MariaDB: also NAME_since(date)) from the configuration, and a
// table that records which configuration it was made from (config_hash). While a procedure is installed,
// `odbc-agent queue refresh` and the Studio call it too, so every way of refreshing shares one method and
// one state; a procedure made from another version of the configuration is refused until reinstalled.
#include "QueueRefresh.h"

#include "../run/JobSecrets.h"

namespace oas::db {
class Connection;
}
namespace oas::sql {
struct QueueNames;
}

namespace oas::queue {

struct InstallResult {
    bool ok = false;
    QString error;
    QString procedure;   // queue.refresh
    QStringList calls;   // how to call it: CALL queue.refresh(), ...
};

InstallResult installProcedure(const QueueConfig &config, const run::SecretSettings &secrets);
InstallResult uninstallProcedure(const QueueConfig &config, const run::SecretSettings &secrets);

struct InstalledProcedure {
    bool available = false;  // PostgreSQL or MariaDB
    bool installed = false;
    bool current = false;  // made from this version of the configuration
    QString procedure;
    QString configHash;
    QString toolVersion;
    QString installedAt;
    QString describe() const;  // one line for queue status and the Studio
};

// What the queue's install table says (not installed when it is not there).
InstalledProcedure installedProcedure(const db::Connection &c, const sql::QueueNames &names, const QueueConfig &config);

// A refresh through the installed procedure (what refreshQueue does when one is installed): the call, then
// each queue table's rows counted for the result.
void refreshByProcedure(const db::Connection &c, const sql::QueueNames &names, const InstalledProcedure &installed,
                        const RefreshRequest &request, RefreshResult &result);

// The configuration's tables, keys, change columns and schema or prefix, hashed (XXH3-64, hex).
QString procedureConfigHash(const QueueConfig &config);

}  // namespace oas::queue
