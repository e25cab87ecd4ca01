#include "ExportTemp.h"

#include "../journal/ProcessIdentity.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

namespace oas::exporter {

namespace {
const char kOwnerFile[] = "owner";
}

bool markTempOwner(const QString &folder)
{
    QFile f(QDir(folder).filePath(QLatin1String(kOwnerFile)));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QStringLiteral("%1 %2\n").arg(::getpid()).arg(journal::currentProcessStart()).toUtf8());
    return true;
}

int removeStaleTempFolders(const QString &tempRoot)
{
    int removed = 0;
    const QDateTime hourAgo = QDateTime::currentDateTime().addSecs(-3600);
    for (const QFileInfo &dir : QDir(tempRoot).entryInfoList({QStringLiteral("oas-export-*")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (dir.ownerId() != uint(::geteuid()))
            continue;  // another user's
        QFile owner(QDir(dir.absoluteFilePath()).filePath(QLatin1String(kOwnerFile)));
        bool stale = false;
        if (owner.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> fields = owner.readAll().trimmed().split(' ');
            const qint64 pid = fields.value(0).toLongLong();
            stale = pid > 0 && !journal::processAlive(pid, QString::fromUtf8(fields.value(1)));
        } else {
            stale = dir.lastModified() < hourAgo;  // made before owners were written, or killed at once
        }
        if (stale && QDir(dir.absoluteFilePath()).removeRecursively())
            ++removed;
    }
    return removed;
}

}  // namespace oas::exporter
