#pragma once
// ODBC SQL data types: their names as the manual prints them, and the matching rule the manual's
// SortControl table gives each type when it is used as a delta key.
#include "../config/AgentConfig.h"

#include <optional>

namespace oas::db {

QString sqlTypeName(int sqlType);  // "SQL_VARCHAR"; "SQL_TYPE(n)" for an unknown code
// The default matching rule of a key column of that type; nullopt where the manual says "fail".
std::optional<config::SortForm> defaultSortForm(int sqlType);
bool isBinaryType(int sqlType);
bool isBooleanType(int sqlType);

}  // namespace oas::db
