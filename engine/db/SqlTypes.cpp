#include "SqlTypes.h"

#include "ColumnInfo.h"

#include <sql.h>
#include <sqlext.h>

namespace oas::db {

using config::SortForm;

QString sqlTypeName(int t)
{
    switch (t) {
    case SQL_CHAR: return QStringLiteral("SQL_CHAR");
    case SQL_VARCHAR: return QStringLiteral("SQL_VARCHAR");
    case SQL_LONGVARCHAR: return QStringLiteral("SQL_LONGVARCHAR");
    case SQL_WCHAR: return QStringLiteral("SQL_WCHAR");
    case SQL_WVARCHAR: return QStringLiteral("SQL_WVARCHAR");
    case SQL_WLONGVARCHAR: return QStringLiteral("SQL_WLONGVARCHAR");
    case SQL_DECIMAL: return QStringLiteral("SQL_DECIMAL");
    case SQL_NUMERIC: return QStringLiteral("SQL_NUMERIC");
    case SQL_SMALLINT: return QStringLiteral("SQL_SMALLINT");
    case SQL_INTEGER: return QStringLiteral("SQL_INTEGER");
    case SQL_REAL: return QStringLiteral("SQL_REAL");
    case SQL_FLOAT: return QStringLiteral("SQL_FLOAT");
    case SQL_DOUBLE: return QStringLiteral("SQL_DOUBLE");
    case SQL_BIT: return QStringLiteral("SQL_BIT");
    case SQL_TINYINT: return QStringLiteral("SQL_TINYINT");
    case SQL_BIGINT: return QStringLiteral("SQL_BIGINT");
    case SQL_BINARY: return QStringLiteral("SQL_BINARY");
    case SQL_VARBINARY: return QStringLiteral("SQL_VARBINARY");
    case SQL_LONGVARBINARY: return QStringLiteral("SQL_LONGVARBINARY");
    case SQL_TYPE_DATE: return QStringLiteral("SQL_TYPE_DATE");
    case SQL_TYPE_TIME: return QStringLiteral("SQL_TYPE_TIME");
    case SQL_TYPE_TIMESTAMP: return QStringLiteral("SQL_TYPE_TIMESTAMP");
    case SQL_DATE: return QStringLiteral("SQL_DATE");
    case SQL_TIME: return QStringLiteral("SQL_TIME");
    case SQL_TIMESTAMP: return QStringLiteral("SQL_TIMESTAMP");
    case SQL_GUID: return QStringLiteral("SQL_GUID");
    case SQL_UNKNOWN_TYPE: return QStringLiteral("SQL_UNKNOWN_TYPE");
    default: return QStringLiteral("SQL_TYPE(%1)").arg(t);
    }
}

std::optional<SortForm> defaultSortForm(int t)
{
    switch (t) {
    case SQL_BIGINT:
    case SQL_INTEGER:
    case SQL_SMALLINT:
    case SQL_TINYINT:
    case SQL_VARBINARY: return SortForm::Integer;
    case SQL_BINARY:
    case SQL_BIT:
    case SQL_DECIMAL:
    case SQL_NUMERIC: return SortForm::Numeric;
    case SQL_CHAR:
    case SQL_VARCHAR: return SortForm::CaseSensitive;
    case SQL_WCHAR:
    case SQL_WVARCHAR:
    case SQL_DATE:
    case SQL_TYPE_DATE:
    case SQL_TIME:
    case SQL_TYPE_TIME:
    case SQL_TIMESTAMP:
    case SQL_TYPE_TIMESTAMP:
    case SQL_GUID: return SortForm::CaseIgnore;
    default: return std::nullopt;  // SQL_DOUBLE, SQL_FLOAT, SQL_REAL, long data types: "fail"
    }
}

bool isBinaryType(int t)
{
    return t == SQL_BINARY || t == SQL_VARBINARY || t == SQL_LONGVARBINARY;
}

bool isCharacterType(int t)
{
    return t == SQL_CHAR || t == SQL_VARCHAR || t == SQL_LONGVARCHAR || t == SQL_WCHAR || t == SQL_WVARCHAR
           || t == SQL_WLONGVARCHAR;
}

bool isBooleanType(int t)
{
    return t == SQL_BIT;
}

QString postgresCastType(int sqlType)
{
    switch (sqlType) {
    case SQL_SMALLINT:
    case SQL_TINYINT: return QStringLiteral("smallint");
    case SQL_INTEGER: return QStringLiteral("integer");
    case SQL_BIGINT: return QStringLiteral("bigint");
    case SQL_NUMERIC:
    case SQL_DECIMAL: return QStringLiteral("numeric");
    case SQL_REAL: return QStringLiteral("real");
    case SQL_FLOAT:
    case SQL_DOUBLE: return QStringLiteral("double precision");
    case SQL_BIT: return QStringLiteral("boolean");
    case SQL_TYPE_DATE: return QStringLiteral("date");
    case SQL_TYPE_TIME: return QStringLiteral("time");
    case SQL_TYPE_TIMESTAMP: return QStringLiteral("timestamp");
    case SQL_CHAR:
    case SQL_VARCHAR:
    case SQL_LONGVARCHAR:
    case SQL_WCHAR:
    case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR: return QStringLiteral("text");
    default: return {};
    }
}

QString columnInfoHead(const QString &attribute, const QString &columnId, const QString &expansion)
{
    return QStringLiteral("column info\nattribute=%1\ncolumn-id=%2\ncolumn-expansion=%3").arg(attribute, columnId, expansion);
}

QString columnInfoFacts(const ColumnInfo &column)
{
    return QStringLiteral("SQL-data-type=%1\nprecision=%2\nscale=%3\nnullable=%4")
        .arg(sqlTypeName(column.sqlType))
        .arg(column.size)
        .arg(column.decimalDigits)
        .arg(column.nullable ? QStringLiteral("SQL_NULLABLE") : QStringLiteral("SQL_NO_NULLS"));
}

bool isHexText(const QString &text)
{
    if (text.size() % 2)
        return false;
    for (const QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
              || (c >= QLatin1Char('A') && c <= QLatin1Char('F'))))
            return false;
    }
    return true;
}

}  // namespace oas::db
