// The Studio's first views driven for real (offscreen): the workspace lists files by kind, a configuration
// opens in the editor without marks, a typo gives a squiggle on its line, a margin marker and a Problems
// entry about 300 ms after typing stops, fixing it clears them, and the SQL preview shows what the builders
// produce and follows edits. Screenshots go to the build folder.
#include "MainWindow.h"
#include "StudioSupport.h"
#include "common/TestSupport.h"
#include "ProblemsView.h"
#include "demo/DemoWorkspace.h"
#include "editor/ConfigEditor.h"
#include "editor/SqlPreview.h"
#include "run/ExceptionsView.h"
#include "run/RunPanel.h"
#include "sql/StatementBuilder.h"
#include "workspace/WorkspaceModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <QDir>
#include <QSettings>
#include <QDockWidget>
#include <QPushButton>
#include <QTranslator>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace oas;

class TestStudio : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void classifiesFiles();
    void editValidatePreview();
    void runExportThenImportThenCancel();
    void exceptionsCorrectedAndImportedAgain();
    void checkAgainstDatabase();
    void stepThroughImport();
    void germanTranslation();
    void breakpoints();
    void uncheckingBreakOnErrorsTakesEffect();

private:
    bool showWorkspace(ui::MainWindow &w, const QString &file);
    QTemporaryDir m_dir;
    QString m_ws;
};

void TestStudio::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir.path());
    m_ws = m_dir.filePath("ws");
    QString error;
    QVERIFY2(demo::createWorkspace(m_ws, 20, &error), qPrintable(error));
    QFile trace(m_ws + "/trace.txt");
    QVERIFY(trace.open(QIODevice::WriteOnly));
    QFile except(m_ws + "/except.txt");
    QVERIFY(except.open(QIODevice::WriteOnly));
    except.write("row:\nEID: 1\n");  // an empty one would not be listed
    QFile data(m_ws + "/full.txt");
    QVERIFY(data.open(QIODevice::WriteOnly));
    QDir(m_ws).mkpath("refs");
    QFile ref(m_ws + "/refs/R6112300");
    QVERIFY(ref.open(QIODevice::WriteOnly));
}

bool TestStudio::showWorkspace(ui::MainWindow &w, const QString &file)
{
    return test::showWorkspaceFile(w, m_ws, m_ws + "/" + file);
}

void TestStudio::classifiesFiles()
{
    ui::MainWindow w;
    QVERIFY(w.openWorkspace(m_ws));
    ui::WorkspaceModel *m = w.workspace();
    QCOMPARE(ui::FileKind(m->itemForFile("employees.ini")->data(ui::WorkspaceModel::KindRole).toInt()),
             ui::FileKind::Configuration);
    QCOMPARE(ui::FileKind(m->itemForFile("replica.ini")->data(ui::WorkspaceModel::KindRole).toInt()),
             ui::FileKind::Configuration);
    QCOMPARE(ui::FileKind(m->itemForFile("full.txt")->data(ui::WorkspaceModel::KindRole).toInt()), ui::FileKind::DataFile);
    QCOMPARE(ui::FileKind(m->itemForFile("except.txt")->data(ui::WorkspaceModel::KindRole).toInt()), ui::FileKind::Exceptions);
    QCOMPARE(ui::FileKind(m->itemForFile("trace.txt")->data(ui::WorkspaceModel::KindRole).toInt()), ui::FileKind::Trace);
    QCOMPARE(ui::FileKind(m->itemForFile("refs/R6112300")->data(ui::WorkspaceModel::KindRole).toInt()), ui::FileKind::Reference);
    QVERIFY(!m->itemForFile("demo.db"));  // not a file the Studio shows
    QCOMPARE(ui::MainWindow::recentWorkspaces().value(0), QFileInfo(m_ws).absoluteFilePath());
}

void TestStudio::editValidatePreview()
{
    ui::MainWindow w;
    QVERIFY(showWorkspace(w, "employees.ini"));
    ui::ConfigEditor *editor = w.currentEditor();
    QVERIFY(editor);
    QCOMPARE(w.problems()->topLevelItemCount(), 0);
    const int lines = editor->lines();
    for (int line = 1; line <= lines; ++line)
        QVERIFY2(!editor->hasMarkOnLine(line), qPrintable(QString::number(line)));
    // The preview is the builders' text for this configuration, in its driver's dialect (SQLite3).
    const config::ParseResult parsed = config::parseConfigFile(m_ws + "/employees.ini");
    QVERIFY(w.sqlPreview()->text().startsWith(sql::describeStatements(parsed.config, sql::SqlDialect::sqlite())));

    // A typo: "From Employees" loses its equals sign.
    int fromLine = -1;
    for (int line = 0; line < lines; ++line) {
        if (editor->text(line).startsWith("From="))
            fromLine = line;
    }
    QVERIFY(fromLine >= 0);
    editor->setSelection(fromLine, 4, fromLine, 5);
    editor->replaceSelectedText(" ");
    QCOMPARE(w.problems()->topLevelItemCount(), 0);  // not before the pause in typing
    QTRY_VERIFY_WITH_TIMEOUT(w.problems()->topLevelItemCount() > 0, 2000);
    QTreeWidgetItem *first = w.problems()->topLevelItem(0);
    QCOMPARE(first->text(1).toInt(), fromLine + 1);
    QVERIFY2(first->text(2).startsWith("missing equals sign"), qPrintable(first->text(2)));
    QVERIFY(editor->hasMarkOnLine(fromLine + 1));
    QVERIFY(editor->markersAtLine(fromLine) != 0);
    QVERIFY(editor->annotation(fromLine).contains("missing equals sign"));
    w.grab().save(QStringLiteral(OAS_BUILD_DIR "/studio-problem.png"));

    // Activating the problem puts the cursor on its line.
    editor->setCursorPosition(0, 0);
    emit w.problems()->itemActivated(first, 0);
    int line = 0;
    int index = 0;
    editor->getCursorPosition(&line, &index);
    QCOMPARE(line, fromLine);
    QVERIFY2(index <= editor->text(fromLine).trimmed().size(), qPrintable(QString::number(index)));  // not past its end

    // Fixed: no marks, no problems; the preview follows a changed Where.
    editor->setSelection(fromLine, 4, fromLine, 5);
    editor->replaceSelectedText("=");
    editor->setCursorPosition(fromLine, editor->text(fromLine).size());
    editor->insertAt("\nWhere=CITY = 'Seattle'", fromLine, editor->text(fromLine).trimmed().size());
    QTRY_VERIFY_WITH_TIMEOUT(w.sqlPreview()->text().contains("WHERE Employees.City = 'Seattle'"), 2000);
    QCOMPARE(w.problems()->topLevelItemCount(), 0);
    QVERIFY(!editor->hasMarkOnLine(fromLine + 1));
    w.grab().save(QStringLiteral(OAS_BUILD_DIR "/studio-editor.png"));

    // Completion at the cursor: after "Mode=" the editor offers the modes.
    int modeLine = -1;
    for (int l = 0; l < editor->lines(); ++l) {
        if (editor->text(l).startsWith("Mode="))
            modeLine = l;
    }
    QVERIFY(modeLine >= 0);
    editor->setCursorPosition(modeLine, 5);
    editor->complete();
    QVERIFY(editor->isListActive());
    QTRY_COMPARE(w.statusBar()->currentMessage().left(22), QString("full: export every row"));
}

void TestStudio::runExportThenImportThenCancel()
{
    // One click runs a job on a worker thread; the trace and the statistics stream in; the summary says
    // what was done. The window stays responsive: a timer probe on the GUI thread never waits long.
    ui::MainWindow w;
    QVERIFY(showWorkspace(w, "employees.ini"));
    ui::RunPanel *run = w.runPanel();
    run->setJobKind(0);
    run->setDataFile("studio-full.txt");
    QElapsedTimer probe;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setInterval(10);
    probe.start();
    connect(&ticker, &QTimer::timeout, [&] {
        longestGap = std::max(longestGap, probe.restart());
    });
    ticker.start();
    QVERIFY(run->run());
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 30000);
    QVERIFY2(run->summary().startsWith("exit code 0: 20 rows read, 20 records written to studio-full.txt; reference file"),
             qPrintable(run->summary()));
    QVERIFY(run->traceText().contains("SELECT statement"));
    QVERIFY(QFile::exists(m_ws + "/studio-full.txt"));
    QVERIFY(w.workspace()->itemForFile("studio-full.txt"));  // the workspace shows what the job wrote

    // The replica imports what was exported.
    QVERIFY(w.openFile(m_ws + "/replica.ini"));
    run->setJobKind(2);
    run->setDataFile("studio-full.txt");
    QVERIFY(run->run());
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 30000);
    QVERIFY2(run->summary().startsWith("exit code 0: 20 records read: 20 created, 0 updated"), qPrintable(run->summary()));
    QVERIFY(run->traceText().contains("import statistics:\ncreates: 20"));
    QVERIFY(run->statistics().contains("20 records"));
    QVERIFY2(run->statistics().endsWith("- 100%"), qPrintable(run->statistics()));  // the input's size is known
    w.grab().save(QStringLiteral(OAS_BUILD_DIR "/studio-run.png"));

    // Cancel: a large import stops between records and says where. (The test writes its input on this
    // thread, so the probe pauses meanwhile: it measures the Studio, not the test.)
    ticker.stop();
    QFile big(m_ws + "/big.txt");
    QVERIFY(big.open(QIODevice::WriteOnly));
    for (int i = 0; i < 200000; ++i)
        big.write(QString("row:\nEID: %1\nGN: G%1\nSN: S%1\n").arg(100000 + i).toUtf8());
    big.close();
    probe.restart();
    ticker.start();
    run->setDataFile("big.txt");
    QVERIFY(run->run());
    QTest::qWait(100);
    run->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 30000);
    QVERIFY2(run->summary().contains("cancelled before the record at line"), qPrintable(run->summary()));
    ticker.stop();
    QVERIFY2(longestGap < 500, qPrintable(QString::number(longestGap)));
}

void TestStudio::exceptionsCorrectedAndImportedAgain()
{
    // An import with two bad records: the exceptions view lists them; the file opens in an editor, is
    // corrected there, saved, and imported again with one click.
    ui::MainWindow w;
    QVERIFY(showWorkspace(w, "replica.ini"));
    QFile bad(m_ws + "/bad.txt");
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("row:\nEID: 901\nGN: Ann\nSN: ThisSurnameIsFarTooLongForIt\n"
              "row:\nEID: 902\nGN: Bo\nSN: Ek\n"
              "row:\nEID: 903\nGN: Cy\nSN: AnotherSurnameThatIsTooLong\n");
    bad.close();
    ui::RunPanel *run = w.runPanel();
    run->setJobKind(2);
    run->setDataFile("bad.txt");
    QVERIFY(run->run());
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 30000);
    QVERIFY2(run->summary().startsWith("exit code 0x3C (done with warnings): 3 records read: 1 created"), qPrintable(run->summary()));
    ui::ExceptionsView *ex = run->exceptions();
    QCOMPARE(ex->entryCount(), 2);
    QCOMPARE(QFileInfo(ex->path()).fileName(), QString("replica-except.txt"));

    emit ex->openRequested(ex->path());
    ui::ConfigEditor *editor = w.currentEditor();
    QVERIFY(editor && editor->filePath() == ex->path());
    QVERIFY(!editor->isReadOnly());
    QString text = editor->text();
    text.replace("ThisSurnameIsFarTooLongForIt", "Short").replace("AnotherSurnameThatIsTooLong", "Brief");
    editor->setText(text);
    emit ex->reimportRequested(ex->path());  // saves the edited file first
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 30000);
    QVERIFY2(run->summary().startsWith("exit code 0: 2 records read: 2 created"), qPrintable(run->summary()));
    QCOMPARE(ex->entryCount(), 0);
    // The open exceptions file was rewritten (empty now): the editor shows it again.
    QTRY_COMPARE_WITH_TIMEOUT(editor->text(), QString(), 30000);  // the file watcher, on a loaded machine
    w.grab().save(QStringLiteral(OAS_BUILD_DIR "/studio-exceptions.png"));
}

void TestStudio::checkAgainstDatabase()
{
    // The demo configuration checks out against its SQLite database (columns described); a wrong table is
    // a problem on the From line.
    ui::MainWindow w;
    QVERIFY(showWorkspace(w, "employees.ini"));
    QSignalSpy done(&w, &ui::MainWindow::checkFinished);
    w.checkAgainstDatabase();
    QVERIFY(done.wait(30000));
    QCOMPARE(w.problems()->topLevelItemCount(), 0);
    QVERIFY2(w.sqlPreview()->text().contains("column info\nattribute=EID\ncolumn-id=EmployeeID"), qPrintable(w.sqlPreview()->text()));
    QVERIFY(w.statusBar()->currentMessage().startsWith("Checked against the database: 0 problem(s), "));
    QVERIFY2(w.currentEditor()->databaseColumns().contains("Employees.EmployeeID"),  // offered by completion now
             qPrintable(w.currentEditor()->databaseColumns().join(',')));

    ui::ConfigEditor *editor = w.currentEditor();
    int fromLine = -1;
    for (int l = 0; l < editor->lines(); ++l) {
        if (editor->text(l).startsWith("From="))
            fromLine = l;
    }
    editor->setSelection(fromLine, 5, fromLine, 14);
    editor->replaceSelectedText("NoSuchTable");
    editor->validateNow();
    w.checkAgainstDatabase();
    QVERIFY(done.wait(30000));
    QCOMPARE(w.problems()->topLevelItemCount(), 1);
    QCOMPARE(w.problems()->topLevelItem(0)->text(1).toInt(), fromLine + 1);
    QVERIFY2(w.problems()->topLevelItem(0)->text(2).startsWith("the database refuses the export SELECT: "),
             qPrintable(w.problems()->topLevelItem(0)->text(2)));
    editor->setModified(false);  // leave the file as it is
}

void TestStudio::stepThroughImport()
{
    // Step mode: each record is imported and shown (summary, attributes), then the job waits; Step goes on
    // by one record, Cancel stops and leaves the rest untouched.
    ui::MainWindow w;
    QVERIFY(showWorkspace(w, "replica.ini"));
    QFile data(m_ws + "/steps.txt");
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write("row:\nEID: 801\nGN: Ann\nSN: One\nrow:\nEID: 802\nGN: Bo\nSN: Two\nrow:\nEID: 803\nGN: Cy\nSN: Three\n");
    data.close();
    ui::RunPanel *run = w.runPanel();
    run->setJobKind(2);
    run->setDataFile("steps.txt");
    run->setStepping(true);
    QVERIFY(run->run());
    QTRY_VERIFY_WITH_TIMEOUT(run->currentRecord().startsWith("record 801 at line 1 (created)\n\nAttributes (line 1)\nEID: 801\nGN: Ann"), 10000);
    QTest::qWait(200);
    QVERIFY(run->isRunning());  // waiting for Step
    QVERIFY(run->currentRecord().startsWith("record 801"));
    run->step();
    QTRY_VERIFY_WITH_TIMEOUT(run->currentRecord().startsWith("record 802 at line 5 (created)"), 10000);
    w.grab().save(QStringLiteral(OAS_BUILD_DIR "/studio-step.png"));
    run->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 10000);
    QVERIFY2(run->summary().startsWith("exit code 0: 2 records read: 2 created"), qPrintable(run->summary()));
    QVERIFY2(run->summary().contains("cancelled before the record at line 9"), qPrintable(run->summary()));
    run->setStepping(false);
}

void TestStudio::germanTranslation()
{
    // The German translation is built and embedded; every string the Studio shows has one.
    QTranslator german;
    QVERIFY(german.load(":/i18n/oas_de.qm"));
    QVERIFY(QCoreApplication::installTranslator(&german));
    {
        ui::MainWindow w;
        QCOMPARE(w.findChild<QDockWidget *>("WorkspaceDock")->windowTitle(), QString("Arbeitsbereich"));
        QCOMPARE(w.findChild<QDockWidget *>("ProblemsDock")->windowTitle(), QString("Probleme"));
        QCOMPARE(w.runPanel()->findChild<QPushButton *>()->text().isEmpty(), false);
        QCOMPARE(QCoreApplication::translate("oas::ui::ExceptionsView", "%n record(s) in %1", nullptr, 2), QString("%n Datensätze in %1").replace("%n", "2"));
    }
    QCoreApplication::removeTranslator(&german);
    // The source of the translation has no string left untranslated (run the update_translations target
    // after changing the Studio's texts, then translate the new ones).
    const QByteArray ts = test::readAll(QStringLiteral(OAS_SOURCE_DIR "/translations/oas_de.ts"));
    QVERIFY(ts.contains("<source>Workspace</source>"));
    QCOMPARE(ts.count("type=\"unfinished\""), 0);
    QCOMPARE(ts.count("type=\"vanished\""), 0);
}

void TestStudio::breakpoints()
{
    // Break on errors: the import runs on until a record fails, stops there, and Go runs on to the next
    // breakpoint (a ChangeType delete here) and then to the end.
    ui::MainWindow w;
    QVERIFY(showWorkspace(w, "replica.ini"));
    QFile data(m_ws + "/breaks.txt");
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write("row:\nEID: 701\nGN: A\nSN: One\n"
               "row:\nEID: 702\nGN: B\nSN: Two\n"
               "row:\nEID: 703\nGN: C\nSN: AFarTooLongSurnameForTheColumn\n"
               "row:\nEID: 704\nGN: D\nSN: Four\n"
               "row:\nChangeType: delete\nEID: 701\n"
               "row:\nEID: 706\nGN: F\nSN: Six\n");
    data.close();
    ui::RunPanel *run = w.runPanel();
    run->setJobKind(2);
    run->setDataFile("breaks.txt");
    run->setStepping(false);
    run->setBreakpoints(true, 0, "delete");
    QVERIFY(run->run());
    QTRY_VERIFY_WITH_TIMEOUT(run->currentRecord().startsWith("record 703 at line 9 (error) #"), 10000);
    QTest::qWait(100);
    QVERIFY(run->isRunning());
    QVERIFY(run->traceText().contains("record 702 at line 5 (created)"));
    QVERIFY(!run->traceText().contains("record 704"));
    run->go();
    QTRY_VERIFY_WITH_TIMEOUT(run->currentRecord().startsWith("record 701 at line 17 (deleted)"), 10000);
    run->go();
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 10000);
    QVERIFY2(run->summary().startsWith("exit code 0x3C (done with warnings): 6 records read: 4 created, 0 updated, 0 unchanged, 1 deleted, 1 failed"),
             qPrintable(run->summary()));
    run->setBreakpoints(false, 0, {});
}

void TestStudio::uncheckingBreakOnErrorsTakesEffect()
{
    // Two failing records; the run stops at the first; Break on errors unchecked there: Go runs to the end.
    ui::MainWindow w;
    QVERIFY(showWorkspace(w, "replica.ini"));
    QFile data(m_ws + "/two-errors.txt");
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write("row:\nEID: 901\nGN: A\nSN: AFarTooLongSurnameForTheColumn\n"
               "row:\nEID: 902\nGN: B\nSN: Two\n"
               "row:\nEID: 903\nGN: C\nSN: AnotherFarTooLongSurnameForIt\n"
               "row:\nEID: 904\nGN: D\nSN: Four\n");
    data.close();
    ui::RunPanel *run = w.runPanel();
    run->setJobKind(2);
    run->setDataFile("two-errors.txt");
    run->setStepping(false);
    run->setBreakpoints(true, 0, {});
    QVERIFY(run->run());
    QTRY_VERIFY_WITH_TIMEOUT(run->currentRecord().startsWith("record 901 at line 1 (error) #"), 10000);
    // The failed record is marked: its summary line (and its messages).
    QVERIFY2(run->markedRecordLines().value(0).startsWith("record 901 at line 1 (error) #"), qPrintable(run->markedRecordLines().join('|')));
    run->setBreakpoints(false, 0, {});
    run->go();
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 10000);
    QVERIFY(!run->currentRecord().startsWith("record 903"));
    QVERIFY2(run->summary().contains("4 records read: ") && run->summary().contains(", 2 failed"), qPrintable(run->summary()));
}

QTEST_MAIN(TestStudio)
#include "tst_studio.moc"
