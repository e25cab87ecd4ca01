#pragma once
// The application log (docs/journal.md): one line per run start, end and failure and per failed pair event,
// through spdlog's rotating file sink (odbc-agent.log beside the journal, 5 MiB x 3 files; OAS_APP_LOG
// names another file, "off" none). Lines are appended whole (O_APPEND), so several processes may write.
#include <QString>

namespace oas::journal {

enum class LogLevel { Info, Warning, Error };

QString appLogPath();
void appLog(LogLevel level, const QString &line);

}  // namespace oas::journal
