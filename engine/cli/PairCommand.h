#pragma once
// odbc-agent pair: fires mapping-pair events for the records of a tagged data file (docs/pairs.md), or
// checks a pair against its target table.
#include <QStringList>
#include <QTextStream>

namespace oas::cli {

int pairCommand(const QStringList &args, QTextStream &out, QTextStream &err);

}  // namespace oas::cli
