#include "ProcessIdentity.h"

#include <QFile>
#include <QSysInfo>

#include <pwd.h>
#include <unistd.h>

namespace oas::journal {

namespace {

QString bootId()
{
    static const QString id = [] {
        QFile f(QStringLiteral("/proc/sys/kernel/random/boot_id"));
        return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll().trimmed()) : QString();
    }();
    return id;
}

// Field 22 of /proc/PID/stat (starttime); the command name (field 2) may hold blanks and parentheses, so
// the fields are counted from the last ')'.
QString startTicks(const QString &statPath)
{
    QFile f(statPath);
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    const QByteArray stat = f.read(4096);
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return QString();
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // fields[0] is field 3 (state): starttime, field 22, is fields[19]
    return fields.size() > 19 ? QString::fromLatin1(fields.at(19)) : QString();
}

}  // namespace

QString currentProcessStart()
{
    return bootId() + QLatin1Char('/') + startTicks(QStringLiteral("/proc/self/stat"));
}

QString processStart(qint64 pid)
{
    if (pid <= 0)
        return QString();
    const QString ticks = startTicks(QStringLiteral("/proc/%1/stat").arg(pid));
    return ticks.isEmpty() ? QString() : bootId() + QLatin1Char('/') + ticks;
}

QString localHostName()
{
    return QSysInfo::machineHostName();
}

QString currentUserName()
{
    if (const passwd *pw = getpwuid(geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return QString::number(geteuid());
}

bool processAlive(qint64 pid, const QString &start)
{
    const QString now = processStart(pid);
    return !now.isEmpty() && (start.isEmpty() || now == start);
}

}  // namespace oas::journal
