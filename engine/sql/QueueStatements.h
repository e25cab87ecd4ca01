#pragma once
// The statements of a change-queue refresh (docs/queue.md), the one source of their SQL. Names are used as
// written in the queue configuration; values are parameters.
#include <QString>
#include <QStringList>

namespace oas::sql {

// Where the queue's tables go: "queue.Customers" (a schema) or "queue_Customers" (a prefix).
struct QueueNames {
    QString schema;
    QString prefix;
    QString table(const QString &name) const { return schema.isEmpty() ? prefix + name : schema + QLatin1Char('.') + name; }
    QString state() const { return table(QStringLiteral("refresh_state")); }
    QString snapshot(const QString &name) const { return table(QStringLiteral("snapshot_") + name); }
    QString deleted(const QString &name) const { return table(name + QStringLiteral("_deleted")); }
    QString ties(const QString &name) const { return table(QStringLiteral("ties_") + name); }
};

struct QueueStatements {
    static QString createSchema(const QString &schema);
    static QString createState(const QueueNames &n);
    // A state table made by an earlier version also has a column tie_keys (unused, NULL).
    static QString readState(const QueueNames &n);  // table_name, refreshed_at, high_water
    static QString deleteState(const QueueNames &n);  // WHERE table_name = ?
    static QString insertState(const QueueNames &n);  // (table_name, refreshed_at, high_water)
    // A queue table shaped like its source (no rows): CREATE TABLE IF NOT EXISTS q AS SELECT cols FROM src WHERE 1=0.
    static QString createLike(const QString &queueTable, const QString &source, const QString &columns = QStringLiteral("*"));
    static QString clear(const QString &table);
    // An index on a queue table's key columns (tie deletes look rows up by key).
    static QString createKeyIndex(const QString &indexName, const QString &table, const QStringList &keys);
    // The time stamp statements compare with `mark`: a parameter, or a variable in the SQL procedure.
    static QString copyChangedSince(const QString &queueTable, const QString &source, const QString &changed,
                                    const QString &mark = QStringLiteral("?"));  // >= mark
    static QString copyChangedAfter(const QString &queueTable, const QString &source, const QString &changed,
                                    const QString &mark = QStringLiteral("?"));  // > mark
    // The source rows at a time stamp (= mark) whose keys are not in the ties table.
    static QString copyUntiedAt(const QString &queueTable, const QString &source, const QString &changed, const QString &ties,
                                const QStringList &keys, const QString &mark = QStringLiteral("?"));
    // The keys of the queue table's rows at a time stamp (= mark) into the ties table.
    static QString addTies(const QString &ties, const QString &queueTable, const QString &changed, const QStringList &keys,
                           const QString &mark = QStringLiteral("?"));
    static QString maxChanged(const QString &queueTable, const QString &changed);
    static QString copyAll(const QString &queueTable, const QString &source);
    // The rows of count keys: "k IN (?, ...)" for one key column, "(k1 = ? AND k2 = ?) OR ..." for several;
    // joinTypes (PostgreSQL, the key columns' type names): several key columns as a join with a VALUES list
    // of the keys, which PostgreSQL looks up by index (it scanned the whole table for the OR of 500 keys:
    // 150,000 changed rows took minutes). The multi-row statements take values in slices (Session::inSlices).
    static QString copyByKeys(const QString &queueTable, const QString &source, const QStringList &keys, int count,
                              const QStringList &joinTypes = {});
    static QString selectAll(const QString &source);
    static QString createSnapshot(const QString &snapshot);
    static QString readSnapshot(const QString &snapshot);  // key_text, row_hash
    // PostgreSQL: the same for any number of rows, each column one text[] parameter (sql/ValueLists.h).
    static QString insertSnapshotArrays(const QString &snapshot);
    static QString deleteSnapshotArray(const QString &snapshot);
    static QString deleteSnapshotKeys(const QString &snapshot, int count);  // key_text IN (count marks)
    static QString insertSnapshotRows(const QString &snapshot, int count);  // count (key_text, row_hash) rows
    static QString insertKeyRows(const QString &table, const QStringList &keys, int count);
    static QString count(const QString &table);
    // Every table a queue table needs (made if missing): the queue table shaped like its source, then the
    // tie keys and their index (Changed=) or the snapshot and the deleted keys. MariaDB commits at each
    // CREATE, so refreshes make them before their transaction.
    static QStringList tablesOf(const QueueNames &n, const QString &name, const QString &source, const QStringList &keys,
                                const QString &changed);
};

}  // namespace oas::sql
