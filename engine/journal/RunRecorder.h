#pragma once
// Puts one run into the run journal and the application log: an entry "running" when it starts, completed
// with its exit code, counts and files when it ends (an entry left "running" by a killed process is shown
// as interrupted). A journal that cannot be written never fails the run: it warns once on standard error.
#include "RunEntry.h"

#include <QStringList>
#include <QTextStream>

namespace oas::journal {

// The sync a run belongs to while a sync runs its steps in this process (empty otherwise).
struct SyncContext {
    QString syncName;
    QString step;
    bool dryRun = false;
};
void setSyncContext(const SyncContext &context);
const SyncContext &syncContext();
// The entry of the last run finished on this thread while a sync context was set (the sync reads its
// steps' outcomes from it).
const RunEntry &lastStepEntry();

// The command line as it may be shown: passwords (-p, --password, PWD= / Password= in connection strings)
// as ***.
QString maskedCommandLine(const QString &program, const QStringList &arguments);
QString configHash(const QString &path);  // XXH3-64 of the file, hex; empty when unreadable

class RunRecorder {
public:
    RunRecorder(const QString &kind, const QString &configPath, const QString &program, const QStringList &arguments,
                QTextStream &err);
    ~RunRecorder();  // a run never finished is journaled as failed
    RunRecorder(const RunRecorder &) = delete;
    RunRecorder &operator=(const RunRecorder &) = delete;

    RunEntry &entry() { return m_entry; }
    void start();
    // Ends the entry: exit code, the first error (secrets redacted), kept copies of the trace and exceptions.
    void finish(int exitCode, const QString &firstError = QString(), const QStringList &secrets = {});
    qint64 id() const { return m_entry.id; }

private:
    void warn(const QString &error);
    RunEntry m_entry;
    QTextStream &m_err;
    bool m_started = false;
    bool m_finished = false;
};

}  // namespace oas::journal
