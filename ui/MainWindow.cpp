#include "MainWindow.h"

#include "ProblemsView.h"
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
    : QMainWindow(parent), m_tabs(new QTabWidget(this)), m_find(new FindBar(this)), m_tree(new QTreeView(this)),
      m_workspace(new WorkspaceModel(this)), m_problems(new ProblemsView(this)), m_preview(new SqlPreview(this)),
      m_run(new RunPanel(this)), m_queue(new QueuePanel(this)), m_watcher(new QFileSystemWatcher(this))
{
    setWindowTitle(tr("ODBC Agent Studio"));
    setObjectName(QStringLiteral("MainWindow"));
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_tabs, 1);
    centralLayout->addWidget(m_find);
    setCentralWidget(central);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int i) {
        if (auto *e = qobject_cast<ConfigEditor *>(m_tabs->widget(i)))
            m_watcher->removePath(e->filePath());
        delete m_tabs->widget(i);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::editorChanged);
    createDocks();
    createMenus();
    // A file open in a tab that changes on disk (an export's output, a rewritten exceptions file) is read
    // again, unless it has unsaved edits.
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        for (int i = 0; i < m_tabs->count(); ++i) {
            auto *e = qobject_cast<ConfigEditor *>(m_tabs->widget(i));
            if (!e || e->filePath() != path || e->isModified())
                continue;
            QString error;
            const bool validate = classifyFile(path) == FileKind::Configuration;
            const bool readOnly = e->isReadOnly();
            e->setReadOnly(false);
            e->openFile(path, &error, validate);
            e->setReadOnly(readOnly);
        }
        if (QFileInfo::exists(path) && !m_watcher->files().contains(path))
            m_watcher->addPath(path);  // a file replaced by rename is watched again
    });
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
    connect(m_run, &RunPanel::jobFinished, this, [this] {
        // Jobs write files (data, references, exceptions, traces): show them.
        if (!m_workspace->folder().isEmpty()) {
            m_workspace->setFolder(m_workspace->folder());
            m_tree->expandAll();
        }
    });

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
    file->addAction(tr("&Open workspace..."), QKeySequence::Open, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Open workspace"));
        if (!folder.isEmpty())
            openWorkspace(folder);
    });
    m_recent = file->addMenu(tr("&Recent workspaces"));
    refreshRecentMenu();
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::saveCurrent);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Find..."), QKeySequence::Find, this, [this] { m_find->showFind(false); });
    edit->addAction(tr("Find &next"), QKeySequence::FindNext, m_find, &FindBar::findNext);
    edit->addAction(tr("&Replace..."), QKeySequence(Qt::CTRL | Qt::Key_H), this, [this] { m_find->showFind(true); });
    edit->addSeparator();
    edit->addAction(tr("&Protect password..."), this, &MainWindow::protectPassword);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *language = view->addMenu(tr("&Language"));
    for (const auto &choice : {std::pair{QStringLiteral("en"), QStringLiteral("English")},
                               std::pair{QStringLiteral("de"), QStringLiteral("Deutsch")}}) {
        const QString code = choice.first;
        language->addAction(choice.second, this, [this, code] {
            QSettings().setValue(QStringLiteral("ui/language"), code);
            statusBar()->showMessage(tr("The language changes when the Studio starts again"));
        });
    }
    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(tr("&Check against database"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), this,
                     &MainWindow::checkAgainstDatabase);
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
    m_workspace->setFolder(path);
    m_tree->expandAll();
    m_queue->setWorkspace(path);
    QStringList recent = recentWorkspaces();
    recent.removeAll(path);
    recent.prepend(path);
    QSettings().setValue(QStringLiteral("workspaces/recent"), QStringList(recent.mid(0, kMaxRecent)));
    refreshRecentMenu();
    setWindowTitle(tr("%1 - ODBC Agent Studio").arg(info.fileName()));
    statusBar()->showMessage(tr("Workspace %1").arg(path));
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->property("path").toString() == path) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    const FileKind kind = classifyFile(path);
    if (kind == FileKind::MappingPair)
        return openPair(path);
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
    editor->setProperty("path", path);
    connect(editor, &ConfigEditor::helpChanged, this, [this](const QString &help) {
        if (!help.isEmpty())
            statusBar()->showMessage(help);
    });
    connect(editor, &ConfigEditor::validated, this, [this, editor] {
        if (editor == currentEditor())
            editorChanged();
    });
    m_tabs->setCurrentIndex(m_tabs->addTab(editor, QFileInfo(path).fileName()));
    m_watcher->addPath(path);
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
    return qobject_cast<ConfigEditor *>(m_tabs->currentWidget());
}

void MainWindow::editorChanged()
{
    ConfigEditor *e = currentEditor();
    m_find->setEditor(e);
    if (!e || classifyFile(e->filePath()) != FileKind::Configuration) {
        m_problems->showDiagnostics({});
        m_preview->showConfig({});
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
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->property("path").toString() == ini) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    auto *editor = new PairEditor(m_tabs);
    QString error;
    if (!editor->openPair(path, &error)) {
        delete editor;
        QMessageBox::warning(this, tr("Open file"), error);
        return false;
    }
    editor->setProperty("path", ini);
    const QString title = tr("pair %1").arg(info.completeBaseName());
    connect(editor, &PairEditor::modificationChanged, this, [this, editor, title](bool modified) {
        m_tabs->setTabText(m_tabs->indexOf(editor), modified ? title + QLatin1Char('*') : title);
    });
    connect(editor, &PairEditor::fireRequested, this, [this, editor](const QString &iniPath, const QString &data, const QString &event) {
        QString error;
        if (editor->isModified() && !editor->save(&error)) {
            QMessageBox::warning(this, tr("Save"), error);
            return;
        }
        m_run->firePair(iniPath, data, event);
    });
    m_tabs->setCurrentIndex(m_tabs->addTab(editor, title));
    return true;
}

void MainWindow::saveCurrent()
{
    if (auto *pair = qobject_cast<PairEditor *>(m_tabs->currentWidget())) {
        QString error;
        if (!pair->save(&error))
            QMessageBox::warning(this, tr("Save"), error);
        return;
    }
    ConfigEditor *e = currentEditor();
    QString error;
    if (e && !e->isReadOnly() && e->isModified() && !e->save(&error))
        QMessageBox::warning(this, tr("Save"), error);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

}  // namespace oas::ui
