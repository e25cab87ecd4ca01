#pragma once
// PostgreSQL: each row of a result as one value. psqlODBC's work per value (a copy, its conversions, a
// strcasecmp) is what limits reading large results, and it grows with the number of columns. The server
// can send each row as one composite value instead - ROW(...)::text, e.g. (1,Davolio,"Sales Rep",,"")
// - which is split here. Only for results whose columns are all integers or character strings (by their
// PostgreSQL type names), as their text is the same both ways; anything else is read column by column.
#include "ColumnInfo.h"

#include <QList>

#include <optional>
#include <vector>

namespace oas::db {

struct PackedSelect {
    QString sql;                 // empty: the rows cannot be packed
    QList<ColumnInfo> columns;   // the original statement's columns
};

// When every column qualifies - by its type name in columns (sql's description), or because castToText
// says the statement sql casts it to text (ExactSelect.h) - the SELECT that returns its rows packed:
// SELECT CAST(ROW(c1, ...) AS text) FROM (sql) AS packed(c1, ...); else an empty sql.
PackedSelect packedSelect(const QString &sql, const QList<ColumnInfo> &columns, const std::vector<bool> &castToText);

// The fields of one packed row (record syntax: NULL as nothing, "" for an empty string, quotes doubled,
// backslashes escaping); false when text is not a record of row.size() fields. The row's strings are
// reused. The record comes as UTF-16 or, where the driver gives it unchanged (Utf8Text.h), as UTF-8.
bool unpackRow(QStringView text, std::vector<std::optional<QString>> &row);
bool unpackRow(QByteArrayView utf8, std::vector<std::optional<QString>> &row);

// How many bytes to bind for one packed row of these columns: room for typical rows, not for every possible
// one (a CHARACTER VARYING without a length reports 255, a TEXT none); longer rows are read again whole.
qsizetype packedRowBytes(const QList<ColumnInfo> &columns);

}  // namespace oas::db
