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

namespace {

// U+FDD0, a noncharacter: starts the text of a value whose storage class SQLite's reader must be told.
constexpr char16_t kMark = 0xFDD0;

// SQLite 3.40's printf is off in the 17th digit for some values (the largest double comes out as
// 1.7976931348623156e+308): the 17 digits are used where SQLite reads them back as the same REAL, else 18.
// Infinities as 9e999, which SQLite reads back as the same REAL ("Inf" would stay text).
QString sqliteRealText(const QString &n)
{
    return QStringLiteral("(CASE WHEN %1 = 9e999 THEN '9e999' WHEN %1 = -9e999 THEN '-9e999' "
                          "WHEN CAST(printf('%!.17g', %1) AS REAL) = %1 THEN printf('%!.17g', %1) "
                          "ELSE printf('%!.18g', %1) END)").arg(n);
}

// A column of SQLite as text that says what is stored: a REAL, a BLOB in a column that is not binary, any
// value but a BLOB in a binary one, and a text that starts with the mark itself come marked with their
// storage class (mark, class, blank); integers and texts where they belong as they are; BLOBs in a binary
// column as hex digits.
QString sqliteColumn(const QString &n, bool binary)
{
    const QString mark = QStringLiteral("char(%1)").arg(int(kMark));
    const QString real = QStringLiteral("WHEN 'real' THEN %1 || 'real ' || %2 ").arg(mark, sqliteRealText(n));
    if (binary)
        return QStringLiteral("CASE typeof(%1) WHEN 'blob' THEN lower(hex(%1)) WHEN 'null' THEN NULL %2"
                              "ELSE %3 || typeof(%1) || ' ' || %1 END").arg(n, real, mark);
    return QStringLiteral("CASE typeof(%1) %2WHEN 'blob' THEN %3 || 'blob ' || lower(hex(%1)) "
                          "WHEN 'text' THEN (CASE WHEN substr(%1, 1, 1) = %3 THEN %3 || 'text ' || %1 ELSE %1 END) "
                          "ELSE %1 END").arg(n, real, mark);
}

}  // namespace

ExactSelect exactSelect(const Connection &connection, const QString &sql)
{
    ExactSelect exact;
    const bool postgres = connection.info().isPostgreSql();
    const bool sqlite = connection.info().isSqlite();
    if ((!postgres && !sqlite) || !describeAll(connection, sql, &exact.columns))
        return {};
    const qsizetype n = exact.columns.size();
    exact.asText.assign(size_t(n), sqlite);
    exact.sqliteMarks = sqlite;
    QStringList names;
    QStringList outer;
    bool rewritten = sqlite;
    for (qsizetype i = 0; i < n; ++i) {
        const int type = exact.columns.at(i).sqlType;
        const QString name = QStringLiteral("c%1").arg(i + 1);
        names.append(name);
        if (sqlite) {
            outer.append(sqliteColumn(name, isBinaryType(type)));
        } else if (postgresConverts(type)) {
            // 64 characters hold every date / time / timestamp (with offset and era), double and uuid text.
            outer.append(QStringLiteral("CAST(%1 AS VARCHAR(64))").arg(name));
            exact.asText[size_t(i)] = true;
            rewritten = true;
        } else {
            outer.append(name);
        }
    }
    if (!rewritten)
        return exact;
    const QString list = names.join(QStringLiteral(", "));
    exact.sql = postgres ? QStringLiteral("SELECT %1 FROM (%2) AS exact(%3)").arg(outer.join(QStringLiteral(", ")), withoutSemicolons(sql), list)
                         : QStringLiteral("WITH exact(%3) AS (%2) SELECT %1 FROM exact").arg(outer.join(QStringLiteral(", ")), withoutSemicolons(sql), list);
    return exact;
}

void shortestRealText(QString &text)
{
    bool ok = false;
    const double d = text.toDouble(&ok);
    if (ok)
        text = QString::number(d, 'g', QLocale::FloatingPointShortest);
}

std::optional<QString> sqliteStoredValue(QString &value, bool binaryColumn, const QString &columnType)
{
    if (value.isEmpty() || value.front() != QChar(kMark))
        return std::nullopt;  // as it is: an integer or text in any column, or a BLOB's hex in a binary one
    const qsizetype blank = value.indexOf(QLatin1Char(' '));
    const QString kind = value.mid(1, blank - 1);
    value.remove(0, blank + 1);
    if (kind == QLatin1String("real"))
        shortestRealText(value);
    if (binaryColumn) {
        value = QString::fromLatin1(value.toUtf8().toHex());
        return QStringLiteral("%1 %2 stored in a %3 column is written as the hex digits of its text; an import "
                              "stores them as a BLOB").arg(kind == QLatin1String("integer") ? QStringLiteral("an") : QStringLiteral("a"),
                                                           kind.toUpper(), columnType);
    }
    if (kind == QLatin1String("blob"))
        return QStringLiteral("a BLOB stored in a %1 column is written as hex digits; an import stores them as text").arg(columnType);
    return std::nullopt;  // a REAL, or a text that starts with U+FDD0
}

}  // namespace oas::db
