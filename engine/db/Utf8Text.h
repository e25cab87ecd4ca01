#pragma once
// Whether a driver hands out character data bound as SQL_C_CHAR as the database's UTF-8, unchanged. Reading
// UTF-8 spares the driver a conversion per value (psqlODBC converts every value twice when asked for
// UTF-16: once to measure, once to copy) and halves the bytes copied.
// The SQLite3 ODBC driver always gives UTF-8. psqlODBC's Unicode driver gives it when the encoding it
// derives for the client (PGCLIENTENCODING, else the codeset of the locale, e.g. C.UTF-8) is UTF-8;
// otherwise it converts to that encoding, which may not hold every character. MariaDB Connector/ODBC gives
// and takes the connection's character set (utf8mb4 for its Unicode driver) and would otherwise convert
// every value to UTF-16 through a new iconv descriptor (an export took 8 times as long as the mariadb
// client). So it is not assumed: a probe value with characters of two, three and four UTF-8 bytes and a
// line feed is read back and compared.

namespace oas::db {

enum class ProbeSql { PostgreSql, MariaDb };

// Runs the probe on a connection handle (one SELECT, in auto-commit mode, so that a failure leaves no
// transaction behind); false when the bytes differ or anything fails.
bool probeUtf8Text(void *dbc, ProbeSql dialect = ProbeSql::PostgreSql);

}  // namespace oas::db
