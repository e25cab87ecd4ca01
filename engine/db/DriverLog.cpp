#include "DriverLog.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QRegularExpression>
#include <QHash>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace oas::db {

namespace {

// psqlODBC writes its communication log to /tmp on Unix (QLOGDIR), whatever TMPDIR says.
const char *const logDirectory = "/tmp";
constexpr qint64 largestDisconnectLog = 64 * 1024;

struct State {
    QMutex mutex;
    int open = 0;
    bool allOff = true;          // every connection of this round was opened with CommLog=0
    QHash<QString, qint64> existing;  // logs with this process's name that existed when the round began, and their sizes
};

State &state()
{
    static State s;
    return s;
}

}  // namespace

QStringList PsqlOdbcLog::logsOfThisProcess(const QString &directory)
{
    const passwd *user = getpwuid(getuid());
    if (!user || !user->pw_name)
        return {};
    const QString suffix = QString::fromLocal8Bit(user->pw_name) + QString::number(getpid()) + QStringLiteral(".log");
    QStringList paths;
    for (const QFileInfo &info : QDir(directory).entryInfoList({QStringLiteral("psqlodbc_*") + suffix}, QDir::Files | QDir::Hidden))
        paths << info.filePath();
    return paths;
}

bool PsqlOdbcLog::askedFor(const QList<config::DatabaseField> &fields)
{
    for (const config::DatabaseField &f : fields) {
        if ((f.key.compare(QLatin1String("CommLog"), Qt::CaseInsensitive) == 0
             || f.key.compare(QLatin1String("Debug"), Qt::CaseInsensitive) == 0)
            && !f.value.trimmed().isEmpty() && f.value.trimmed() != QLatin1String("0"))
            return true;
    }
    return false;
}

bool PsqlOdbcLog::onlyDisconnectLines(const QByteArray &text)
{
    static const QRegularExpression line(QStringLiteral("^PQfinish: (0x[0-9a-f]+|\\(nil\\))$"));
    const QList<QByteArray> lines = text.split('\n');
    bool any = false;
    for (const QByteArray &l : lines) {
        if (l.isEmpty())
            continue;
        if (!line.match(QString::fromLatin1(l)).hasMatch())
            return false;
        any = true;
    }
    return any;
}

void PsqlOdbcLog::opened(bool logOff)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    if (s.open++ == 0) {
        s.allOff = true;
        s.existing.clear();
        for (const QString &path : logsOfThisProcess(QString::fromLatin1(logDirectory)))
            s.existing.insert(path, QFileInfo(path).size());  // an earlier process's with the same pid
    }
    s.allOff = s.allOff && logOff;
}

void PsqlOdbcLog::closed()
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    if (s.open == 0 || --s.open > 0 || !s.allOff)
        return;
    // What psqlODBC added during the round goes when it is only disconnect lines: the file with it when
    // the round created the file, else the lines it appended.
    for (const QString &path : logsOfThisProcess(QString::fromLatin1(logDirectory))) {
        const qint64 before = s.existing.value(path, 0);
        QFile file(path);
        if (file.size() <= before || file.size() - before > largestDisconnectLog || !file.open(QIODevice::ReadWrite))
            continue;
        file.seek(before);
        if (!onlyDisconnectLines(file.readAll()))
            continue;
        if (before == 0)
            file.remove();
        else
            file.resize(before);
    }
}

OwnerOnlyFiles::OwnerOnlyFiles(bool active) : m_active(active)
{
    if (m_active)
        m_previous = umask(077);
}

OwnerOnlyFiles::~OwnerOnlyFiles()
{
    if (m_active)
        umask(m_previous);
}

}  // namespace oas::db
