#pragma once
// The run journal (docs/journal.md): an SQLite database (Qt Sql's SQLite driver, WAL mode) with one entry
// per run of an agent, a pair, a queue refresh or a sync, from any caller. Many processes write at once:
// every call opens its own short connection and waits for a busy journal (15 s). Nothing here throws or
// stops a run: failures come back as false / an error text.
#include "RunEntry.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace oas::journal {

struct RunFilter {
    QString config;    // entries of this configuration or sync file (absolute path, or a file name)
    QString syncName;  // entries of this sync (the sync's own and its steps')
    bool failedOnly = false;  // failed and interrupted
    QDateTime since;   // started at or after (UTC); invalid: any
    int limit = 1000;
};

class RunJournal {
public:
    // The journal in use: setPathOverride's path, else OAS_JOURNAL, else $XDG_STATE_HOME/odbc-agent-studio/
    // journal.db (~/.local/state/... when XDG_STATE_HOME is not set). "off" for either: no journal.
    static QString defaultPath();
    static void setPathOverride(const QString &path);  // --journal; empty: none
    static bool isOff(const QString &path) { return path.isEmpty() || path == QLatin1String("off"); }
    // Entries and kept files older than this many days are pruned (OAS_JOURNAL_DAYS, default 90).
    static int retentionDays();
    // Runs per configuration whose trace and exceptions files are kept (OAS_JOURNAL_KEEP, default 10), and
    // the largest file kept (OAS_JOURNAL_KEEP_MB, default 64).
    static int keptRunsPerConfig();
    static qint64 keptFileLimitBytes();

    explicit RunJournal(QString path = defaultPath());
    const QString &path() const { return m_path; }
    QString keptRoot() const;  // runs/ beside the journal

    qint64 begin(RunEntry &entry, QString *error);  // sets entry.id; 0 on failure
    bool finish(const RunEntry &entry, QString *error);
    // Newest first. Entries still "running" whose process is gone are marked interrupted first.
    std::optional<QList<RunEntry>> list(const RunFilter &filter, QString *error);
    std::optional<RunEntry> get(qint64 id, QString *error);
    // The newest finished-or-running entry whose config or sync name matches what (a path, file name or sync
    // name), not counting steps of syncs when what names a sync.
    std::optional<RunEntry> last(const QString &what, QString *error);
    // Removes entries older than days and their kept files, and kept files beyond keptRunsPerConfig.
    bool prune(int days, QString *error);
    // Copies the run's trace and exceptions files into keptRoot()/ID/ (sets entry.keptDir).
    void keepFiles(RunEntry &entry);

private:
    QString m_path;
};

}  // namespace oas::journal
