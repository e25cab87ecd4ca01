#include "QueueStatements.h"

namespace oas::sql {

namespace {

QString keyMatch(const QStringList &keys)
{
    QStringList parts;
    for (const QString &k : keys)
        parts.append(k + QStringLiteral(" = ?"));
    return parts.join(QStringLiteral(" AND "));
}

}  // namespace

QString QueueStatements::createSchema(const QString &schema)
{
    return QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(schema);
}

QString QueueStatements::createState(const QueueNames &n)
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (table_name VARCHAR(128) PRIMARY KEY, refreshed_at VARCHAR(40), "
                          "high_water VARCHAR(64), tie_keys TEXT)")
        .arg(n.state());
}

QString QueueStatements::readState(const QueueNames &n)
{
    return QStringLiteral("SELECT table_name, refreshed_at, high_water, tie_keys FROM %1").arg(n.state());
}

QString QueueStatements::deleteState(const QueueNames &n)
{
    return QStringLiteral("DELETE FROM %1 WHERE table_name = ?").arg(n.state());
}

QString QueueStatements::insertState(const QueueNames &n)
{
    return QStringLiteral("INSERT INTO %1 (table_name, refreshed_at, high_water, tie_keys) VALUES (?, ?, ?, ?)").arg(n.state());
}

QString QueueStatements::createLike(const QString &queueTable, const QString &source, const QString &columns)
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS %1 AS SELECT %2 FROM %3 WHERE 1=0").arg(queueTable, columns, source);
}

QString QueueStatements::createKeyIndex(const QString &indexName, const QString &table, const QStringList &keys)
{
    return QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2 (%3)").arg(indexName, table, keys.join(QStringLiteral(", ")));
}

QString QueueStatements::clear(const QString &table)
{
    return QStringLiteral("DELETE FROM %1").arg(table);
}

QString QueueStatements::copyChangedSince(const QString &queueTable, const QString &source, const QString &changed)
{
    return QStringLiteral("INSERT INTO %1 SELECT * FROM %2 WHERE %3 >= ?").arg(queueTable, source, changed);
}

QString QueueStatements::deleteTie(const QString &queueTable, const QString &changed, const QStringList &keys)
{
    return QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND %3").arg(queueTable, changed, keyMatch(keys));
}

QString QueueStatements::maxChanged(const QString &queueTable, const QString &changed)
{
    return QStringLiteral("SELECT MAX(%2) FROM %1").arg(queueTable, changed);
}

QString QueueStatements::keysAt(const QString &queueTable, const QString &changed, const QStringList &keys)
{
    return QStringLiteral("SELECT %3 FROM %1 WHERE %2 = ?").arg(queueTable, changed, keys.join(QStringLiteral(", ")));
}

QString QueueStatements::copyAll(const QString &queueTable, const QString &source)
{
    return QStringLiteral("INSERT INTO %1 SELECT * FROM %2").arg(queueTable, source);
}

QString QueueStatements::copyByKey(const QString &queueTable, const QString &source, const QStringList &keys)
{
    return QStringLiteral("INSERT INTO %1 SELECT * FROM %2 WHERE %3").arg(queueTable, source, keyMatch(keys));
}

QString QueueStatements::selectAll(const QString &source)
{
    return QStringLiteral("SELECT * FROM %1").arg(source);
}

QString QueueStatements::createSnapshot(const QString &snapshot)
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (key_text VARCHAR(400) PRIMARY KEY, row_hash VARCHAR(40))").arg(snapshot);
}

QString QueueStatements::readSnapshot(const QString &snapshot)
{
    return QStringLiteral("SELECT key_text, row_hash FROM %1").arg(snapshot);
}

QString QueueStatements::deleteSnapshotKey(const QString &snapshot)
{
    return QStringLiteral("DELETE FROM %1 WHERE key_text = ?").arg(snapshot);
}

QString QueueStatements::insertSnapshot(const QString &snapshot)
{
    return QStringLiteral("INSERT INTO %1 (key_text, row_hash) VALUES (?, ?)").arg(snapshot);
}

QString QueueStatements::insertKeys(const QString &table, const QStringList &keys)
{
    QStringList marks;
    for (qsizetype i = 0; i < keys.size(); ++i)
        marks.append(QStringLiteral("?"));
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, keys.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
}

QString QueueStatements::count(const QString &table)
{
    return QStringLiteral("SELECT COUNT(*) FROM %1").arg(table);
}

}  // namespace oas::sql
