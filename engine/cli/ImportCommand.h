#pragma once
// ODBCAgentImp once its command line and configuration are read: runs the import and reports.
#include "../config/ConfigParser.h"
#include "AgentCommandLine.h"

namespace oas::journal {
class RunRecorder;
}

#include <QTextStream>

namespace oas::cli {

int runImportCommand(const AgentOptions &options, const config::AgentConfig &config, QTextStream &out, QTextStream &err,
                     journal::RunRecorder *record = nullptr);

}  // namespace oas::cli
