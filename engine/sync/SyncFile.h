#pragma once
// A sync file (NAME.sync, docs/sync.md): ordered steps, each an export, an import, mapping-pair events or a
// queue refresh, with what an exit code 1 or 0x3C does, and the delete guard. An INI in the agents' style:
//   [sync]           Name=, DeleteGuard=on|off, MaxDeletes=500, MaxDeletePercent=50, MinRows=10
//   [step NAME]      Kind=export|import|pair|queue, Config=, Output= / Input= (@STEP: that step's output),
//                    Mode=config|full (export), Pairs=, Folder=, Event= (pair), OnError=stop|continue,
//                    OnWarnings=continue|stop, and the guard's keys for this step
// Paths are relative to the sync file's folder, where the steps run.
#include <QList>
#include <QString>

namespace oas::sync {

enum class StepKind { Export, Import, Pair, Queue };
QString stepKindName(StepKind kind);

struct GuardSettings {
    bool on = true;
    qint64 maxDeletes = 500;   // more deletes than this stop the sync (Entra Connect's default)
    int maxDeletePercent = 50; // more than this percentage of the target's rows ...
    qint64 minRows = 10;       // ... in a table of at least this many rows
};

struct SyncStep {
    QString name;
    int line = 0;  // of its [step] header
    StepKind kind = StepKind::Export;
    QString config;   // export / import / queue configuration; the pairs folder for pair (Folder=)
    QString output;   // export: the data file written (default NAME.txt)
    QString input;    // import / pair: a data file, or @STEP
    bool fullExport = false;  // Mode=full: a full export with a new reference file (-r)
    QString pairs;    // pair: NAME[,NAME]
    QString event;    // pair: insert|update|delete; empty: each record's ChangeType
    bool stopOnError = true;
    bool stopOnWarnings = false;
    GuardSettings guard;
    QString inputStep() const { return input.startsWith(QLatin1Char('@')) ? input.mid(1) : QString(); }
};

struct SyncProblem {
    int line = 0;
    QString message;
    QString toText(const QString &path) const;  // "path:LINE: message"
};

struct SyncDefinition {
    QString path;    // absolute
    QString folder;  // where the steps run
    QString name;
    GuardSettings guard;
    QList<SyncStep> steps;
    QList<SyncProblem> problems;
    bool ok() const { return problems.isEmpty(); }
    const SyncStep *step(const QString &name) const;
};

SyncDefinition parseSyncText(const QString &path, const QByteArray &text);
SyncDefinition readSyncFile(const QString &path);  // a missing or unreadable file is a problem at line 0
bool isSyncFile(const QString &path);  // by its suffix

}  // namespace oas::sync
