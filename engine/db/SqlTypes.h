#pragma once
// ODBC SQL data types: their names as the manual prints them, and the matching rule the manual's
// SortControl table gives each type when it is used as a delta key.
#include "../config/AgentConfig.h"

#include <optional>

namespace oas::db {

QString sqlTypeName(int sqlType);
// The PostgreSQL type a value of that ODBC SQL type is cast to where the server cannot infer it (a VALUES
// list of parameters); empty for types the import does not cast.
QString postgresCastType(int sqlType);  // "SQL_VARCHAR"; "SQL_TYPE(n)" for an unknown code
// The default matching rule of a key column of that type; nullopt where the manual says "fail".
std::optional<config::SortForm> defaultSortForm(int sqlType);
bool isBinaryType(int sqlType);
bool isCharacterType(int sqlType);  // CHAR, VARCHAR, LONGVARCHAR and their wide forms
// Whether text is binary data as the export writes it: an even number of hex digits (bound as those bytes).
bool isHexText(const QString &text);
bool isBooleanType(int sqlType);

}  // namespace oas::db
