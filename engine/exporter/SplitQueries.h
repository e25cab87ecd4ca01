#pragma once
// What the ways of reading one table on several connections share (ExportSplit.cpp, ExportSplitSqlite.cpp).

#include "../db/Connection.h"
#include "../db/Statement.h"

#include <QStringList>

#include <vector>

namespace oas::exporter {

// One row of values from a query on connection (its ? bound to args); empty on any failure.
std::vector<db::Value> queryRow(const db::Connection &connection, const QString &sql, const std::vector<db::Value> &args);

// The conditions of parts of about rowsPerRange of `rows` rows between the key values low and high, in key
// order; the last one also takes the NULL keys (which PostgreSQL's ORDER BY puts last), or the first one
// (nullsFirst: MariaDB's and SQLite's ORDER BY put them first). Empty when there is nothing to divide.
// Every value of the column is in exactly one part: NULL in the first or last, a number in the one its
// bounds hold, anything that compares above every number (SQLite: text, blobs) in the last.
QStringList rangeConditions(const QString &column, qint64 low, qint64 high, qint64 rows, qint64 rowsPerRange,
                            bool nullsFirst = false);

}  // namespace oas::exporter
