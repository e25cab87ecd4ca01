#include "ColumnInfo.h"

#include <QSqlRecord>
#include <QSqlResult>

#include <sql.h>
#include <sqlext.h>

namespace oas::db {

QList<ColumnInfo> describeColumns(const QSqlQuery &query)
{
    QList<ColumnInfo> columns;
    const QVariant h = query.result() ? query.result()->handle() : QVariant();
    SQLHSTMT stmt = h.isValid() && qstrcmp(h.typeName(), "void*") == 0 ? *static_cast<void *const *>(h.constData())
                                                                         : nullptr;
    const int count = query.record().count();
    for (int i = 1; i <= count; ++i) {
        ColumnInfo c;
        c.name = query.record().fieldName(i - 1);
        if (stmt) {
            SQLCHAR name[256] = {};
            SQLSMALLINT nameLength = 0;
            SQLSMALLINT type = 0;
            SQLULEN size = 0;
            SQLSMALLINT digits = 0;
            SQLSMALLINT nullable = SQL_NULLABLE_UNKNOWN;
            if (SQL_SUCCEEDED(SQLDescribeCol(stmt, SQLUSMALLINT(i), name, sizeof name, &nameLength, &type, &size,
                                             &digits, &nullable))) {
                c.sqlType = type;
                c.size = qint64(size);
                c.decimalDigits = digits;
                c.nullable = nullable != SQL_NO_NULLS;
            }
        }
        columns.append(c);
    }
    return columns;
}

}  // namespace oas::db
