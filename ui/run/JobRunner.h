#pragma once
// Runs one agent job (full export, delta export, import) of a configuration on a worker thread with its own
// connection, and hands what it reports to the GUI thread in batches: trace blocks collect in a bounded
// queue drained by a timer (the oldest are dropped, and counted, when a job reports faster than the window
// can show), progress is sampled. Cancel stops the job between records through the engine's StepController.
// Relative paths in a configuration (database file, trace file, references, exceptions) are the
// configuration's folder's: the process works there while a job runs, so one job runs at a time.
#include "journal/RunEntry.h"
#include "run/JobObserver.h"
#include "run/StepController.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace oas::ui {

struct JobSpec {
    enum class Kind { FullExport, DeltaExport, Import, PairEvents };
    Kind kind = Kind::FullExport;
    QString configPath;
    QString dataPath;  // export output or import input, relative to the configuration's folder
    bool stepping = false;  // single-step: the job waits after each record for step() or go()
    // Breakpoints: single-step mode starts at the first record that fails, is at or after this line, or has
    // this change type.
    bool breakOnError = false;
    int breakAtLine = 0;    // 0: none
    QString breakOnChange;  // add, modify, delete; empty: none
    // keychain: entries of the configuration, read by the GUI thread before the job starts.
    QHash<QString, QString> keychain;
    // PairEvents: configPath is the pair's INI; the pairs folder is its folder; dataPath the records (absolute);
    // pairEvent insert / update / delete, empty: each record's ChangeType.
    QStringList pairs;
    QString pairEvent;
};

// One trace block as the job reported it.
struct TraceBlock {
    run::TraceKind kind = run::TraceKind::Level;
    config::TraceLevel level = config::TraceLevel::Summary;
    QString text;
};

// A file a job wrote, to open from its summary.
struct JobOutput {
    QString label;  // "data file", "exceptions file", ...
    QString path;   // absolute
};

class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject *parent = nullptr);
    ~JobRunner() override;  // cancels and waits

    bool start(const JobSpec &spec, QString *error);
    void cancel();
    // While a job runs: whether a failed record still stops it (only honoured when the job started with
    // breakpoints, which run it record by record).
    void setBreakOnError(bool on) { m_breakOnError = on; }
    void step();  // single-step: the next record
    void go();    // single-step: run on without stopping
    bool isRunning() const { return m_running; }
    qint64 droppedTraceBlocks() const { return m_dropped; }
    // The exceptions file of the last import (absolute), empty after an export.
    QString lastExceptionsPath() const { return m_exceptionsPath; }
    // The files the last job wrote (those that exist).
    const QList<JobOutput> &outputs() const { return m_outputs; }

signals:
    void traceBlocks(const QList<oas::ui::TraceBlock> &blocks);
    void progressed(const oas::run::JobProgress &progress);
    void stepped(const oas::run::RecordStep &step);
    void finished(int exitCode, const QString &summary);

private:
    class Observer;
    void drain();
    void run(const JobSpec &spec);  // journaled (docs/journal.md), as the agents' runs are
    void runJob(const JobSpec &spec);
    void runPairs(const JobSpec &spec);
    void addOutput(const QString &label, const QString &path);

    std::unique_ptr<Observer> m_observer;
    std::unique_ptr<run::StepController> m_step;  // one per job
    std::thread m_thread;
    QTimer m_timer;
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_done{false};
    std::atomic<bool> m_breakOnError{false};
    int m_exitCode = 1;
    QString m_summary;
    journal::RunEntry *m_entry = nullptr;  // the journal entry of the job running, filled as it goes
    QStringList m_secrets;                 // kept out of the journal's first error
    QString m_exceptionsPath;
    QList<JobOutput> m_outputs;
    QString m_previousDirectory;
    qint64 m_dropped = 0;
};

}  // namespace oas::ui
