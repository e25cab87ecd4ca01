#include "WorkspaceModel.h"

#include "queue/QueueConfig.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace oas::ui {

FileKind classifyFile(const QString &path)
{
    if (path.isEmpty())
        return FileKind::Other;  // an editor without a file (a file's on-disk text, shown to compare)
    const QFileInfo info(path);
    const QString name = info.fileName().toLower();
    const QString suffix = info.suffix().toLower();
    const QString parent = info.dir().dirName().toLower();
    if (parent == QLatin1String("odbcsync") && (suffix == QLatin1String("csv") || suffix == QLatin1String("ini")))
        return FileKind::MappingPair;
    if (suffix == QLatin1String("ini") && queue::readQueueConfig(path).ok())
        return FileKind::Queue;  // a change queue's configuration (docs/queue.md)
    if (suffix == QLatin1String("ini") || suffix == QLatin1String("cfg"))
        return FileKind::Configuration;
    if (suffix == QLatin1String("sync"))
        return FileKind::Sync;  // docs/sync.md
    static const QRegularExpression referenceName(QStringLiteral("^r\\d{7}$"));
    if (referenceName.match(name).hasMatch())
        return FileKind::Reference;
    QFile f(path);
    if (f.open(QIODevice::ReadOnly) && f.read(8) == "OASREF01")
        return FileKind::Reference;
    if (suffix != QLatin1String("txt"))
        return FileKind::Other;
    if (name.contains(QLatin1String("except")))
        return FileKind::Exceptions;
    if (name.contains(QLatin1String("trace")))
        return FileKind::Trace;
    return FileKind::DataFile;
}

QString kindTitle(FileKind kind)
{
    switch (kind) {
    case FileKind::Configuration: return WorkspaceModel::tr("Agent configurations");
    case FileKind::Sync: return WorkspaceModel::tr("Syncs");
    case FileKind::DataFile: return WorkspaceModel::tr("Data files");
    case FileKind::Exceptions: return WorkspaceModel::tr("Exceptions files");
    case FileKind::Reference: return WorkspaceModel::tr("Reference files");
    case FileKind::Trace: return WorkspaceModel::tr("Trace files");
    case FileKind::MappingPair: return WorkspaceModel::tr("Mapping pairs");
    case FileKind::Queue: return WorkspaceModel::tr("Change queues");
    case FileKind::Other: break;
    }
    return WorkspaceModel::tr("Other files");
}

WorkspaceModel::WorkspaceModel(QObject *parent) : QStandardItemModel(parent) {}

void WorkspaceModel::setFolder(const QString &folder)
{
    clear();
    m_folder = folder;
    setHorizontalHeaderLabels({tr("Workspace")});
    QMap<int, QStandardItem *> groups;
    QStringList files;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    QStringList journals;  // a run journal kept in the workspace: its copies are not the workspace's files
    while (it.hasNext()) {
        const QString file = it.next();
        if (QFileInfo(file).fileName().startsWith(QLatin1String("journal.db")))
            journals << QFileInfo(file).absolutePath() + QLatin1Char('/');
        files.append(file);
    }
    files.erase(std::remove_if(files.begin(), files.end(),
                               [&](const QString &f) {
                                   for (const QString &j : journals)
                                       if (f.startsWith(j))
                                           return true;
                                   return false;
                               }),
                files.end());
    files.sort();
    const QDir base(folder);
    for (const QString &path : files) {
        const FileKind kind = classifyFile(path);
        if (kind == FileKind::Other || (kind == FileKind::Exceptions && QFileInfo(path).size() == 0))
            continue;  // an empty exceptions file: a run without failures, nothing to look at
        QStandardItem *&group = groups[int(kind)];
        if (!group) {
            group = new QStandardItem(kindTitle(kind));
            group->setEditable(false);
            group->setData(int(kind), KindRole);
        }
        auto *item = new QStandardItem(base.relativeFilePath(path));
        item->setEditable(false);
        item->setData(path, PathRole);
        item->setData(int(kind), KindRole);
        group->appendRow(item);
    }
    for (QStandardItem *group : groups)
        appendRow(group);
}

QStandardItem *WorkspaceModel::itemForFile(const QString &relativePath) const
{
    for (int g = 0; g < rowCount(); ++g) {
        QStandardItem *group = item(g);
        for (int r = 0; r < group->rowCount(); ++r) {
            if (group->child(r)->text() == relativePath)
                return group->child(r);
        }
    }
    return nullptr;
}

}  // namespace oas::ui
