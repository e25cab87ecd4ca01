// A full export of one large PostgreSQL table reads the table's two halves (by physical position, ctid
// ranges, which PostgreSQL 14 and later scan directly) on two connections with two fetch threads, because
// the driver's per-row work on one thread is what limits a full export. Both connections read the same
// snapshot (pg_export_snapshot / SET TRANSACTION SNAPSHOT), so every row is exported exactly once even while
// the table changes. Rows then come in no fixed order, as a SELECT without ORDER BY promises none. Anything
// unexpected on the way falls back to the single SELECT.
#include "ExportRun.h"

#include "../db/Statement.h"

#include <QRegularExpression>

namespace oas::exporter {

using config::TraceLevel;

void ExportRun::endSplit()
{
    QString ignored;
    for (db::Connection *c : {m_first.get(), m_second.get()}) {
        if (c)
            db::endTransaction(*c, false, &ignored);
    }
    m_first.reset();
    m_second.reset();
}

QStringList ExportRun::splitParts()
{
    const db::DriverInfo &info = m_connection->info();
    if (m_req.splitMinimumPages <= 0 || !info.isPostgreSql() || info.dbmsVersion.section(QLatin1Char('.'), 0, 0).toInt() < 14)
        return {};
    static const QRegularExpression plainTable(QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_$]*(?:\\.[A-Za-z_][A-Za-z0-9_$]*)?)\\s*;?\\s*$"));
    const auto m = plainTable.match(m_cfg.exportSection.from.value);
    if (!m.hasMatch())
        return {};
    QString error;
    qint64 pages = 0;
    {
        db::Statement size(*m_connection);
        const db::Value table = m.captured(1);
        std::vector<db::Value> row;
        if (!size.prepare(QStringLiteral("SELECT pg_relation_size(CAST(? AS regclass)) / current_setting('block_size')::bigint"), &error)
            || !size.execute({&table}, &error) || !size.fetch(row, &error) || row.empty() || !row[0]) {
            return {};
        }
        pages = row[0]->toLongLong();
    }
    if (pages < m_req.splitMinimumPages)
        return {};
    // Two connections of their own that can share a snapshot.
    const auto use = db::Connection::Use::SnapshotStreaming;
    auto first = db::Connection::open(m_cfg.database, m_req.credentials, m_req.connectionName + QStringLiteral("-part1"), use);
    auto second = db::Connection::open(m_cfg.database, m_req.credentials, m_req.connectionName + QStringLiteral("-part2"), use);
    if (!first.connection || !second.connection)
        return {};
    m_first = std::move(first.connection);
    m_second = std::move(second.connection);
    QString snapshot;
    bool ok = db::setAutoCommit(*m_first, false, &error) && db::setAutoCommit(*m_second, false, &error)
              && db::executeDirect(*m_first, QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"), &error);
    if (ok) {
        db::Statement exportSnapshot(*m_first);
        std::vector<db::Value> row;
        ok = exportSnapshot.prepare(QStringLiteral("SELECT pg_export_snapshot()"), &error)
             && exportSnapshot.execute({}, &error) && exportSnapshot.fetch(row, &error) && !row.empty() && row[0];
        if (ok)
            snapshot = *row[0];
    }
    static const QRegularExpression snapshotId(QStringLiteral("^[0-9A-Fa-f-]+$"));
    ok = ok && snapshotId.match(snapshot).hasMatch()
         && db::executeDirect(*m_second, QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"), &error)
         && db::executeDirect(*m_second, QStringLiteral("SET TRANSACTION SNAPSHOT '%1'").arg(snapshot), &error);
    if (!ok) {
        m_trace.write(TraceLevel::Warnings, QStringLiteral("reading the table in two parts is not possible; one SELECT "
                                                           "reads it\n") + error.trimmed());
        endSplit();
        return {};
    }
    const qint64 half = pages / 2;
    return {QStringLiteral("ctid < '(%1,0)'::tid").arg(half), QStringLiteral("ctid >= '(%1,0)'::tid").arg(half)};
}

bool ExportRun::openRows()
{
    const sql::SqlDialect dialect = m_connection->info().dialect();
    const sql::ExportOrder order = m_plan.writeReference ? sql::ExportOrder::ByKeys : sql::ExportOrder::AsStored;
    m_statement = sql::buildExportSelect(m_cfg, dialect, order);
    const bool stepping = m_step && m_step->isStepping();
    const QStringList parts = m_plan.writeReference || stepping ? QStringList() : splitParts();
    if (parts.isEmpty()) {
        m_trace.write(TraceLevel::Sql, QStringLiteral("SELECT statement\n") + m_statement.select);
        m_rows = std::make_unique<RowSource>(*m_connection, m_statement.select);
    } else {
        const QString first = sql::buildExportSelect(m_cfg, dialect, order, parts.at(0)).select;
        const QString second = sql::buildExportSelect(m_cfg, dialect, order, parts.at(1)).select;
        m_trace.write(TraceLevel::Sql, QStringLiteral("SELECT statement (two halves of the table, read in parallel "
                                                      "in one snapshot)\n%1\n%2")
                                           .arg(first, second));
        m_rows = std::make_unique<RowSource>(*m_first, first);
        m_rows->addPart(*m_second, second);
    }
    if (!m_rows->exec())
        return fail(m_rows->errorBlock());
    if (!m_rows->warnings().isEmpty())
        m_trace.write(TraceLevel::Warnings, db::formatBlock(QStringLiteral("SQLExecDirect with information"), m_rows->warnings()));
    return true;
}

}  // namespace oas::exporter
