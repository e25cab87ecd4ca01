#pragma once
// What ODBCAgentExp, ODBCAgentImp and odbc-agent do, behind their thin mains, with the output streams passed
// in so tests can run them in-process.
#include "AgentCommandLine.h"

#include <QTextStream>

namespace oas::cli {

int runAgent(AgentKind kind, const QStringList &arguments, QTextStream &out, QTextStream &err);
int runOdbcAgent(const QStringList &arguments, QTextStream &out, QTextStream &err);

}  // namespace oas::cli
