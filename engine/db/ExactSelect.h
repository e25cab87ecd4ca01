#pragma once
// Reading every value exactly as the database holds it (DECISIONS.md 15), where the driver's own conversions
// would change it:
// - psqlODBC parses dates, times and timestamps into C structs even when text is asked for: 'infinity' comes
//   out as 0000-00-00, a year past 9999 or BC loses digits or its era, timestamptz its offset, and
//   time '24:00:00' fails. Floating point and uuid values are cast to text by the server too, so the export
//   writes PostgreSQL's own text (shortest exact floats, -0, Infinity, NaN; lowercase uuids).
// - The SQLite3 driver converts a value to the column's declared type (text in an INTEGER column comes out
//   empty, 1.5 in a BIGINT as 1) and writes REAL values with 15 digits. Every column that is not binary is
//   read as text (what SQLite stores), and REAL values are printed by SQLite with 17 digits, which the reader
//   turns into the shortest text that reads back to the same double.
// The statement is wrapped (a subquery or CTE around it); callers keep seeing the original statement's
// columns (names, SQL types, sizes).
#include "ColumnInfo.h"
#include "Connection.h"

#include <vector>

namespace oas::db {

struct ExactSelect {
    QString sql;                // empty: read the statement as it is
    QList<ColumnInfo> columns;  // the original statement's columns
    std::vector<bool> asText;   // per column: read as text (never converted by the driver)
    std::vector<bool> realText; // per column: a REAL in SQLite's 17-digit text, to be written shortest
};

ExactSelect exactSelect(const Connection &connection, const QString &sql);

// Whether psqlODBC changes values of this SQL type on the way, in results and in parameters: such
// parameters are bound as SQL_VARCHAR, so the server reads the text itself ('infinity', BC, 24:00:00, -0).
bool postgresConverts(int sqlType);

// SQLite's 17-digit text of a REAL ("3.1415926535897931", "1.0") as the shortest text that reads back to
// the same double ("3.141592653589793", "1"); any other text (an integer, "9e999" for an infinity)
// unchanged.
void shortestRealText(QString &text);

}  // namespace oas::db
