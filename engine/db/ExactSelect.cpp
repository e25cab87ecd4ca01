#include "ExactSelect.h"

#include "SqlTypes.h"
#include "ValueRead.h"

#include <QLocale>

#include <sql.h>
#include <sqlext.h>

namespace oas::db {

namespace {

bool isDateTimeType(int t)
{
    return t == SQL_TYPE_DATE || t == SQL_TYPE_TIME || t == SQL_TYPE_TIMESTAMP || t == SQL_DATE || t == SQL_TIME
           || t == SQL_TIMESTAMP;
}

bool isFloatType(int t)
{
    return t == SQL_REAL || t == SQL_FLOAT || t == SQL_DOUBLE;
}

bool isCharacterType(int t)
{
    return t == SQL_CHAR || t == SQL_VARCHAR || t == SQL_LONGVARCHAR || t == SQL_WCHAR || t == SQL_WVARCHAR
           || t == SQL_WLONGVARCHAR;
}

// The columns of sql as the driver describes them (prepared, not executed).
bool describeAll(const Connection &connection, const QString &sql, QList<ColumnInfo> *columns)
{
    void *dbc = connection.rawHandle();
    SQLHSTMT stmt = nullptr;
    if (!dbc || !SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt)))
        return false;
    std::vector<char16_t> wide = wideText(sql);
    SQLSMALLINT count = 0;
    bool ok = SQL_SUCCEEDED(SQLPrepareW(stmt, reinterpret_cast<SQLWCHAR *>(wide.data()), SQL_NTS))
              && SQL_SUCCEEDED(SQLNumResultCols(stmt, &count)) && count > 0;
    for (SQLUSMALLINT i = 1; ok && i <= SQLUSMALLINT(count); ++i) {
        ColumnInfo info;
        ok = describeColumn(stmt, i, &info);
        columns->append(info);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
    return ok;
}

QString withoutSemicolons(const QString &sql)
{
    QString inner = sql.trimmed();
    while (inner.endsWith(QLatin1Char(';')))
        inner = inner.chopped(1).trimmed();
    return inner;
}

}  // namespace

bool postgresConverts(int t)
{
    return isDateTimeType(t) || isFloatType(t) || t == SQL_GUID;
}

ExactSelect exactSelect(const Connection &connection, const QString &sql)
{
    ExactSelect exact;
    const bool postgres = connection.info().isPostgreSql();
    const bool sqlite = connection.info().isSqlite();
    if ((!postgres && !sqlite) || !describeAll(connection, sql, &exact.columns))
        return {};
    const qsizetype n = exact.columns.size();
    exact.asText.assign(size_t(n), false);
    exact.realText.assign(size_t(n), false);
    QStringList names;
    QStringList outer;
    bool rewritten = false;
    for (qsizetype i = 0; i < n; ++i) {
        const int type = exact.columns.at(i).sqlType;
        const QString name = QStringLiteral("c%1").arg(i + 1);
        names.append(name);
        if (postgres && postgresConverts(type)) {
            // 64 characters hold every date / time / timestamp (with offset and era), double and uuid text.
            outer.append(QStringLiteral("CAST(%1 AS VARCHAR(64))").arg(name));
            exact.asText[size_t(i)] = true;
            rewritten = true;
        } else if (sqlite && !isBinaryType(type) && !isCharacterType(type)) {
            // Any storage class may be in any column: a REAL printed with all its digits, the rest as stored.
            // SQLite 3.40's printf is off in the 17th digit for some values (the largest double comes out as
            // 1.7976931348623156e+308): the 17 digits are used where SQLite reads them back as the same
            // REAL, else 18. Infinities as 9e999, which SQLite reads back as the same REAL ("Inf" would stay
            // text).
            outer.append(QStringLiteral("CASE WHEN typeof(%1) = 'real' THEN (CASE WHEN %1 = 9e999 THEN '9e999' "
                                        "WHEN %1 = -9e999 THEN '-9e999' "
                                        "WHEN CAST(printf('%!.17g', %1) AS REAL) = %1 THEN printf('%!.17g', %1) "
                                        "ELSE printf('%!.18g', %1) END) ELSE %1 END").arg(name));
            exact.asText[size_t(i)] = true;
            exact.realText[size_t(i)] = true;
            rewritten = true;
        } else {
            outer.append(name);
            exact.asText[size_t(i)] = sqlite && !isBinaryType(type);
        }
    }
    if (!rewritten) {
        exact.sql.clear();
        return exact;
    }
    const QString list = names.join(QStringLiteral(", "));
    exact.sql = postgres ? QStringLiteral("SELECT %1 FROM (%2) AS exact(%3)").arg(outer.join(QStringLiteral(", ")), withoutSemicolons(sql), list)
                         : QStringLiteral("WITH exact(%3) AS (%2) SELECT %1 FROM exact").arg(outer.join(QStringLiteral(", ")), withoutSemicolons(sql), list);
    return exact;
}

void shortestRealText(QString &text)
{
    if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')) && !text.contains(QLatin1Char('E')))
        return;
    bool ok = false;
    const double d = text.toDouble(&ok);
    if (ok)
        text = QString::number(d, 'g', QLocale::FloatingPointShortest);
}

}  // namespace oas::db
