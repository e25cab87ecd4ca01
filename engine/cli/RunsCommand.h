#pragma once
// odbc-agent runs: the run journal from the command line (docs/journal.md).
#include <QStringList>
#include <QTextStream>

namespace oas::cli {

int runsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

}  // namespace oas::cli
