#pragma once
// PostgreSQL: each row of a result as one value. psqlODBC's work per value (a copy, its conversions, a
// strcasecmp) is what limits reading large results, and it grows with the number of columns. The server
// sends each row as one text instead, split here: concat_ws(<separator>, mask, c1, c2, ...), the mask a
// number whose bit i says column i is NULL (concat_ws leaves NULLs out), the values between separators.
// The separator is four control characters, U+0001 and three drawn at random for each statement, so that
// data holding U+0001 (some systems' field delimiter) is only data. Making that text costs the server about
// half of what the record syntax ROW(...)::text does (which looks at every character to quote it: 1M rows
// of 15 columns 0.85 s against 1.45 s). A value that holds the separator itself shows as a separator too
// many: that row is asked for again as ROW(...)::text (recoverSql) and split by the record syntax. Only for
// results whose columns are all integers or character strings (by their PostgreSQL type names), as their
// text is the same both ways; anything else is read column by column.
#include "ColumnInfo.h"

#include <QList>

#include <optional>
#include <vector>

namespace oas::db {

inline constexpr int kSeparatorBytes = 4;

struct PackedSelect {
    QString sql;                 // empty: the rows cannot be packed
    QString recoverSql;          // the rows, as ROW(...)::text, whose packed text is the one parameter
    QByteArray separator;        // kSeparatorBytes, the first U+0001
    QList<ColumnInfo> columns;   // the original statement's columns
};

// When every column qualifies - by its type name in columns (sql's description), or because castToText
// says the statement sql casts it to text (ExactSelect.h) - the SELECT that returns its rows packed:
// SELECT concat_ws(<separator>, <masks>, c1, ...) FROM (sql) AS packed(c1, ...); else an empty sql. The
// separator is random unless one is given (tests: kSeparatorBytes, the first U+0001, the others not). One mask
// per kMaskColumns columns, all before the first value. PostgreSQL passes a function at most 100 arguments:
// more than kGroupColumns columns go in groups of that many, each its own concat_ws (an empty text where
// all of a group's values are NULL) after one separator of the outer one.
inline constexpr int kMaskColumns = 60;
inline constexpr int kGroupColumns = 90;
PackedSelect packedSelect(const QString &sql, const QList<ColumnInfo> &columns, const std::vector<bool> &castToText,
                          const QByteArray &separator = {});

// The fields of one packed row with this separator; false when text does not split into row.size() fields
// exactly (a value holding the separator: ask recoverSql). The row's strings are reused. The text comes as
// UTF-16 or, where the driver gives it unchanged (Utf8Text.h), as UTF-8.
bool unpackRow(QStringView text, QByteArrayView separator, std::vector<std::optional<QString>> &row);
bool unpackRow(QByteArrayView utf8, QByteArrayView separator, std::vector<std::optional<QString>> &row);
// The same without decoding: each field as a view into utf8 (NULL as nullopt), fields.size() of them.
bool splitRow(QByteArrayView utf8, QByteArrayView separator, std::vector<std::optional<QByteArrayView>> &fields);

// The fields of a row in the record syntax of ROW(...)::text (NULL as nothing, "" for an empty string,
// quotes doubled, backslashes escaping); false when text is not a record of row.size() fields.
bool unpackRecord(QStringView text, std::vector<std::optional<QString>> &row);

// How many bytes to bind for one packed row of these columns: room for typical rows, not for every possible
// one (a CHARACTER VARYING without a length reports 255, a TEXT none); longer rows are read again whole.
qsizetype packedRowBytes(const QList<ColumnInfo> &columns);

}  // namespace oas::db
