#pragma once
// Reading every value exactly as the database holds it (DECISIONS.md 15), where the driver's own conversions
// would change it:
// - psqlODBC parses dates, times and timestamps into C structs even when text is asked for: 'infinity' comes
//   out as 0000-00-00, a year past 9999 or BC loses digits or its era, timestamptz its offset, and
//   time '24:00:00' fails. Floating point and uuid values are cast to text by the server too, so the export
//   writes PostgreSQL's own text (shortest exact floats, -0, Infinity, NaN; lowercase uuids).
// - MariaDB Connector/ODBC parses temporal values too: the zero date 0000-00-00 and a TIME beyond 24 hours
//   fail the fetch ("Invalid datetime format"). Those columns, floats and uuids are cast to CHAR by the
//   server (MariaDB's own text, fractions as the column declares them).
// - The SQLite3 driver converts a value to the column's declared type (text in an INTEGER column comes out
//   empty, 1.5 in a BIGINT as 1) and writes REAL values with 15 digits. SQLite keeps any storage class in
//   any column, so every column is read as text that says what is stored (sqliteStoredValue): REALs in 17
//   or 18 digits, turned into the shortest text that reads back to the same double; BLOBs as hex digits.
// The statement is wrapped (a subquery or CTE around it); callers keep seeing the original statement's
// columns (names, SQL types, sizes).
#include "ColumnInfo.h"
#include "Connection.h"

#include <QByteArrayView>

#include <optional>
#include <vector>

namespace oas::db {

struct ExactSelect {
    QString sql;                // empty: read the statement as it is
    QList<ColumnInfo> columns;  // the original statement's columns
    std::vector<bool> asText;   // per column: read as text (never converted by the driver)
    bool sqliteMarks = false;   // values come as sqliteStoredValue reads them
};

ExactSelect exactSelect(const Connection &connection, const QString &sql);

// Whether psqlODBC or MariaDB Connector/ODBC changes values of this SQL type on the way, in results and in
// parameters: such parameters are bound as SQL_VARCHAR, so the server reads the text itself ('infinity',
// BC, 24:00:00, -0; MariaDB's zero date, TIME beyond 24 hours).
bool driverConverts(int sqlType);

// A number's text ("3.1415926535897931", "1.0") as the shortest text that reads back to the same double
// ("3.141592653589793", "1"); text that is not a number ("9e999" for an infinity) unchanged.
void shortestRealText(QString &text);

// A value of a SQLite column as exactSelect reads it (its bytes), into value as the export writes it. A
// value an import cannot give back - a BLOB in a column that is not binary, anything but a BLOB in a binary
// one, a text that is not UTF-8 - is still written (as hex digits, or with U+FFFD), and the message says so
// (columnType: the SQL type's name as the trace shows it).
std::optional<QString> sqliteStoredValue(QByteArrayView bytes, bool binaryColumn, const QString &columnType, QString &value);

}  // namespace oas::db
