#pragma once
// odbc-agent queue refresh CONFIG [--since DATE] | status CONFIG (docs/queue.md).
#include <QStringList>
#include <QTextStream>

namespace oas::cli {

int queueCommand(const QStringList &args, QTextStream &out, QTextStream &err);

}  // namespace oas::cli
