// Syncs in the Studio (issue 19): a sync file opens in its form (steps, stop rules, the delete guard, live
// problems); Sync and Dry run run the chain in the Run panel step by step; a delete guard that stops it asks
// whether to let it through once; Schedule... goes through odbc-agent schedule and the Monitor lists it.
// Screenshots of the form and a run at 1024x700 and 1600x1000 in the build folder.
#include "EditorTabs.h"
#include "MainWindow.h"
#include "StudioSupport.h"
#include "common/TestSupport.h"
#include "demo/DemoWorkspace.h"
#include "editor/ConfigEditor.h"
#include "monitor/MonitorView.h"
#include "run/RunPanel.h"
#include "sync/SyncEditor.h"
#include "workspace/WorkspaceModel.h"

#include <QDockWidget>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace oas;

class TestSyncForm : public QObject {
    Q_OBJECT
private slots:
    void init();
    void formShowsStepsAndProblems();
    void guardFieldsKeepComments();
    void syncAndDryRun();
    void deleteGuardAsks();
    void scheduleListed();

private:
    ui::SyncEditor *openSync(ui::MainWindow &w)
    {
        if (!test::showWorkspaceFile(w, m_ws, m_ws + "/demo.sync"))
            return nullptr;
        return qobject_cast<ui::SyncEditor *>(w.tabs()->currentWidget());
    }
    int rows(const QString &db)
    {
        int n = -1;
        {
            QSqlDatabase c = QSqlDatabase::addDatabase("QSQLITE", "count");
            c.setDatabaseName(m_ws + "/" + db);
            if (c.open()) {
                QSqlQuery q(c);
                if (q.exec("SELECT COUNT(*) FROM Employees") && q.next())
                    n = q.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase("count");
        return n;
    }
    bool runSync(ui::MainWindow &w, ui::SyncEditor *form, bool dryRun)
    {
        emit form->syncRequested(m_ws + "/demo.sync", dryRun);
        return QTest::qWaitFor([&] { return !w.runPanel()->isRunning() && w.runPanel()->summary().startsWith("exit code"); }, 60000);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ws;
};

void TestSyncForm::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    test::isolateSettings(m_dir->path());
    qputenv("OAS_JOURNAL", m_dir->filePath("journal/journal.db").toUtf8());
    m_ws = m_dir->filePath("ws");
    QString error;
    QVERIFY2(demo::createWorkspace(m_ws, 40, &error), qPrintable(error));
}

void TestSyncForm::formShowsStepsAndProblems()
{
    ui::MainWindow w;
    ui::SyncEditor *form = openSync(w);
    QVERIFY(form);
    QVERIFY(w.workspace()->itemForFile("demo.sync"));
    QCOMPARE(form->steps()->rowCount(), 2);
    QCOMPARE(form->steps()->item(0, 0)->text(), QStringLiteral("export"));
    QCOMPARE(form->steps()->item(1, 2)->text(), QStringLiteral("replica.ini"));
    QCOMPARE(form->steps()->item(1, 3)->text(), QStringLiteral("reads the output of export"));
    QCOMPARE(form->steps()->item(1, 5)->text(), QStringLiteral("stop"));  // OnWarnings=stop in the demo
    QVERIFY(form->problemsText().isEmpty());
    // A broken input: the problem with its line, live.
    form->editor()->setText(form->editor()->text().replace("Input=@export", "Input=@nothing"));
    form->reparse();
    QVERIFY2(form->problemsText().contains("step import: Input=@nothing names no earlier step"), qPrintable(form->problemsText()));
    QVERIFY(form->problemsText().startsWith("line "));
    // Each step's configuration is one click away.
    QString opened;
    connect(form, &ui::SyncEditor::openConfigRequested, this, [&](const QString &p) { opened = p; });
    form->steps()->setCurrentCell(0, 0);
    emit form->steps()->cellDoubleClicked(0, 0);
    QCOMPARE(QFileInfo(opened).fileName(), QStringLiteral("employees.ini"));
    w.tabs()->setPrompts({[](const QStringList &) { return ui::EditorTabs::Unsaved::Discard; }, {}, {}});
}

void TestSyncForm::guardFieldsKeepComments()
{
    ui::MainWindow w;
    ui::SyncEditor *form = openSync(w);
    QVERIFY(form);
    const QStringList comments = [&] {
        QStringList c;
        for (const QString &line : form->editor()->text().split('\n'))
            if (line.startsWith(';'))
                c << line;
        return c;
    }();
    QVERIFY(comments.size() >= 3);
    form->setGuard(true, 120, 30, 5);
    const QString text = form->editor()->text();
    QVERIFY2(text.contains("\nMaxDeletes=120\n") && text.contains("\nMaxDeletePercent=30\n") && text.contains("\nMinRows=5\n"), qPrintable(text));
    for (const QString &c : comments)
        QVERIFY2(text.contains(c), qPrintable(c));
    QCOMPARE(form->definition().guard.maxDeletes, 120);
    QCOMPARE(form->definition().steps.at(1).guard.maxDeletePercent, 30);
    QVERIFY(form->editor()->isModified());
    QCOMPARE(w.tabs()->tabText(0), QStringLiteral("demo.sync *"));
    QVERIFY(w.tabs()->saveTab(0));
    QVERIFY(test::readAll(m_ws + "/demo.sync").contains("MaxDeletes=120"));
    // A step added from the form: at the end, reading the last export's output.
    form->addStep("again", sync::StepKind::Import, "replica.ini");
    QCOMPARE(form->steps()->rowCount(), 3);
    QCOMPARE(form->steps()->item(2, 3)->text(), QStringLiteral("reads the output of export"));
    QVERIFY(form->problemsText().isEmpty());
    QVERIFY(form->editor()->text().endsWith("[step again]\nKind=import\nConfig=replica.ini\nInput=@export\n"));
}

void TestSyncForm::syncAndDryRun()
{
    ui::MainWindow w;
    ui::SyncEditor *form = openSync(w);
    QVERIFY(form);
    QStringList steps;
    connect(w.runPanel(), &ui::RunPanel::jobFinished, this, [&](int) { steps << w.runPanel()->statistics(); });
    QVERIFY(runSync(w, form, false));
    QVERIFY2(w.runPanel()->summary() == "exit code 0: sync demo: done (exit 0)", qPrintable(w.runPanel()->summary()));
    QCOMPARE(rows("replica.db"), 40);
    QVERIFY2(steps.value(0).startsWith("step 2 of 2: import"), qPrintable(steps.join('|')));
    // The running step's statistics: its own summary line.
    QVERIFY2(steps.value(0).contains(" | ODBCAgentImp: 40 records read: 40 created"), qPrintable(steps.join('|')));
    QVERIFY(w.runPanel()->traceText().contains("import            import  done"));
    // Changes, then a dry run: the prediction, nothing kept.
    demo::DemoChanges changes;
    QString error;
    QVERIFY(demo::changeSomeRows(m_ws, &changes, &error));
    const QByteArray config = test::readAll(m_ws + "/employees.ini");
    QVERIFY(runSync(w, form, true));
    QVERIFY2(w.runPanel()->summary().contains("done"), qPrintable(w.runPanel()->summary()));
    QVERIFY(w.runPanel()->traceText().contains("(dry run: predicted, nothing kept)"));
    QCOMPARE(rows("replica.db"), 40);
    QCOMPARE(test::readAll(m_ws + "/employees.ini"), config);
    QVERIFY(runSync(w, form, false));
    QCOMPARE(rows("replica.db"), rows("demo.db"));
    for (const QSize size : {QSize(1024, 700), QSize(1600, 1000)}) {
        w.resize(size);
        if (auto *dock = w.findChild<QDockWidget *>("RunDock"))
            dock->raise();
        QTest::qWait(150);
        const QString name = QStringLiteral(OAS_BUILD_DIR "/screenshots/sync-form-%1x%2.png").arg(size.width()).arg(size.height());
        QDir().mkpath(QFileInfo(name).absolutePath());
        QVERIFY(w.grab().save(name));
    }
}

void TestSyncForm::deleteGuardAsks()
{
    ui::MainWindow w;
    ui::SyncEditor *form = openSync(w);
    QVERIFY(form);
    QVERIFY(runSync(w, form, false));
    QCOMPARE(rows("replica.db"), 40);
    {
        QSqlDatabase c = QSqlDatabase::addDatabase("QSQLITE", "del");
        c.setDatabaseName(m_ws + "/demo.db");
        QVERIFY(c.open());
        QSqlQuery q(c);
        QVERIFY(q.exec("DELETE FROM Employees WHERE EmployeeID > 8"));
    }
    QSqlDatabase::removeDatabase("del");
    QString asked;
    qint64 askedDeletes = 0;
    w.confirmAllowDeletes = [&](const QString &message, qint64 deletes) {
        asked = message;
        askedDeletes = deletes;
        return false;
    };
    QVERIFY(runSync(w, form, false));
    QVERIFY(w.runPanel()->summary().startsWith("exit code 1"));
    QCOMPARE(askedDeletes, 32);
    QVERIFY2(asked.contains("stopped by the delete guard"), qPrintable(asked));
    QCOMPARE(rows("replica.db"), 40);
    // Let it through: the same sync with --allow-deletes 32.
    w.confirmAllowDeletes = [&](const QString &, qint64) { return true; };
    QVERIFY(runSync(w, form, false));
    QTRY_VERIFY_WITH_TIMEOUT(!w.runPanel()->isRunning() && w.runPanel()->summary().startsWith("exit code 0"), 60000);
    QCOMPARE(rows("replica.db"), 8);
}

void TestSyncForm::scheduleListed()
{
    qputenv("OAS_SCHEDULER", "systemd");
    qputenv("XDG_CONFIG_HOME", m_dir->filePath("xdg").toUtf8());
    ui::MainWindow w;
    QVERIFY(openSync(w));
    QString output;
    QVERIFY2(w.scheduleSync(m_ws + "/demo.sync", {"--every", "15m"}, &output), qPrintable(output));
    QVERIFY(QFile::exists(m_dir->filePath("xdg/systemd/user/odbc-agent-sync-demo.timer")));
    QVERIFY2(w.monitor()->schedulesText().contains("demo: --every 15m, next run "), qPrintable(w.monitor()->schedulesText()));
    QVERIFY(!w.scheduleSync(m_ws + "/demo.sync", {"--every", "7m"}, &output));
    QVERIFY2(output.contains("--every takes minutes that divide an hour"), qPrintable(output));
    QVERIFY(w.scheduleSync(m_ws + "/demo.sync", {"--remove"}, &output));
    QVERIFY(!QFile::exists(m_dir->filePath("xdg/systemd/user/odbc-agent-sync-demo.timer")));
    qunsetenv("OAS_SCHEDULER");
    qunsetenv("XDG_CONFIG_HOME");
}

QTEST_MAIN(TestSyncForm)
#include "tst_sync_form.moc"
