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
};

struct QueueStatements {
    static QString createSchema(const QString &schema);
    static QString createState(const QueueNames &n);
    static QString readState(const QueueNames &n);  // table_name, refreshed_at, high_water, tie_keys
    static QString deleteState(const QueueNames &n);  // WHERE table_name = ?
    static QString insertState(const QueueNames &n);  // (table_name, refreshed_at, high_water, tie_keys)
    // A queue table shaped like its source (no rows): CREATE TABLE IF NOT EXISTS q AS SELECT cols FROM src WHERE 1=0.
    static QString createLike(const QString &queueTable, const QString &source, const QString &columns = QStringLiteral("*"));
    static QString clear(const QString &table);
    // An index on a queue table's key columns (tie deletes look rows up by key).
    static QString createKeyIndex(const QString &indexName, const QString &table, const QStringList &keys);
    static QString copyChangedSince(const QString &queueTable, const QString &source, const QString &changed);  // >= ?
    static QString deleteTie(const QString &queueTable, const QString &changed, const QStringList &keys);  // = ? AND keys = ?
    static QString maxChanged(const QString &queueTable, const QString &changed);
    static QString keysAt(const QString &queueTable, const QString &changed, const QStringList &keys);  // WHERE changed = ?
    static QString copyAll(const QString &queueTable, const QString &source);
    static QString copyByKey(const QString &queueTable, const QString &source, const QStringList &keys);
    static QString selectAll(const QString &source);
    static QString createSnapshot(const QString &snapshot);
    static QString readSnapshot(const QString &snapshot);  // key_text, row_hash
    static QString deleteSnapshotKey(const QString &snapshot);
    static QString insertSnapshot(const QString &snapshot);
    static QString insertKeys(const QString &table, const QStringList &keys);
    static QString count(const QString &table);
};

}  // namespace oas::sql
