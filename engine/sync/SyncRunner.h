#pragma once
// Runs a sync's steps in order in this process (docs/sync.md): each step through the same code as its
// command (ODBCAgentExp, ODBCAgentImp, odbc-agent pair / queue refresh), journaled as a step of the sync,
// in the sync file's folder; the delete guard before each import; a dry run keeps nothing.
#include "SyncFile.h"

#include "../journal/RunEntry.h"

#include <QTextStream>

#include <optional>

namespace oas::sync {

struct SyncOptions {
    bool dryRun = false;
    std::optional<qint64> allowDeletes;  // --allow-deletes N: up to N deletes pass the guard, this once
    QStringList arguments;               // the command line, for the journal
};

struct StepOutcome {
    QString name;
    StepKind kind = StepKind::Export;
    enum class State { NotRun, Ran, Skipped, Guarded } state = State::NotRun;
    int exitCode = -1;
    journal::RunCounts counts;
    qint64 runId = 0;
    QString note;  // why skipped or guarded
};

struct SyncResult {
    int exitCode = 1;  // 0 every step done, 0x3C some with warnings, 1 a step failed (stopped or gone past) or guarded
    QList<StepOutcome> steps;
    qint64 runId = 0;  // the sync's own journal entry
};

SyncResult runSync(const SyncDefinition &sync, const SyncOptions &options, QTextStream &out, QTextStream &err);

}  // namespace oas::sync
