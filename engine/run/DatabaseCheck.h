#pragma once
// "Check against database" for a configuration: connect, let the driver describe the export SELECT and the
// import's dummy SELECT (prepared, never executed), and report what does not exist as diagnostics on the
// field that names it, plus each column's type and size (the Columns trace data) and the names of the
// columns of the tables used, for completion. Runs on any thread; opens its own connection.
#include "../config/AgentConfig.h"
#include "../db/ColumnInfo.h"
#include "../db/ConnectionString.h"
#include "JobSecrets.h"

namespace oas::run {

struct CheckedColumn {
    QString abbreviation;
    QString expansion;  // Employees.FirstName
    db::ColumnInfo column;
};

struct DatabaseCheckResult {
    bool connected = false;
    config::Diagnostics diagnostics;  // errors on the fields whose SQL the database refused
    QList<CheckedColumn> columns;     // what the driver says about each selected / importable attribute
    QString columnsText;              // the same as the Columns trace shows it
    // "Table.Column" for every column of the tables the configuration names (attribute qualifiers, Table, a
    // plain From), in the database's order: for completion.
    QStringList tableColumns;
};

DatabaseCheckResult checkAgainstDatabase(const config::AgentConfig &config, const db::Credentials &credentials,
                                         const QString &connectionName);
// The same with the configuration's own User= / Password= in their written forms (JobSecrets.h): a password
// that cannot be read is an error on its line; the password never appears in a message.
DatabaseCheckResult checkAgainstDatabase(const config::AgentConfig &config, const SecretSettings &secrets,
                                         const QString &connectionName);

}  // namespace oas::run
