#pragma once
// The run panel: one click runs the open configuration as a full export, a delta export or an import (with
// the data file chosen, the last choice remembered), on a worker thread; the trace streams in (bounded),
// the statistics and records per second update live, Cancel stops between records, and the summary says
// what was done.
#include "run/JobObserver.h"

#include <QElapsedTimer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace oas::ui {

class ExceptionsView;
class JobRunner;
class SyncProcess;
struct JobSpec;
class RateChart;
class TraceView;

class RunPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunPanel(QWidget *parent = nullptr);

    void setConfigPath(const QString &path);
    QString configPath() const { return m_configPath; }
    // Starts the chosen job; false (with the reason in the summary) when it cannot start.
    bool run();
    // Runs a sync file's steps (odbc-agent sync as a child process): the output streams into the trace, each
    // step shown as it starts; dry run predicts; allowDeletes lets the delete guard pass once.
    bool runSync(const QString &syncFile, bool dryRun, std::optional<qint64> allowDeletes = std::nullopt);
    // Fires the pair (its INI) for each record of dataFile (absolute); event insert / update / delete, or
    // empty for each record's ChangeType. Same views as other jobs.
    bool firePair(const QString &iniPath, const QString &dataFile, const QString &event);
    void cancel();
    void step();
    void go();
    void setStepping(bool on);
    // Breakpoints for the next run: on failed records, at a line (0: none), on a change type ("": none).
    void setBreakpoints(bool onError, int atLine, const QString &changeType);
    QString currentRecord() const;
    // The lines of the current record that are marked: values the record changed, and a failed record.
    QStringList markedRecordLines() const;
    void setJobKind(int kind);  // 0 full export, 1 delta export, 2 import
    void setDataFile(const QString &path);
    bool isRunning() const;
    static QString exitText(int exitCode);  // "exit code 0x3C (done with warnings)"
    QString summary() const;
    QString traceText() const;
    QString statistics() const;
    ExceptionsView *exceptions() const { return m_exceptions; }
    TraceView *trace() const { return m_trace; }
    RateChart *chart() const { return m_chart; }
    // The files the last run wrote, as "label<TAB>path" (shown as links under the summary).
    QStringList outputs() const;
    void openOutput(int index);

signals:
    void openFileRequested(const QString &path);
    void aboutToRun();  // connected directly: unsaved edits are saved before the job reads the file
    void jobFinished(int exitCode);
    // A sync's delete guard stopped it: deletes is what --allow-deletes would let through.
    void deleteGuardStopped(const QString &syncFile, qint64 deletes, const QString &message, bool dryRun);

private:
    void chooseDataFile();
    bool start(const JobSpec &given, const QString &what, const QStringList &keychain);
    void showProgress(const run::JobProgress &progress);
    void showStep(const run::RecordStep &step);
    void markStep(const run::RecordStep &step);

    JobRunner *m_runner;
    SyncProcess *m_sync;
    QString m_syncFile;
    bool m_syncDry = false;
    QString m_configPath;
    QString m_lastRunConfig;  // the configuration whose exceptions are shown
    QComboBox *m_kind;
    QLineEdit *m_dataFile;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QCheckBox *m_stepping;
    QPushButton *m_step;
    QPushButton *m_go;
    QPlainTextEdit *m_record;
    QCheckBox *m_breakOnError;
    QLineEdit *m_breakAtLine;
    QComboBox *m_breakOnChange;
    QTabWidget *m_views;
    QLabel *m_stats;
    QLabel *m_summary;
    QLabel *m_target;  // which configuration Run runs
    TraceView *m_trace;
    RateChart *m_chart;
    QLabel *m_outputs;
    ExceptionsView *m_exceptions;
    QElapsedTimer m_clock;
};

}  // namespace oas::ui
