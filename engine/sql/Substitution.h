#pragma once
// The manual's "simple text substitution" of attribute abbreviations in From and Where: each abbreviation
// written as a whole word (not part of a longer name, not next to a '.') outside quotes or brackets is
// replaced by its column identifier. Longer abbreviations win over shorter ones; case is ignored. A word in
// correlation-name position (after AS, or right after a table reference in From) is never replaced:
// "JOIN Employees AS Boss" keeps its Boss when BOSS is an abbreviation.
#include "../config/AgentConfig.h"

namespace oas::sql {

QString substituteAbbreviations(const QString &text, const config::AttributesSection &attributes);
// The table names (their last part) and correlation names of a From text, for a warning where an
// abbreviation is spelled like one.
QStringList fromNames(const QString &from);

}  // namespace oas::sql
