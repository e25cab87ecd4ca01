#pragma once
// The Monitor (docs/studio.md): every run in the run journal, whoever started it (a shell, cron, a timer,
// another Studio), appearing while it runs; filters by configuration or sync, state and date; the selected
// run's details with its files (the kept copies for past runs), run again, and resume for an import that
// stopped part-way; a dashboard with one tile per configuration and sync. A run that fails or is
// interrupted while the Studio is open is announced (runFailed).
#include "journal/RunEntry.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTabWidget;
class QPlainTextEdit;
class QTimer;

namespace oas::ui {

class RunsModel;

class MonitorView : public QWidget {
    Q_OBJECT
public:
    explicit MonitorView(QWidget *parent = nullptr);

    void setJournalPath(const QString &path);  // default: the journal the agents use
    QString journalPath() const { return m_path; }
    void refresh();                             // reads the journal now
    // Filters: text in the configuration's or sync's name; state 0 all, 1 failed and interrupted, 2 running,
    // 3 succeeded, 4 with warnings; since (invalid: any date).
    void setFilter(const QString &text, int state, const QDate &since = {});
    RunsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    int tileCount() const;
    QWidget *dashboard() const { return m_dashboard; }
    void select(int row);
    // The schedules (odbc-agent schedule --list: each sync's schedule and next run), read again.
    void refreshSchedules();
    QString schedulesText() const;
    const journal::RunEntry *selected() const;
    // The file to open for the selected run: its kept copy when there is one, else the file itself.
    static QString fileToOpen(const journal::RunEntry &entry, const QString &path);
    // An import that stopped at line N: the records from N on, as a data file of their own (beside the
    // original, NAME.resume-N.txt); empty with *error when it cannot be made.
    static QString resumeFile(const journal::RunEntry &entry, QString *error);

signals:
    void openFileRequested(const QString &path);
    void runAgainRequested(const oas::journal::RunEntry &entry);
    void resumeRequested(const oas::journal::RunEntry &entry, const QString &dataFile);
    void runFailed(const oas::journal::RunEntry &entry);
    void refreshed();  // the entries were read and are shown

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void poll();
    void showEntries(const std::optional<QList<journal::RunEntry>> &entries, const QString &error);
    void applyFilter();
    void showSelected();
    void rebuildDashboard(const QList<journal::RunEntry> &entries);

    QString m_path;
    QList<journal::RunEntry> m_all;  // newest first
    QHash<qint64, journal::RunState> m_seen;
    bool m_loaded = false;
    QString m_stamp;  // size and time of the journal's files when last read
    RunsModel *m_model;
    QTableView *m_table;
    QLineEdit *m_text;
    QComboBox *m_state;
    QCheckBox *m_sinceOn;
    QDateEdit *m_since;
    QLabel *m_detail;
    QPushButton *m_trace, *m_exceptions, *m_data, *m_reference, *m_again, *m_resume;
    QWidget *m_dashboard;
    QGridLayout *m_tiles;
    QTimer *m_poll;
    QTabWidget *m_views;
    QPlainTextEdit *m_schedules;
    int m_columns = 0;  // dashboard tiles per row, from the width
    bool m_dashboardStale = true;
    bool m_reading = false;   // a reading of the journal is in flight
    QString m_shownSignature; // the rows shown, to tell a change from time going on
    QElapsedTimer m_lastRead;
};

}  // namespace oas::ui
