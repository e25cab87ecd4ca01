#pragma once
// What the streaming export (BlockFetch) and the import's prepared statements (Statement) share about a raw
// ODBC statement: SQL text for the wide-character API, describing a result column, and reading one column
// value of the current row as the export text (ValueText): the C type chosen per SQL type, fixed-size values
// in one SQLGetData call, long data in pieces.
#include "ColumnInfo.h"

#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

namespace oas::db {

// UTF-8 bytes as text's content in UTF-16, reusing its buffer (invalid sequences become U+FFFD; a leading
// U+FEFF is kept as data). Plain ASCII, the usual case, is widened without a decoder.
void setUtf8(QString &text, const char *bytes, qsizetype size);
// The same; false when some bytes were not UTF-8 (U+FFFD in their place).
bool setUtf8Checked(QString &text, QByteArrayView bytes);

// A statement without its trailing semicolons, to be wrapped in another (a subquery, a CTE).
QString withoutTrailingSemicolons(const QString &sql);
// The text NUL-terminated in UTF-16, for SQLExecDirectW / SQLPrepareW.
std::vector<char16_t> wideText(const QString &text);
// Result column `number` (1-based) as SQLDescribeColW gives it, with its type name; false when the driver
// refuses.
bool describeColumn(void *stmt, int number, ColumnInfo *info);
// The data source's name of the column's type (SQL_DESC_TYPE_NAME: "int4", "VARCHAR(20)"); empty when none.
QString columnTypeName(void *stmt, int number);

// The C type a column of that SQL type is read as: dates, times, timestamps, integers and floating point
// as their structs; binary data as bytes; everything else as text (UTF-8 when utf8Text, else UTF-16).
short cTypeForColumn(int sqlType, bool utf8Text);
bool isFixedSizeCType(short cType);
// The export text of a fixed-size C value at p (a date, time or timestamp struct, SQLBIGINT or SQLDOUBLE).
QString fixedValueText(short cType, int sqlType, const char *p);
// Column `number` (1-based) of the statement's current row, NULL as an empty optional; false with the
// manual's "SQLGetData failure" block.
bool readColumnValue(void *stmt, int number, short cType, int sqlType, std::optional<QString> &value,
                     QString *errorBlock);
// The bytes of a column read as cType (SQL_C_CHAR, SQL_C_WCHAR or SQL_C_BINARY), whole, NULL as an empty
// optional; false with the manual's "SQLGetData failure" block.
bool readColumnBytes(void *stmt, int number, short cType, std::optional<QByteArray> &bytes, QString *errorBlock);

}  // namespace oas::db
