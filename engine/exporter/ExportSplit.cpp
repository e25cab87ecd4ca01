// Reading one large PostgreSQL table on two connections at once, both in one snapshot
// (pg_export_snapshot / SET TRANSACTION SNAPSHOT), so every row is exported exactly once even while the
// table changes. psqlODBC fetches a cursor's rows in round trips, each waiting for the server, so on one
// connection the server and the agent take turns; on two they work at the same time.
// - A full export reads the table's two halves by physical position (ctid ranges, which PostgreSQL 14 and
//   later scan directly), one fetch thread each; rows then come in no fixed order, as a SELECT without
//   ORDER BY promises none.
// - An export in key order (delta, reference file) with one integer key reads the key's range in parts of
//   about rowsPerKeyRange rows, alternately on the two connections, and hands them on in order: while one
//   part is being used, the other connection reads the next one.
// Anything unexpected on the way falls back to the single SELECT.
#include "ExportRun.h"

#include "../db/Statement.h"

#include <QRegularExpression>

namespace oas::exporter {

using config::TraceLevel;

void ExportRun::endSplit()
{
    QString ignored;
    for (const auto &c : m_snapshot)
        db::endTransaction(*c, false, &ignored);
    m_snapshot.clear();
}

// The plain table name of From, or empty (a join, a subquery, several tables).
QString ExportRun::plainTable() const
{
    static const QRegularExpression plainTable(QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_$]*(?:\\.[A-Za-z_][A-Za-z0-9_$]*)?)\\s*;?\\s*$"));
    return plainTable.match(m_cfg.exportSection.from.value).captured(1);
}

// One row of values from a query on connection (its ? bound to args); empty on any failure.
static std::vector<db::Value> queryRow(const db::Connection &connection, const QString &sql, const std::vector<db::Value> &args)
{
    db::Statement statement(connection);
    std::vector<const db::Value *> pointers;
    for (const db::Value &a : args)
        pointers.push_back(&a);
    std::vector<db::Value> row;
    QString error;
    if (!statement.prepare(sql, &error) || !statement.execute(pointers, &error) || !statement.fetch(row, &error))
        return {};
    return row;
}

// Opens `count` connections in one snapshot (m_snapshot); false (with a warning in the trace) when it
// cannot be done.
bool ExportRun::openSnapshotConnections(int count)
{
    QString error;
    for (int i = 0; i < count; ++i) {
        auto opened = db::Connection::open(m_cfg.database, m_req.credentials,
                                           m_req.connectionName + QStringLiteral("-part%1").arg(i + 1),
                                           db::Connection::Use::SnapshotStreaming);
        if (!opened.connection || !db::setAutoCommit(*opened.connection, false, &error)) {
            endSplit();
            return false;
        }
        m_snapshot.push_back(std::move(opened.connection));
    }
    QString snapshot;
    bool ok = db::executeDirect(*m_snapshot.front(), QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"), &error);
    if (ok) {
        const std::vector<db::Value> row = queryRow(*m_snapshot.front(), QStringLiteral("SELECT pg_export_snapshot()"), {});
        ok = !row.empty() && row[0];
        if (ok)
            snapshot = *row[0];
    }
    static const QRegularExpression snapshotId(QStringLiteral("^[0-9A-Fa-f-]+$"));
    ok = ok && snapshotId.match(snapshot).hasMatch();
    for (size_t i = 1; ok && i < m_snapshot.size(); ++i) {
        ok = db::executeDirect(*m_snapshot[i], QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"), &error)
             && db::executeDirect(*m_snapshot[i], QStringLiteral("SET TRANSACTION SNAPSHOT '%1'").arg(snapshot), &error);
    }
    if (!ok) {
        m_trace.write(TraceLevel::Warnings, QStringLiteral("reading the table on several connections is not possible; "
                                                           "one SELECT reads it\n") + error.trimmed());
        endSplit();
    }
    return ok;
}

// The table's size in pages when it is a PostgreSQL table large enough to read on two connections, else 0.
qint64 ExportRun::splitPages(const QString &table)
{
    if (m_req.splitMinimumPages <= 0 || table.isEmpty() || !m_connection->info().isPostgreSql())
        return 0;
    const std::vector<db::Value> row = queryRow(
        *m_connection, QStringLiteral("SELECT pg_relation_size(CAST(? AS regclass)) / current_setting('block_size')::bigint"), {table});
    const qint64 pages = !row.empty() && row[0] ? row[0]->toLongLong() : 0;
    return pages >= m_req.splitMinimumPages ? pages : 0;
}

QStringList ExportRun::splitParts()
{
    const QString table = plainTable();
    if (m_connection->info().dbmsVersion.section(QLatin1Char('.'), 0, 0).toInt() < 14)
        return {};  // TID range scans came with PostgreSQL 14
    const qint64 pages = splitPages(table);
    const int count = 2;  // 3 or 4 were no faster on the 2-core benchmark machine
    if (pages == 0 || !openSnapshotConnections(count))
        return {};
    QStringList parts;
    for (int i = 0; i < count; ++i) {
        const qint64 from = pages * i / count;
        const qint64 to = pages * (i + 1) / count;
        parts.append(i == 0 ? QStringLiteral("ctid < '(%1,0)'::tid").arg(to)
                     : i + 1 == count ? QStringLiteral("ctid >= '(%1,0)'::tid").arg(from)
                                      : QStringLiteral("ctid >= '(%1,0)'::tid AND ctid < '(%2,0)'::tid").arg(from).arg(to));
    }
    return parts;
}

// The conditions of the key ranges, in key order (NULL keys, which ORDER BY puts last, with the last
// range); empty when the export has not exactly one key of an integer type, or the table is small.
QStringList ExportRun::keyRanges()
{
    const QString table = plainTable();
    const QList<config::NameRef> &keys = m_cfg.exportSection.keys.value;
    const config::AttributeDef *key = keys.size() == 1 ? m_cfg.attributes.find(keys.first().name) : nullptr;
    const qint64 pages = key && m_req.rowsPerKeyRange > 0 ? splitPages(table) : 0;
    if (pages == 0 || !openSnapshotConnections(2))
        return {};
    const QString column = key->column.text;
    const std::vector<db::Value> range = queryRow(
        *m_snapshot.front(), QStringLiteral("SELECT CAST(min(%1) AS text), CAST(max(%1) AS text), CAST(pg_typeof(min(%1)) AS text), "
                                 "(SELECT CAST(reltuples AS bigint) FROM pg_class WHERE oid = CAST(? AS regclass)) FROM %2")
                      .arg(column, table),
        {table});
    static const QStringList integers{QStringLiteral("smallint"), QStringLiteral("integer"), QStringLiteral("bigint")};
    bool minOk = false;
    bool maxOk = false;
    const qint64 low = range.size() == 4 && range[0] ? range[0]->toLongLong(&minOk) : 0;
    const qint64 high = range.size() == 4 && range[1] ? range[1]->toLongLong(&maxOk) : 0;
    if (!minOk || !maxOk || !range[2] || !integers.contains(*range[2])) {
        endSplit();
        return {};
    }
    const qint64 counted = range[3] ? range[3]->toLongLong() : -1;  // -1: never counted (ANALYZE)
    const qint64 rows = counted > 0 ? counted : pages * 50;
    const qint64 parts = std::clamp<qint64>(rows / m_req.rowsPerKeyRange, 2, 4096);
    // Bounds low + i * width, in 128 bits: the span of a BIGINT key does not fit in 64.
    const __int128 span = __int128(high) - low + 1;
    const __int128 width = (span + parts - 1) / parts;
    QStringList conditions;
    for (qint64 i = 1; i < parts && __int128(low) + i * width <= high; ++i) {
        const QString bound = QString::number(qint64(__int128(low) + i * width));
        conditions.append(conditions.isEmpty() ? QStringLiteral("%1 < %2").arg(column, bound)
                                               : QStringLiteral("%1 >= %2 AND %1 < %3")
                                                     .arg(column, conditions.last().section(QLatin1Char(' '), -1), bound));
    }
    if (conditions.isEmpty()) {  // one key value: nothing to divide
        endSplit();
        return {};
    }
    conditions.append(QStringLiteral("(%1 >= %2 OR %1 IS NULL)").arg(column, conditions.last().section(QLatin1Char(' '), -1)));
    return conditions;
}

bool ExportRun::openRows()
{
    const sql::SqlDialect dialect = m_connection->info().dialect();
    const sql::ExportOrder order = m_plan.writeReference ? sql::ExportOrder::ByKeys : sql::ExportOrder::AsStored;
    m_statement = sql::buildExportSelect(m_cfg, dialect, order);
    const bool stepping = m_step && m_step->isStepping();
    const QStringList halves = m_plan.writeReference || stepping ? QStringList() : splitParts();
    const QStringList ranges = !m_plan.writeReference || stepping ? QStringList() : keyRanges();
    auto select = [&](const QString &condition) { return sql::buildExportSelect(m_cfg, dialect, order, condition).select; };
    if (!halves.isEmpty()) {
        QStringList statements;
        for (const QString &condition : halves)
            statements.append(select(condition));
        m_trace.write(TraceLevel::Sql, QStringLiteral("SELECT statement (the table in %1 parts by physical "
                                                      "position, read in parallel in one snapshot)\n%2")
                                           .arg(statements.size())
                                           .arg(statements.join(QLatin1Char('\n'))));
        m_rows = std::make_unique<RowSource>(*m_snapshot.front(), statements.front());
        for (qsizetype i = 1; i < statements.size(); ++i)
            m_rows->addPart(*m_snapshot[size_t(i)], statements.at(i));
    } else if (!ranges.isEmpty()) {
        QStringList statements;
        for (const QString &condition : ranges)
            statements.append(select(condition));
        m_trace.write(TraceLevel::Sql, QStringLiteral("SELECT statement (the keys in %1 ranges, read in order, "
                                                      "alternately on two connections in one snapshot; the first "
                                                      "and the last)\n%2\n%3")
                                           .arg(statements.size())
                                           .arg(statements.first(), statements.last()));
        m_rows = std::make_unique<RowSource>(*m_snapshot.at(0), *m_snapshot.at(1), statements);
    } else {
        m_trace.write(TraceLevel::Sql, QStringLiteral("SELECT statement\n") + m_statement.select);
        m_rows = std::make_unique<RowSource>(*m_connection, m_statement.select);
    }
    if (!m_rows->exec())
        return fail(m_rows->errorBlock());
    if (!m_rows->warnings().isEmpty())
        m_trace.write(TraceLevel::Warnings, db::formatBlock(QStringLiteral("SQLExecDirect with information"), m_rows->warnings()));
    return true;
}

}  // namespace oas::exporter
