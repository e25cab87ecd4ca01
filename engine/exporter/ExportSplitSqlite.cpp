// Reading one large SQLite table on two connections at once (the rest of the ways: ExportSplit.cpp).
// Both connections see the same state of the database: while a third connection holds the write lock
// (BEGIN IMMEDIATE) nobody can commit, so two read transactions started then see one state (WAL or
// rollback journal alike), and keep it after the lock is given back, until endSplit() ends them.
// - A full export reads the table's two halves by rowid, rowid <= m and rowid > m, one fetch thread each:
//   rowid is the table's own integer key, never NULL, so every row is in exactly one half. Not for tables
//   with a column called rowid (it would stand for that column) nor WITHOUT ROWID tables.
// - An export in key order (delta, reference file) with one key whose smallest and largest values are
//   integers reads the key's range in parts of about rowsPerKeyRange rows, alternately on the two
//   connections, in order (NULL keys with the first part and text or blob keys with the last, where
//   SQLite's ORDER BY puts them).
// Small tables (fewer than splitMinimumPages x 32 rowids between the smallest and the largest) and a
// database whose write lock cannot be had within 2 s (a writer busy) keep the single SELECT.
#include "ExportRun.h"
#include "SplitQueries.h"

#include <algorithm>
#include <limits>

namespace oas::exporter {

using config::TraceLevel;

namespace {

constexpr int kLockWaitMs = 2000;

QString schemaOf(const QString &table)
{
    return table.contains(QLatin1Char('.')) ? table.section(QLatin1Char('.'), 0, 0) : QStringLiteral("main");
}

}  // namespace

// Two connections in one read snapshot (m_snapshot), each in a transaction of its own BEGIN: with the
// driver's autocommit off, the SQLite3 ODBC driver reads a whole result into memory (StepAPI unused).
bool ExportRun::openSqliteSnapshot(const QString &table)
{
    // The write lock on a connection of its own, which waits at most kLockWaitMs for a writer to finish
    // (the driver's busy timeout, Timeout): a long write transaction elsewhere costs the split, not 30 s.
    config::DatabaseSection lockSection = m_cfg.database;
    lockSection.driverFields.removeIf([](const config::DatabaseField &f) { return f.key.compare(QLatin1String("Timeout"), Qt::CaseInsensitive) == 0; });
    lockSection.driverFields.append({QStringLiteral("Timeout"), QString::number(kLockWaitMs), {}});
    auto locker = db::Connection::open(lockSection, m_req.credentials, m_req.connectionName + QStringLiteral("-lock"),
                                       db::Connection::Use::Statements);
    QString error = locker.connection ? QString() : locker.errorBlock;
    bool ok = locker.connection && db::executeDirect(*locker.connection, QStringLiteral("BEGIN IMMEDIATE"), &error);
    const bool locked = ok;
    for (int i = 0; ok && i < 2; ++i) {
        auto opened = db::Connection::open(m_cfg.database, m_req.credentials, m_req.connectionName + QStringLiteral("-part%1").arg(i + 1),
                                           db::Connection::Use::SnapshotStreaming);
        ok = opened.connection && db::executeDirect(*opened.connection, QStringLiteral("BEGIN"), &error);
        if (opened.connection)
            m_snapshot.push_back(std::move(opened.connection));
        // The read transaction starts with its first read, and keeps its state until it ends.
        ok = ok && !queryRow(*m_snapshot.back(), QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM %1 LIMIT 1)").arg(table), {}).empty();
    }
    QString unlockError;
    if (locked && !db::executeDirect(*locker.connection, QStringLiteral("ROLLBACK"), &unlockError) && ok) {
        error = unlockError;
        ok = false;
    }
    if (!ok) {
        m_trace.write(TraceLevel::Warnings, QStringLiteral("reading the table on two connections is not possible; one SELECT reads it\n")
                                                + error.trimmed());
        endSplit();
    }
    return ok;
}

// The table's smallest and largest rowid, in one query; false (no split) for a table without rowid, with a
// column called rowid, empty, or with fewer than the split's minimum of rowids between them.
bool ExportRun::sqliteRowids(const QString &table, qint64 *low, qint64 *high)
{
    if (m_req.splitMinimumPages <= 0 || table.isEmpty())
        return false;
    const std::vector<db::Value> row = queryRow(
        *m_connection, QStringLiteral("SELECT min(rowid), max(rowid), (SELECT count(*) FROM pragma_table_info(?, ?) "
                                      "WHERE lower(name) = 'rowid') FROM %1").arg(table),
        {table.section(QLatin1Char('.'), -1), schemaOf(table)});
    bool minOk = false;
    bool maxOk = false;
    *low = row.size() == 3 && row[0] ? row[0]->toLongLong(&minOk) : 0;
    *high = row.size() == 3 && row[1] ? row[1]->toLongLong(&maxOk) : 0;
    return minOk && maxOk && row[2] && *row[2] == QLatin1String("0") && __int128(*high) - *low + 1 >= m_req.splitMinimumPages * 32;
}

QStringList ExportRun::sqliteSplitParts(const QString &table)
{
    qint64 low = 0;
    qint64 high = 0;
    if (!sqliteRowids(table, &low, &high) || !openSqliteSnapshot(table))
        return {};
    const qint64 middle = qint64(__int128(low) + (__int128(high) - low) / 2);
    return {QStringLiteral("rowid <= %1").arg(middle), QStringLiteral("rowid > %1").arg(middle)};
}

QStringList ExportRun::sqliteKeyRanges(const config::AttributeDef &key, const QString &table)
{
    qint64 firstRowid = 0;
    qint64 lastRowid = 0;
    if (!sqliteRowids(table, &firstRowid, &lastRowid))
        return {};
    const qint64 rows = qint64(std::min<__int128>(__int128(lastRowid) - firstRowid + 1, std::numeric_limits<qint64>::max()));
    const QString column = key.column.text;
    const std::vector<db::Value> range = queryRow(
        *m_connection, QStringLiteral("SELECT min(%1), max(%1), typeof(min(%1)), typeof(max(%1)) FROM %2").arg(column, table), {});
    bool minOk = false;
    bool maxOk = false;
    const qint64 low = range.size() == 4 && range[0] ? range[0]->toLongLong(&minOk) : 0;
    const qint64 high = range.size() == 4 && range[1] ? range[1]->toLongLong(&maxOk) : 0;
    const QLatin1String integer("integer");
    if (!minOk || !maxOk || !range[2] || !range[3] || *range[2] != integer || *range[3] != integer)
        return {};
    const QStringList conditions = rangeConditions(column, low, high, rows, m_req.rowsPerKeyRange, true);
    if (conditions.isEmpty() || !openSqliteSnapshot(table))
        return {};
    return conditions;
}

}  // namespace oas::exporter
