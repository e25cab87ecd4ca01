#pragma once
// One entry of the run journal (docs/journal.md): who ran what, when, how it ended and with which counts.
#include <QDateTime>
#include <QString>

namespace oas::journal {

enum class RunState { Running, Succeeded, Warnings, Failed, Interrupted };

QString stateName(RunState state);                // "running", "succeeded", ...
RunState stateFromName(const QString &name);      // unknown names: Failed
RunState stateForExitCode(int exitCode);          // 0 succeeded, 0x3C warnings, else failed

struct RunCounts {
    qint64 created = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 deleted = 0;
    qint64 errors = 0;
    qint64 skipped = 0;
    qint64 read = 0;     // records (import) or rows (export) read
    qint64 written = 0;  // records written (export), applied (import), events fired (pair), rows frozen (queue)
};

struct RunEntry {
    qint64 id = 0;
    QString kind;        // export, import, pair, queue, sync
    QString syncName;    // the sync it ran in; empty for a run of its own
    QString step;        // the step's name in that sync
    QString config;      // absolute path of the configuration (or sync file)
    QString configHash;  // XXH3-64 of its content, hex
    QDateTime started;   // UTC
    QDateTime ended;     // UTC, invalid while running
    RunState state = RunState::Running;
    int exitCode = -1;
    RunCounts counts;
    double rate = 0;     // records per second
    bool dryRun = false;
    QString dataFile;
    QString referenceFile;
    QString exceptionsFile;
    QString traceFile;
    QString keptDir;     // where copies of the trace and exceptions of this run are kept, if any
    QString host;
    QString user;
    qint64 pid = 0;
    QString pidStart;    // the process's start time as the kernel gives it: tells a reused pid apart
    QString command;     // the command line, passwords masked
    QString firstError;
    int resumeLine = 0;  // an import that stopped part-way: the first record not imported

    qint64 durationMs() const;  // to now while running
};

}  // namespace oas::journal
