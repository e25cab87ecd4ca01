#pragma once
// A prepared statement on the connection's raw ODBC handle, for statements run once per record (the
// import's SELECT / UPDATE / INSERT / DELETE): prepared once, executed with text values bound as
// parameters (never pasted into the SQL), typed with the SQL type of the column they are compared with or
// stored in, so the driver converts them. Rows come back as the export text (ValueText).
// Also the connection-level calls the import needs: direct execution, auto-commit and transactions.
#include "ColumnInfo.h"
#include "Connection.h"

#include <optional>
#include <vector>

namespace oas::db {

struct ParamType {
    int sqlType = 12;  // SQL_VARCHAR
    qint64 size = 0;   // column size; 0: the value's length
    int decimalDigits = 0;
    enum class Direction { In, Out, InOut };  // procedure parameters: OUT / IN OUT receive a value
    Direction direction = Direction::In;
};

using Value = std::optional<QString>;  // NULL as an empty optional

// The bytes of the buffer a parameter of this type is bound with for a value of the column's size (text as
// UTF-16 with its terminator, binary data as its bytes; OUT parameters get at least 512), for the PC trace.
qint64 parameterBufferBytes(const ParamType &type);

class Statement {
public:
    explicit Statement(const Connection &connection);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // SQLPrepare; false with the manual's "SQLPrepare failure" block.
    bool prepare(const QString &sql, QString *errorBlock);
    // The result columns of a prepared SELECT (SQLDescribeCol), without executing it.
    bool describeResult(QList<ColumnInfo> *columns, QString *errorBlock);
    void setParamTypes(std::vector<ParamType> types) { m_paramTypes = std::move(types); }
    // Executes with one value per '?'. False with the "SQLExecute failure" block; diagnostics() holds the
    // records (SQLSTATE etc.) of the last failure or warning.
    bool execute(const std::vector<const Value *> &values, QString *errorBlock);
    // SQLExecDirect instead of SQLPrepare / SQLExecute: prepare() then only keeps the text.
    void setDirect(bool direct) { m_direct = direct; }
    // Executed once with this text and no parameters (SQLExecDirect): the values are written into it
    // (SQLite's many-row INSERT, JsonBatchSql). SQLite's text goes as UTF-8: the SQLite3 ODBC driver cuts a
    // statement short at the first character beyond U+FFFF when it is given UTF-16 (docs/databases.md).
    bool executeText(const QString &sql, QString *errorBlock);
    // The value an OUT or IN OUT parameter (0-based) received from the last execute().
    Value output(size_t index) const;
    qint64 affectedRows() const;
    // The next row of the result; false at the end (errorBlock set only on a failure).
    bool fetch(std::vector<Value> &row, QString *errorBlock);
    void closeCursor();
    // Reads past every remaining result of the statement (SQLMoreResults), after which a procedure's
    // output parameters hold their values.
    void readRemainingResults();
    const QList<DiagRecord> &diagnostics() const { return m_diagnostics; }
    const QString &sql() const { return m_sql; }

private:
    bool bindParameters(const std::vector<const Value *> &values);
    // An execution's return code read: true for success or no row touched (warnings kept in diagnostics()),
    // else false with the "<failure>" block.
    bool executed(short rc, const char *failure, QString *errorBlock);

    const Connection &m_connection;
    void *m_stmt = nullptr;
    QString m_sql;
    bool m_utf8Text = false;
    bool m_driverConverts = false;
    bool m_sqlite = false;  // every parameter bound as text (SQLite's type affinity decides)  // the driver changes some parameter types itself (driverConverts)
    bool m_direct = false;
    std::vector<ParamType> m_paramTypes;
    std::vector<QByteArray> m_buffers;  // parameter bytes, alive until the next execute
    std::vector<long> m_indicators;     // SQLLEN per parameter
    std::vector<ColumnInfo> m_resultColumns;
    std::vector<short> m_resultCTypes;
    bool m_described = false;
    QList<DiagRecord> m_diagnostics;
};

// Prepares and describes sql (never executed); false with the block.
bool describeQuery(const Connection &connection, const QString &sql, QList<ColumnInfo> *columns, QString *errorBlock);
// The columns of a table, in its order: "SELECT * FROM table WHERE 1=0" described.
bool describeTable(const Connection &connection, const QString &table, QList<ColumnInfo> *columns, QString *errorBlock);
// SQLExecDirect of a statement without parameters or result (SETOPTIONS, savepoints); false with the block.
bool executeDirect(const Connection &connection, const QString &sql, QString *errorBlock);
// Auto-commit on or off (SQL_ATTR_AUTOCOMMIT); false with the block.
bool setAutoCommit(const Connection &connection, bool on, QString *errorBlock);
// SQLEndTran: commit or roll back the connection's transaction; false with the block.
bool endTransaction(const Connection &connection, bool commit, QString *errorBlock);
// A dry run on a connection with auto-commit off: marks it, opens the outer transaction with a savepoint;
// endTransaction then releases (commit) or rolls back to (rollback) the savepoint and sets it again, and
// endDryRun rolls the whole transaction back.
bool beginDryRun(Connection &connection, QString *errorBlock);
bool endDryRun(const Connection &connection, QString *errorBlock);
// Whether a diagnostic means the connection itself is gone (SQLSTATE class 08, or HYT01/HY000 "closed").
bool isConnectionLost(const QList<DiagRecord> &records);
// Whether a diagnostic says the database stayed locked by another writer longer than the connection waits
// (SQLite "database is locked" / SQLITE_BUSY after its Timeout; PostgreSQL 55P03 after lock_timeout).
bool isDatabaseBusy(const QList<DiagRecord> &records);
// Whether a diagnostic is a referential-integrity violation (SQLSTATE 23503, or the driver's message).
bool isForeignKeyViolation(const QList<DiagRecord> &records);
// psqlODBC runs "{call x(...)}" as a function call: a PostgreSQL PROCEDURE refuses it (42809), and
// takes the native "CALL x(...)" instead.
bool isProcedureNotFunction(const QList<DiagRecord> &records);

}  // namespace oas::db
