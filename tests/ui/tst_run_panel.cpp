// The run panel's views driven for real (offscreen) on the demo workspace: single step shows an import
// record's statements with their bound values and its row before and after; an export steps record by
// record too; the trace filters by level and by a search text; the files a run wrote open from its summary;
// a 100k-record import runs to the end with the chart fed and the GUI thread never blocked 100 ms.
#include "MainWindow.h"
#include "StudioSupport.h"
#include "common/TestSupport.h"
#include "config/Keywords.h"
#include "demo/DemoWorkspace.h"
#include "editor/ConfigEditor.h"
#include "run/RateChart.h"
#include "run/RunPanel.h"
#include "run/TraceView.h"

#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>
#include "journal/RunJournal.h"

#include <QTest>
#include <QTimer>

using namespace oas;

class TestRunPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void stepShowsStatementsAndRows();
    void stepThroughExport();
    void traceFilterAndSearch();
    void outputsOpenFromSummary();
    void largeImportStaysResponsive();

private:
    bool show(ui::MainWindow &w, const QString &file);
    void writeData(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
    QString m_ws;
};

void TestRunPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir.path());
    m_ws = m_dir.filePath("ws");
    QString error;
    QVERIFY2(demo::createWorkspace(m_ws, 20, &error), qPrintable(error));
}

bool TestRunPanel::show(ui::MainWindow &w, const QString &file)
{
    return test::showWorkspaceFile(w, m_ws, m_ws + "/" + file);
}

void TestRunPanel::writeData(const QString &name, const QByteArray &bytes)
{
    QFile f(m_ws + "/" + name);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

void TestRunPanel::stepShowsStatementsAndRows()
{
    ui::MainWindow w;
    QVERIFY(show(w, "replica.ini"));
    writeData("detail.txt", "row:\nEID: 601\nGN: Ann\nSN: O'Neil\n"
                            "row:\nEID: 601\nGN: Anna\n"
                            "row:\nChangeType: delete\nEID: 601\n"
                            "row:\nEID: 602\nGN: Untouched\n");
    ui::RunPanel *run = w.runPanel();
    run->setJobKind(2);
    run->setDataFile("detail.txt");
    run->setStepping(true);
    QVERIFY(run->run());

    // Created: no row before; the INSERT with its values (quotes doubled); the new row after.
    QTRY_VERIFY_WITH_TIMEOUT(run->currentRecord().startsWith("record 601 at line 1 (created)"), 10000);
    QString text = run->currentRecord();
    QVERIFY2(text.contains("Statements run, with their values\nSELECT "), qPrintable(text));
    QVERIFY2(text.contains("INSERT INTO "), qPrintable(text));
    QVERIFY2(text.contains("= 'O''Neil'"), qPrintable(text));
    QVERIFY2(text.contains("Row before\n(no row)"), qPrintable(text));
    QVERIFY2(text.contains("Row after\nEID = 601\n") && text.contains("GN = Ann\n"), qPrintable(text));

    // Updated: the old first name before, the new one after, the UPDATE's values.
    run->step();
    QTRY_VERIFY_WITH_TIMEOUT(run->currentRecord().startsWith("record 601 at line 5 (updated)"), 10000);
    text = run->currentRecord();
    QVERIFY2(text.contains("UPDATE "), qPrintable(text));
    QVERIFY2(text.contains("?1 = 'Anna'"), qPrintable(text));
    const qsizetype after = text.indexOf("Row after");
    QVERIFY(after > 0);
    QVERIFY2(text.indexOf("GN = Ann\n") < after && text.indexOf("GN = Anna") > after, qPrintable(text));
    // What changed is marked: the new first name, and nothing else of the row.
    QCOMPARE(run->markedRecordLines(), QStringList{"GN = Anna"});

    // Deleted: a row before, none after.
    run->step();
    QTRY_VERIFY_WITH_TIMEOUT(run->currentRecord().startsWith("record 601 at line 8 (deleted)"), 10000);
    text = run->currentRecord();
    QVERIFY2(text.contains("DELETE FROM "), qPrintable(text));
    QVERIFY2(text.contains("Row after\n(no row)"), qPrintable(text));
    w.grab().save(QStringLiteral(OAS_BUILD_DIR "/studio-step-detail.png"));

    // Stop leaves the fourth record alone.
    run->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 10000);
    QVERIFY2(run->summary().contains("cancelled before the record at line 11"), qPrintable(run->summary()));
    run->setStepping(false);
}

void TestRunPanel::stepThroughExport()
{
    ui::MainWindow w;
    QVERIFY(show(w, "employees.ini"));
    ui::RunPanel *run = w.runPanel();
    run->setJobKind(0);
    run->setDataFile("stepped.txt");
    run->setStepping(true);
    QVERIFY(run->run());
    QTRY_VERIFY_WITH_TIMEOUT(run->currentRecord().startsWith("row 1 exported\n\nAttributes (line 1)\nEID: 1\n"), 10000);
    QTest::qWait(150);
    QVERIFY(run->isRunning());
    QVERIFY(run->currentRecord().startsWith("row 1 exported"));  // waits for Step
    run->step();
    QTRY_VERIFY_WITH_TIMEOUT(run->currentRecord().startsWith("row 2 exported\n\nAttributes (line "), 10000);
    QVERIFY(run->currentRecord().contains("\nEID: 2\n"));
    run->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 10000);
    QVERIFY2(run->summary().contains("cancelled"), qPrintable(run->summary()));
    run->setStepping(false);
}

void TestRunPanel::traceFilterAndSearch()
{
    ui::MainWindow w;
    QVERIFY(show(w, "employees.ini"));  // TraceLevel=SQL RefData ODBC
    ui::RunPanel *run = w.runPanel();
    run->setJobKind(0);
    run->setDataFile("sql-levels.txt");
    QVERIFY(run->run());
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 30000);
    ui::TraceView *trace = run->trace();
    const QString all = trace->text();
    QVERIFY(all.contains("SELECT statement") && all.contains("ODBC"));

    // Only the SQL level.
    int sqlIndex = -1;
    for (int i = 0; i < int(config::traceLevelNames().size()); ++i) {
        if (config::traceLevelNames().at(i).level == config::TraceLevel::Sql)
            sqlIndex = 3 + i;
    }
    trace->setFilter(sqlIndex);
    QVERIFY2(trace->text().startsWith("SELECT statement"), qPrintable(trace->text()));
    QVERIFY(trace->text().size() < all.size());
    QVERIFY(!trace->text().contains("ODBC version"));
    // Errors and warnings only: there are none.
    trace->setFilter(1);
    QCOMPARE(trace->text(), QString());
    // A search text over all levels, case-insensitive.
    trace->setFilter(0);
    trace->setSearch("select statement");
    QVERIFY(trace->text().startsWith("SELECT statement"));
    trace->setSearch("no such text anywhere");
    QCOMPARE(trace->text(), QString());
    trace->setSearch(QString());
    QCOMPARE(trace->text(), all);

    // While blocks keep arriving under a search, the count follows them.
    trace->setSearch("needle");
    QCOMPARE(trace->countText(), QString("0 of %1 blocks").arg(trace->keptBlocks()));
    trace->append({{run::TraceKind::Level, config::TraceLevel::Summary, "a needle"}, {run::TraceKind::Level, config::TraceLevel::Summary, "hay"}});
    QCOMPARE(trace->countText(), QString("1 of %1 blocks").arg(trace->keptBlocks()));
    QVERIFY(trace->text().endsWith("a needle"));
    trace->setSearch(QString());
}

void TestRunPanel::outputsOpenFromSummary()
{
    ui::MainWindow w;
    QVERIFY(show(w, "employees.ini"));
    ui::RunPanel *run = w.runPanel();
    run->setJobKind(0);
    run->setDataFile("opened.txt");
    QVERIFY(run->run());
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 30000);
    const QStringList outputs = run->outputs();
    QCOMPARE(outputs.value(0), "data file\t" + QFileInfo(m_ws + "/opened.txt").absoluteFilePath());
    QVERIFY2(outputs.join('\n').contains("reference file\t"), qPrintable(outputs.join('\n')));
    QVERIFY2(outputs.join('\n').contains("trace file\t" + QFileInfo(m_ws + "/trace.txt").absoluteFilePath()),
             qPrintable(outputs.join('\n')));
    // The Studio's run is in the run journal like the agents' (docs/journal.md).
    journal::RunFilter filter;
    filter.config = m_ws + "/employees.ini";
    QString error;
    const auto entries = journal::RunJournal().list(filter, &error);  // newest first; other tests' runs too
    QVERIFY2(entries, qPrintable(error));
    const auto mine = std::find_if(entries->begin(), entries->end(), [&](const journal::RunEntry &e) {
        return e.config == QFileInfo(m_ws + "/employees.ini").absoluteFilePath() && e.dataFile.endsWith("/opened.txt");
    });
    QVERIFY(mine != entries->end());
    const journal::RunEntry &e = *mine;
    QCOMPARE(e.kind, QStringLiteral("export"));
    QCOMPARE(e.state, journal::RunState::Succeeded);
    QCOMPARE(e.counts.written, 20);
    QCOMPARE(e.dataFile, QFileInfo(m_ws + "/opened.txt").absoluteFilePath());
    QCOMPARE(e.traceFile, QFileInfo(m_ws + "/trace.txt").absoluteFilePath());
    QVERIFY(e.command.startsWith(QStringLiteral("odbc-agent-studio export ")));
    run->openOutput(0);
    QVERIFY(w.currentEditor());
    QCOMPARE(w.currentEditor()->filePath(), QFileInfo(m_ws + "/opened.txt").absoluteFilePath());
    QVERIFY(w.currentEditor()->text().startsWith("row:\nEID: 1\n"));
}

void TestRunPanel::largeImportStaysResponsive()
{
    // 100k records imported with a Summary trace line each: the GUI thread keeps serving a 10 ms timer
    // (never a gap of 250 ms: a bound a loaded CI machine does not reach; bench/studio-probe.sh measures
    // 1M records and reports the longest wait, whose target is 50 ms), the trace view stays bounded, the
    // chart is fed, the counts are right. OAS_PROBE_RECORDS changes the number of records.
    const int records = qEnvironmentVariableIsSet("OAS_PROBE_RECORDS") ? qEnvironmentVariableIntValue("OAS_PROBE_RECORDS") : 100000;
    ui::MainWindow w;
    QVERIFY(show(w, "replica.ini"));
    QByteArray bytes;
    for (int i = 0; i < records; ++i)
        bytes += QString("row:\nEID: %1\nGN: G%1\nSN: S%1\n").arg(200000 + i).toUtf8();
    writeData("large.txt", bytes);
    ui::RunPanel *run = w.runPanel();
    run->setJobKind(2);
    run->setDataFile("large.txt");
    QElapsedTimer probe;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, [&] { longestGap = std::max(longestGap, probe.restart()); });
    QVERIFY(run->run());
    probe.start();
    ticker.start();
    QElapsedTimer took;
    took.start();
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 120000 + records / 10);
    ticker.stop();
    const QString count = QString::number(records);
    QVERIFY2(run->summary().startsWith(QString("exit code 0: %1 records read: %1 created").arg(count)), qPrintable(run->summary()));
    QVERIFY(run->trace()->keptBlocks() <= qsizetype(ui::TraceView::kMaxBlocks));
    QVERIFY2(run->traceText().contains("import statistics:\ncreates: " + count), qPrintable(run->traceText().right(300)));
    QVERIFY(!run->chart()->samples().empty());
    QVERIFY(run->chart()->peak() > 0);
    w.grab().save(QStringLiteral(OAS_BUILD_DIR "/studio-large-run.png"));
    qInfo("%d records in %lld ms: longest wait of the GUI thread %lld ms, %zu chart samples", records, took.elapsed(),
          longestGap, run->chart()->samples().size());
    QVERIFY2(longestGap < 250, qPrintable(QString("the GUI thread waited %1 ms").arg(longestGap)));
}

QTEST_MAIN(TestRunPanel)
#include "tst_run_panel.moc"
