#pragma once
// odbc-agent schedule: a sync run by the system's scheduler (docs/sync.md).
#include <QStringList>
#include <QTextStream>

namespace oas::cli {

int scheduleCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

}  // namespace oas::cli
