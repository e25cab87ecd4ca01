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

QString marks(int count)
{
    QStringList parts;
    for (int i = 0; i < count; ++i)
        parts.append(QStringLiteral("?"));
    return parts.join(QStringLiteral(", "));
}

// count rows of width marks each: "(?, ?), (?, ?)".
QString valueRows(int width, int count)
{
    const QString row = QLatin1Char('(') + marks(width) + QLatin1Char(')');
    QStringList rows;
    for (int i = 0; i < count; ++i)
        rows.append(row);
    return rows.join(QStringLiteral(", "));
}

// count keys: "k IN (?, ...)" for one key column, "(k1 = ? AND k2 = ?) OR ..." for several.
QString keysIn(const QStringList &keys, int count)
{
    if (keys.size() == 1)
        return QStringLiteral("%1 IN (%2)").arg(keys.first(), marks(count));
    QStringList rows;
    for (int i = 0; i < count; ++i)
        rows.append(QLatin1Char('(') + keyMatch(keys) + QLatin1Char(')'));
    return rows.join(QStringLiteral(" OR "));
}

}  // namespace

QString QueueStatements::createSchema(const QString &schema)
{
    return QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(schema);
}

QString QueueStatements::createState(const QueueNames &n)
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (table_name VARCHAR(128) PRIMARY KEY, refreshed_at VARCHAR(40), "
                          "high_water VARCHAR(64))")
        .arg(n.state());
}

QString QueueStatements::readState(const QueueNames &n)
{
    return QStringLiteral("SELECT table_name, refreshed_at, high_water FROM %1").arg(n.state());
}

QString QueueStatements::deleteState(const QueueNames &n)
{
    return QStringLiteral("DELETE FROM %1 WHERE table_name = ?").arg(n.state());
}

QString QueueStatements::insertState(const QueueNames &n)
{
    return QStringLiteral("INSERT INTO %1 (table_name, refreshed_at, high_water) VALUES (?, ?, ?)").arg(n.state());
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

QString QueueStatements::copyChangedSince(const QString &queueTable, const QString &source, const QString &changed, const QString &mark)
{
    return QStringLiteral("INSERT INTO %1 SELECT * FROM %2 WHERE %3 >= %4").arg(queueTable, source, changed, mark);
}

QString QueueStatements::copyChangedAfter(const QString &queueTable, const QString &source, const QString &changed, const QString &mark)
{
    return QStringLiteral("INSERT INTO %1 SELECT * FROM %2 WHERE %3 > %4").arg(queueTable, source, changed, mark);
}

QString QueueStatements::copyUntiedAt(const QString &queueTable, const QString &source, const QString &changed, const QString &ties,
                                      const QStringList &keys, const QString &mark)
{
    QStringList same;
    for (const QString &k : keys)
        same.append(QStringLiteral("t.%1 = s.%1").arg(k));
    return QStringLiteral("INSERT INTO %1 SELECT s.* FROM %2 s WHERE s.%3 = %4 AND NOT EXISTS (SELECT 1 FROM %5 t WHERE %6)")
        .arg(queueTable, source, changed, mark, ties, same.join(QStringLiteral(" AND ")));
}

QString QueueStatements::addTies(const QString &ties, const QString &queueTable, const QString &changed, const QStringList &keys,
                                 const QString &mark)
{
    const QString list = keys.join(QStringLiteral(", "));
    return QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3 WHERE %4 = %5").arg(ties, list, queueTable, changed, mark);
}

QString QueueStatements::maxChanged(const QString &queueTable, const QString &changed)
{
    // As the database's own text: read as a time stamp, psqlODBC gives milliseconds only, and a mark of
    // 10:00:00.247 for a row at 10:00:00.2479 froze that row again at every refresh.
    return QStringLiteral("SELECT CAST(MAX(%2) AS VARCHAR(64)) FROM %1").arg(queueTable, changed);
}

QString QueueStatements::copyAll(const QString &queueTable, const QString &source)
{
    return QStringLiteral("INSERT INTO %1 SELECT * FROM %2").arg(queueTable, source);
}

QString QueueStatements::copyByKeys(const QString &queueTable, const QString &source, const QStringList &keys, int count,
                                    const QStringList &joinTypes)
{
    if (keys.size() > 1 && joinTypes.size() == keys.size()) {
        QStringList names;
        QStringList same;
        QStringList first;  // the first row's values typed: the VALUES list's columns take those types
        for (qsizetype i = 0; i < keys.size(); ++i) {
            names.append(QStringLiteral("k%1").arg(i));
            same.append(QStringLiteral("s.%1 = k.k%2").arg(keys.at(i)).arg(i));
            first.append(QStringLiteral("CAST(? AS %1)").arg(joinTypes.at(i)));
        }
        QString rows = QLatin1Char('(') + first.join(QStringLiteral(", ")) + QLatin1Char(')');
        if (count > 1)
            rows += QStringLiteral(", ") + valueRows(int(keys.size()), count - 1);
        return QStringLiteral("INSERT INTO %1 SELECT s.* FROM %2 s JOIN (VALUES %3) AS k(%4) ON %5")
            .arg(queueTable, source, rows, names.join(QStringLiteral(", ")), same.join(QStringLiteral(" AND ")));
    }
    return QStringLiteral("INSERT INTO %1 SELECT * FROM %2 WHERE %3").arg(queueTable, source, keysIn(keys, count));
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

QString QueueStatements::insertSnapshotArrays(const QString &snapshot)
{
    return QStringLiteral("INSERT INTO %1 (key_text, row_hash) SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]))").arg(snapshot);
}

QString QueueStatements::deleteSnapshotArray(const QString &snapshot)
{
    return QStringLiteral("DELETE FROM %1 WHERE key_text = ANY(CAST(? AS text[]))").arg(snapshot);
}

QString QueueStatements::deleteSnapshotKeys(const QString &snapshot, int count)
{
    return QStringLiteral("DELETE FROM %1 WHERE key_text IN (%2)").arg(snapshot, marks(count));
}

QString QueueStatements::insertSnapshotRows(const QString &snapshot, int count)
{
    return QStringLiteral("INSERT INTO %1 (key_text, row_hash) VALUES %2").arg(snapshot, valueRows(2, count));
}

QString QueueStatements::insertKeyRows(const QString &table, const QStringList &keys, int count)
{
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3").arg(table, keys.join(QStringLiteral(", ")), valueRows(int(keys.size()), count));
}

QString QueueStatements::count(const QString &table)
{
    return QStringLiteral("SELECT COUNT(*) FROM %1").arg(table);
}

QStringList QueueStatements::tablesOf(const QueueNames &n, const QString &name, const QString &source, const QStringList &keys,
                                      const QString &changed)
{
    const QString keyList = keys.join(QStringLiteral(", "));
    QStringList out{createLike(n.table(name), source)};
    if (!changed.isEmpty())
        out << createLike(n.ties(name), source, keyList)
            << createKeyIndex(n.prefix + QStringLiteral("ties_") + name + QStringLiteral("_key"), n.ties(name), keys);
    else
        out << createSnapshot(n.snapshot(name)) << createLike(n.deleted(name), source, keyList);
    return out;
}

}  // namespace oas::sql
