#pragma once
// The pairs' debug log (docs/pairs.md): when enabled, every connection attempt (the connection string with
// the password as ***) and every event's exact SQL with its values and outcome. It grows fast; it rotates
// through spdlog's rotating file sink (FILE, then FILE.1, FILE.2 ... the oldest dropped; the suffix kept:
// log.txt, log.1.txt), each file a little under maxFileSize, created owner-only (it holds record values).
#include <QString>

#include <memory>

namespace spdlog {
class logger;
}

namespace oas::pairs {

class DebugLog {
public:
    DebugLog(const QString &fileName, int maxFiles = 10, qint64 maxFileSize = 10 * 1024 * 1024);
    ~DebugLog();
    bool open(QString *error);
    void write(const QString &block);  // timestamped (UTC)
    void flush();
    QString currentPath() const { return m_fileName; }

private:
    QString m_fileName;
    int m_maxFiles;
    qint64 m_maxFileSize;
    std::shared_ptr<spdlog::logger> m_logger;
};

}  // namespace oas::pairs
