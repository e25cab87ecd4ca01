#pragma once
// The Studio's main window: the workspace's files by kind, editors in tabs, the Problems list and the SQL
// preview of the configuration being edited. Recent workspaces and the window layout are remembered.
#include <QMainWindow>

#include <functional>

class QsciScintilla;

class QTreeView;
class QFileSystemWatcher;
class QTimer;
class QSystemTrayIcon;

namespace oas::run {
struct DatabaseCheckResult;
}
class QMenu;

namespace oas::ui {

class ConfigEditor;
class EditorTabs;
class MonitorView;
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
    EditorTabs *tabs() const { return m_tabs; }
    MonitorView *monitor() const { return m_monitor; }
    // Schedules a sync through odbc-agent schedule (whenArguments: --every 15m, --daily 02:30, --cron "...",
    // or --remove); false with the tool's message in *output.
    bool scheduleSync(const QString &syncFile, const QStringList &whenArguments, QString *output);
    // Asks whether a sync stopped by its delete guard may run once with --allow-deletes; the tests answer.
    std::function<bool(const QString &message, qint64 deletes)> confirmAllowDeletes;
    // The last desktop notification (a run that failed or was interrupted), as shown.
    QString lastNotification() const { return m_lastNotification; }
    // Asks what a running job should become before the window closes; the tests answer it.
    std::function<bool()> confirmQuitWhileRunning;

signals:
    void checkFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createMonitor();
    void notifyFailure(const QString &title, const QString &text);
    void createMenus();
    void refreshRecentMenu();
    void editorChanged();
    void saveCurrent();
    void saveCurrentAs();
    void refreshTree();  // the workspace tree as the folder is now
    void saveOpenTabs();  // reopened with the workspace next time
    void newFile();
    void showDocumentation();
    void editAction(void (QsciScintilla::*action)());
    void protectPassword();
    bool openPair(const QString &path);
    bool openSync(const QString &path);
    void connectSyncRuns();
    void showCheck(const run::DatabaseCheckResult &result, ConfigEditor *editor);

    EditorTabs *m_tabs;
    FindBar *m_find;
    QTreeView *m_tree;
    WorkspaceModel *m_workspace;
    ProblemsView *m_problems;
    SqlPreview *m_preview;
    RunPanel *m_run;
    QueuePanel *m_queue;
    MonitorView *m_monitor;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastNotification;
    QMenu *m_recent = nullptr;
    QFileSystemWatcher *m_folderWatcher;  // the workspace's folders: the tree follows them
    QTimer *m_treeRefresh;
    QString m_checkText;            // the last check's column facts, shown under the SQL preview
};

}  // namespace oas::ui
