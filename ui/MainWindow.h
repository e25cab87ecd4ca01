#pragma once
// The Studio's main window: the workspace's files by kind, editors in tabs, the Problems list and the SQL
// preview of the configuration being edited. Recent workspaces and the window layout are remembered.
#include <QMainWindow>

class QTabWidget;
class QTreeView;
class QFileSystemWatcher;

namespace oas::run {
struct DatabaseCheckResult;
}
class QMenu;

namespace oas::ui {

class ConfigEditor;
class FindBar;
class ProblemsView;
class RunPanel;
class SqlPreview;
class QueuePanel;
class WorkspaceModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openWorkspace(const QString &folder);
    bool openFile(const QString &path);
    static QStringList recentWorkspaces();
    // "Check against database" for the open configuration, on a worker thread; checkFinished() when done.
    void checkAgainstDatabase();

    WorkspaceModel *workspace() const { return m_workspace; }
    ConfigEditor *currentEditor() const;
    ProblemsView *problems() const { return m_problems; }
    SqlPreview *sqlPreview() const { return m_preview; }
    RunPanel *runPanel() const { return m_run; }
    QueuePanel *queuePanel() const { return m_queue; }
    FindBar *findBar() const { return m_find; }

signals:
    void checkFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void refreshRecentMenu();
    void editorChanged();
    void saveCurrent();
    void protectPassword();
    bool openPair(const QString &path);
    void showCheck(const run::DatabaseCheckResult &result, ConfigEditor *editor);

    QTabWidget *m_tabs;
    FindBar *m_find;
    QTreeView *m_tree;
    WorkspaceModel *m_workspace;
    ProblemsView *m_problems;
    SqlPreview *m_preview;
    RunPanel *m_run;
    QueuePanel *m_queue;
    QMenu *m_recent = nullptr;
    QFileSystemWatcher *m_watcher;  // open files: reloaded when a job rewrites them
    QString m_checkText;            // the last check's column facts, shown under the SQL preview
};

}  // namespace oas::ui
