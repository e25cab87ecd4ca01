// The Studio's Monitor (issue 19): runs started by other processes appear while they run and when they end;
// a failed or interrupted run is announced; filters; a run's files (the kept copies), run again and resume
// of an import stopped part-way; the dashboard's tiles and charts, with screenshots in the build folder.
#include "MainWindow.h"
#include "StudioSupport.h"
#include "common/TestSupport.h"
#include "demo/DemoWorkspace.h"
#include "editor/ConfigEditor.h"
#include "monitor/HistoryChart.h"
#include "monitor/MonitorView.h"
#include "monitor/RunsModel.h"
#include "run/RunPanel.h"

#include <QDockWidget>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace oas;
using journal::RunState;

class TestMonitor : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void runOfAnotherProcessAppears();
    void failedAndInterruptedRunsNotify();
    void filters();
    void filesOfAPastRun();
    void resumeStoppedImport();
    void dashboardAndScreenshots();

private:
    int agent(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_ws);
        p.start(QStringLiteral(OAS_BIN_DIR "/") + program, args);
        p.waitForFinished(60000);
        return p.exitCode();
    }
    bool show(ui::MainWindow &w) { return test::showWorkspaceFile(w, m_ws, m_ws + "/employees.ini"); }
    static int rowWithState(ui::MainWindow &w, RunState state)
    {
        const auto &entries = w.monitor()->model()->entries();
        for (int i = 0; i < entries.size(); ++i) {
            if (entries.at(i).state == state)
                return i;
        }
        return -1;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ws;
};

void TestMonitor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    test::isolateSettings(m_dir->path());
    // This test's own journal, for the Studio and the agents it starts.
    qputenv("OAS_JOURNAL", m_dir->filePath("journal/journal.db").toUtf8());
    m_ws = m_dir->filePath("ws");
    QString error;
    QVERIFY2(demo::createWorkspace(m_ws, 30, &error), qPrintable(error));
}

void TestMonitor::cleanup()
{
    m_dir.reset();
}

void TestMonitor::runOfAnotherProcessAppears()
{
    QCOMPARE(agent("ODBCAgentExp", {"-f", "employees.ini", "-o", "full.txt"}), 0);
    ui::MainWindow w;
    QVERIFY(show(w));
    QTRY_COMPARE_WITH_TIMEOUT(w.monitor()->model()->rowCount(), 1, 10000);
    // Another process: an import waiting in step mode at its first record.
    QProcess p;
    p.setWorkingDirectory(m_ws);
    p.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentImp"), {"-f", "replica.ini", "-i", "full.txt", "-s"});
    QVERIFY(p.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(rowWithState(w, RunState::Running) == 0, 10000);
    QCOMPARE(w.monitor()->model()->entryAt(0)->kind, QStringLiteral("import"));
    p.write("g\n");
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    QTRY_VERIFY_WITH_TIMEOUT(w.monitor()->model()->entryAt(0) && w.monitor()->model()->entryAt(0)->state == RunState::Succeeded, 10000);
    QCOMPARE(w.monitor()->model()->entryAt(0)->counts.created, 30);
    QCOMPARE(w.monitor()->model()->data(w.monitor()->model()->index(0, ui::RunsModel::Created), Qt::DisplayRole).toInt(), 30);
    QVERIFY(w.lastNotification().isEmpty());
}

void TestMonitor::failedAndInterruptedRunsNotify()
{
    QCOMPARE(agent("ODBCAgentImp", {"-f", "replica.ini", "-i", "old-missing.txt"}), 1);  // before the Studio: no notice
    ui::MainWindow w;
    QVERIFY(show(w));
    QTRY_COMPARE_WITH_TIMEOUT(w.monitor()->model()->rowCount(), 1, 10000);
    QTest::qWait(1200);
    QVERIFY(w.lastNotification().isEmpty());
    QCOMPARE(agent("ODBCAgentImp", {"-f", "replica.ini", "-i", "missing.txt"}), 1);
    QTRY_VERIFY_WITH_TIMEOUT(w.lastNotification().contains("replica.ini failed"), 10000);
    QVERIFY2(w.lastNotification().contains("cannot open import data file"), qPrintable(w.lastNotification()));
    const int failedRow = rowWithState(w, RunState::Failed);
    QVERIFY(failedRow >= 0);
    // Failed runs stand out.
    const QVariant background = w.monitor()->model()->data(w.monitor()->model()->index(failedRow, 0), Qt::BackgroundRole);
    QVERIFY(background.isValid());
    // A run killed while the Studio watches: interrupted, announced.
    QCOMPARE(agent("ODBCAgentExp", {"-f", "employees.ini", "-o", "full.txt"}), 0);
    QProcess p;
    p.setWorkingDirectory(m_ws);
    p.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentImp"), {"-f", "replica.ini", "-i", "full.txt", "-s"});
    QVERIFY(p.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(rowWithState(w, RunState::Running) >= 0, 10000);
    ::kill(pid_t(p.processId()), SIGKILL);
    QVERIFY(p.waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(w.lastNotification().contains("interrupted"), 10000);
    QVERIFY(rowWithState(w, RunState::Interrupted) >= 0);
}

void TestMonitor::filters()
{
    QCOMPARE(agent("ODBCAgentExp", {"-f", "employees.ini", "-o", "full.txt"}), 0);
    QCOMPARE(agent("ODBCAgentImp", {"-f", "replica.ini", "-i", "full.txt"}), 0);
    QCOMPARE(agent("ODBCAgentImp", {"-f", "replica.ini", "-i", "missing.txt"}), 1);
    ui::MainWindow w;
    QVERIFY(show(w));
    ui::MonitorView *m = w.monitor();
    QTRY_COMPARE_WITH_TIMEOUT(m->model()->rowCount(), 3, 10000);
    m->setFilter("replica", 0);
    QCOMPARE(m->model()->rowCount(), 2);
    m->setFilter("", 1);
    QCOMPARE(m->model()->rowCount(), 1);
    QCOMPARE(m->model()->entryAt(0)->state, RunState::Failed);
    m->setFilter("", 3);
    QCOMPARE(m->model()->rowCount(), 2);
    m->setFilter("", 0, QDate::currentDate().addDays(2));
    QCOMPARE(m->model()->rowCount(), 0);
    m->setFilter("EMPLOYEES", 0, QDate::currentDate().addDays(-1));
    QCOMPARE(m->model()->rowCount(), 1);
}

void TestMonitor::filesOfAPastRun()
{
    QCOMPARE(agent("ODBCAgentExp", {"-f", "employees.ini", "-o", "first.txt"}), 0);
    const QByteArray firstTrace = test::readAll(m_ws + "/trace.txt");
    QVERIFY(!firstTrace.isEmpty());
    QCOMPARE(agent("ODBCAgentExp", {"-f", "employees.ini", "-r", "-o", "second.txt"}), 0);  // overwrites trace.txt
    ui::MainWindow w;
    QVERIFY(show(w));
    ui::MonitorView *m = w.monitor();
    QTRY_COMPARE_WITH_TIMEOUT(m->model()->rowCount(), 2, 10000);
    m->select(1);  // the first run
    const journal::RunEntry *first = m->selected();
    QVERIFY(first);
    const QString kept = ui::MonitorView::fileToOpen(*first, first->traceFile);
    QVERIFY2(kept.startsWith(QFileInfo(m_dir->filePath("journal/runs")).absoluteFilePath()), qPrintable(kept));
    QCOMPARE(test::readAll(kept), firstTrace);
    emit m->openFileRequested(kept);
    QCOMPARE(w.currentEditor()->filePath(), kept);
    // Run again: the same export through the Run panel, journaled as the Studio's.
    emit m->runAgainRequested(*first);
    QTRY_VERIFY_WITH_TIMEOUT(!w.runPanel()->isRunning() && w.runPanel()->summary().startsWith("exit code 0"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m->model()->rowCount(), 3, 10000);
    QVERIFY(m->model()->entryAt(0)->command.startsWith("odbc-agent-studio export"));
}

void TestMonitor::resumeStoppedImport()
{
    QCOMPARE(agent("ODBCAgentExp", {"-f", "employees.ini", "-o", "full.txt"}), 0);
    // An import stopped in step mode after two records: the journal names the line to resume from.
    QProcess p;
    p.setWorkingDirectory(m_ws);
    p.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentImp"), {"-f", "replica.ini", "-i", "full.txt", "-s"});
    QVERIFY(p.waitForStarted(10000));
    p.write("\n\nq\n");
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    ui::MainWindow w;
    QVERIFY(show(w));
    ui::MonitorView *m = w.monitor();
    QTRY_COMPARE_WITH_TIMEOUT(m->model()->rowCount(), 2, 10000);
    m->select(0);
    const journal::RunEntry stopped = *m->selected();
    QVERIFY2(stopped.resumeLine > 1, qPrintable(QString::number(stopped.resumeLine)));
    QString error;
    const QString rest = ui::MonitorView::resumeFile(stopped, &error);
    QVERIFY2(!rest.isEmpty(), qPrintable(error));
    QVERIFY(test::readAll(rest).startsWith("row:\n"));
    emit m->resumeRequested(stopped, rest);
    QTRY_VERIFY_WITH_TIMEOUT(!w.runPanel()->isRunning() && w.runPanel()->summary().startsWith("exit code 0"), 30000);
    // Every row arrived once: the stopped run's and the resumed run's.
    QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "replica-check");
    db.setDatabaseName(m_ws + "/replica.db");
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec("SELECT COUNT(*), COUNT(DISTINCT EmployeeID) FROM Employees") && q.next());
    QCOMPARE(q.value(0).toInt(), 30);
    QCOMPARE(q.value(1).toInt(), 30);
    q = QSqlQuery();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase("replica-check");
}

void TestMonitor::dashboardAndScreenshots()
{
    for (int i = 0; i < 3; ++i) {
        QString error;
        demo::DemoChanges changes;
        QVERIFY(demo::changeSomeRows(m_ws, &changes, &error));
        QCOMPARE(agent("odbc-agent", {"sync", "demo.sync"}), 0);
    }
    QCOMPARE(agent("ODBCAgentImp", {"-f", "replica.ini", "-i", "missing.txt"}), 1);
    ui::MainWindow w;
    QVERIFY(show(w));
    ui::MonitorView *m = w.monitor();
    QTRY_VERIFY_WITH_TIMEOUT(m->model()->rowCount() >= 10, 10000);
    // The dashboard is made when it is looked at: one tile per sync and per configuration run on its own
    // (the sync's steps are in the sync's tile).
    auto *views = m->findChild<QTabWidget *>();
    QVERIFY(views);
    views->setCurrentIndex(1);
    QCOMPARE(m->tileCount(), 2);
    const auto charts = m->dashboard()->findChildren<ui::HistoryChart *>();
    QCOMPARE(charts.size(), 2);
    int syncRuns = 0;
    for (const ui::HistoryChart *c : charts)
        syncRuns = std::max(syncRuns, int(c->runs().size()));
    QCOMPARE(syncRuns, 3);
    if (auto *dock = w.findChild<QDockWidget *>("MonitorDock"))
        dock->raise();
    for (const QSize size : {QSize(1024, 700), QSize(1600, 1000)}) {
        w.resize(size);
        QTest::qWait(200);
        views->setCurrentIndex(0);
        QTest::qWait(100);
        const QString name = QStringLiteral(OAS_BUILD_DIR "/screenshots/monitor-%1x%2.png").arg(size.width()).arg(size.height());
        QDir().mkpath(QFileInfo(name).absolutePath());
        QVERIFY(w.grab().save(name));
        views->setCurrentIndex(1);
        QTest::qWait(100);
        const QString dash = QStringLiteral(OAS_BUILD_DIR "/screenshots/dashboard-%1x%2.png").arg(size.width()).arg(size.height());
        QVERIFY(w.grab().save(dash));
    }
}

QTEST_MAIN(TestMonitor)
#include "tst_monitor.moc"
