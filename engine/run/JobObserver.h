#pragma once
// How a running job reports to whoever watches it: the CLI prints, the Studio adapts the calls into batched
// GUI updates. Calls come from the job's own thread; implementations must be quick and thread-safe.
#include "../config/AgentConfig.h"

#include <QString>
#include <QStringList>


namespace oas::run {

struct JobProgress {
    qint64 records = 0;      // rows read (export) or records read (import) so far
    qint64 adds = 0;
    qint64 modifies = 0;
    qint64 deletes = 0;
    qint64 errors = 0;
    qint64 warnings = 0;
    qint64 bytesDone = 0;   // of the input, when its size is known (an import's data file)
    qint64 bytesTotal = 0;  // 0: unknown
};

// What a trace block is: an error or warning (always traced), a TraceFlow line, or a block of a TraceLevel.
// Audit: where secrets came from (-AuditLevel 1 and up), never their values.
enum class TraceKind { Error, Flow, Level, Audit };

// One record of a job, as single-step mode shows it before the next one.
struct RecordStep {
    int line = 0;              // of the record in its file
    QString summary;           // "record Nancy/Davolio at line 1 (updated)"
    QStringList attributes;    // "GN: Nancy", as read
    QStringList events;        // the record's diagnostic events
    bool failed = false;       // written to the exceptions file
    QString changeType;        // add, modify, delete, or empty
    // Imports: each statement run for the record with its bound values, and the rows its SelectBy finds
    // before and after it ("GN = Nancy" per column); rowsLooked is false where no row was looked for.
    QStringList statements;
    QList<QStringList> rowsBefore;
    QList<QStringList> rowsAfter;
    bool rowsLooked = false;
};

class JobObserver {
public:
    virtual ~JobObserver() = default;
    // One trace block; level only means something for TraceKind::Level.
    virtual void traceLine(TraceKind kind, config::TraceLevel level, const QString &text) = 0;
    virtual void progress(const JobProgress &) {}
    // In single-step mode, after each record and before the pause.
    virtual void recordStepped(const RecordStep &) {}
};

}  // namespace oas::run
