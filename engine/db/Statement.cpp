#include "Statement.h"

#include "ExactSelect.h"
#include "SqlTypes.h"
#include "ValueRead.h"

#include <sql.h>
#include <sqlext.h>

#include <type_traits>

namespace oas::db {

static_assert(std::is_same_v<SQLLEN, long>, "Statement keeps indicators as long");

namespace {

QString blockFor(const char *what, SQLSMALLINT kind, void *handle, QList<DiagRecord> *records = nullptr)
{
    QList<DiagRecord> diag = readDiagnostics(kind == SQL_HANDLE_STMT ? HandleKind::Statement : HandleKind::Connection, handle);
    const QString block = formatBlock(QString::fromLatin1(what), diag);
    if (records)
        *records = std::move(diag);
    return block;
}

constexpr qsizetype kOutputBytes = 512;  // an OUT parameter's buffer (a number or a short text)


}  // namespace

Statement::Statement(const Connection &connection) : m_connection(connection)
{
    // The SQLite3 driver takes and gives UTF-8 as SQL_C_CHAR; psqlODBC and MariaDB's do where the probe says so.
    m_sqlite = connection.info().isSqlite();
    m_utf8Text = m_sqlite || connection.info().utf8Text;
    // psqlODBC and MariaDB Connector/ODBC parse some parameter types themselves
    m_driverConverts = connection.info().isPostgreSql() || connection.info().isMariaDb();
}

Statement::~Statement()
{
    if (m_stmt) {
        SQLFreeStmt(m_stmt, SQL_CLOSE);
        SQLFreeHandle(SQL_HANDLE_STMT, m_stmt);
    }
}

bool Statement::prepare(const QString &sql, QString *errorBlock)
{
    m_sql = sql;
    void *dbc = m_connection.rawHandle();
    if (!dbc || !SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &m_stmt))) {
        *errorBlock = blockFor("SQLAllocHandle failure", SQL_HANDLE_DBC, dbc, &m_diagnostics);
        m_stmt = nullptr;
        return false;
    }
    if (m_direct)
        return true;  // executed with its text each time
    std::vector<char16_t> wide = wideText(sql);
    if (!SQL_SUCCEEDED(SQLPrepareW(m_stmt, reinterpret_cast<SQLWCHAR *>(wide.data()), SQL_NTS))) {
        *errorBlock = blockFor("SQLPrepare failure", SQL_HANDLE_STMT, m_stmt, &m_diagnostics);
        return false;
    }
    return true;
}

bool Statement::describeResult(QList<ColumnInfo> *columns, QString *errorBlock)
{
    SQLSMALLINT count = 0;
    if (!SQL_SUCCEEDED(SQLNumResultCols(m_stmt, &count))) {
        *errorBlock = blockFor("SQLDescribeCol failure", SQL_HANDLE_STMT, m_stmt, &m_diagnostics);
        return false;
    }
    m_resultColumns.clear();
    m_resultCTypes.clear();
    for (SQLUSMALLINT i = 1; i <= SQLUSMALLINT(count); ++i) {
        ColumnInfo info;
        if (!describeColumn(m_stmt, i, &info)) {
            *errorBlock = blockFor("SQLDescribeCol failure", SQL_HANDLE_STMT, m_stmt, &m_diagnostics);
            return false;
        }
        m_resultColumns.push_back(info);
        m_resultCTypes.push_back(cTypeForColumn(info.sqlType, m_utf8Text));
    }
    m_described = true;
    if (columns)
        *columns = QList<ColumnInfo>(m_resultColumns.begin(), m_resultColumns.end());
    return true;
}

bool Statement::bindParameters(const std::vector<const Value *> &values)
{
    m_buffers.resize(values.size());
    m_indicators.resize(values.size());
    for (size_t i = 0; i < values.size(); ++i) {
        ParamType type = i < m_paramTypes.size() ? m_paramTypes[i] : ParamType{};
        // SQLite keeps any value in any column (type affinity) and converts text itself; its driver would
        // turn a text that is not a number into NULL when told the parameter is a number.
        // Binary data (hex digits, as the export writes it) is bound as its bytes, for SQLite too: a BLOB
        // stays a BLOB.
        const bool binary = isBinaryType(type.sqlType) && type.direction == ParamType::Direction::In;
        if ((m_sqlite && !binary) || (m_driverConverts && driverConverts(type.sqlType)))
            type = ParamType{SQL_VARCHAR, 0, 0, type.direction};
        const Value *v = values[i];
        QByteArray &buffer = m_buffers[i];
        SQLLEN &indicator = m_indicators[i];
        SQLSMALLINT cType = binary ? SQL_C_BINARY : m_utf8Text ? SQL_C_CHAR : SQL_C_WCHAR;
        qint64 length = 0;
        const bool receives = type.direction != ParamType::Direction::In;
        if (type.direction == ParamType::Direction::Out || !v || !*v) {
            buffer = QByteArray(4, '\0');
            indicator = SQL_NULL_DATA;
        } else if (binary) {
            buffer = QByteArray::fromHex((*v)->toLatin1());
            indicator = SQLLEN(buffer.size());
            length = buffer.size();
        } else if (m_utf8Text) {
            buffer = (*v)->toUtf8();
            indicator = SQLLEN(buffer.size());
            length = (*v)->size();
        } else {
            buffer = QByteArray(reinterpret_cast<const char *>((*v)->utf16()), (*v)->size() * 2);
            indicator = SQLLEN(buffer.size());
            length = (*v)->size();
        }
        // Character columns get the larger of their declared size and the value's length, so the driver
        // never cuts a value short (the import checks lengths itself, before binding).
        SQLULEN columnSize = SQLULEN(type.size > 0 ? type.size : std::max<qint64>(length, 1));
        if (isCharacterType(type.sqlType) || binary || type.size <= 0)
            columnSize = SQLULEN(std::max<qint64>({type.size, length, 1}));
        if (receives && buffer.size() < kOutputBytes)
            buffer.resize(kOutputBytes, '\0');  // room for what comes back; the indicator keeps the input's length
        const SQLSMALLINT direction = type.direction == ParamType::Direction::Out     ? SQL_PARAM_OUTPUT
                                      : type.direction == ParamType::Direction::InOut ? SQL_PARAM_INPUT_OUTPUT
                                                                                      : SQL_PARAM_INPUT;
        const SQLRETURN rc = SQLBindParameter(m_stmt, SQLUSMALLINT(i + 1), direction, cType,
                                              SQLSMALLINT(type.sqlType), columnSize, SQLSMALLINT(type.decimalDigits),
                                              buffer.data(), SQLLEN(buffer.size()), &indicator);
        if (!SQL_SUCCEEDED(rc))
            return false;
    }
    return true;
}

bool Statement::execute(const std::vector<const Value *> &values, QString *errorBlock)
{
    m_diagnostics.clear();
    SQLFreeStmt(m_stmt, SQL_CLOSE);
    if (!bindParameters(values)) {
        *errorBlock = blockFor("SQLBindParameter failure", SQL_HANDLE_STMT, m_stmt, &m_diagnostics);
        return false;
    }
    std::vector<char16_t> wide;
    if (m_direct)
        wide = wideText(m_sql);
    const SQLRETURN rc = m_direct ? SQLExecDirectW(m_stmt, reinterpret_cast<SQLWCHAR *>(wide.data()), SQL_NTS)
                                  : SQLExecute(m_stmt);
    return executed(rc, m_direct ? "SQLExecDirect failure" : "SQLExecute failure", errorBlock);
}

bool Statement::executed(short rc, const char *failure, QString *errorBlock)
{
    if (rc == SQL_NO_DATA)  // an UPDATE or DELETE that touched no row
        return true;
    if (!SQL_SUCCEEDED(rc)) {
        *errorBlock = blockFor(failure, SQL_HANDLE_STMT, m_stmt, &m_diagnostics);
        return false;
    }
    if (rc == SQL_SUCCESS_WITH_INFO)
        m_diagnostics = readDiagnostics(HandleKind::Statement, m_stmt);
    return true;
}

bool Statement::executeText(const QString &sql, QString *errorBlock)
{
    m_diagnostics.clear();
    SQLFreeStmt(m_stmt, SQL_CLOSE);
    SQLFreeStmt(m_stmt, SQL_RESET_PARAMS);
    SQLRETURN rc;
    if (m_sqlite) {
        QByteArray utf8 = sql.toUtf8();
        rc = SQLExecDirect(m_stmt, reinterpret_cast<SQLCHAR *>(utf8.data()), SQLINTEGER(utf8.size()));
    } else {
        std::vector<char16_t> wide = wideText(sql);
        rc = SQLExecDirectW(m_stmt, reinterpret_cast<SQLWCHAR *>(wide.data()), SQL_NTS);
    }
    return executed(rc, "SQLExecDirect failure", errorBlock);
}

Value Statement::output(size_t index) const
{
    if (index >= m_buffers.size() || m_indicators[index] == SQL_NULL_DATA || m_indicators[index] < 0)
        return std::nullopt;
    const QByteArray &b = m_buffers[index];
    const qsizetype bytes = std::min<qsizetype>(m_indicators[index], b.size());
    if (m_utf8Text)
        return QString::fromUtf8(b.constData(), bytes);
    // Output strings end with a NUL. MariaDB Connector/ODBC 3.1 gives a wide output's length in characters
    // rather than bytes: the text ends at the NUL where the length says less.
    const auto *text = reinterpret_cast<const char16_t *>(b.constData());
    qsizetype characters = bytes / 2;
    for (qsizetype i = 0; i < b.size() / 2; ++i) {
        if (text[i] == 0) {
            if (i > characters && m_indicators[index] == SQLLEN(i))
                characters = i;
            break;
        }
    }
    return QString::fromUtf16(text, characters);
}

qint64 Statement::affectedRows() const
{
    SQLLEN count = 0;
    if (!SQL_SUCCEEDED(SQLRowCount(m_stmt, &count)))
        return -1;
    return qint64(count);
}

bool Statement::fetch(std::vector<Value> &row, QString *errorBlock)
{
    if (!m_described && !describeResult(nullptr, errorBlock))
        return false;
    const SQLRETURN rc = SQLFetch(m_stmt);
    if (rc == SQL_NO_DATA)
        return false;
    if (!SQL_SUCCEEDED(rc)) {
        *errorBlock = blockFor("SQLFetch failure", SQL_HANDLE_STMT, m_stmt, &m_diagnostics);
        return false;
    }
    row.resize(m_resultColumns.size());
    for (size_t i = 0; i < m_resultColumns.size(); ++i) {
        if (!readColumnValue(m_stmt, int(i + 1), m_resultCTypes[i], m_resultColumns[i].sqlType, row[i], errorBlock))
            return false;
    }
    return true;
}

void Statement::readRemainingResults()
{
    if (!m_stmt)
        return;
    for (int i = 0; i < 1000; ++i) {
        const SQLRETURN rc = SQLMoreResults(m_stmt);
        if (!SQL_SUCCEEDED(rc))
            break;
    }
}

void Statement::closeCursor()
{
    if (m_stmt)
        SQLFreeStmt(m_stmt, SQL_CLOSE);
}

bool executeDirect(const Connection &connection, const QString &sql, QString *errorBlock)
{
    void *dbc = connection.rawHandle();
    SQLHSTMT stmt = nullptr;
    if (!dbc || !SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt))) {
        *errorBlock = blockFor("SQLAllocHandle failure", SQL_HANDLE_DBC, dbc);
        return false;
    }
    std::vector<char16_t> wide = wideText(sql);
    const SQLRETURN rc = SQLExecDirectW(stmt, reinterpret_cast<SQLWCHAR *>(wide.data()), SQL_NTS);
    const bool ok = SQL_SUCCEEDED(rc) || rc == SQL_NO_DATA;
    if (!ok)
        *errorBlock = blockFor("SQLExecDirect failure", SQL_HANDLE_STMT, stmt);
    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
    return ok;
}

bool setAutoCommit(const Connection &connection, bool on, QString *errorBlock)
{
    void *dbc = connection.rawHandle();
    const SQLRETURN rc = SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT,
                                           reinterpret_cast<SQLPOINTER>(on ? SQL_AUTOCOMMIT_ON : SQL_AUTOCOMMIT_OFF),
                                           SQL_IS_UINTEGER);
    if (!SQL_SUCCEEDED(rc)) {
        *errorBlock = blockFor("SQLSetConnectAttr failure", SQL_HANDLE_DBC, dbc);
        return false;
    }
    return true;
}

namespace {
const char kDryRunSavepoint[] = "oas_dry_run";
}  // namespace

bool beginDryRun(Connection &connection, QString *errorBlock)
{
    connection.setDryRun(true);
    return executeDirect(connection, QStringLiteral("SAVEPOINT %1").arg(QLatin1String(kDryRunSavepoint)), errorBlock);
}

bool endDryRun(const Connection &connection, QString *errorBlock)
{
    void *dbc = connection.rawHandle();
    if (!SQL_SUCCEEDED(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK))) {
        *errorBlock = blockFor("SQLEndTran failure", SQL_HANDLE_DBC, dbc);
        return false;
    }
    return true;
}

bool endTransaction(const Connection &connection, bool commit, QString *errorBlock)
{
    if (connection.dryRun()) {
        const QString name = QLatin1String(kDryRunSavepoint);
        if (!commit)
            return executeDirect(connection, QStringLiteral("ROLLBACK TO SAVEPOINT %1").arg(name), errorBlock);
        return executeDirect(connection, QStringLiteral("RELEASE SAVEPOINT %1").arg(name), errorBlock)
               && executeDirect(connection, QStringLiteral("SAVEPOINT %1").arg(name), errorBlock);
    }
    void *dbc = connection.rawHandle();
    if (!SQL_SUCCEEDED(SQLEndTran(SQL_HANDLE_DBC, dbc, commit ? SQL_COMMIT : SQL_ROLLBACK))) {
        *errorBlock = blockFor("SQLEndTran failure", SQL_HANDLE_DBC, dbc);
        return false;
    }
    return true;
}

bool isConnectionLost(const QList<DiagRecord> &records)
{
    for (const DiagRecord &r : records) {
        if (r.state.startsWith(QLatin1String("08")))
            return true;
        if (r.message.contains(QLatin1String("server closed the connection"), Qt::CaseInsensitive)
            || r.message.contains(QLatin1String("no connection to the server"), Qt::CaseInsensitive))
            return true;
        // MariaDB / MySQL: 2006 server has gone away, 2013 lost connection during a query, 1927 killed
        if (r.nativeError == 2006 || r.nativeError == 2013 || r.nativeError == 1927
            || r.message.contains(QLatin1String("server has gone away"), Qt::CaseInsensitive)
            || r.message.contains(QLatin1String("Lost connection to"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

qint64 parameterBufferBytes(const ParamType &type)
{
    const qint64 size = std::max<qint64>(type.size, 1);
    const qint64 bytes = isBinaryType(type.sqlType) ? size : (size + 1) * qint64(sizeof(char16_t));
    return type.direction == ParamType::Direction::In ? bytes : std::max<qint64>(bytes, kOutputBytes);
}

bool isDatabaseBusy(const QList<DiagRecord> &records)
{
    for (const DiagRecord &r : records) {
        if (r.state == QLatin1String("55P03") || r.message.contains(QLatin1String("database is locked"), Qt::CaseInsensitive)
            || r.message.contains(QLatin1String("database table is locked"), Qt::CaseInsensitive))
            return true;
        // MariaDB / MySQL: 1205 lock wait timeout (innodb_lock_wait_timeout)
        if (r.nativeError == 1205 || r.message.contains(QLatin1String("Lock wait timeout exceeded"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool isForeignKeyViolation(const QList<DiagRecord> &records)
{
    for (const DiagRecord &r : records) {
        if (r.state == QLatin1String("23503"))
            return true;
        if (r.message.contains(QLatin1String("FOREIGN KEY constraint failed"), Qt::CaseInsensitive)
            || r.message.contains(QLatin1String("foreign key constraint"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool isProcedureNotFunction(const QList<DiagRecord> &records)
{
    for (const DiagRecord &r : records) {
        if (r.state == QLatin1String("42809") && r.message.contains(QLatin1String("is a procedure")))
            return true;
    }
    return false;
}

bool describeQuery(const Connection &connection, const QString &sql, QList<ColumnInfo> *columns, QString *errorBlock)
{
    Statement st(connection);
    return st.prepare(sql, errorBlock) && st.describeResult(columns, errorBlock);
}

bool describeTable(const Connection &connection, const QString &table, QList<ColumnInfo> *columns, QString *errorBlock)
{
    return describeQuery(connection, QStringLiteral("SELECT * FROM %1 WHERE 1=0").arg(table), columns, errorBlock);
}

}  // namespace oas::db
