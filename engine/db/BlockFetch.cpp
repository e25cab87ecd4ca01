#include "BlockFetch.h"

#include "../exporter/ValueText.h"
#include "ExactSelect.h"
#include "PackedRows.h"
#include "Statement.h"
#include "SqlTypes.h"
#include "ValueRead.h"

#include <algorithm>

#include <sql.h>
#include <sqlext.h>

namespace oas::db {

namespace {

constexpr SQLULEN kLongColumn = 4000;  // wider columns (and long data) take the per-value path

SQLLEN terminatorBytes(short cType)
{
    return cType == SQL_C_WCHAR ? SQLLEN(sizeof(SQLWCHAR)) : cType == SQL_C_CHAR ? 1 : 0;
}

}  // namespace

struct BlockFetch::Column {
    int sqlType = 0;  // as read: SQL_VARCHAR for a column read as text (ExactSelect.h)
    short cType = SQL_C_CHAR;
    bool sqliteMarked = false;  // values as sqliteStoredValue reads them (ExactSelect.h)
    bool binary = false;        // the original column is binary
    QString typeName;           // of the original column, for storage notes
    SQLLEN width = 0;  // bytes per row; 0: long data, read with SQLGetData
    std::vector<char> data;
    std::vector<SQLLEN> indicator;
};

BlockFetch::BlockFetch(const Connection &connection, int rowsPerBlock, Packing packing)
    : m_connection(connection), m_rowsPerBlock(rowsPerBlock), m_packing(packing)
{
}

BlockFetch::~BlockFetch()
{
    if (m_stmt) {
        SQLFreeStmt(m_stmt, SQL_CLOSE);
        SQLFreeHandle(SQL_HANDLE_STMT, m_stmt);
    }
}

bool BlockFetch::exec(const QString &sql, QString *errorBlock)
{
    // One description of the statement decides both how values are read exactly and whether PostgreSQL
    // rows can come packed (the columns exactSelect casts to text always can).
    const ExactSelect exact = exactSelect(m_connection, sql);
    const QString &readSql = exact.sql.isEmpty() ? sql : exact.sql;
    // PostgreSQL 9.6 or later (num_nulls, PackedRows.cpp).
    const bool packing = m_packing == Packing::Allowed && m_connection.info().isPostgreSql()
                         && m_connection.info().dbmsVersionAtLeast(9, 6);
    const PackedSelect packed = packing ? packedSelect(readSql, exact.columns, exact.asText, m_chosenSeparator) : PackedSelect();
    if (!packed.sql.isEmpty()) {
        if (run(packed.sql, packedRowBytes(packed.columns), nullptr, errorBlock) && m_bound.size() == 1) {
            m_packedColumns = size_t(packed.columns.size());
            m_recoverSql = packed.recoverSql;
            m_packedSeparator = packed.separator;
            m_columns = packed.columns;
            return true;
        }
        reset();  // read column by column
    }
    return run(readSql, 0, exact.columns.isEmpty() ? nullptr : &exact, errorBlock);
}

void BlockFetch::reset()
{
    if (m_stmt) {
        SQLFreeStmt(m_stmt, SQL_CLOSE);
        SQLFreeHandle(SQL_HANDLE_STMT, m_stmt);
        m_stmt = nullptr;
    }
    m_usable = false;
    m_rowsBound = 0;
    m_columns.clear();
    m_warnings.clear();
    m_bound.clear();
    m_packedColumns = 0;
    m_sqliteMarks = false;
}

bool BlockFetch::run(const QString &sql, qsizetype packedRowBytes, const ExactSelect *exact, QString *errorBlock)
{
    void *dbc = m_connection.rawHandle();
    if (!dbc || !SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &m_stmt))) {
        *errorBlock = formatBlock(QStringLiteral("SQLAllocHandle failure"), readDiagnostics(HandleKind::Connection, dbc));
        m_stmt = nullptr;
        return false;
    }
    // UTF-8 where the driver gives it unchanged (Utf8Text.h), else UTF-16.
    m_utf8Text = m_connection.info().utf8Text;
    std::vector<char16_t> wide = wideText(sql);
    const SQLRETURN rc = SQLExecDirectW(m_stmt, reinterpret_cast<SQLWCHAR *>(wide.data()), SQL_NTS);
    if (!SQL_SUCCEEDED(rc)) {
        *errorBlock = formatBlock(QStringLiteral("SQLExecDirect failure"), readDiagnostics(HandleKind::Statement, m_stmt));
        return false;
    }
    if (rc == SQL_SUCCESS_WITH_INFO)
        m_warnings = readDiagnostics(HandleKind::Statement, m_stmt);
    SQLSMALLINT count = 0;
    SQLNumResultCols(m_stmt, &count);
    m_usable = count > 0;
    if (exact && exact->columns.size() != count)
        exact = nullptr;  // not the statement described: read as the driver reports it
    for (SQLUSMALLINT i = 1; i <= SQLUSMALLINT(count); ++i) {
        ColumnInfo info;
        describeColumn(m_stmt, i, &info);
        const bool asText = exact && exact->asText[i - 1];
        if (exact)
            info = exact->columns.at(i - 1);  // callers see the original statement's columns
        m_columns.append(info);
        const int type = asText ? SQL_VARCHAR : info.sqlType;
        // A column read as text has room for 64 characters a value (longer ones are read again whole).
        const SQLULEN size = asText ? SQLULEN(std::clamp<qint64>(info.size, 64, qint64(kLongColumn)))
                                    : SQLULEN(std::max<qint64>(info.size, 0));

        Column c;
        c.sqlType = type;
        c.cType = cTypeForColumn(type, m_utf8Text);
        c.sqliteMarked = exact && exact->sqliteMarks;
        m_sqliteMarks = m_sqliteMarks || c.sqliteMarked;
        c.binary = isBinaryType(info.sqlType);
        c.typeName = sqlTypeName(info.sqlType);
        if (isFixedSizeCType(c.cType)) {
            c.width = c.cType == SQL_C_TYPE_DATE ? SQLLEN(sizeof(SQL_DATE_STRUCT))
                      : c.cType == SQL_C_TYPE_TIME ? SQLLEN(sizeof(SQL_TIME_STRUCT))
                      : c.cType == SQL_C_TYPE_TIMESTAMP ? SQLLEN(sizeof(SQL_TIMESTAMP_STRUCT))
                                                       : SQLLEN(8);  // SQLBIGINT or SQLDOUBLE
        } else if (packedRowBytes > 0 && count == 1) {
            c.width = SQLLEN(packedRowBytes);  // longer packed rows are read again whole
        } else if (size == 0 || size > kLongColumn || type == SQL_LONGVARCHAR || type == SQL_WLONGVARCHAR
                   || type == SQL_LONGVARBINARY || isBinaryType(type)) {
            m_usable = false;  // long data: read with SQLGetData, row by row
        } else {
            c.width = m_utf8Text ? SQLLEN(size * 4 + 8) : SQLLEN((size + 4) * sizeof(SQLWCHAR));
        }
        m_bound.push_back(std::move(c));
    }
    if (m_usable)
        m_usable = bindColumns();
    return true;
}

// Blocks of rows need a driver that can position on a row of the block and read a value of it again
// (SQL_GD_BLOCK, SQL_POS_POSITION); one bound row per fetch one that can read a bound column again
// (SQL_GD_BOUND). Without either, a value longer than its buffer could not be read whole: no binding.
bool BlockFetch::bindColumns()
{
    const DriverInfo &info = m_connection.info();
    if (!(info.getDataExtensions & SQL_GD_BOUND))
        return false;
    const bool blocks = (info.getDataExtensions & SQL_GD_BLOCK) && (info.positionOperations & SQL_POS_POSITION);
    m_rowsBound = blocks ? std::max(m_rowsPerBlock, 1) : 1;
    auto unbind = [this] {
        SQLFreeStmt(m_stmt, SQL_UNBIND);
        SQLSetStmtAttr(m_stmt, SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(SQLULEN(1)), 0);
        SQLSetStmtAttr(m_stmt, SQL_ATTR_ROWS_FETCHED_PTR, nullptr, 0);
        m_rowsBound = 0;
        return false;
    };
    SQLSetStmtAttr(m_stmt, SQL_ATTR_ROW_BIND_TYPE, reinterpret_cast<SQLPOINTER>(SQL_BIND_BY_COLUMN), 0);
    SQLSetStmtAttr(m_stmt, SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(SQLULEN(m_rowsBound)), 0);
    SQLSetStmtAttr(m_stmt, SQL_ATTR_ROWS_FETCHED_PTR, &m_fetched, 0);
    for (size_t i = 0; i < m_bound.size(); ++i) {
        Column &c = m_bound[i];
        c.data.resize(size_t(c.width) * size_t(m_rowsBound));
        c.indicator.resize(size_t(m_rowsBound));
        if (!SQL_SUCCEEDED(SQLBindCol(m_stmt, SQLUSMALLINT(i + 1), c.cType, c.data.data(), c.width, c.indicator.data())))
            return unbind();
    }
    SQLULEN arraySize = 0;
    SQLGetStmtAttr(m_stmt, SQL_ATTR_ROW_ARRAY_SIZE, &arraySize, 0, nullptr);
    if (arraySize != SQLULEN(m_rowsBound))
        return unbind();  // the driver does not do block cursors
    return true;
}

bool BlockFetch::fetchBlock(QString *errorBlock)
{
    m_fetched = 0;
    m_position = 0;
    m_positioned = ~0UL;
    const SQLRETURN rc = SQLFetch(m_stmt);
    if (rc == SQL_NO_DATA) {
        m_done = true;
        return false;
    }
    if (!SQL_SUCCEEDED(rc)) {
        *errorBlock = formatBlock(QStringLiteral("SQLFetch failure"), readDiagnostics(HandleKind::Statement, m_stmt));
        m_done = true;
        return false;
    }
    return m_fetched > 0;
}

// Unbound: the next row, its values read one by one with readValue.
bool BlockFetch::fetchRow(QString *errorBlock)
{
    const SQLRETURN rc = SQLFetch(m_stmt);
    if (rc == SQL_NO_DATA || !SQL_SUCCEEDED(rc)) {
        m_done = true;
        if (rc != SQL_NO_DATA)
            *errorBlock = formatBlock(QStringLiteral("SQLFetch failure"), readDiagnostics(HandleKind::Statement, m_stmt));
        return false;
    }
    return true;
}

// Whether the current row's value of a bound column did not fit its buffer (the indicator gives the whole
// length, or SQL_NO_TOTAL).
bool BlockFetch::truncated(size_t column) const
{
    const Column &c = m_bound[column];
    if (isFixedSizeCType(c.cType))
        return false;
    const SQLLEN indicator = c.indicator[m_position];
    return indicator == SQL_NO_TOTAL || indicator > c.width - terminatorBytes(c.cType);
}

// The whole value with SQLGetData: of the current row when unbound, else of the current row of the block,
// positioned on first.
bool BlockFetch::readValue(size_t column, std::optional<QString> &value, QString *errorBlock)
{
    if (m_rowsBound > 1 && m_positioned != m_position) {
        if (!SQL_SUCCEEDED(SQLSetPos(m_stmt, SQLSETPOSIROW(m_position + 1), SQL_POSITION, SQL_LOCK_NO_CHANGE))) {
            *errorBlock = formatBlock(QStringLiteral("SQLSetPos failure"), readDiagnostics(HandleKind::Statement, m_stmt));
            return false;
        }
        m_positioned = m_position;
    }
    const Column &c = m_bound[column];
    if (!c.sqliteMarked)
        return readColumnValue(m_stmt, int(column + 1), c.cType, c.sqlType, value, errorBlock);
    std::optional<QByteArray> bytes;
    if (!readColumnBytes(m_stmt, int(column + 1), c.cType, bytes, errorBlock))
        return false;
    if (!bytes) {
        value.reset();
        return true;
    }
    if (!value)
        value.emplace();
    noteStorage(column, sqliteStoredValue(*bytes, c.binary, c.typeName, *value));
    return true;
}

bool BlockFetch::next(std::vector<std::optional<QString>> &row, QString *errorBlock)
{
    if (m_done)
        return false;
    return m_packedColumns > 0 ? nextPacked(row, errorBlock, nullptr, nullptr) : nextValues(row, errorBlock);
}

bool BlockFetch::nextFields(std::vector<std::optional<QByteArrayView>> &fields, std::vector<std::optional<QString>> &row,
                            bool *inRow, QString *errorBlock)
{
    *inRow = true;
    if (m_done || m_packedColumns == 0)
        return next(row, errorBlock);
    return nextPacked(row, errorBlock, &fields, inRow);
}

bool BlockFetch::nextPacked(std::vector<std::optional<QString>> &row, QString *errorBlock,
                            std::vector<std::optional<QByteArrayView>> *fields, bool *inRow)
{
    std::optional<QString> &whole = m_packedRecord;  // when read with SQLGetData, or for the message
    bool ok = false;
    if (!m_usable || m_position >= m_fetched) {
        if (!(m_usable ? fetchBlock(errorBlock) : fetchRow(errorBlock)))
            return false;
    }
    if (fields && m_usable && !truncated(0) && m_bound.front().cType == SQL_C_CHAR
        && m_bound.front().indicator[m_position] != SQL_NULL_DATA) {
        const Column &c = m_bound.front();
        fields->resize(m_packedColumns);
        if (splitRow(QByteArrayView(c.data.data() + size_t(c.width) * m_position, c.indicator[m_position]),
                     m_packedSeparator, *fields)) {
            ++m_position;
            *inRow = false;
            return true;
        }
    }
    row.resize(m_packedColumns);
    if (!m_usable || truncated(0)) {
        if (!readValue(0, whole, errorBlock)) {
            m_done = true;
            return false;
        }
        ok = whole && unpackRow(QStringView(*whole), m_packedSeparator, row);
    } else if (const Column &c = m_bound.front(); c.indicator[m_position] == SQL_NULL_DATA) {
        whole.reset();
    } else {
        const char *p = c.data.data() + size_t(c.width) * m_position;
        const SQLLEN bytes = c.indicator[m_position];
        if (c.cType == SQL_C_CHAR) {
            ok = unpackRow(QByteArrayView(p, bytes), m_packedSeparator, row);
            if (!ok)
                whole = QString::fromUtf8(p, bytes);
        } else {
            const QStringView text(reinterpret_cast<const char16_t *>(p), bytes / SQLLEN(sizeof(SQLWCHAR)));
            ok = unpackRow(text, m_packedSeparator, row);
            if (!ok)
                whole = text.toString();
        }
    }
    if (m_usable)
        ++m_position;
    if (ok)
        return true;
    QString why;
    if (whole && recoverPacked(*whole, row, &why))
        return true;
    m_done = true;
    *errorBlock = !why.isEmpty() ? why
                                 : QStringLiteral("a row read as one value cannot be split into its %1 columns: %2")
                                       .arg(m_packedColumns).arg(whole.value_or(QStringLiteral("NULL")).left(200));
    return false;
}

// A packed row that did not split (a value holds the separator) asked for again in the record syntax, on
// the same connection and so in the same transaction. Rows of different values whose packed texts are the
// same (the separator moved from one value into the next) cannot be told apart: refused.
bool BlockFetch::recoverPacked(const QString &packed, std::vector<std::optional<QString>> &row, QString *why)
{
    ++m_packedRowsReadAgain;
    Statement again(m_connection);
    const Value value = packed;
    if (!again.prepare(m_recoverSql, why) || !again.execute({&value}, why))
        return false;
    std::vector<Value> found;
    QStringList records;
    while (again.fetch(found, why))
        if (!found.empty() && found.front())
            records.append(*found.front());
    if (!why->isEmpty())
        return false;
    if (records.size() == 1 && unpackRecord(QStringView(records.first()), row))
        return true;
    const auto visible = [](const QString &text) {  // control characters as \xhh
        QString shown;
        for (const QChar c : text.left(200))
            shown += c.unicode() < 0x20 ? QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0')) : QString(c);
        return shown;
    };
    *why = records.isEmpty()
               ? QStringLiteral("a row whose values hold the separator of packed rows could not be read again: %1").arg(visible(packed))
               : QStringLiteral("rows whose values hold the separator of packed rows (%1) cannot be told apart when read as "
                                "one value each: %2 and %3 (select a column that tells them apart, such as a key, with them)")
                     .arg(visible(QString::fromLatin1(m_packedSeparator)), visible(records.at(0)), visible(records.value(1)));
    return false;
}

bool BlockFetch::nextValues(std::vector<std::optional<QString>> &row, QString *errorBlock)
{
    row.resize(m_bound.size());
    if (!m_usable) {
        if (!fetchRow(errorBlock))
            return false;
        for (size_t i = 0; i < m_bound.size(); ++i) {
            if (!readValue(i, row[i], errorBlock)) {
                m_done = true;
                return false;
            }
        }
        finishRow(row);
        return true;
    }
    if (m_position >= m_fetched && !fetchBlock(errorBlock))
        return false;
    for (size_t i = 0; i < m_bound.size(); ++i) {
        const Column &c = m_bound[i];
        const SQLLEN indicator = c.indicator[m_position];
        if (indicator == SQL_NULL_DATA) {
            row[i].reset();
            continue;
        }
        if (truncated(i)) {
            if (!readValue(i, row[i], errorBlock)) {
                m_done = true;
                return false;
            }
            continue;
        }
        // Character data is copied into the row's existing string where it can be (no allocation per value).
        const char *p = c.data.data() + size_t(c.width) * m_position;
        if (c.cType == SQL_C_WCHAR) {
            if (!row[i])
                row[i].emplace();
            row[i]->setUnicode(reinterpret_cast<const QChar *>(p), indicator / SQLLEN(sizeof(SQLWCHAR)));
        } else if (c.cType == SQL_C_CHAR && isBooleanType(c.sqlType)) {
            row[i] = exporter::valueText(QString::fromUtf8(p, indicator), c.sqlType);  // normalised to 0/1
        } else if (c.cType == SQL_C_CHAR) {
            if (!row[i])
                row[i].emplace();
            if (c.sqliteMarked)
                noteStorage(i, sqliteStoredValue(QByteArrayView(p, indicator), c.binary, c.typeName, *row[i]));
            else
                setUtf8(*row[i], p, indicator);
        } else {
            row[i] = fixedValueText(c.cType, c.sqlType, p);
        }
    }
    ++m_position;
    finishRow(row);
    return true;
}

void BlockFetch::noteStorage(size_t column, const std::optional<QString> &note)
{
    if (note && m_storageNotes)
        m_rowNotes += QStringLiteral("%1:%2\n").arg(column).arg(*note);
}

// With storage notes, one more element after the row's values: what could not be carried, "column index:
// message" lines, or nothing.
void BlockFetch::finishRow(std::vector<std::optional<QString>> &row)
{
    if (!m_storageNotes || !m_sqliteMarks)
        return;
    row.push_back(m_rowNotes.isEmpty() ? std::nullopt : std::optional<QString>(m_rowNotes));
    m_rowNotes.clear();
}

}  // namespace oas::db
