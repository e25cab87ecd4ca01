#include "DebugLog.h"

#include <QFile>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/spdlog.h>

#include <sys/stat.h>

namespace oas::pairs {

DebugLog::DebugLog(const QString &fileName, int maxFiles, qint64 maxFileSize)
    : m_fileName(fileName), m_maxFiles(maxFiles), m_maxFileSize(maxFileSize)
{
}

DebugLog::~DebugLog()
{
    flush();
}

bool DebugLog::open(QString *error)
{
    spdlog::file_event_handlers handlers;
    // Each file, the first and every one rotation starts, is the user's alone (FileMode.h).
    handlers.after_open = [](const spdlog::filename_t &, std::FILE *stream) { ::fchmod(fileno(stream), 0600); };
    try {
        auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(QFile::encodeName(m_fileName).toStdString(),
                                                                          size_t(m_maxFileSize), size_t(std::max(1, m_maxFiles - 1)),
                                                                          false, handlers);
        m_logger = std::make_shared<spdlog::logger>("pairs-debug", sink);
        m_logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %v", spdlog::pattern_time_type::utc);
        m_logger->flush_on(spdlog::level::err);
        return true;
    } catch (const spdlog::spdlog_ex &e) {
        *error = QStringLiteral("cannot open the debug log %1: %2").arg(m_fileName, QString::fromLocal8Bit(e.what()));
        return false;
    }
}

void DebugLog::write(const QString &block)
{
    if (!m_logger)
        return;
    QString text = block;
    while (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    const std::string bytes = text.toStdString();
    try {
        m_logger->info(spdlog::string_view_t(bytes));
    } catch (const spdlog::spdlog_ex &) {
    }
}

void DebugLog::flush()
{
    if (m_logger)
        m_logger->flush();
}

}  // namespace oas::pairs
