#pragma once
// The trace of one job: the levels of the [control] section decide what is written, Trace=1 sends it to the
// trace file(s), -v echoes it to standard output, and every block also goes to the JobObserver (the
// Studio's live view). Errors are always traced. TraceFlow 1 adds "entering X()" / "exiting X()" lines.
#include "../config/AgentConfig.h"
#include "../run/JobObserver.h"
#include "TraceFile.h"

#include <QTextStream>

#include <memory>

namespace oas::trace {

class Trace {
public:
    struct Options {
        bool toFile = false;         // Trace=1
        config::TraceLevels levels;  // TraceLevel
        QString fileName = QStringLiteral("trace.txt");
        int maxFiles = 1000;
        qint64 maxFileSize = 1048576;
        int flow = 0;             // TraceFlow
        QTextStream *echo = nullptr;  // -v: standard output
        run::JobObserver *observer = nullptr;

        static Options fromConfig(const config::ControlSection &control);
    };

    explicit Trace(Options options);
    bool open(QString *error);  // opens the file when Trace=1

    bool on(config::TraceLevel level) const { return m_options.levels.testFlag(level); }
    void write(config::TraceLevel level, const QString &block);  // when the level is on
    void error(const QString &block);                            // always
    void audit(const QString &block);                            // always (called for -AuditLevel >= 1)
    void enter(const char *function);
    void exit(const char *function);
    void flush();
    // Keeps a secret (a password) out of every block from now on: it is written as ***.
    void hide(const QString &secret);
    QString redact(const QString &text) const;
    const QStringList &secrets() const { return m_secrets; }
    // The trace file being written (Trace=1), empty otherwise.
    QString filePath() const { return m_file ? m_file->currentPath() : QString(); }

private:
    void emitBlock(run::TraceKind kind, config::TraceLevel level, const QString &block);
    Options m_options;
    std::unique_ptr<TraceFile> m_file;
    QStringList m_secrets;
};

// entering/exiting lines around a scope (TraceFlow 1).
class FlowScope {
public:
    FlowScope(Trace &trace, const char *function) : m_trace(trace), m_function(function) { m_trace.enter(function); }
    ~FlowScope() { m_trace.exit(m_function); }
    FlowScope(const FlowScope &) = delete;
    FlowScope &operator=(const FlowScope &) = delete;

private:
    Trace &m_trace;
    const char *m_function;
};

}  // namespace oas::trace
