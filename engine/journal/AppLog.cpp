#include "AppLog.h"

#include "RunJournal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/spdlog.h>

#include <mutex>

namespace oas::journal {

namespace {

std::shared_ptr<spdlog::logger> logger()
{
    static std::mutex mutex;
    static std::shared_ptr<spdlog::logger> made;
    static QString madeFor;
    std::lock_guard<std::mutex> lock(mutex);
    const QString path = appLogPath();
    if (path.isEmpty())
        return nullptr;
    if (made && madeFor == path)
        return made;
    try {
        QDir().mkpath(QFileInfo(path).absolutePath());
        auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(QFile::encodeName(path).toStdString(),
                                                                          5 * 1024 * 1024, 3);
        made = std::make_shared<spdlog::logger>("odbc-agent", sink);
        made->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l [%P] %v", spdlog::pattern_time_type::utc);
        made->flush_on(spdlog::level::info);
        madeFor = path;
    } catch (const spdlog::spdlog_ex &) {
        made.reset();  // the log is a help, never a reason for a run to fail
    }
    return made;
}

}  // namespace

QString appLogPath()
{
    const QString env = qEnvironmentVariable("OAS_APP_LOG");
    if (env == QLatin1String("off"))
        return QString();
    if (!env.isEmpty())
        return env;
    const QString journal = RunJournal::defaultPath();
    if (RunJournal::isOff(journal))
        return QString();
    return QFileInfo(journal).absolutePath() + QStringLiteral("/odbc-agent.log");
}

void appLog(LogLevel level, const QString &line)
{
    const auto log = logger();
    if (!log)
        return;
    QString oneLine = line;
    oneLine.replace(QLatin1Char('\n'), QStringLiteral(" | "));
    const std::string text = oneLine.toStdString();
    try {
        log->log(level == LogLevel::Error ? spdlog::level::err : level == LogLevel::Warning ? spdlog::level::warn
                                                                                            : spdlog::level::info,
                 spdlog::string_view_t(text));
    } catch (const spdlog::spdlog_ex &) {
    }
}

}  // namespace oas::journal
