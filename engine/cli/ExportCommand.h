#pragma once
// ODBCAgentExp once its command line and configuration are read: runs the export and reports.
#include "../config/ConfigParser.h"
#include "AgentCommandLine.h"

namespace oas::journal {
class RunRecorder;
}

#include <QTextStream>

namespace oas::cli {

int runExportCommand(const AgentOptions &options, const config::AgentConfig &config, QTextStream &out, QTextStream &err,
                     journal::RunRecorder *record = nullptr);

}  // namespace oas::cli
