#include "MainWindow.h"

#include "EditorTabs.h"
#include "ProblemsView.h"
#include "monitor/MonitorView.h"
#include "run/RunPanel.h"
#include "editor/ConfigEditor.h"
#include "pairs/PairEditor.h"
#include "queue/QueuePanel.h"
#include "secrets/Keychain.h"
#include "secrets/PasswordDialog.h"
#include "editor/FindBar.h"
#include "editor/SqlPreview.h"
#include "sql/SqlDialect.h"
#include "workspace/WorkspaceModel.h"

#include "run/DatabaseCheck.h"

#include <QCloseEvent>
#include <QDesktopServices>
#include <QDirIterator>
#include <QTimer>
#include <QUrl>
#include <QActionGroup>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileSystemWatcher>
#include <QApplication>
#include <QPointer>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>
#include <QUuid>
#include <QVBoxLayout>

#include <thread>

namespace oas::ui {

namespace {
constexpr int kMaxRecent = 8;
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_tabs(new EditorTabs(this)), m_find(new FindBar(this)), m_tree(new QTreeView(this)),
      m_workspace(new WorkspaceModel(this)), m_problems(new ProblemsView(this)), m_preview(new SqlPreview(this)),
      m_run(new RunPanel(this)), m_queue(new QueuePanel(this)), m_monitor(new MonitorView(this)), m_folderWatcher(new QFileSystemWatcher(this)),
      m_treeRefresh(new QTimer(this))
{
    setWindowTitle(tr("ODBC Agent Studio"));
    setObjectName(QStringLiteral("MainWindow"));
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_tabs, 1);
    centralLayout->addWidget(m_find);
    setCentralWidget(central);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::editorChanged);
    // Compare: what is on disk now, read-only, beside the edited tab.
    connect(m_tabs, &EditorTabs::compareRequested, this, [this](const QString &path, const QByteArray &onDisk, const QString &) {
        auto *disk = new ConfigEditor(m_tabs);
        disk->setText(QString::fromUtf8(onDisk));
        disk->setReadOnly(true);
        m_tabs->addEditor(disk, tr("%1 (on disk)").arg(QFileInfo(path).fileName()), path + QStringLiteral("#on-disk"));
    });
    createDocks();
    createMonitor();
    connectSyncRuns();
    createMenus();
    // The workspace tree follows its folders (files made by jobs, pairs added by another program).
    m_treeRefresh->setSingleShot(true);
    m_treeRefresh->setInterval(300);
    connect(m_folderWatcher, &QFileSystemWatcher::directoryChanged, m_treeRefresh, qOverload<>(&QTimer::start));
    connect(m_treeRefresh, &QTimer::timeout, this, &MainWindow::refreshTree);
    confirmQuitWhileRunning = [this] {
        return QMessageBox::question(this, tr("A job is running"),
                                     tr("A job is running (or waits in step mode). Quit anyway? The job is stopped; what it "
                                        "has done so far is kept.")) == QMessageBox::Yes;
    };
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    statusBar()->showMessage(tr("Open a workspace folder to start"));
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_tree->setModel(m_workspace);
    m_tree->header()->hide();
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString path = index.data(WorkspaceModel::PathRole).toString();
        if (!path.isEmpty())
            openFile(path);
    });
    auto *workspaceDock = new QDockWidget(tr("Workspace"), this);
    workspaceDock->setObjectName(QStringLiteral("WorkspaceDock"));
    workspaceDock->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, workspaceDock);

    auto *problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(QStringLiteral("ProblemsDock"));
    problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);
    connect(m_problems, &ProblemsView::lineActivated, this, [this](int line, int column) {
        if (ConfigEditor *e = currentEditor())
            e->goToLine(line, column);
    });

    auto *runDock = new QDockWidget(tr("Run"), this);
    runDock->setObjectName(QStringLiteral("RunDock"));
    runDock->setWidget(m_run);
    addDockWidget(Qt::BottomDockWidgetArea, runDock);
    connect(m_run, &RunPanel::openFileRequested, this, &MainWindow::openFile);
    connect(m_run, &RunPanel::aboutToRun, this, [this] {
        if (ConfigEditor *e = currentEditor(); e && e->isModified())
            saveCurrent();
    });
    connect(m_run, &RunPanel::jobFinished, this, &MainWindow::refreshTree);  // the files it wrote

    auto *previewPanel = new QWidget(this);
    auto *layout = new QVBoxLayout(previewPanel);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *dialect = new QComboBox(previewPanel);
    dialect->addItem(tr("automatic (from the driver)"), QString());
    for (const QString &name : sql::SqlDialect::names())
        dialect->addItem(name, name);
    dialect->setToolTip(tr("The SQL dialect of the preview"));
    connect(dialect, &QComboBox::currentIndexChanged, m_preview, [this, dialect] { m_preview->setDialect(dialect->currentData().toString()); });
    layout->addWidget(dialect);
    layout->addWidget(m_preview);
    auto *previewDock = new QDockWidget(tr("SQL preview"), this);
    previewDock->setObjectName(QStringLiteral("SqlPreviewDock"));
    previewDock->setWidget(previewPanel);
    addDockWidget(Qt::RightDockWidgetArea, previewDock);

    auto *queueDock = new QDockWidget(tr("Change queue"), this);
    queueDock->setObjectName(QStringLiteral("QueueDock"));
    queueDock->setWidget(m_queue);
    addDockWidget(Qt::BottomDockWidgetArea, queueDock);
    tabifyDockWidget(runDock, queueDock);
    runDock->raise();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New file..."), QKeySequence::New, this, &MainWindow::newFile);
    file->addAction(tr("&Open workspace..."), QKeySequence::Open, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Open workspace"));
        if (!folder.isEmpty())
            openWorkspace(folder);
    });
    m_recent = file->addMenu(tr("&Recent workspaces"));
    refreshRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::saveCurrent);
    file->addAction(tr("Save &as..."), QKeySequence::SaveAs, this, &MainWindow::saveCurrentAs);
    file->addAction(tr("&Close"), QKeySequence::Close, this, [this] {
        if (m_tabs->currentIndex() >= 0)
            m_tabs->closeTab(m_tabs->currentIndex());
    });
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Undo"), QKeySequence::Undo, this, [this] { editAction(&QsciScintilla::undo); });
    edit->addAction(tr("&Redo"), QKeySequence::Redo, this, [this] { editAction(&QsciScintilla::redo); });
    edit->addSeparator();
    edit->addAction(tr("Cu&t"), QKeySequence::Cut, this, [this] { editAction(&QsciScintilla::cut); });
    edit->addAction(tr("&Copy"), QKeySequence::Copy, this, [this] { editAction(&QsciScintilla::copy); });
    edit->addAction(tr("&Paste"), QKeySequence::Paste, this, [this] { editAction(&QsciScintilla::paste); });
    edit->addSeparator();
    edit->addAction(tr("&Find..."), QKeySequence::Find, this, [this] { m_find->showFind(false); });
    edit->addAction(tr("Find &next"), QKeySequence::FindNext, m_find, &FindBar::findNext);
    edit->addAction(tr("&Replace..."), QKeySequence(Qt::CTRL | Qt::Key_H), this, [this] { m_find->showFind(true); });
    edit->addSeparator();
    edit->addAction(tr("&Protect password..."), this, &MainWindow::protectPassword);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    QMenu *language = view->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(language);
    const QString current = QSettings().value(QStringLiteral("ui/language"), QStringLiteral("en")).toString();
    for (const auto &choice : {std::pair{QStringLiteral("en"), QStringLiteral("English")},
                               std::pair{QStringLiteral("de"), QStringLiteral("Deutsch")}}) {
        const QString code = choice.first;
        QAction *a = language->addAction(choice.second, this, [this, code] {
            QSettings().setValue(QStringLiteral("ui/language"), code);
            statusBar()->showMessage(tr("The language changes when the Studio starts again"));
        });
        a->setCheckable(true);
        a->setChecked(code == current);
        languages->addAction(a);
    }
    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(tr("&Check against database"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), this,
                     &MainWindow::checkAgainstDatabase);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Documentation"), QKeySequence::HelpContents, this, &MainWindow::showDocumentation);
    help->addAction(tr("&About ODBC Agent Studio"), this, [this] {
        QMessageBox::about(this, tr("About ODBC Agent Studio"),
                           tr("<b>ODBC Agent Studio</b> %1<br>Designs, debugs, runs and monitors the ODBC export and "
                              "import agents and their syncs.<br>Qt %2").arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
}

QStringList MainWindow::recentWorkspaces()
{
    return QSettings().value(QStringLiteral("workspaces/recent")).toStringList();
}

void MainWindow::refreshRecentMenu()
{
    m_recent->clear();
    for (const QString &folder : recentWorkspaces())
        m_recent->addAction(folder, this, [this, folder] { openWorkspace(folder); });
    m_recent->setEnabled(!m_recent->isEmpty());
}

bool MainWindow::openWorkspace(const QString &folder)
{
    const QFileInfo info(folder);
    if (!info.isDir()) {
        statusBar()->showMessage(tr("%1 is not a folder").arg(folder));
        return false;
    }
    const QString path = info.absoluteFilePath();
    saveOpenTabs();
    if (path != m_workspace->folder() && !m_tabs->closeAll())
        return false;  // the user kept the edits of the workspace open
    m_workspace->setFolder(path);
    if (!m_folderWatcher->directories().isEmpty())
        m_folderWatcher->removePaths(m_folderWatcher->directories());
    m_folderWatcher->addPath(path);
    QDirIterator folders(path, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    for (int n = 0; folders.hasNext() && n < 200; ++n)
        m_folderWatcher->addPath(folders.next());
    m_tree->expandAll();
    m_queue->setWorkspace(path);
    QStringList recent = recentWorkspaces();
    recent.removeAll(path);
    recent.prepend(path);
    QSettings().setValue(QStringLiteral("workspaces/recent"), QStringList(recent.mid(0, kMaxRecent)));
    refreshRecentMenu();
    setWindowTitle(tr("%1 - ODBC Agent Studio").arg(info.fileName()));
    statusBar()->showMessage(tr("Workspace %1").arg(path));
    // The tabs that were open in this workspace when the Studio last closed it.
    if (m_tabs->count() == 0) {
        for (const QString &file : QSettings().value(QStringLiteral("workspaces/tabs")).toMap().value(path).toStringList()) {
            if (QFileInfo(file).isFile())
                openFile(file);
        }
    }
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    if (const int open = m_tabs->indexOfPath(path); open >= 0) {
        m_tabs->setCurrentIndex(open);
        return true;
    }
    const FileKind kind = classifyFile(path);
    if (kind == FileKind::MappingPair)
        return openPair(path);
    if (kind == FileKind::Sync)
        return openSync(path);
    auto *editor = new ConfigEditor(m_tabs);
    QString error;
    if (!editor->openFile(path, &error, kind == FileKind::Configuration)) {
        delete editor;
        QMessageBox::warning(this, tr("Open file"), error);
        return false;
    }
    // Data and exceptions files can be corrected here; trace and reference files are only read.
    if (kind == FileKind::Trace || kind == FileKind::Reference)
        editor->setReadOnly(true);
    connect(editor, &ConfigEditor::helpChanged, this, [this](const QString &help) {
        if (!help.isEmpty())
            statusBar()->showMessage(help);
    });
    connect(editor, &ConfigEditor::validated, this, [this, editor] {
        if (editor == currentEditor())
            editorChanged();
    });
    m_tabs->addEditor(editor, QFileInfo(path).fileName(), path);
    if (kind == FileKind::Queue) {  // its tables, rows and refresh in the queue panel
        m_queue->setConfiguration(QFileInfo(path).absoluteFilePath());
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("QueueDock")))
            dock->raise();
    }
    editorChanged();
    return true;
}

void MainWindow::protectPassword()
{
    ConfigEditor *e = currentEditor();
    if (!e) {
        statusBar()->showMessage(tr("Open a configuration first."));
        return;
    }
    PasswordDialog dialog(QStringLiteral("oas/") + QFileInfo(e->filePath()).completeBaseName(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const QString written = dialog.writtenForm(&error);
    const std::optional<QString> text = written.isEmpty() ? std::nullopt : withDatabasePassword(e->text(), written);
    if (!text) {
        QMessageBox::warning(this, tr("Protect password"),
                             written.isEmpty() ? error : tr("The configuration has no [database] section."));
        return;
    }
    // One undo step; the password itself is in no file, only its written form.
    e->beginUndoAction();
    e->selectAll();
    e->replaceSelectedText(*text);
    e->endUndoAction();
    statusBar()->showMessage(tr("Password= now holds the password's %1 form; save to keep it.")
                                 .arg(written.section(QLatin1Char(':'), 0, 0)));
}

ConfigEditor *MainWindow::currentEditor() const
{
    return textEditorOf(m_tabs->currentWidget());
}

void MainWindow::editorChanged()
{
    ConfigEditor *e = currentEditor();
    m_find->setEditor(e);
    if (!e || classifyFile(e->filePath()) != FileKind::Configuration) {
        m_problems->showDiagnostics({});
        m_preview->showConfig({});
        // The Run panel keeps the configuration last shown (it names it), unless that tab is gone.
        if (m_tabs->indexOfPath(m_run->configPath()) < 0)
            m_run->setConfigPath({});
        return;
    }
    m_run->setConfigPath(e->filePath());
    m_problems->showDiagnostics(e->lastResult().diagnostics);
    m_preview->showConfig(e->lastResult().config);
}

void MainWindow::checkAgainstDatabase()
{
    ConfigEditor *e = currentEditor();
    if (!e || classifyFile(e->filePath()) != FileKind::Configuration)
        return;
    if (m_run->isRunning()) {
        statusBar()->showMessage(tr("A job is running; check against the database once it is done"));
        return;
    }
    statusBar()->showMessage(tr("Checking %1 against its database...").arg(QFileInfo(e->filePath()).fileName()));
    const config::AgentConfig config = e->lastResult().config;
    const QString folder = QFileInfo(e->filePath()).absolutePath();
    const QPointer<ConfigEditor> editor(e);
    const QPointer<MainWindow> self(this);
    run::SecretSettings secrets;
    const KeychainRead keychain = readKeychain(keychainNames(config.database.user, config.database.password));  // on this thread, before the check's
    if (!keychain.error.isEmpty()) {
        statusBar()->showMessage(tr("Not checked: %1").arg(keychain.error));
        return;
    }
    secrets.keychain = keychain.values;
    std::thread([self, config, folder, editor, secrets] {
        // Relative paths in the configuration (a SQLite file) are its folder's, as for jobs.
        const QString previous = QDir::currentPath();
        QDir::setCurrent(folder);
        const run::DatabaseCheckResult r =
            run::checkAgainstDatabase(config, secrets, QStringLiteral("check-") + QUuid::createUuid().toString(QUuid::Id128));
        QDir::setCurrent(previous);
        // Back on the GUI thread, where the window may have been closed meanwhile.
        QMetaObject::invokeMethod(qApp, [self, r, editor] {
            if (!self)
                return;
            self->showCheck(r, editor);
        });
    }).detach();
}

void MainWindow::showCheck(const run::DatabaseCheckResult &r, ConfigEditor *editor)
{
    if (editor && editor == currentEditor()) {
        m_problems->showDiagnostics(editor->lastResult().diagnostics + r.diagnostics);
        m_checkText = r.columnsText;
        editor->setDatabaseColumns(r.tableColumns);
        m_preview->addNote(QStringLiteral("\n-- what the database says about the columns\n") + m_checkText);
    }
    statusBar()->showMessage(r.connected ? tr("Checked against the database: %n problem(s), ", nullptr, int(r.diagnostics.size()))
                                               + tr("%n column(s) described", nullptr, int(r.columns.size()))
                                         : tr("Cannot connect to the database"));
    emit checkFinished();
}

bool MainWindow::openPair(const QString &path)
{
    const QFileInfo info(path);
    const QString ini = info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral(".ini");
    if (const int open = m_tabs->indexOfPath(ini); open >= 0) {
        m_tabs->setCurrentIndex(open);
        return true;
    }
    auto *editor = new PairEditor(m_tabs);
    QString error;
    if (!editor->openPair(path, &error)) {
        delete editor;
        QMessageBox::warning(this, tr("Open file"), error);
        return false;
    }
    const QString title = tr("pair %1").arg(info.completeBaseName());
    connect(editor, &PairEditor::fireRequested, this, [this, editor](const QString &iniPath, const QString &data, const QString &event) {
        QString error;
        if (editor->isModified() && !editor->save(&error)) {
            QMessageBox::warning(this, tr("Save"), error);
            return;
        }
        // A data file named relative to the workspace (not the pairs folder the pair's job runs in).
        const QString file = data.isEmpty() || QFileInfo(data).isAbsolute() || m_workspace->folder().isEmpty()
                                 ? data
                                 : QDir(m_workspace->folder()).absoluteFilePath(data);
        m_run->firePair(iniPath, file, event);
    });
    m_tabs->addEditor(editor, title, ini);
    return true;
}

void MainWindow::saveOpenTabs()
{
    if (m_workspace->folder().isEmpty())
        return;
    QStringList files;
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QString path = m_tabs->widget(i)->property("path").toString();
        if (QFileInfo(path).isFile())
            files << path;
    }
    QSettings settings;
    QVariantMap tabs = settings.value(QStringLiteral("workspaces/tabs")).toMap();
    tabs.insert(m_workspace->folder(), files);
    settings.setValue(QStringLiteral("workspaces/tabs"), tabs);
}

void MainWindow::refreshTree()
{
    m_treeRefresh->stop();
    if (m_workspace->folder().isEmpty())
        return;
    m_workspace->setFolder(m_workspace->folder());
    m_tree->expandAll();
    QDirIterator folders(m_workspace->folder(), QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    for (int n = 0; folders.hasNext() && n < 200; ++n) {  // folders made since (refs/, odbcsync/)
        const QString folder = folders.next();
        if (!m_folderWatcher->directories().contains(folder))
            m_folderWatcher->addPath(folder);
    }
}

void MainWindow::saveCurrent()
{
    if (m_tabs->currentIndex() >= 0)
        m_tabs->saveTab(m_tabs->currentIndex());
}

void MainWindow::saveCurrentAs()
{
    ConfigEditor *e = currentEditor();
    if (!e)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save as"), e->filePath());
    if (path.isEmpty())
        return;
    QString error;
    if (!e->saveAs(path, &error)) {
        QMessageBox::warning(this, tr("Save as"), error);
        return;
    }
    // The tab edits the new file now.
    m_tabs->closeTab(m_tabs->currentIndex());
    openFile(path);
}

void MainWindow::newFile()
{
    const QString folder = m_workspace->folder().isEmpty() ? QDir::currentPath() : m_workspace->folder();
    const QString path = QFileDialog::getSaveFileName(this, tr("New file"), folder,
                                                      tr("Configurations (*.ini *.cfg);;Syncs (*.sync);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!QFileInfo::exists(path) && !f.open(QIODevice::WriteOnly)) {
        QMessageBox::warning(this, tr("New file"), tr("cannot create %1: %2").arg(path, f.errorString()));
        return;
    }
    f.close();
    openFile(path);
}

void MainWindow::editAction(void (QsciScintilla::*action)())
{
    if (ConfigEditor *e = currentEditor())
        (e->*action)();
}

void MainWindow::showDocumentation()
{
    // The installed documentation, else the source tree's.
    for (const QString &folder : {QStringLiteral("/usr/share/doc/odbc-agent-studio"),
                                  QCoreApplication::applicationDirPath() + QStringLiteral("/../../docs")}) {
        if (QFileInfo(folder + QStringLiteral("/sync.md")).exists()) {
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(folder).absoluteFilePath()));
            statusBar()->showMessage(tr("Documentation: %1").arg(QFileInfo(folder).absoluteFilePath()));
            return;
        }
    }
    statusBar()->showMessage(tr("The documentation is not installed (/usr/share/doc/odbc-agent-studio)"));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_run->isRunning() && !confirmQuitWhileRunning()) {
        event->ignore();
        return;
    }
    saveOpenTabs();
    if (!m_tabs->closeAll()) {  // Save / Discard / Cancel for every edited file
        event->ignore();
        return;
    }
    if (m_run->isRunning())
        m_run->cancel();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

}  // namespace oas::ui
