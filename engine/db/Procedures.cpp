#include "Procedures.h"

#include "OdbcDiagnostics.h"
#include "ValueRead.h"

#include <sql.h>
#include <sqlext.h>

namespace oas::db {

namespace {

// A catalog function's result read as text, column by column; the statement is freed on the way out.
class CatalogResult {
public:
    explicit CatalogResult(const Connection &connection)
    {
        if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, connection.rawHandle(), &m_stmt)))
            m_stmt = nullptr;
    }
    ~CatalogResult()
    {
        if (m_stmt)
            SQLFreeHandle(SQL_HANDLE_STMT, m_stmt);
    }
    SQLHSTMT handle() const { return m_stmt; }
    QString failure(const char *what) const
    {
        return formatBlock(QString::fromLatin1(what), readDiagnostics(HandleKind::Statement, m_stmt));
    }
    bool next() { return SQL_SUCCEEDED(SQLFetch(m_stmt)); }
    QString text(int column) const
    {
        SQLWCHAR buffer[512];
        SQLLEN indicator = 0;
        if (!SQL_SUCCEEDED(SQLGetData(m_stmt, SQLUSMALLINT(column), SQL_C_WCHAR, buffer, sizeof buffer, &indicator))
            || indicator == SQL_NULL_DATA)
            return {};
        const qsizetype chars = std::min<qsizetype>(indicator < 0 ? 0 : indicator / 2, 511);
        return QString::fromUtf16(reinterpret_cast<const char16_t *>(buffer), chars);
    }
    qint64 number(int column) const { return text(column).toLongLong(); }

private:
    SQLHSTMT m_stmt = nullptr;
};

bool readColumns(const Connection &connection, const QString &schema, const QString &name,
                 QList<ProcedureColumn> *columns, QString *errorBlock)
{
    CatalogResult r(connection);
    if (!r.handle()) {
        *errorBlock = QStringLiteral("SQLAllocHandle failure");
        return false;
    }
    std::vector<char16_t> schemaText = wideText(schema);
    std::vector<char16_t> nameText = wideText(name);
    const SQLRETURN rc = SQLProcedureColumnsW(r.handle(), nullptr, 0,
                                              schema.isEmpty() ? nullptr : reinterpret_cast<SQLWCHAR *>(schemaText.data()),
                                              schema.isEmpty() ? 0 : SQL_NTS, reinterpret_cast<SQLWCHAR *>(nameText.data()),
                                              SQL_NTS, nullptr, 0);
    if (!SQL_SUCCEEDED(rc)) {
        *errorBlock = r.failure("SQLProcedureColumns failure");
        return false;
    }
    columns->clear();
    while (r.next()) {
        ProcedureColumn c;
        c.catalog = r.text(1);
        c.schema = r.text(2);
        c.procedure = r.text(3);
        c.name = r.text(4);
        c.kind = int(r.number(5));
        c.dataType = int(r.number(6));
        c.typeName = r.text(7);
        c.columnSize = r.number(8);
        c.bufferLength = r.number(9);
        c.decimalDigits = int(r.number(10));
        c.radix = int(r.number(11));
        c.nullable = int(r.number(12));
        c.remarks = r.text(13);
        c.columnDef = r.text(14);
        c.sqlDataType = int(r.number(15));
        c.datetimeSub = int(r.number(16));
        c.charOctetLength = r.number(17);
        c.ordinal = int(r.number(18));
        c.isNullable = r.text(19);
        columns->append(c);
    }
    std::stable_sort(columns->begin(), columns->end(),
                     [](const ProcedureColumn &a, const ProcedureColumn &b) { return a.ordinal < b.ordinal; });
    return true;
}

}  // namespace

bool supportsProcedures(const Connection &connection)
{
    SQLCHAR answer[8] = {0};
    SQLSMALLINT length = 0;
    if (!SQL_SUCCEEDED(SQLGetInfo(connection.rawHandle(), SQL_PROCEDURES, answer, sizeof answer, &length)))
        return true;
    return answer[0] == 'Y' || answer[0] == 'y';
}

bool procedureColumns(const Connection &connection, const QString &name, QList<ProcedureColumn> *columns,
                      QString *errorBlock)
{
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    const QString schema = dot < 0 ? QString() : name.left(dot);
    const QString bare = dot < 0 ? name : name.mid(dot + 1);
    for (const auto &[s, n] : {std::pair{schema, bare}, std::pair{schema.toLower(), bare.toLower()},
                               std::pair{schema.toUpper(), bare.toUpper()}}) {
        if (!readColumns(connection, s, n, columns, errorBlock))
            return false;
        if (!columns->isEmpty())
            return true;
    }
    return true;
}

bool allProcedures(const Connection &connection, QStringList *entries, QString *errorBlock)
{
    CatalogResult r(connection);
    std::vector<char16_t> all = wideText(QStringLiteral("%"));
    if (!r.handle()
        || !SQL_SUCCEEDED(SQLProceduresW(r.handle(), nullptr, 0, nullptr, 0, reinterpret_cast<SQLWCHAR *>(all.data()), SQL_NTS))) {
        *errorBlock = r.handle() ? r.failure("SQLProcedures failure") : QStringLiteral("SQLAllocHandle failure");
        return false;
    }
    while (r.next()) {
        const qint64 type = r.number(8);
        const QString kind = type == SQL_PT_FUNCTION ? QStringLiteral("function")
                             : type == SQL_PT_PROCEDURE ? QStringLiteral("procedure")
                                                        : QStringLiteral("unknown");
        auto quoted = [](const QString &v) { return v.isEmpty() ? QStringLiteral("\"null\"") : QLatin1Char('"') + v + QLatin1Char('"'); };
        entries->append(QStringLiteral("procedure-catalog = %1 +\nprocedure-schema-identifier = %2 +\nprocedure-identifier = %3 +\n"
                                       "remarks = %4 +\nprocedure-type = %5")
                            .arg(quoted(r.text(1)), quoted(r.text(2)), quoted(r.text(3)), quoted(r.text(7)), kind));
    }
    return true;
}

QString procedureColumnKindName(int kind)
{
    switch (kind) {
    case ProcedureColumn::Input: return QStringLiteral("SQL_PARAM_INPUT");
    case ProcedureColumn::InputOutput: return QStringLiteral("SQL_PARAM_INPUT_OUTPUT");
    case ProcedureColumn::ResultColumn: return QStringLiteral("SQL_RESULT_COL");
    case ProcedureColumn::Output: return QStringLiteral("SQL_PARAM_OUTPUT");
    case ProcedureColumn::ReturnValue: return QStringLiteral("SQL_RETURN_VALUE");
    default: return QStringLiteral("SQL_PARAM_TYPE_UNKNOWN");
    }
}

}  // namespace oas::db
