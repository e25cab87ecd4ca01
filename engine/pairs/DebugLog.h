#pragma once
// The pairs' debug log (docs/pairs.md): when enabled, every connection attempt (the connection string with
// the password as ***) and every event's exact SQL with its values and outcome. It grows fast; it rotates
// like trace files (a name without suffix: NAME000.txt ... in turn, each kept a little under maxFileSize).
#include "../trace/TraceFile.h"

#include <memory>

namespace oas::pairs {

class DebugLog {
public:
    DebugLog(const QString &fileName, int maxFiles = 10, qint64 maxFileSize = 10 * 1024 * 1024);
    bool open(QString *error);
    void write(const QString &block);  // timestamped
    void flush() { m_file.flush(); }
    QString currentPath() const { return m_file.currentPath(); }

private:
    trace::TraceFile m_file;
};

}  // namespace oas::pairs
