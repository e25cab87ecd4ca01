#include "BlockFetch.h"

#include "../exporter/ValueText.h"
#include "PackedRows.h"
#include "SqlTypes.h"
#include "ValueRead.h"

#include <QStringDecoder>

#include <sql.h>
#include <sqlext.h>

namespace oas::db {

namespace {

constexpr SQLULEN kLongColumn = 4000;  // wider columns (and long data) take the per-value path

}  // namespace

struct BlockFetch::Column {
    int sqlType = 0;
    short cType = SQL_C_CHAR;
    SQLLEN width = 0;  // bytes per row
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
    const PackedSelect packed = m_packing == Packing::Allowed ? packedSelect(m_connection, sql) : PackedSelect();
    if (!packed.sql.isEmpty()) {
        if (run(packed.sql, errorBlock) && m_bound.size() == 1) {
            m_packedColumns = size_t(packed.columns.size());
            m_columns = packed.columns;
            return true;
        }
        reset();  // read column by column
    }
    return run(sql, errorBlock);
}

void BlockFetch::reset()
{
    if (m_stmt) {
        SQLFreeStmt(m_stmt, SQL_CLOSE);
        SQLFreeHandle(SQL_HANDLE_STMT, m_stmt);
        m_stmt = nullptr;
    }
    m_usable = false;
    m_columns.clear();
    m_warnings.clear();
    m_bound.clear();
    m_packedColumns = 0;
}

bool BlockFetch::run(const QString &sql, QString *errorBlock)
{
    void *dbc = m_connection.rawHandle();
    if (!dbc || !SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &m_stmt))) {
        *errorBlock = formatBlock(QStringLiteral("SQLAllocHandle failure"), readDiagnostics(HandleKind::Connection, dbc));
        m_stmt = nullptr;
        return false;
    }
    // SQLite's driver hands out UTF-8 for SQL_C_CHAR; others may use a locale charset, so they give UTF-16.
    m_utf8Text = m_connection.info().isSqlite();
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
    for (SQLUSMALLINT i = 1; i <= SQLUSMALLINT(count); ++i) {
        ColumnInfo info;
        describeColumn(m_stmt, i, &info);
        m_columns.append(info);
        const int type = info.sqlType;
        const SQLULEN size = SQLULEN(std::max<qint64>(info.size, 0));

        Column c;
        c.sqlType = type;
        c.cType = cTypeForColumn(type, m_utf8Text);
        if (isFixedSizeCType(c.cType)) {
            c.width = c.cType == SQL_C_TYPE_DATE ? SQLLEN(sizeof(SQL_DATE_STRUCT))
                      : c.cType == SQL_C_TYPE_TIME ? SQLLEN(sizeof(SQL_TIME_STRUCT))
                      : c.cType == SQL_C_TYPE_TIMESTAMP ? SQLLEN(sizeof(SQL_TIMESTAMP_STRUCT))
                                                       : SQLLEN(8);  // SQLBIGINT or SQLDOUBLE
        } else if (size == 0 || size > kLongColumn || type == SQL_LONGVARCHAR || type == SQL_WLONGVARCHAR
                   || type == SQL_LONGVARBINARY || isBinaryType(type)) {
            m_usable = false;  // long data: read with SQLGetData, row by row
        } else {
            c.width = m_utf8Text ? SQLLEN(size * 4 + 8) : SQLLEN((size + 4) * sizeof(SQLWCHAR));
        }
        m_bound.push_back(std::move(c));
    }
    if (!m_usable)
        return true;
    SQLSetStmtAttr(m_stmt, SQL_ATTR_ROW_BIND_TYPE, reinterpret_cast<SQLPOINTER>(SQL_BIND_BY_COLUMN), 0);
    SQLSetStmtAttr(m_stmt, SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(SQLULEN(m_rowsPerBlock)), 0);
    SQLSetStmtAttr(m_stmt, SQL_ATTR_ROWS_FETCHED_PTR, &m_fetched, 0);
    for (size_t i = 0; i < m_bound.size(); ++i) {
        Column &c = m_bound[i];
        c.data.resize(size_t(c.width) * size_t(m_rowsPerBlock));
        c.indicator.resize(size_t(m_rowsPerBlock));
        if (!SQL_SUCCEEDED(SQLBindCol(m_stmt, SQLUSMALLINT(i + 1), c.cType, c.data.data(), c.width, c.indicator.data()))) {
            m_usable = false;
            return true;
        }
    }
    SQLULEN arraySize = 0;
    SQLGetStmtAttr(m_stmt, SQL_ATTR_ROW_ARRAY_SIZE, &arraySize, 0, nullptr);
    if (arraySize != SQLULEN(m_rowsPerBlock))
        m_usable = false;  // the driver does not do block cursors
    return true;
}

bool BlockFetch::fetchBlock(QString *errorBlock)
{
    m_fetched = 0;
    m_position = 0;
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

bool BlockFetch::readValue(size_t column, std::optional<QString> &value, QString *errorBlock)
{
    const Column &c = m_bound[column];
    return readColumnValue(m_stmt, int(column + 1), c.cType, c.sqlType, value, errorBlock);
}

bool BlockFetch::next(std::vector<std::optional<QString>> &row, QString *errorBlock)
{
    if (m_done)
        return false;
    if (m_packedColumns > 0) {
        if (!nextValues(m_packedRecord, errorBlock))
            return false;
        row.resize(m_packedColumns);
        if (m_packedRecord.front() && unpackRow(*m_packedRecord.front(), row))
            return true;
        m_done = true;
        *errorBlock = QStringLiteral("a row read as one value cannot be split into its %1 columns: %2")
                          .arg(m_packedColumns).arg(m_packedRecord.front().value_or(QStringLiteral("NULL")).left(200));
        return false;
    }
    return nextValues(row, errorBlock);
}

bool BlockFetch::nextValues(std::vector<std::optional<QString>> &row, QString *errorBlock)
{
    if (!m_usable) {
        const SQLRETURN rc = SQLFetch(m_stmt);
        if (rc == SQL_NO_DATA || !SQL_SUCCEEDED(rc)) {
            m_done = true;
            if (rc != SQL_NO_DATA)
                *errorBlock = formatBlock(QStringLiteral("SQLFetch failure"), readDiagnostics(HandleKind::Statement, m_stmt));
            return false;
        }
        row.resize(m_bound.size());
        for (size_t i = 0; i < m_bound.size(); ++i) {
            if (!readValue(i, row[i], errorBlock)) {
                m_done = true;
                return false;
            }
        }
        return true;
    }
    if (m_position >= m_fetched && !fetchBlock(errorBlock))
        return false;
    row.resize(m_bound.size());
    for (size_t i = 0; i < m_bound.size(); ++i) {
        const Column &c = m_bound[i];
        const SQLLEN indicator = c.indicator[m_position];
        if (indicator == SQL_NULL_DATA) {
            row[i].reset();
            continue;
        }
        // Character data is copied into the row's existing string where it can be (no allocation per value).
        const char *p = c.data.data() + size_t(c.width) * m_position;
        if (c.cType == SQL_C_WCHAR) {
            if (!row[i])
                row[i].emplace();
            const SQLLEN bytes = std::min<SQLLEN>(indicator, c.width - SQLLEN(sizeof(SQLWCHAR)));
            row[i]->setUnicode(reinterpret_cast<const QChar *>(p), bytes / SQLLEN(sizeof(SQLWCHAR)));
        } else if (c.cType == SQL_C_CHAR && isBooleanType(c.sqlType)) {
            const SQLLEN bytes = std::min<SQLLEN>(indicator, c.width - 1);
            row[i] = exporter::valueText(QString::fromUtf8(p, bytes), c.sqlType);  // normalised to 0/1
        } else if (c.cType == SQL_C_CHAR) {
            if (!row[i])
                row[i].emplace();
            const SQLLEN bytes = std::min<SQLLEN>(indicator, c.width - 1);
            QString &s = *row[i];
            s.resize(bytes);  // UTF-16 never needs more units than UTF-8 has bytes
            QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
            const QChar *end = utf8.appendToBuffer(s.data(), QByteArrayView(p, bytes));
            s.truncate(end - s.constData());
        } else {
            row[i] = fixedValueText(c.cType, c.sqlType, p);
        }
    }
    ++m_position;
    return true;
}

}  // namespace oas::db
