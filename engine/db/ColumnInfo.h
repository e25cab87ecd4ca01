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
};

}  // namespace oas::db
