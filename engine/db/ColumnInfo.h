#pragma once
// What the driver says about one column of a result set (SQLDescribeCol).
#include <QString>

namespace oas::db {

struct ColumnInfo {
    QString name;
    int sqlType = 0;
    qint64 size = 0;
    int decimalDigits = 0;
    bool nullable = true;
    QString typeName;  // the data source's name of the type (SQL_DESC_TYPE_NAME: "int4", "VARCHAR(20)")
    bool isUnsigned = false;  // SQL_DESC_UNSIGNED of a number column (MariaDB's INT UNSIGNED, ...)
};

// The Columns trace block's lines about one column (the manual's "column info" format): the first three,
// then whatever the caller adds (configured limits), then what the driver says.
QString columnInfoHead(const QString &attribute, const QString &columnId, const QString &expansion);
QString columnInfoFacts(const ColumnInfo &column);  // SQL-data-type, precision, scale, nullable

}  // namespace oas::db
