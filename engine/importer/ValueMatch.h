#pragma once
// ModifyAnyway's comparison of a stored value with an incoming one, by the matching rule the manual's
// table gives the column's SQL type: integer form, numeric form, case-sensitive, case-ignore, or none
// (never equal, so the value is always written). NULL matches only an empty incoming value.
#include <QString>

#include <optional>

namespace oas::importer {

enum class MatchRule { Integer, Numeric, CaseSensitive, CaseIgnore, None };

MatchRule matchRuleFor(int sqlType);
bool valuesMatch(MatchRule rule, const std::optional<QString> &stored, const QString &incoming);

}  // namespace oas::importer
