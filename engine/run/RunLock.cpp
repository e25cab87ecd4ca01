#include "RunLock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace oas::run {

namespace {

QString holderOf(int fd)
{
    char buffer[512] = {};
    const ssize_t n = pread(fd, buffer, sizeof buffer - 1, 0);
    const QString text = n > 0 ? QString::fromUtf8(buffer, int(n)).trimmed() : QString();
    return text.isEmpty() ? QStringLiteral("a run that has not said who it is yet") : text;
}

QString hostName()
{
    char name[256] = {};
    return ::gethostname(name, sizeof name - 1) == 0 ? QString::fromLocal8Bit(name) : QStringLiteral("this host");
}

}  // namespace

QString RunLock::lockFileForConfig(const QString &configPath)
{
    const QFileInfo info(configPath);
    return info.absoluteDir().filePath(QLatin1Char('.') + info.fileName() + QStringLiteral(".lock"));
}

QString RunLock::lockFileForFolder(const QString &folder)
{
    return QDir(folder).absoluteFilePath(QStringLiteral(".oas-reference.lock"));
}

std::unique_ptr<RunLock> RunLock::acquire(const QString &lockFile, const QString &what, int waitSeconds, QString *error)
{
    const QByteArray path = QFile::encodeName(lockFile);
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot use the lock file of %1: %2\n%3").arg(what, QString::fromLocal8Bit(std::strerror(errno)), lockFile);
        return nullptr;
    }
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + qint64(waitSeconds) * 1000;
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            *error = QStringLiteral("cannot lock %1: %2\n%3").arg(what, QString::fromLocal8Bit(std::strerror(errno)), lockFile);
            ::close(fd);
            return nullptr;
        }
        if (QDateTime::currentMSecsSinceEpoch() >= deadline) {
            *error = QStringLiteral("%1 is in use by another run: %2%3\n(lock file %4; OAS_LOCK_WAIT=SECONDS lets a run wait for it)")
                         .arg(what, holderOf(fd).replace(QLatin1Char('\n'), QLatin1String(", ")),
                              waitSeconds > 0 ? QStringLiteral(" (waited %1 s)").arg(waitSeconds) : QString(), lockFile);
            ::close(fd);
            return nullptr;
        }
        QThread::msleep(100);
    }
    const QByteArray holder = QStringLiteral("%1, pid %2 on %3, started %4 UTC\n")
                                  .arg(QCoreApplication::applicationName().isEmpty() ? QStringLiteral("a run")
                                                                                      : QCoreApplication::applicationName())
                                  .arg(::getpid())
                                  .arg(hostName(),
                                       QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")))
                                  .toUtf8();
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, holder.constData(), size_t(holder.size()), 0) != ssize_t(holder.size())) {
        // The lock is held all the same; only the note of who holds it is missing.
    }
    return std::unique_ptr<RunLock>(new RunLock(fd));
}

RunLock::~RunLock()
{
    if (m_fd >= 0) {
        if (::ftruncate(m_fd, 0) != 0) {
            // nothing to do: the lock goes with the descriptor
        }
        ::close(m_fd);
    }
}

int lockWaitSeconds()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("OAS_LOCK_WAIT", &ok);
    return ok ? std::clamp(seconds, 0, 3600) : 0;
}

}  // namespace oas::run
