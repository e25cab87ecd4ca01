// Reading one large PostgreSQL or SQLite table on two connections at once, both in one snapshot
// (PostgreSQL: pg_export_snapshot / SET TRANSACTION SNAPSHOT; SQLite: ExportSplitSqlite.cpp), so every row
// is exported exactly once even while the table changes. psqlODBC fetches a cursor's rows in round trips,
// each waiting for the server, so on one connection the server and the agent take turns; on two they work
// at the same time.
// - A full export reads the table's two halves by physical position (ctid ranges, which PostgreSQL 14 and
//   later scan directly; SQLite: rowid ranges), one fetch thread each; rows then come in no fixed order, as
//   a SELECT without ORDER BY promises none.
// - An export in key order (delta, reference file) with one integer key reads the key's range in parts of
//   about rowsPerKeyRange rows, alternately on the two connections, and hands them on in order: while one
//   part is being used, the other connection reads the next one.
// MariaDB: MariaDB Connector/ODBC 3.1 holds a whole result in memory (NO_CACHE is not honoured), so a table
// with more than 256 MiB of data and one integer key is read in key ranges of about 8 x rowsPerKeyRange
// rows, one after the other on the export's own connection (on the export's thread: the driver blocks a
// thread that prepares or frees a statement on a connection another thread used), in one REPEATABLE READ
// transaction (every range sees the same snapshot): memory stays that of one range, in key order for a
// delta and in ranges for a full export as well.
// Anything unexpected on the way falls back to the single SELECT.
#include "ExportRun.h"
#include "SplitQueries.h"

#include "../db/Statement.h"

#include <QRegularExpression>

#include <algorithm>

namespace oas::exporter {

using config::TraceLevel;

void ExportRun::endSplit()
{
    QString ignored;
    for (const auto &c : m_snapshot) {
        if (c->info().isSqlite())
            db::executeDirect(*c, QStringLiteral("ROLLBACK"), &ignored);  // its own BEGIN (sqliteSplitParts)
        else
            db::endTransaction(*c, false, &ignored);
    }
    m_snapshot.clear();
}

// The plain table name of From, or empty (a join, a subquery, several tables).
QString ExportRun::plainTable() const
{
    static const QRegularExpression plainTable(QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_$]*(?:\\.[A-Za-z_][A-Za-z0-9_$]*)?)\\s*;?\\s*$"));
    return plainTable.match(m_cfg.exportSection.from.value).captured(1);
}

std::vector<db::Value> queryRow(const db::Connection &connection, const QString &sql, const std::vector<db::Value> &args)
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
    if (m_connection->info().isSqlite())
        return sqliteSplitParts(table);
    if (!m_connection->info().dbmsVersionAtLeast(14))
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

QStringList rangeConditions(const QString &column, qint64 low, qint64 high, qint64 rows, qint64 rowsPerRange,
                            bool nullsFirst)
{
    const qint64 parts = std::clamp<qint64>(rows / rowsPerRange, 2, 4096);
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
    if (conditions.isEmpty())  // one key value
        return {};
    const QString lastBound = conditions.last().section(QLatin1Char(' '), -1);
    if (nullsFirst) {
        conditions.first() = QStringLiteral("(%1 OR %2 IS NULL)").arg(conditions.first(), column);
        conditions.append(QStringLiteral("%1 >= %2").arg(column, lastBound));
    } else {
        conditions.append(QStringLiteral("(%1 >= %2 OR %1 IS NULL)").arg(column, lastBound));
    }
    return conditions;
}

namespace {

QString unquotedName(QString name)
{
    if (name.size() >= 2 && name.startsWith(QLatin1Char('`')) && name.endsWith(QLatin1Char('`')))
        name = name.mid(1, name.size() - 2);
    return name;
}

}  // namespace

// The conditions of the key ranges, in key order (NULL keys, which ORDER BY puts last, with the last
// range); empty when the export has not exactly one key of an integer type, or the table is small.
QStringList ExportRun::keyRanges()
{
    const QString table = plainTable();
    const QList<config::NameRef> &keys = m_cfg.exportSection.keys.value;
    const config::AttributeDef *key = keys.size() == 1 ? m_cfg.attributes.find(keys.first().name) : nullptr;
    if (!key || table.isEmpty() || m_req.rowsPerKeyRange <= 0 || m_req.splitMinimumPages <= 0)
        return {};
    if (m_connection->info().isMariaDb())
        return mariaDbKeyRanges(*key, table);
    if (m_connection->info().isSqlite())
        return sqliteKeyRanges(*key, table);
    const qint64 pages = splitPages(table);
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
    const QStringList conditions = rangeConditions(column, low, high, counted > 0 ? counted : pages * 50, m_req.rowsPerKeyRange);
    if (conditions.isEmpty())
        endSplit();
    return conditions;
}

// MariaDB's key ranges: the table's row estimate and data size (information_schema, as ANALYZE TABLE left
// them), an integer key column, more than two ranges' rows; then the export's connection reads them in one
// transaction.
QStringList ExportRun::mariaDbKeyRanges(const config::AttributeDef &key, const QString &table)
{
    const QString column = key.column.text;
    const QString bareTable = unquotedName(table.section(QLatin1Char('.'), -1));
    const QString bareColumn = unquotedName(key.column.columnName());
    const std::vector<db::Value> range = queryRow(
        *m_connection, QStringLiteral("SELECT CAST(min(%1) AS CHAR), CAST(max(%1) AS CHAR), "
                                      "(SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                                      "AND TABLE_NAME = ? AND COLUMN_NAME = ?), "
                                      "(SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                                      "AND TABLE_NAME = ?), (SELECT DATA_LENGTH FROM information_schema.TABLES WHERE "
                                      "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?) FROM %2")
                           .arg(column, table),
        {bareTable, bareColumn, bareTable, bareTable});
    static const QStringList integers{QStringLiteral("tinyint"), QStringLiteral("smallint"), QStringLiteral("mediumint"),
                                      QStringLiteral("int"), QStringLiteral("bigint")};
    bool minOk = false;
    bool maxOk = false;
    const qint64 low = range.size() == 5 && range[0] ? range[0]->toLongLong(&minOk) : 0;
    const qint64 high = range.size() == 5 && range[1] ? range[1]->toLongLong(&maxOk) : 0;
    const qint64 rows = range.size() == 5 && range[3] ? range[3]->toLongLong() : 0;
    const qint64 bytes = range.size() == 5 && range[4] ? range[4]->toLongLong() : 0;
    // Only tables with more data than splitMinimumPages x 256 KiB (256 MiB by default: the single SELECT is a
    // third faster, and holds about as much memory as the table's data). Ranges 8 times as large as
    // PostgreSQL's: one statement each, with no second connection to overlap with (about 15 MB of the
    // driver's memory a range for rows of 230 bytes).
    const qint64 perRange = m_req.rowsPerKeyRange * 8;
    if (!minOk || !maxOk || !range[2] || !integers.contains(range[2]->toLower()) || rows < 2 * perRange
        || bytes < m_req.splitMinimumPages * 256 * 1024)
        return {};
    const QStringList conditions = rangeConditions(column, low, high, rows, perRange, true);
    QString error;
    if (conditions.isEmpty() || !db::setAutoCommit(*m_connection, false, &error)
        || !db::executeDirect(*m_connection, QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"), &error)
        || !db::executeDirect(*m_connection, QStringLiteral("START TRANSACTION WITH CONSISTENT SNAPSHOT"), &error)) {
        if (!error.isEmpty())
            m_trace.write(TraceLevel::Warnings, QStringLiteral("reading the table in key ranges is not possible; one SELECT "
                                                               "reads it\n") + error.trimmed());
        return {};
    }
    return conditions;
}

bool ExportRun::openRows()
{
    const sql::SqlDialect dialect = m_connection->info().dialect();
    const sql::ExportOrder order = m_plan.writeReference ? sql::ExportOrder::ByKeys : sql::ExportOrder::AsStored;
    m_statement = sql::buildExportSelect(m_cfg, dialect, order);
    const bool stepping = m_step && m_step->isStepping();
    const QStringList halves = m_plan.writeReference || stepping ? QStringList() : splitParts();
    // (MariaDB: in ranges for a full export too, as its driver holds whole results in memory.)
    const bool maria = m_connection->info().isMariaDb();
    const QStringList ranges = (!m_plan.writeReference && !maria) || stepping ? QStringList() : keyRanges();
    auto selects = [&](const QStringList &conditions) {
        QStringList statements;
        for (const QString &condition : conditions)
            statements.append(sql::buildExportSelect(m_cfg, dialect, order, condition).select);
        return statements;
    };
    if (!halves.isEmpty()) {
        const QStringList statements = selects(halves);
        m_trace.write(TraceLevel::Sql, QStringLiteral("SELECT statement (the table in %1 parts by physical "
                                                      "position, read in parallel in one snapshot)\n%2")
                                           .arg(statements.size())
                                           .arg(statements.join(QLatin1Char('\n'))));
        m_rows = std::make_unique<RowSource>(*m_snapshot.front(), statements.front());
        for (qsizetype i = 1; i < statements.size(); ++i)
            m_rows->addPart(*m_snapshot[size_t(i)], statements.at(i));
    } else if (!ranges.isEmpty() && maria) {
        const QStringList statements = selects(ranges);
        m_trace.write(TraceLevel::Sql, QStringLiteral("SELECT statement (the keys in %1 ranges, read in order one after "
                                                      "the other in one transaction; the first and the last)\n%2\n%3")
                                           .arg(statements.size())
                                           .arg(statements.first(), statements.last()));
        m_rows = std::make_unique<RowSource>(*m_connection, statements);
    } else if (!ranges.isEmpty()) {
        const QStringList statements = selects(ranges);
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
    if (m_req.recordsFromBytes && !m_plan.writeReference && !m_trace.on(TraceLevel::Summary)) {
        m_rows->formatRecords([writer = m_writer, names = m_statement.abbreviations] {
            return [writer, names](QByteArray &out, const Utf8Values &values) {
                const qsizetype start = out.size();
                out += writer.separatorLine();
                if (!writer.appendBody(out, names, values)) {
                    out.truncate(start);
                    return false;
                }
                return true;
            };
        });
    }
    if (!m_rows->exec())
        return fail(m_rows->errorBlock());
    if (!m_rows->warnings().isEmpty())
        m_trace.write(TraceLevel::Warnings, db::formatBlock(QStringLiteral("SQLExecDirect with information"), m_rows->warnings()));
    return true;
}

}  // namespace oas::exporter
