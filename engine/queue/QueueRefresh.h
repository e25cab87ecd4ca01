#pragma once
// The change queue's refresh (docs/queue.md): for each configured source table, the queue table is
// replaced by the rows that are new or changed since the previous refresh, and the refresh state (high
// water mark and its tie keys, or the row-hash snapshot) is updated, all in one transaction: a refresh that
// fails or is killed leaves the previous queue tables and state as they were.
#include "QueueConfig.h"

#include "../run/JobSecrets.h"

#include <QDate>

#include <functional>
#include <optional>

namespace oas::queue {

struct RefreshRequest {
    QueueConfig config;
    std::optional<QDate> since;  // --since: rows changed on or after it (timestamp tables)
    run::SecretSettings secrets;
    QString connectionName = QStringLiteral("queue");
};

struct TableRefresh {
    QString table;
    QString queueTable;
    qint64 frozen = 0;   // rows in the queue table now
    qint64 deleted = 0;  // snapshot tables: keys gone since the previous refresh
    QString how;         // "changed since 2024-05-01 10:00:00", "snapshot", ...
};

struct RefreshResult {
    bool ok = false;
    QString error;
    QString refreshedAt;  // UTC, ISO
    QList<TableRefresh> tables;
    QStringList notes;
};

// progress gets a line as each table is done (before the commit).
RefreshResult refreshQueue(const RefreshRequest &request, const std::function<void(const QString &)> &progress = {});

struct TableStatus {
    QString table;
    QString queueTable;
    QString lastRefresh;  // empty: never
    qint64 rows = -1;     // -1: no queue table yet
    QString mode;         // "Changed=ModifiedDate" or "snapshot"
};
struct QueueStatus {
    bool ok = false;
    QString error;
    QString procedure;  // the SQL procedure: installed, from which configuration (InstalledProcedure::describe)
    QList<TableStatus> tables;
};
QueueStatus queueStatus(const QueueConfig &config, const run::SecretSettings &secrets,
                        const QString &connectionName = QStringLiteral("queue-status"));

// What a refresh froze for one table (its queue table), and the keys a snapshot table found gone (its
// _deleted table), the first `limit` rows of each with their column names, for looking at.
struct RowsShown {
    QStringList columns;
    QList<QStringList> rows;  // NULL as an empty optional is shown as "NULL"
    bool exists = false;      // the table is there
};
struct QueueRows {
    bool ok = false;
    QString error;
    RowsShown frozen;
    RowsShown deleted;
};
QueueRows queueRows(const QueueConfig &config, const QString &table, const run::SecretSettings &secrets, int limit = 500,
                    const QString &connectionName = QStringLiteral("queue-rows"));

// "2017-01-01", "1/1/2017" (month/day/year, as the reference shows it) or "01.01.2017".
std::optional<QDate> parseSinceDate(const QString &text);

}  // namespace oas::queue
