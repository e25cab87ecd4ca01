#include "RunJournal.h"

#include "ProcessIdentity.h"
#include "../db/SqliteLibrary.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>

#include <sys/stat.h>

namespace oas::journal {

namespace {

QString g_override;

int envInt(const char *name, int fallback, int lowest, int highest)
{
    bool ok = false;
    const int v = qEnvironmentVariable(name).toInt(&ok);
    return ok && v >= lowest && v <= highest ? v : fallback;
}

const char kSchema[] =
    "CREATE TABLE IF NOT EXISTS runs ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, sync TEXT, step TEXT, config TEXT, config_hash TEXT,"
    " started TEXT NOT NULL, ended TEXT, state TEXT NOT NULL, exit_code INTEGER,"
    " created INTEGER, updated INTEGER, unchanged INTEGER, deleted INTEGER, errors INTEGER, skipped INTEGER,"
    " records_read INTEGER, records_written INTEGER, rate REAL, dry_run INTEGER,"
    " data_file TEXT, reference_file TEXT, exceptions_file TEXT, trace_file TEXT, kept_dir TEXT,"
    " host TEXT, user_name TEXT, pid INTEGER, pid_start TEXT, command TEXT, first_error TEXT, resume_line INTEGER)";

// The columns written at the end of a run (begin writes all of them).
const char *const kColumns[] = {"kind", "sync", "step", "config", "config_hash", "started", "ended", "state",
                                "exit_code", "created", "updated", "unchanged", "deleted", "errors", "skipped",
                                "records_read", "records_written", "rate", "dry_run", "data_file", "reference_file",
                                "exceptions_file", "trace_file", "kept_dir", "host", "user_name", "pid", "pid_start",
                                "command", "first_error", "resume_line"};

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeOf(const QVariant &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

QVariantList valuesOf(const RunEntry &e)
{
    const auto text = [](const QString &s) { return s.isNull() ? QVariant(QString()) : QVariant(s); };
    return {text(e.kind), text(e.syncName), text(e.step), text(e.config), text(e.configHash), timeText(e.started),
            e.ended.isValid() ? QVariant(timeText(e.ended)) : QVariant(), stateName(e.state), e.exitCode,
            e.counts.created, e.counts.updated, e.counts.unchanged, e.counts.deleted, e.counts.errors, e.counts.skipped,
            e.counts.read, e.counts.written, e.rate, e.dryRun ? 1 : 0, text(e.dataFile), text(e.referenceFile),
            text(e.exceptionsFile), text(e.traceFile), text(e.keptDir), text(e.host), text(e.user), e.pid,
            text(e.pidStart), text(e.command), text(e.firstError), e.resumeLine};
}

RunEntry entryOf(const QSqlRecord &r)
{
    RunEntry e;
    e.id = r.value(QStringLiteral("id")).toLongLong();
    e.kind = r.value(QStringLiteral("kind")).toString();
    e.syncName = r.value(QStringLiteral("sync")).toString();
    e.step = r.value(QStringLiteral("step")).toString();
    e.config = r.value(QStringLiteral("config")).toString();
    e.configHash = r.value(QStringLiteral("config_hash")).toString();
    e.started = timeOf(r.value(QStringLiteral("started")));
    if (!r.isNull(QStringLiteral("ended")))
        e.ended = timeOf(r.value(QStringLiteral("ended")));
    e.state = stateFromName(r.value(QStringLiteral("state")).toString());
    e.exitCode = r.value(QStringLiteral("exit_code")).toInt();
    e.counts.created = r.value(QStringLiteral("created")).toLongLong();
    e.counts.updated = r.value(QStringLiteral("updated")).toLongLong();
    e.counts.unchanged = r.value(QStringLiteral("unchanged")).toLongLong();
    e.counts.deleted = r.value(QStringLiteral("deleted")).toLongLong();
    e.counts.errors = r.value(QStringLiteral("errors")).toLongLong();
    e.counts.skipped = r.value(QStringLiteral("skipped")).toLongLong();
    e.counts.read = r.value(QStringLiteral("records_read")).toLongLong();
    e.counts.written = r.value(QStringLiteral("records_written")).toLongLong();
    e.rate = r.value(QStringLiteral("rate")).toDouble();
    e.dryRun = r.value(QStringLiteral("dry_run")).toInt() != 0;
    e.dataFile = r.value(QStringLiteral("data_file")).toString();
    e.referenceFile = r.value(QStringLiteral("reference_file")).toString();
    e.exceptionsFile = r.value(QStringLiteral("exceptions_file")).toString();
    e.traceFile = r.value(QStringLiteral("trace_file")).toString();
    e.keptDir = r.value(QStringLiteral("kept_dir")).toString();
    e.host = r.value(QStringLiteral("host")).toString();
    e.user = r.value(QStringLiteral("user_name")).toString();
    e.pid = r.value(QStringLiteral("pid")).toLongLong();
    e.pidStart = r.value(QStringLiteral("pid_start")).toString();
    e.command = r.value(QStringLiteral("command")).toString();
    e.firstError = r.value(QStringLiteral("first_error")).toString();
    e.resumeLine = r.value(QStringLiteral("resume_line")).toInt();
    return e;
}

// One short connection of its own (a unique name: any thread, any number at once).
class Session {
public:
    explicit Session(const QString &path)
    {
        static QAtomicInteger<quint64> counter;
        m_name = QStringLiteral("oas-journal-%1").arg(counter.fetchAndAddRelaxed(1));
        const bool created = !QFileInfo::exists(path);
        if (created) {
            const QString dir = QFileInfo(path).absolutePath();
            if (!QDir().mkpath(dir)) {
                m_error = QStringLiteral("cannot create the folder %1").arg(dir);
                return;
            }
            ::chmod(QFile::encodeName(dir).constData(), 0700);
        }
        db::configureSqliteLibrary();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
        if (!db.open()) {
            m_error = db.lastError().text();
            return;
        }
        if (created)
            ::chmod(QFile::encodeName(path).constData(), 0600);  // command lines and errors: the user's own
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.exec(QString::fromLatin1(kSchema)) || !upgrade(q)) {
            m_error = q.lastError().text();
            return;
        }
        m_ok = true;
    }
    ~Session()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool ok() const { return m_ok; }
    const QString &error() const { return m_error; }
    // Columns added since the first journals: added to an older journal the first time it is opened.
    static bool upgrade(QSqlQuery &q)
    {
        if (!q.exec(QStringLiteral("PRAGMA table_info(runs)")))
            return false;
        QStringList columns;
        while (q.next())
            columns << q.value(1).toString();
        // Indexes for what each run's end and each reading look up: age (retention), configuration.
        if (!q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS runs_started ON runs(started)"))
            || !q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS runs_config ON runs(config)")))
            return false;
        if (columns.contains(QStringLiteral("resume_line")))
            return true;
        // Another process may add it at the same moment: a duplicate column is fine.
        return q.exec(QStringLiteral("ALTER TABLE runs ADD COLUMN resume_line INTEGER"))
               || q.lastError().text().contains(QLatin1String("duplicate column"), Qt::CaseInsensitive);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    QString m_error;
    bool m_ok = false;
};

bool fail(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

bool runQuery(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    return fail(error, q.lastError().text());
}

bool removeKept(const QString &dir)
{
    return dir.isEmpty() || QDir(dir).removeRecursively();
}

}  // namespace

QString RunJournal::defaultPath()
{
    if (!g_override.isEmpty())
        return g_override;
    const QString env = qEnvironmentVariable("OAS_JOURNAL");
    if (!env.isEmpty())
        return env;
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty())
        state = QDir::homePath() + QStringLiteral("/.local/state");
    return state + QStringLiteral("/odbc-agent-studio/journal.db");
}

void RunJournal::setPathOverride(const QString &path)
{
    g_override = path;
}

int RunJournal::retentionDays()
{
    return envInt("OAS_JOURNAL_DAYS", 90, 1, 36500);
}

int RunJournal::keptRunsPerConfig()
{
    return envInt("OAS_JOURNAL_KEEP", 10, 0, 10000);
}

qint64 RunJournal::keptFileLimitBytes()
{
    return qint64(envInt("OAS_JOURNAL_KEEP_MB", 64, 0, 1 << 20)) * 1024 * 1024;
}

RunJournal::RunJournal(QString path) : m_path(std::move(path)) {}

QString RunJournal::keptRoot() const
{
    return QFileInfo(m_path).absolutePath() + QStringLiteral("/runs");
}

qint64 RunJournal::begin(RunEntry &entry, QString *error)
{
    Session s(m_path);
    if (!s.ok())
        return fail(error, s.error()), 0;
    QStringList names, marks;
    for (const char *c : kColumns) {
        names << QLatin1String(c);
        marks << QStringLiteral("?");
    }
    QSqlQuery q(s.db());
    q.prepare(QStringLiteral("INSERT INTO runs (%1) VALUES (%2)").arg(names.join(QLatin1Char(',')), marks.join(QLatin1Char(','))));
    for (const QVariant &v : valuesOf(entry))
        q.addBindValue(v);
    if (!runQuery(q, error))
        return 0;
    entry.id = q.lastInsertId().toLongLong();
    return entry.id;
}

bool RunJournal::finish(const RunEntry &entry, QString *error)
{
    Session s(m_path);
    if (!s.ok())
        return fail(error, s.error());
    QStringList sets;
    for (const char *c : kColumns)
        sets << QStringLiteral("%1=?").arg(QLatin1String(c));
    QSqlQuery q(s.db());
    q.prepare(QStringLiteral("UPDATE runs SET %1 WHERE id=?").arg(sets.join(QLatin1Char(','))));
    for (const QVariant &v : valuesOf(entry))
        q.addBindValue(v);
    q.addBindValue(entry.id);
    return runQuery(q, error);
}

namespace {

// Runs whose process is gone without an end: interrupted (SIGKILL, power loss). Done before every read.
bool markInterrupted(Session &s, QString *error)
{
    QSqlQuery running(s.db());
    running.prepare(QStringLiteral("SELECT id, pid, pid_start FROM runs WHERE state='running' AND host=?"));
    running.addBindValue(localHostName());
    if (!runQuery(running, error))
        return false;
    QList<qint64> gone;
    while (running.next()) {
        if (!processAlive(running.value(1).toLongLong(), running.value(2).toString()))
            gone << running.value(0).toLongLong();
    }
    for (qint64 id : gone) {
        QSqlQuery mark(s.db());
        mark.prepare(QStringLiteral("UPDATE runs SET state='interrupted', first_error=COALESCE(first_error, ?) "
                                    "WHERE id=? AND state='running'"));
        mark.addBindValue(QStringLiteral("the process ended without finishing the run (killed, or the machine stopped)"));
        mark.addBindValue(id);
        if (!runQuery(mark, error))
            return false;
    }
    return true;
}

// "%/NAME" for LIKE, with LIKE's own characters escaped: a configuration of that file name in any folder.
QString anyFolderPattern(const QString &fileName)
{
    QString name = fileName;
    name.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%")).replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QStringLiteral("%/") + name;
}

// The entries matching the conditions (joined by AND), newest first, after the interrupted check.
std::optional<QList<RunEntry>> readEntries(const QString &path, const QStringList &where, const QVariantList &binds, int limit,
                                           QString *error)
{
    Session s(path);
    if (!s.ok())
        return fail(error, s.error()), std::nullopt;
    if (!markInterrupted(s, error))
        return std::nullopt;
    QSqlQuery q(s.db());
    q.prepare(QStringLiteral("SELECT * FROM runs %1 ORDER BY id DESC LIMIT %2")
                  .arg(where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")))
                  .arg(std::max(1, limit)));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!runQuery(q, error))
        return std::nullopt;
    QList<RunEntry> out;
    while (q.next())
        out << entryOf(q.record());
    return out;
}

}  // namespace

std::optional<QList<RunEntry>> RunJournal::list(const RunFilter &filter, QString *error)
{
    QStringList where;
    QVariantList binds;
    if (!filter.config.isEmpty()) {
        where << QStringLiteral("(config=? OR config LIKE ? ESCAPE '\\')");
        binds << QFileInfo(filter.config).absoluteFilePath() << anyFolderPattern(QFileInfo(filter.config).fileName());
    }
    if (!filter.syncName.isEmpty()) {
        where << QStringLiteral("sync=?");
        binds << filter.syncName;
    }
    if (filter.failedOnly)
        where << QStringLiteral("state IN ('failed','interrupted')");
    if (filter.since.isValid()) {
        where << QStringLiteral("started>=?");
        binds << timeText(filter.since);
    }
    return readEntries(m_path, where, binds, filter.limit, error);
}

std::optional<RunEntry> RunJournal::get(qint64 id, QString *error)
{
    const auto one = readEntries(m_path, {QStringLiteral("id=?")}, {id}, 1, error);
    if (!one)
        return std::nullopt;
    if (one->isEmpty())
        return fail(error, QStringLiteral("no run %1 in the journal %2").arg(id).arg(m_path)), std::nullopt;
    return one->first();
}

std::optional<RunEntry> RunJournal::last(const QString &what, QString *error)
{
    // A configuration by its path, or by its file name in any folder; a sync by its name.
    QStringList any{QStringLiteral("config=?"), QStringLiteral("(kind='sync' AND sync=?)")};
    QVariantList binds{QFileInfo(what).absoluteFilePath(), what};
    if (!what.contains(QLatin1Char('/'))) {
        any << QStringLiteral("config LIKE ? ESCAPE '\\'");
        binds << anyFolderPattern(what);
    }
    const auto one = readEntries(m_path, {QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')')}, binds, 1, error);
    if (!one)
        return std::nullopt;
    if (one->isEmpty())
        return fail(error, QStringLiteral("no run of %1 in the journal %2").arg(what, m_path)), std::nullopt;
    return one->first();
}

bool RunJournal::prune(int days, QString *error)
{
    Session s(m_path);
    if (!s.ok())
        return fail(error, s.error());
    const QString cutoff = timeText(QDateTime::currentDateTimeUtc().addDays(-days));
    QSqlQuery old(s.db());
    old.prepare(QStringLiteral("SELECT kept_dir FROM runs WHERE started<? AND state<>'running'"));
    old.addBindValue(cutoff);
    if (!runQuery(old, error))
        return false;
    while (old.next())
        removeKept(old.value(0).toString());
    QSqlQuery del(s.db());
    del.prepare(QStringLiteral("DELETE FROM runs WHERE started<? AND state<>'running'"));
    del.addBindValue(cutoff);
    if (!runQuery(del, error))
        return false;
    // Kept files beyond the newest N runs of each configuration.
    QSqlQuery kept(s.db());
    kept.prepare(QStringLiteral("SELECT id, config, kept_dir FROM runs WHERE kept_dir<>'' ORDER BY id DESC"));
    if (!runQuery(kept, error))
        return false;
    QHash<QString, int> seen;
    QList<qint64> drop;
    while (kept.next()) {
        if (++seen[kept.value(1).toString()] > keptRunsPerConfig()) {
            removeKept(kept.value(2).toString());
            drop << kept.value(0).toLongLong();
        }
    }
    for (qint64 id : drop) {
        QSqlQuery clear(s.db());
        clear.prepare(QStringLiteral("UPDATE runs SET kept_dir='' WHERE id=?"));
        clear.addBindValue(id);
        if (!runQuery(clear, error))
            return false;
    }
    return true;
}

void RunJournal::keepFiles(RunEntry &entry)
{
    if (keptRunsPerConfig() == 0 || entry.id <= 0)
        return;
    const QString dir = keptRoot() + QLatin1Char('/') + QString::number(entry.id);
    bool any = false;
    for (const QString &file : {entry.traceFile, entry.exceptionsFile}) {
        const QFileInfo info(file);
        if (file.isEmpty() || !info.isFile() || info.size() > keptFileLimitBytes() || info.size() == 0)
            continue;
        if (!any && !QDir().mkpath(dir))
            return;
        ::chmod(QFile::encodeName(keptRoot()).constData(), 0700);
        any = true;
        QFile::remove(dir + QLatin1Char('/') + info.fileName());
        QFile::copy(file, dir + QLatin1Char('/') + info.fileName());
    }
    if (any)
        entry.keptDir = dir;
}

}  // namespace oas::journal
