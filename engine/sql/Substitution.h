#pragma once
// The manual's "simple text substitution" of attribute abbreviations in From and Where: each abbreviation
// written as a whole word (not part of a longer name, not next to a '.') outside quotes or brackets is
// replaced by its column identifier. Longer abbreviations win over shorter ones; case is ignored.
#include "../config/AgentConfig.h"

namespace oas::sql {

QString substituteAbbreviations(const QString &text, const config::AttributesSection &attributes);

}  // namespace oas::sql
