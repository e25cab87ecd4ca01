#include "RunRecorder.h"

#include "AppLog.h"
#include "ProcessIdentity.h"
#include "RunJournal.h"

#include "../secrets/Redact.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <unistd.h>
#include <xxhash.h>

namespace oas::journal {

namespace {

thread_local SyncContext t_sync;
thread_local RunEntry t_lastStep;

bool g_warned = false;  // the journal's trouble is told once per process

QString quoted(const QString &arg)
{
    if (!arg.isEmpty() && !arg.contains(QRegularExpression(QStringLiteral("[\\s'\"\\\\$`;&|<>()]"))))
        return arg;
    QString q = arg;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

}  // namespace

void setSyncContext(const SyncContext &context)
{
    t_sync = context;
}

const SyncContext &syncContext()
{
    return t_sync;
}

const RunEntry &lastStepEntry()
{
    return t_lastStep;
}

QString maskedCommandLine(const QString &program, const QStringList &arguments)
{
    static const QRegularExpression inString(QStringLiteral("((?:PWD|Password)\\s*=\\s*)(\\{[^}]*\\}|[^;]*)"),
                                             QRegularExpression::CaseInsensitiveOption);
    QStringList out{program};
    bool maskNext = false;
    for (const QString &a : arguments) {
        QString shown = a;
        if (maskNext) {
            shown = QStringLiteral("***");
            maskNext = false;
        } else if (a == QLatin1String("-p") || a == QLatin1String("--password")) {
            maskNext = true;
        } else if (a.startsWith(QLatin1String("-p")) && !a.startsWith(QLatin1String("--"))) {
            shown = QStringLiteral("-p***");
        } else if (a.startsWith(QLatin1String("--password="))) {
            shown = QStringLiteral("--password=***");
        } else {
            shown.replace(inString, QStringLiteral("\\1***"));
        }
        out << quoted(shown);
    }
    return out.join(QLatin1Char(' '));
}

QString configHash(const QString &path)
{
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return QString();
    XXH3_state_t *state = XXH3_createState();
    XXH3_64bits_reset(state);
    while (!f.atEnd()) {
        const QByteArray chunk = f.read(1 << 16);
        if (chunk.isEmpty())
            break;
        XXH3_64bits_update(state, chunk.constData(), size_t(chunk.size()));
    }
    const XXH64_hash_t h = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    return QStringLiteral("%1").arg(quint64(h), 16, 16, QLatin1Char('0'));
}

RunRecorder::RunRecorder(const QString &kind, const QString &configPath, const QString &program,
                         const QStringList &arguments, QTextStream &err)
    : m_err(err)
{
    m_entry.kind = kind;
    m_entry.syncName = t_sync.syncName;
    m_entry.step = t_sync.step;
    m_entry.dryRun = t_sync.dryRun;
    if (!configPath.isEmpty()) {
        m_entry.config = QFileInfo(configPath).absoluteFilePath();
        m_entry.configHash = configHash(configPath);
    }
    m_entry.host = localHostName();
    m_entry.user = currentUserName();
    m_entry.pid = qint64(::getpid());
    m_entry.pidStart = currentProcessStart();
    m_entry.command = maskedCommandLine(program, arguments);
}

RunRecorder::~RunRecorder()
{
    if (m_started && !m_finished)
        finish(1, QStringLiteral("the run ended without a result"));
}

void RunRecorder::warn(const QString &error)
{
    if (g_warned)
        return;
    g_warned = true;
    m_err << "warning: the run journal " << RunJournal::defaultPath() << " cannot be written (" << error
          << "); the run goes on without it\n" << Qt::flush;
}

void RunRecorder::start()
{
    m_started = true;
    m_entry.started = QDateTime::currentDateTimeUtc();
    m_entry.state = RunState::Running;
    const QString what = m_entry.syncName.isEmpty() ? m_entry.config
                                                    : QStringLiteral("%1 (sync %2, step %3)").arg(m_entry.config, m_entry.syncName, m_entry.step);
    RunJournal journal;
    if (RunJournal::isOff(journal.path()))
        return;
    QString error;
    if (!journal.begin(m_entry, &error))
        warn(error);
    appLog(LogLevel::Info, QStringLiteral("run %1 started: %2 %3%4").arg(m_entry.id).arg(m_entry.kind, what,
                                                                        m_entry.dryRun ? QStringLiteral(" (dry run)") : QString()));
}

void RunRecorder::finish(int exitCode, const QString &firstError, const QStringList &secrets)
{
    if (m_finished)
        return;
    m_finished = true;
    m_entry.ended = QDateTime::currentDateTimeUtc();
    m_entry.exitCode = exitCode;
    m_entry.state = stateForExitCode(exitCode);
    if (!firstError.isEmpty())
        m_entry.firstError = firstError;  // else what the result gave (a failed record's message)
    m_entry.firstError = secrets::redact(m_entry.firstError.left(4000), secrets);
    const qint64 ms = m_entry.durationMs();
    const qint64 records = std::max(m_entry.counts.read, m_entry.counts.written);
    m_entry.rate = ms > 0 ? double(records) * 1000.0 / double(ms) : double(records);
    if (!t_sync.syncName.isEmpty())
        t_lastStep = m_entry;
    RunJournal journal;
    if (RunJournal::isOff(journal.path()) || m_entry.id <= 0)
        return;
    journal.keepFiles(m_entry);
    QString error;
    if (!journal.finish(m_entry, &error))
        warn(error);
    if (!journal.prune(RunJournal::retentionDays(), &error))
        warn(error);
    const auto &c = m_entry.counts;
    const QString line = QStringLiteral("run %1 %2: %3 %4, exit %5, %6 read, %7 created, %8 updated, %9 deleted, %10 errors")
                             .arg(m_entry.id)
                             .arg(stateName(m_entry.state), m_entry.kind, m_entry.config)
                             .arg(exitCode)
                             .arg(c.read)
                             .arg(c.created)
                             .arg(c.updated)
                             .arg(c.deleted)
                             .arg(c.errors);
    appLog(m_entry.state == RunState::Failed ? LogLevel::Error : m_entry.state == RunState::Warnings ? LogLevel::Warning : LogLevel::Info,
           m_entry.firstError.isEmpty() ? line : line + QStringLiteral(": ") + m_entry.firstError);
}

}  // namespace oas::journal
