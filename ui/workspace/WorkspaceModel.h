#pragma once
// A workspace folder's files, shown by kind: agent configurations, data files, exceptions files, reference
// files, trace files, mapping pairs. The kind comes from the name and, for reference files, the first
// bytes (our reference format's magic number).
#include <QStandardItemModel>

namespace oas::ui {

enum class FileKind { Configuration, Sync, DataFile, Exceptions, Reference, Trace, MappingPair, Queue, Other };

FileKind classifyFile(const QString &path);
QString kindTitle(FileKind kind);

class WorkspaceModel : public QStandardItemModel {
    Q_OBJECT
public:
    static constexpr int PathRole = Qt::UserRole + 1;
    static constexpr int KindRole = Qt::UserRole + 2;

    explicit WorkspaceModel(QObject *parent = nullptr);
    void setFolder(const QString &folder);  // lists it again
    QString folder() const { return m_folder; }
    // The item of a file (relative to the folder), or nullptr.
    QStandardItem *itemForFile(const QString &relativePath) const;

private:
    QString m_folder;
};

}  // namespace oas::ui
