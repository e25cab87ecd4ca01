// The export agent against real drivers: SQLite3 ODBC and PostgreSQL through psqlODBC. Output files are
// checked byte for byte; deltas after inserts, updates, deletes and key changes; modes and -r; errors;
// reference naming across days; the configuration write-back; and a killed export. How rows are read
// (connections, long values, two connections at once) is in tst_export_reading.cpp.
#include "ExportFixture.h"
#include "ProgramRun.h"

#include <QProcess>

#include <csignal>

using namespace oas;
using test::backendNamed;
using test::kFull;
using test::readFile;

class TestExport : public QObject, protected test::ExportFixture {
    Q_OBJECT
private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void fullExportBytes_data();
    void fullExportBytes();
    void deltaSequence_data();
    void deltaSequence();
    void deltaRowsOutOfKeyOrder_data();
    void deltaRowsOutOfKeyOrder();
    void modesAndReferenceFlag_data();
    void modesAndReferenceFlag();
    void errorsLeaveNothingBehind_data();
    void errorsLeaveNothingBehind();
    void namingAcrossDays_data();
    void namingAcrossDays();
    void singleStepStops_data();
    void singleStepStops();
    void stepThroughFullExport_data() { addBackends(); }
    void stepThroughFullExport();
    void killedExportRecovers();
    void stepAnswersArrivingTogether();
    void selfJoinCorrelationName();
};


void TestExport::fullExportBytes_data()
{
    addBackends();
}

void TestExport::fullExportBytes()
{
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    const QString cfg = writeConfig(b, "Select=ID, NAME, BORN, HIRED, NOTES\nFrom=" + m_table);
    const auto r = exportOnce(cfg, "out.txt");
    QVERIFY2(r.exitCode == 0, qPrintable(m_capture.errors.join('\n')));
    QCOMPARE(readFile("out.txt"), kFull);
    QCOMPARE(r.rows, 3);
    QVERIFY(r.referenceWritten.isEmpty());  // Mode=full writes no reference file
    QCOMPARE(QDir().entryList({"R*"}, QDir::Files), QStringList());

    // 8bit=TRUE writes the characters themselves; MaxRows and Where with abbreviations.
    writeConfig(b, "Select=ID, NAME\nFrom=" + m_table + "\nWhere=ID >= 2\nMaxRows=1", "8bit=TRUE\n");
    QCOMPARE(exportOnce(cfg, "some.txt").exitCode, 0);
    QCOMPARE(readFile("some.txt"), QByteArray("row:\nID: 2\nNAME:\n\n"));
    writeConfig(b, "Select=ID, NAME\nFrom=" + m_table + "\nWhere=ID = 3", "8bit=TRUE\n");
    QCOMPARE(exportOnce(cfg, "eight.txt").exitCode, 0);
    QCOMPARE(readFile("eight.txt"), QByteArray("row:\nID: 3\nNAME: Zoë Müller\n\n"));
}

void TestExport::deltaSequence_data()
{
    addBackends();
}

void TestExport::deltaSequence()
{
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    const QString cfg = writeConfig(b, "Mode=delta\nSelect=ID, NAME, BORN, HIRED, NOTES\nKeys=ID\nSaveAttr=NAME\n"
                                       "From=" + m_table + "\nReferencePath=refs");
    // First run: no reference yet, so a full export that writes the first one.
    auto r = exportOnce(cfg, "1.txt");
    QVERIFY2(r.exitCode == 0, qPrintable(m_capture.errors.join('\n')));
    QVERIFY(!r.delta);
    QCOMPARE(readFile("1.txt"), kFull);
    QCOMPARE(r.referenceWritten, QStringLiteral("refs/R6112300"));
    QVERIFY(readFile(cfg).contains("\nNewReferenceFile=R6112300\n"));

    test::Sql sql(b);
    QVERIFY(sql.exec(QStringLiteral("UPDATE %1 SET name = 'Andrew' WHERE id = 2").arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("DELETE FROM %1 WHERE id = 3").arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 (id, name) VALUES (4, 'Janet')").arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("UPDATE %1 SET id = 10 WHERE id = 1").arg(m_table)));  // a changed key

    r = exportOnce(cfg, "2.txt");
    QVERIFY2(r.exitCode == 0, qPrintable(m_capture.errors.join('\n')));
    QVERIFY(r.delta);
    QCOMPARE(readFile("2.txt"),
             QByteArray("row:\nChangeType: delete\nID: 1\nNAME: Nancy\n\n"
                        "row:\nChangeType: modify\nID: 2\nNAME: Andrew\nBORN:\nHIRED:\nNOTES: back\\\\slash #x\n\n"
                        "row:\nChangeType: delete\nID: 3\nNAME: Zo\\xc3\\xab M\\xc3\\xbcller\n\n"
                        "row:\nChangeType: add\nID: 4\nNAME: Janet\nBORN:\nHIRED:\nNOTES:\n\n"
                        "row:\nChangeType: add\nID: 10\nNAME: Nancy\nBORN: 1948-12-08\nHIRED: 1992-05-01 00:00:00\n"
                        "NOTES: line1\\x0aline2\n\n"));
    QCOMPARE(r.adds, 2);
    QCOMPARE(r.modifies, 1);
    QCOMPARE(r.deletes, 2);
    QCOMPARE(r.referenceWritten, QStringLiteral("refs/R6112301"));
    QVERIFY(QFile::exists("refs/R6112300"));  // the previous reference is kept
    QVERIFY(readFile(cfg).contains("\nNewReferenceFile=R6112301\n"));

    // No change: an empty delta.
    r = exportOnce(cfg, "3.txt");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(readFile("3.txt"), QByteArray());
    QCOMPARE(r.records, 0);

    // A delta file is itself an import file: it reads back into the same records.
    QVERIFY(readFile("2.txt").count("row:\n") == 5);
}

void TestExport::deltaRowsOutOfKeyOrder_data()
{
    addBackends();
}

void TestExport::deltaRowsOutOfKeyOrder()
{
    // Keyed by name compared case-insensitively: the database's ORDER BY (binary collation) puts "aaron"
    // after "Zoë", which is not our key order, so the streaming merge gives up and the delta is made by
    // sorting; the result is the same.
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    test::Sql sql(b);
    QVERIFY(sql.exec(QStringLiteral("UPDATE %1 SET name = 'Andrew' WHERE id = 2").arg(m_table)));
    const QString cfg = writeConfig(b, "Mode=delta\nSelect=ID, NAME\nKeys=NAME\nSortControl=CI\nFrom=" + m_table,
                                    "TraceLevel=RefData\nTrace=1\nTraceFile=" + m_dir->filePath("t.txt") + "\n");
    QCOMPARE(exportOnce(cfg, "1.txt").exitCode, 0);  // first: full export in id order
    QVERIFY(sql.exec(QStringLiteral("UPDATE %1 SET id = 30 WHERE id = 1").arg(m_table)));      // Nancy: modify
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 (id, name) VALUES (4, 'aaron')").arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("DELETE FROM %1 WHERE id = 2").arg(m_table)));             // Andrew: delete
    const auto r = exportOnce(cfg, "2.txt");
    QVERIFY2(r.exitCode == 0, qPrintable(m_capture.errors.join('\n')));
    QCOMPARE(readFile("2.txt"), QByteArray("row:\nChangeType: add\nID: 4\nNAME: aaron\n\n"
                                           "row:\nChangeType: delete\nNAME: Andrew\n\n"
                                           "row:\nChangeType: modify\nID: 30\nNAME: Nancy\n\n"));
    QVERIFY(readFile(m_dir->filePath("t.txt")).contains("rows not in key order: comparing after sorting"));
}

void TestExport::modesAndReferenceFlag_data()
{
    addBackends();
}

void TestExport::modesAndReferenceFlag()
{
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    const QString base = "Select=ID, NAME\nKeys=ID\nFrom=" + m_table + "\n";
    QString cfg = writeConfig(b, "Mode=full\n" + base);
    // -r alone: a full export that writes a reference file even with Mode=full.
    auto r = exportOnce(cfg, "a.txt", {}, true);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.referenceWritten, QStringLiteral("./R6112300"));
    QVERIFY(!r.delta);

    // -r FILE: the base is that file, whatever NewReferenceFile says.
    cfg = writeConfig(b, "Mode=delta\n" + base + "NewReferenceFile=nonexistent");
    test::Sql(b).exec(QStringLiteral("UPDATE %1 SET name = 'X' WHERE id = 1").arg(m_table));
    r = exportOnce(cfg, "b.txt", {}, true, "R6112300");
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.delta);
    QCOMPARE(r.modifies, 1);

    // Mode=delta with an unusable base: not done, and no output file. (The run above wrote the new
    // reference's name into the configuration, so name a missing one again.)
    cfg = writeConfig(b, "Mode=delta\n" + base + "NewReferenceFile=nonexistent");
    r = exportOnce(cfg, "c.txt");
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.error.contains("not usable"));
    QVERIFY(!QFile::exists("c.txt"));

    // -r FILE naming a file that cannot be read fails in every mode (a typo in a job must never hand a full
    // export on as if it were a delta), with no output file.
    for (const char *mode : {"full", "delta", "delta-or-full"}) {
        cfg = writeConfig(b, QStringLiteral("Mode=%1\n").arg(mode) + base);
        r = exportOnce(cfg, "r.txt", {}, true, "R6119999");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.error.startsWith("the reference file given with -r cannot be used: ") && r.error.contains("\nR6119999\n"),
                 qPrintable(r.error));
        QVERIFY(!QFile::exists("r.txt"));
    }

    // RefData with Mode=full: the manual's one message that a full export takes place.
    cfg = writeConfig(b, "Mode=full\n" + base, "TraceLevel=RefData\nTrace=1\nTraceFile=" + m_dir->filePath("full-trace.txt") + "\n");
    QCOMPARE(exportOnce(cfg, "modefull.txt").exitCode, 0);
    const QByteArray fullTrace = readFile(m_dir->filePath("full-trace.txt"));
    QVERIFY2(fullTrace.contains("Mode=full: full export") && !fullTrace.contains("reference data files"), fullTrace.constData());

    // A changed specification: delta fails, delta-or-full falls back to a full export.
    cfg = writeConfig(b, "Mode=delta\n" + base + "Where=ID < 3");
    r = exportOnce(cfg, "d.txt");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.error.contains("the Where field changed"), qPrintable(r.error));
    QVERIFY(!QFile::exists("d.txt"));
    cfg = writeConfig(b, "Mode=delta-or-full\n" + base + "Where=ID < 3");
    r = exportOnce(cfg, "e.txt");
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.delta);
    QCOMPARE(r.records, 2);
    QVERIFY(m_capture.errors.join('\n').contains("doing a full export"));

    // A key of a type the manual marks "fail" (SQL_REAL, SQL_DOUBLE, ...) is refused for delta exports.
    QVERIFY(test::Sql(b).exec(QStringLiteral("CREATE TABLE %1_r (id INTEGER, score REAL)").arg(m_table)));
    const QString t = m_table;
    m_table = t + "_r";
    cfg = writeConfig(b, "Mode=delta-or-full\nSelect=ID, NOTES\nKeys=NOTES\nFrom=" + m_table);
    QFile f(cfg);
    f.open(QIODevice::ReadOnly);
    const QByteArray text = f.readAll().replace(".notes", ".score");
    f.close();
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(text);
    f.close();
    m_table = t;
    r = exportOnce(cfg, "f.txt");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.error.contains("cannot be a delta key"), qPrintable(r.error));
    QVERIFY(!QFile::exists("f.txt"));
}

void TestExport::errorsLeaveNothingBehind_data()
{
    addBackends();
}

void TestExport::errorsLeaveNothingBehind()
{
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    QFile::remove("out.txt");
    QString cfg = writeConfig(b, "Select=ID\nFrom=x" + m_table);
    auto r = exportOnce(cfg, "out.txt");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.error.startsWith("SQLExecDirect failure\nstate="), qPrintable(r.error));
    QVERIFY(!QFile::exists("out.txt"));
    QCOMPARE(QDir().entryList({"out.txt*"}, QDir::Files), QStringList());  // no temporary file either

    cfg = writeConfig(b, "Select=ID, NAME\nFrom=" + m_table + "\nWhere=nosuchcolumn = 1");
    r = exportOnce(cfg, "out.txt");
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.error.contains("SQLExecDirect failure"));
    QVERIFY(!QFile::exists("out.txt"));

    test::Backend broken = b;
    broken.fieldLines = {"DRIVER=NoSuchDriverInstalled", "Database=x", "PWD=p4ss;w0rd"};
    cfg = writeConfig(broken, "Select=ID\nFrom=" + m_table);
    r = exportOnce(cfg, "out.txt");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.error.startsWith("SQLDriverConnect failure\nstate="), qPrintable(r.error));
    QVERIFY(r.error.contains("NoSuchDriverInstalled"));
    QVERIFY(!r.error.contains("p4ss"));
    QVERIFY(!QFile::exists("out.txt"));
}

void TestExport::namingAcrossDays_data()
{
    addBackends();
}

void TestExport::namingAcrossDays()
{
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    const QString cfg = writeConfig(b, "Mode=delta-or-full\nSelect=ID, NAME\nKeys=ID\nFrom=" + m_table);
    const QList<QPair<QDate, QString>> runs = {
        {QDate(2026, 12, 31), "R6123100"}, {QDate(2026, 12, 31), "R6123101"}, {QDate(2027, 1, 1), "R7010100"},
        {QDate(2026, 12, 31), "R7010101"},  // the clock went back: stays monotonic
        {QDate(2027, 2, 1), "R7020100"},
    };
    for (const auto &[day, expected] : runs) {
        const auto r = exportOnce(cfg, "o.txt", day);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.referenceWritten, "./" + expected);
        QVERIFY(readFile(cfg).contains("\nNewReferenceFile=" + expected.toLatin1() + "\n"));
    }
}

void TestExport::singleStepStops_data()
{
    addBackends();
}

void TestExport::singleStepStops()
{
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    const QString cfg = writeConfig(b, "Mode=delta-or-full\nSelect=ID, NAME\nKeys=ID\nFrom=" + m_table);
    run::StepController step;
    step.setStepping(true);
    int asked = 0;
    step.setPrompter([&](const QString &) {
        ++asked;
        return asked < 2 ? run::StepController::Decision::Next : run::StepController::Decision::Stop;
    });
    const auto r = exportOnce(cfg, "s.txt", {}, false, {}, &step);
    QCOMPARE(r.exitCode, 0x3C);
    QVERIFY(r.stopped);
    QCOMPARE(r.records, 2);
    QCOMPARE(readFile("s.txt"), QByteArray("row:\nID: 1\nNAME: Nancy\n\nrow:\nID: 2\nNAME:\n\n"));
    QVERIFY(r.referenceWritten.isEmpty());  // an interrupted export is no snapshot
    QCOMPARE(QDir().entryList({"R*"}, QDir::Files), QStringList());

    run::StepController go;
    go.setStepping(true);
    go.setPrompter([](const QString &) { return run::StepController::Decision::Go; });
    const auto full = exportOnce(cfg, "g.txt", {}, false, {}, &go);
    QCOMPARE(full.records, 3);
    QCOMPARE(full.referenceWritten, QStringLiteral("./R6112300"));

    // Cancelled (the Studio's Stop) while a delta reads its rows: nothing written, no new reference, the
    // configuration still names the previous one.
    const QByteArray configBefore = readFile(cfg);
    run::StepController cancel;
    cancel.stop();
    const auto cancelled = exportOnce(cfg, "c.txt", {}, false, {}, &cancel);
    QVERIFY(cancelled.stopped);
    QCOMPARE(cancelled.exitCode, 0x3C);
    QCOMPARE(cancelled.records, 0);
    QVERIFY(cancelled.referenceWritten.isEmpty());
    QCOMPARE(readFile(cfg), configBefore);
    QCOMPARE(QDir().entryList({"R*"}, QDir::Files), QStringList{"R6112300"});
}

void TestExport::stepThroughFullExport()
{
    // Single step through a full export without a reference file (on PostgreSQL its records are made on the
    // fetch threads, RowSource::formatRecords): each record is shown at its line in the file, with its lines.
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    const QString cfg = writeConfig(b, "Mode=full\nSelect=ID, NAME\nFrom=" + m_table);
    struct Steps : test::Capture {
        QList<run::RecordStep> steps;
        void recordStepped(const run::RecordStep &s) override { steps << s; }
    } steps;
    run::StepController step;
    step.setStepping(true);
    step.setPrompter([](const QString &) { return run::StepController::Decision::Next; });
    exporter::ExportRequest request;
    request.outputPath = QStringLiteral("f.txt");
    const auto r = runRequest(cfg, request, steps, &step);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.records, 3);
    const QByteArray file = readFile("f.txt");
    QCOMPARE(steps.steps.size(), 3);
    const QList<QByteArray> lines = file.split('\n');
    for (const run::RecordStep &s : steps.steps) {  // rows come in no fixed order: each where the file has it
        QVERIFY2(s.line >= 1 && s.line + 2 <= lines.size(), qPrintable(QString::number(s.line)));
        QCOMPARE(lines.at(s.line - 1), QByteArray("row:"));
        QCOMPARE(s.attributes.size(), 2);
        QCOMPARE(lines.at(s.line), s.attributes.at(0).toUtf8());
        QCOMPARE(lines.at(s.line + 1), s.attributes.at(1).toUtf8());
    }
    QCOMPARE(steps.steps.at(0).line, 1);
    QCOMPARE(steps.steps.at(1).line, 5);
    QCOMPARE(steps.steps.at(2).line, 9);
}

void TestExport::stepAnswersArrivingTogether()
{
    // -s with its answers written ahead (a pipe): each answer counts. "\n\nq" writes three records (two
    // "next", then stop after the third is shown); "\nG" goes on to the end after the first. Answers were
    // lost when each prompt read with a stream of its own.
    OAS_REQUIRE_BACKEND("sqlite");
    const test::Backend b = test::Backend::sqlite(m_dir->filePath("test.db"));
    QVERIFY(prepareTable(b));
    const QString cfg = writeConfig(b, "Select=ID, NAME\nFrom=" + m_table);
    for (const auto &[input, records] : {std::pair<QByteArray, int>{"\n\nq\n", 3}, {"\nG\n", 3}, {"\nq\n", 2}}) {
        QFile::remove(m_dir->filePath("step.txt"));
        const test::ProgramRun r = test::runProgram("ODBCAgentExp", {"-f", cfg, "-o", "step.txt", "-s"}, m_dir->path(),
                                                    QProcessEnvironment::systemEnvironment(), input);
        QVERIFY2(r.exitCode == 0 || r.exitCode == 0x3C, qPrintable(r.err));
        QCOMPARE(readFile(m_dir->filePath("step.txt")).count("row:"), records);
    }
}

void TestExport::selfJoinCorrelationName()
{
    // The manual's self join with a correlation name spelled like an abbreviation (BOSS / Boss): the name
    // stays a name (it became "AS Boss.name", a syntax error), and validate warns about the spelling.
    OAS_REQUIRE_BACKEND("sqlite");
    const test::Backend b = test::Backend::sqlite(m_dir->filePath("test.db"));
    test::Sql sql(b);
    QVERIFY(sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(20), boss INTEGER)").arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 VALUES (1, 'Fuller', NULL), (2, 'Davolio', 1)").arg(m_table)));
    const QString t = m_table;
    QFile f(m_dir->filePath("boss.ini"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("[version]\nVersion=1.06\n[attributes]\nID=%1.id\nNAME=%1.name\nBOSS=Boss.name\n[database]\n%2\n"
                           "[export]\nSelect=ID, NAME, BOSS\nFrom=%1 LEFT OUTER JOIN %1 AS Boss ON %1.boss = Boss.id\n"
                           "Where=%1.id > 0 ORDER BY %1.id\n")
                .arg(t, b.fieldLines.join('\n'))
                .toUtf8());
    f.close();
    const test::ProgramRun r = test::runProgram("ODBCAgentExp", {"-f", "boss.ini", "-o", "boss.txt"}, m_dir->path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readFile(m_dir->filePath("boss.txt")), QByteArray("row:\nID: 1\nNAME: Fuller\nBOSS:\n\nrow:\nID: 2\nNAME: Davolio\nBOSS: Fuller\n\n"));
    const test::ProgramRun v = test::runProgram("odbc-agent", {"validate", "boss.ini"}, m_dir->path());
    QCOMPARE(v.exitCode, 0);  // a warning
    QVERIFY2(v.out.contains("warning: abbreviation BOSS is spelled like the table or correlation name Boss of From"), qPrintable(v.out));
}

void TestExport::killedExportRecovers()
{
    // SQLite is enough here: the point is what a killed process leaves on disk.
    OAS_REQUIRE_BACKEND("sqlite");
    const test::Backend b = test::Backend::sqlite(m_dir->filePath("test.db"));
    QVERIFY(prepareTable(b));
    const QString cfg = writeConfig(b, "Mode=delta\nSelect=ID, NAME\nKeys=ID\nFrom=" + m_table);
    auto run = [&](const QString &out, const QByteArray &input, bool kill) {
        QProcess p;
        p.setWorkingDirectory(m_dir->path());
        p.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentExp"), {"-f", cfg, "-o", out, "-s"});
        p.waitForStarted();
        p.write(input);
        if (kill) {
            // Wait until the agent has asked twice, then kill it at its third prompt.
            QByteArray err;
            while (err.count("q stop") < 3 && p.waitForReadyRead(10000))
                err += p.readAllStandardError();
            ::kill(pid_t(p.processId()), SIGKILL);
        } else {
            p.closeWriteChannel();
        }
        p.waitForFinished(30000);
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -9;
    };
    QCOMPARE(run("first.txt", "g\n", false), 0);
    const QByteArray config1 = readFile(cfg);
    QVERIFY(config1.contains("NewReferenceFile=R"));
    test::Sql sql(b);
    QVERIFY(sql.exec(QStringLiteral("UPDATE %1 SET name = 'Changed' WHERE id IN (1, 2, 3)").arg(m_table)));

    // Killed in the middle of writing the delta: nothing under the final names, config unchanged.
    QCOMPARE(run("killed.txt", "\n\n", true), -9);
    QVERIFY(!QFile::exists(m_dir->filePath("killed.txt")));
    QCOMPARE(readFile(cfg), config1);
    QCOMPARE(QDir(m_dir->path()).entryList({"R*"}, QDir::Files).size(), 1);

    // The next run produces the complete delta.
    QCOMPARE(run("after.txt", "g\n", false), 0);
    QCOMPARE(readFile(m_dir->filePath("after.txt")).count("ChangeType: modify"), 3);
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
