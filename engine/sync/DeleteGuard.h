#pragma once
// The delete guard of a sync (docs/sync.md): before an import applies a data file, its delete records are
// counted and set against the target table's rows; too many stop the sync before anything changes.
#include "SyncFile.h"

#include "../config/AgentConfig.h"
#include "../db/ConnectionString.h"

#include <optional>

namespace oas::sync {

struct DeleteCheck {
    bool ok = false;       // counted (false: error says why)
    qint64 records = 0;    // records of the data file
    qint64 deletes = 0;    // of them with ChangeType delete
    qint64 targetRows = -1;  // rows of the target table; -1 not known (procedures, pairs)
    bool allowed = true;   // within the guard (or the override)
    QString reason;        // why not allowed, or the error
};

// Counts the delete records of dataFile as config reads them.
DeleteCheck countDeletes(const QString &dataFile, const config::AgentConfig &config);
// SELECT COUNT(*) of the import's primary table; nullopt with *error.
std::optional<qint64> countTargetRows(const config::AgentConfig &config, const db::Credentials &credentials, QString *error);
// Sets allowed / reason from the counts, the step's guard and the one-time override (--allow-deletes N:
// up to N deletes pass): more than maxDeletes, more than maxDeletePercent of a target of minRows or more,
// or every row of a target that has rows, are too many.
void judge(DeleteCheck &check, const GuardSettings &guard, std::optional<qint64> allowDeletes);

}  // namespace oas::sync
