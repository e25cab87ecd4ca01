#pragma once
// What the driver says about the columns of an executed statement (SQLDescribeCol on the raw handle).
#include <QList>
#include <QSqlQuery>
#include <QString>

namespace oas::db {

struct ColumnInfo {
    QString name;
    int sqlType = 0;
    qint64 size = 0;
    int decimalDigits = 0;
    bool nullable = true;
};

QList<ColumnInfo> describeColumns(const QSqlQuery &query);

}  // namespace oas::db
