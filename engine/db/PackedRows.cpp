#include "PackedRows.h"

#include "ValueRead.h"

#include <QSet>

#include <sql.h>
#include <sqlext.h>

namespace oas::db {

namespace {

// PostgreSQL types whose text psqlODBC hands out unchanged (integers are read as numbers and printed the
// same way): the composite value carries the very same text.
bool packable(const QString &typeName)
{
    static const QSet<QString> names{QStringLiteral("int2"), QStringLiteral("int4"), QStringLiteral("int8"),
                                     QStringLiteral("varchar"), QStringLiteral("text"), QStringLiteral("bpchar"),
                                     QStringLiteral("char")};  // psqlODBC names CHAR(n) "char"
    return names.contains(typeName.toLower());
}

QString typeName(SQLHSTMT stmt, SQLUSMALLINT column)
{
    SQLWCHAR buffer[64] = {};
    SQLSMALLINT bytes = 0;
    if (!SQL_SUCCEEDED(SQLColAttributeW(stmt, column, SQL_DESC_TYPE_NAME, buffer, sizeof buffer, &bytes, nullptr)))
        return {};
    return QString::fromUtf16(reinterpret_cast<const char16_t *>(buffer), qsizetype(std::min<size_t>(size_t(bytes) / 2, 63)));
}

}  // namespace

PackedSelect packedSelect(const Connection &connection, const QString &sql)
{
    PackedSelect packed;
    void *dbc = connection.rawHandle();
    SQLHSTMT stmt = nullptr;
    if (!connection.info().isPostgreSql() || !dbc || !SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt)))
        return packed;
    std::vector<char16_t> wide = wideText(sql);
    SQLSMALLINT count = 0;
    bool ok = SQL_SUCCEEDED(SQLPrepareW(stmt, reinterpret_cast<SQLWCHAR *>(wide.data()), SQL_NTS))
              && SQL_SUCCEEDED(SQLNumResultCols(stmt, &count)) && count > 0;
    QStringList names;
    for (SQLUSMALLINT i = 1; ok && i <= SQLUSMALLINT(count); ++i) {
        ColumnInfo info;
        ok = describeColumn(stmt, i, &info) && packable(typeName(stmt, i));
        packed.columns.append(info);
        names.append(QStringLiteral("c%1").arg(i));
    }
    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
    if (!ok) {
        packed.columns.clear();
        return packed;
    }
    QString inner = sql.trimmed();
    while (inner.endsWith(QLatin1Char(';')))
        inner = inner.chopped(1).trimmed();
    const QString list = names.join(QStringLiteral(", "));
    packed.sql = QStringLiteral("SELECT CAST(ROW(%1) AS text) FROM (%2) AS packed(%1)").arg(list, inner);
    return packed;
}

bool unpackRow(const QString &text, std::vector<std::optional<QString>> &row)
{
    const QChar *p = text.constData();
    const QChar *const end = p + text.size();
    if (p == end || *p != QLatin1Char('('))
        return false;
    ++p;
    for (size_t i = 0; i < row.size(); ++i) {
        if (i > 0) {
            if (p == end || *p != QLatin1Char(','))
                return false;
            ++p;
        }
        if (p == end)
            return false;
        if (*p == QLatin1Char(',') || *p == QLatin1Char(')')) {  // nothing: NULL
            row[i].reset();
            continue;
        }
        if (!row[i])
            row[i].emplace();
        QString &value = *row[i];
        value.truncate(0);  // keeps the string's buffer for the next row
        if (*p != QLatin1Char('"')) {  // unquoted: no quote, backslash, comma, parenthesis or space inside
            const QChar *start = p;
            while (p != end && *p != QLatin1Char(',') && *p != QLatin1Char(')'))
                ++p;
            value.append(start, p - start);
            continue;
        }
        ++p;
        for (;;) {
            const QChar *start = p;
            while (p != end && *p != QLatin1Char('"') && *p != QLatin1Char('\\'))
                ++p;
            value.append(start, p - start);
            if (p == end)
                return false;
            if (*p == QLatin1Char('\\')) {  // escapes the next character
                if (++p == end)
                    return false;
                value.append(*p++);
            } else if (p + 1 != end && p[1] == QLatin1Char('"')) {  // "" inside quotes
                value.append(QLatin1Char('"'));
                p += 2;
            } else {
                ++p;  // the closing quote
                break;
            }
        }
    }
    return p != end && *p == QLatin1Char(')') && p + 1 == end;
}

}  // namespace oas::db
