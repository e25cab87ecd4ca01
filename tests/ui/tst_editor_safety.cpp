// The Studio never loses an edit (issue 19): modified markers; Save / Discard / Cancel when a tab closes,
// the workspace changes or the Studio quits (and a question when a job runs); a file changed on disk while
// edited (reload / keep mine / compare), and saving never overwriting a change nobody here has seen; the
// workspace tree following its folder; the Run panel naming its configuration; the menus.
#include "EditorTabs.h"
#include "MainWindow.h"
#include "StudioSupport.h"
#include "common/TestSupport.h"
#include "demo/DemoWorkspace.h"
#include "editor/ConfigEditor.h"
#include "run/RunPanel.h"
#include "workspace/WorkspaceModel.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace oas;
using Tabs = ui::EditorTabs;

class TestEditorSafety : public QObject {
    Q_OBJECT
private slots:
    void init();
    void modifiedMarker();
    void closeTabAsks_data();
    void closeTabAsks();
    void quitAsks();
    void quitWhileJobRuns();
    void switchingWorkspaceAsks();
    void changedOnDiskWithoutEdits();
    void changedOnDiskWithEdits();
    void saveNeverOverwritesUnseenChanges();
    void treeFollowsFolder();
    void runPanelNamesConfiguration();
    void menus();
    void tabsRestored();

private:
    // Answers the tabs' questions and counts them.
    void answer(ui::MainWindow &w, Tabs::Unsaved unsaved, Tabs::ChangedOnDisk disk = Tabs::ChangedOnDisk::KeepMine,
                Tabs::SaveConflict conflict = Tabs::SaveConflict::Cancel)
    {
        m_asked.clear();
        w.tabs()->setPrompts({[this, unsaved](const QStringList &files) { m_asked << "unsaved:" + files.join(','); return unsaved; },
                              [this, disk](const QString &file) { m_asked << "disk:" + file; return disk; },
                              [this, conflict](const QString &file) { m_asked << "conflict:" + file; return conflict; }});
    }
    bool show(ui::MainWindow &w, const QString &file = "employees.ini") { return test::showWorkspaceFile(w, m_ws, m_ws + "/" + file); }
    static void type(ui::ConfigEditor *e, const QString &text)
    {
        e->setCursorPosition(0, 0);
        e->insert(text);
    }
    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ws;
    QStringList m_asked;
};

void TestEditorSafety::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    test::isolateSettings(m_dir->path());
    m_ws = m_dir->filePath("ws");
    QString error;
    QVERIFY2(demo::createWorkspace(m_ws, 10, &error), qPrintable(error));
}

void TestEditorSafety::modifiedMarker()
{
    ui::MainWindow w;
    QVERIFY(show(w));
    QCOMPARE(w.tabs()->tabText(0), QStringLiteral("employees.ini"));
    type(w.currentEditor(), "; a note\n");
    QCOMPARE(w.tabs()->tabText(0), QStringLiteral("employees.ini *"));
    QVERIFY(w.tabs()->saveTab(0));
    QCOMPARE(w.tabs()->tabText(0), QStringLiteral("employees.ini"));
    QVERIFY(test::readAll(m_ws + "/employees.ini").startsWith("; a note\n"));
}

void TestEditorSafety::closeTabAsks_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("closed");
    QTest::addColumn<bool>("saved");
    QTest::newRow("cancel") << int(Tabs::Unsaved::Cancel) << false << false;
    QTest::newRow("discard") << int(Tabs::Unsaved::Discard) << true << false;
    QTest::newRow("save") << int(Tabs::Unsaved::Save) << true << true;
}

void TestEditorSafety::closeTabAsks()
{
    QFETCH(int, answer);
    QFETCH(bool, closed);
    QFETCH(bool, saved);
    ui::MainWindow w;
    QVERIFY(show(w));
    const QByteArray before = test::readAll(m_ws + "/employees.ini");
    type(w.currentEditor(), "; mine\n");
    this->answer(w, Tabs::Unsaved(answer));
    QCOMPARE(w.tabs()->closeTab(0), closed);
    QCOMPARE(m_asked, QStringList{"unsaved:employees.ini"});
    QCOMPARE(w.tabs()->count(), closed ? 0 : 1);
    if (!closed)
        QVERIFY(w.currentEditor()->text().startsWith("; mine\n"));
    QCOMPARE(test::readAll(m_ws + "/employees.ini"), saved ? "; mine\n" + before : before);
    // A tab without edits closes without a question.
    QVERIFY(w.openFile(m_ws + "/replica.ini"));
    m_asked.clear();
    QVERIFY(w.tabs()->closeTab(w.tabs()->indexOfPath(m_ws + "/replica.ini")));
    QVERIFY(m_asked.isEmpty());
}

void TestEditorSafety::quitAsks()
{
    ui::MainWindow w;
    QVERIFY(show(w));
    QVERIFY(w.openFile(m_ws + "/replica.ini"));
    type(w.currentEditor(), "; replica edit\n");
    w.tabs()->setCurrentIndex(0);
    type(w.currentEditor(), "; employees edit\n");
    answer(w, Tabs::Unsaved::Cancel);
    QVERIFY(!w.close());
    QVERIFY(w.isVisible());
    QCOMPARE(m_asked, QStringList{"unsaved:employees.ini,replica.ini"});
    QCOMPARE(w.tabs()->count(), 2);
    answer(w, Tabs::Unsaved::Save);
    QVERIFY(w.close());
    QVERIFY(test::readAll(m_ws + "/employees.ini").startsWith("; employees edit\n"));
    QVERIFY(test::readAll(m_ws + "/replica.ini").startsWith("; replica edit\n"));
}

void TestEditorSafety::quitWhileJobRuns()
{
    ui::MainWindow w;
    QVERIFY(show(w));
    ui::RunPanel *run = w.runPanel();
    run->setJobKind(0);
    run->setDataFile("full.txt");
    run->setStepping(true);
    QVERIFY(run->run());
    QTRY_VERIFY_WITH_TIMEOUT(run->currentRecord().startsWith("row 1 exported"), 30000);  // waits at the first record
    int asked = 0;
    w.confirmQuitWhileRunning = [&] { ++asked; return false; };
    QVERIFY(!w.close());
    QCOMPARE(asked, 1);
    QVERIFY(run->isRunning());
    w.confirmQuitWhileRunning = [&] { ++asked; return true; };
    QVERIFY(w.close());
    QCOMPARE(asked, 2);
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 30000);
}

void TestEditorSafety::switchingWorkspaceAsks()
{
    ui::MainWindow w;
    QVERIFY(show(w));
    type(w.currentEditor(), "; unsaved\n");
    const QString other = m_dir->filePath("other");
    QVERIFY(QDir().mkpath(other));
    answer(w, Tabs::Unsaved::Cancel);
    QVERIFY(!w.openWorkspace(other));
    QCOMPARE(w.workspace()->folder(), QFileInfo(m_ws).absoluteFilePath());
    QCOMPARE(w.tabs()->count(), 1);
    answer(w, Tabs::Unsaved::Save);
    QVERIFY(w.openWorkspace(other));
    QCOMPARE(w.workspace()->folder(), QFileInfo(other).absoluteFilePath());
    QCOMPARE(w.tabs()->count(), 0);
    QVERIFY(test::readAll(m_ws + "/employees.ini").startsWith("; unsaved\n"));
}

void TestEditorSafety::changedOnDiskWithoutEdits()
{
    ui::MainWindow w;
    QVERIFY(show(w));
    answer(w, Tabs::Unsaved::Cancel);
    writeFile(m_ws + "/employees.ini", "; rewritten by another program\n");
    w.tabs()->fileChangedOnDisk(m_ws + "/employees.ini");
    QCOMPARE(w.currentEditor()->text(), QStringLiteral("; rewritten by another program\n"));
    QVERIFY(m_asked.isEmpty());  // nothing of the user's to lose: read again without a question
}

void TestEditorSafety::changedOnDiskWithEdits()
{
    for (const auto choice : {Tabs::ChangedOnDisk::KeepMine, Tabs::ChangedOnDisk::Reload, Tabs::ChangedOnDisk::Compare}) {
        ui::MainWindow w;
        QVERIFY(show(w));
        type(w.currentEditor(), "; mine\n");
        const QString mine = w.currentEditor()->text();
        answer(w, Tabs::Unsaved::Discard, choice);
        writeFile(m_ws + "/employees.ini", "; theirs\n");
        w.tabs()->fileChangedOnDisk(m_ws + "/employees.ini");
        QCOMPARE(m_asked, QStringList{"disk:employees.ini"});
        w.tabs()->setCurrentIndex(0);
        if (choice == Tabs::ChangedOnDisk::Reload) {
            QCOMPARE(w.currentEditor()->text(), QStringLiteral("; theirs\n"));
            QVERIFY(!w.currentEditor()->isModified());
        } else {
            QCOMPARE(w.currentEditor()->text(), mine);
        }
        if (choice == Tabs::ChangedOnDisk::Compare) {
            QCOMPARE(w.tabs()->count(), 2);
            QCOMPARE(w.tabs()->tabText(1), QStringLiteral("employees.ini (on disk)"));
            w.tabs()->setCurrentIndex(1);
            QCOMPARE(w.currentEditor()->text(), QStringLiteral("; theirs\n"));
            QVERIFY(w.currentEditor()->isReadOnly());
        }
        QVERIFY(w.tabs()->closeAll());
        // Restore the demo's file for the next round.
        QString error;
        QVERIFY(demo::createWorkspace(m_ws, 10, &error));
    }
}

void TestEditorSafety::saveNeverOverwritesUnseenChanges()
{
    ui::MainWindow w;
    QVERIFY(show(w));
    type(w.currentEditor(), "; mine\n");
    // Another program changes the file; the watcher's report is not waited for: saving itself checks.
    writeFile(m_ws + "/employees.ini", "; theirs\n");
    answer(w, Tabs::Unsaved::Cancel, Tabs::ChangedOnDisk::KeepMine, Tabs::SaveConflict::Cancel);
    QVERIFY(!w.tabs()->saveTab(0));
    QCOMPARE(m_asked, QStringList{"conflict:employees.ini"});
    QCOMPARE(test::readAll(m_ws + "/employees.ini"), QByteArray("; theirs\n"));
    answer(w, Tabs::Unsaved::Cancel, Tabs::ChangedOnDisk::KeepMine, Tabs::SaveConflict::Overwrite);
    QVERIFY(w.tabs()->saveTab(0));
    QVERIFY(test::readAll(m_ws + "/employees.ini").startsWith("; mine\n"));
    // Saved: the next save has nothing unseen to ask about.
    type(w.currentEditor(), "; more\n");
    answer(w, Tabs::Unsaved::Cancel);
    QVERIFY(w.tabs()->saveTab(0));
    QVERIFY(m_asked.isEmpty());
    // A file deleted meanwhile counts as changed too.
    type(w.currentEditor(), "; again\n");
    QVERIFY(QFile::remove(m_ws + "/employees.ini"));
    answer(w, Tabs::Unsaved::Cancel, Tabs::ChangedOnDisk::KeepMine, Tabs::SaveConflict::Overwrite);
    QVERIFY(w.tabs()->saveTab(0));
    QCOMPARE(m_asked, QStringList{"conflict:employees.ini"});
    QVERIFY(test::readAll(m_ws + "/employees.ini").startsWith("; again\n"));
}

void TestEditorSafety::treeFollowsFolder()
{
    ui::MainWindow w;
    QVERIFY(show(w));
    QVERIFY(!w.workspace()->itemForFile("added.ini"));
    writeFile(m_ws + "/added.ini", "[version]\nVersion=1.06\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.workspace()->itemForFile("added.ini"), 10000);
    QVERIFY(QDir().mkpath(m_ws + "/odbcsync"));
    QTest::qWait(600);  // the new folder is watched after the refresh it causes
    writeFile(m_ws + "/odbcsync/dialer.csv", "Field,Code,Type\nFileNo,DFN,CHAR\n");
    writeFile(m_ws + "/odbcsync/dialer.ini", "[database]\nDRIVER=SQLite3\nDatabase=x.db\n[target]\nTable=t\n");
    const auto listed = [&] {
        for (const char *name : {"dialer.csv", "dialer.ini", "odbcsync/dialer.csv", "odbcsync/dialer.ini", "dialer"})
            if (w.workspace()->itemForFile(name))
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(listed(), 10000);
}

void TestEditorSafety::runPanelNamesConfiguration()
{
    ui::MainWindow w;
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openWorkspace(m_ws));
    auto *target = w.runPanel()->findChild<QLabel *>("RunTarget");
    QVERIFY(target);
    QCOMPARE(target->text(), QStringLiteral("no configuration open"));
    QVERIFY(w.runPanel()->configPath().isEmpty());
    QVERIFY(w.openFile(m_ws + "/employees.ini"));
    QCOMPARE(target->text(), QStringLiteral("Runs employees.ini:"));
    writeFile(m_ws + "/data.txt", "row:\nEID: 1\n");
    QVERIFY(w.openFile(m_ws + "/data.txt"));  // a data file's tab: Run still runs employees.ini, and says so
    QCOMPARE(target->text(), QStringLiteral("Runs employees.ini:"));
    QCOMPARE(w.runPanel()->configPath(), m_ws + "/employees.ini");
    answer(w, Tabs::Unsaved::Discard);
    QVERIFY(w.tabs()->closeAll());
    QCOMPARE(target->text(), QStringLiteral("no configuration open"));
    QVERIFY(w.runPanel()->configPath().isEmpty());
}

void TestEditorSafety::menus()
{
    ui::MainWindow w;
    QStringList titles;
    for (QAction *menu : w.menuBar()->actions())
        titles << menu->text();
    QCOMPARE(titles, (QStringList{"&File", "&Edit", "&View", "&Tools", "&Help"}));
    const auto actionsOf = [&](int i) {
        QStringList names;
        for (QAction *a : w.menuBar()->actions().at(i)->menu()->actions())
            names << a->text();
        return names;
    };
    for (const char *name : {"&New file...", "&Save", "Save &as...", "&Close", "&Quit"})
        QVERIFY2(actionsOf(0).contains(name), name);
    for (const char *name : {"&Undo", "&Redo", "Cu&t", "&Copy", "&Paste"})
        QVERIFY2(actionsOf(1).contains(name), name);
    for (QDockWidget *dock : w.findChildren<QDockWidget *>())
        QVERIFY2(actionsOf(2).contains(dock->windowTitle()), qPrintable(dock->windowTitle()));
    QVERIFY(actionsOf(4).contains("&Documentation"));
}

void TestEditorSafety::tabsRestored()
{
    {
        ui::MainWindow w;
        QVERIFY(show(w));
        QVERIFY(w.openFile(m_ws + "/demo.sync"));
        QVERIFY(w.close());
    }
    ui::MainWindow again;
    again.show();
    QVERIFY(again.openWorkspace(m_ws));
    QCOMPARE(again.tabs()->count(), 2);
    QCOMPARE(again.tabs()->tabText(0), QStringLiteral("employees.ini"));
    QCOMPARE(again.tabs()->tabText(1), QStringLiteral("demo.sync"));
    // An empty exceptions file is not listed.
    writeFile(m_ws + "/empty-except.txt", "");
    again.openWorkspace(m_ws);
    QVERIFY(!again.workspace()->itemForFile("empty-except.txt"));
}

QTEST_MAIN(TestEditorSafety)
#include "tst_editor_safety.moc"
