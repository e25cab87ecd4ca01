#pragma once
// Whether a driver hands out character data bound as SQL_C_CHAR as the database's UTF-8, unchanged. Reading
// UTF-8 spares the driver a conversion per value (psqlODBC converts every value twice when asked for
// UTF-16: once to measure, once to copy) and halves the bytes copied.
// The SQLite3 ODBC driver always gives UTF-8. psqlODBC's Unicode driver gives it when the encoding it
// derives for the client (PGCLIENTENCODING, else the codeset of the locale, e.g. C.UTF-8) is UTF-8;
// otherwise it converts to that encoding, which may not hold every character. So it is not assumed: a
// probe value with characters of two, three and four UTF-8 bytes and a line feed is read back and compared.

namespace oas::db {

// Runs the probe on a PostgreSQL connection handle (one SELECT, in auto-commit mode, so that a failure
// leaves no transaction behind); false when the bytes differ or anything fails.
bool probeUtf8Text(void *dbc);

}  // namespace oas::db
