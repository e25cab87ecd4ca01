// How an import run goes, against real drivers: batches replayed after a failure give the same result as one
// transaction per record; locating and writing many records with one statement gives the same result as one
// statement each; a killed import or a lost connection loses nothing and converges when run again; single
// step; errors that stop a run before its first record; export -> import -> export gives the same file.
#include "ImportFixture.h"
#include "exporter/ExportJob.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>

#include <csignal>

using namespace oas;
using namespace oas::test;

class TestImportRuns : public QObject, public ImportFixture {
    Q_OBJECT
private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void batchesMatchPerRecord_data();
    void batchesMatchPerRecord();
    void killedImportConverges();
    void locatingManyAtOnceMatchesOneByOne();
    void groupedWrites_data();
    void groupedWrites();
    void connectionLostMidway_data();
    void connectionLostMidway();
    void singleStep_data();
    void singleStep();
    void fatalErrors_data();
    void fatalErrors();
    void roundTrip_data();
    void roundTrip();
};

void TestImportRuns::batchesMatchPerRecord_data()
{
    addBackends();
}

void TestImportRuns::batchesMatchPerRecord()
{
    // Failures at the database (a duplicate primary key) in the middle of batches: the batch is rolled back
    // and replayed, so the rows, the exceptions file and the trace equal those of one transaction per record.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QByteArray data;
    for (int i = 0; i < 60; ++i) {
        const int id = i % 7 == 3 ? 1 : 100 + i;  // every 7th record collides with Nancy's id 1
        data += QString("row:\nEID: %1\nGN: G%2\nSN: S%2\nTI: t%2\n").arg(id).arg(i).toUtf8();
        if (i % 10 == 5 && i != 45)
            data += QString("row:\nGN: G%1\nSN: S%1\nTI: changed%1\n").arg(i).toUtf8();  // updates the row just made
    }
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
    QStringList rows[2];
    QByteArray exceptions[2];
    QStringList traces[2];
    const int batches[2] = {1, 16};
    for (int k = 0; k < 2; ++k) {
        m_table = test::uniqueTable("imp");
        QVERIFY(createTable(b));
        writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
        const Imported r = import(cfg, data, batches[k]);
        verifyAccounting(r.result);
        QCOMPARE(r.result.stats.errors, 9);
        QCOMPARE(r.result.stats.creates, 51);
        QCOMPARE(r.result.stats.updates, 5);
        rows[k] = tableRows(b);
        // The driver's messages name the table, which differs between the two runs.
        exceptions[k] = QByteArray(r.exceptions).replace(m_table.toUtf8(), "T");
        traces[k] = r.trace;
        traces[k].replaceInStrings(m_table, "T");
    }
    QCOMPARE(rows[1], rows[0]);
    QCOMPARE(exceptions[1], exceptions[0]);
    QCOMPARE(traces[1], traces[0]);
    QCOMPARE(rows[0].size(), 5 + 51);
}

void TestImportRuns::killedImportConverges()
{
    // SIGKILL in the middle of a large import, then the same import again: the database ends as after one
    // uninterrupted run (adds already done become updates; nothing is lost or doubled).
    OAS_REQUIRE_BACKEND("sqlite");
    const test::Backend b = backend("sqlite");
    auto createIndexedTable = [&] {
        QVERIFY(createTable(b));
        test::Sql sql(b);
        QVERIFY(sql.exec(QString("CREATE INDEX %1_names ON %1 (first, last)").arg(m_table)));
    };
    createIndexedTable();
    QByteArray data;
    for (int i = 0; i < 40000; ++i)
        data += QString("row:\nEID: %1\nGN: G%1\nSN: S%2\nTI: t%1\n").arg(1000 + i).arg(i % 97).toUtf8();
    for (int i = 0; i < 2000; ++i)
        data += QString("row:\nChangeType: delete\nGN: G%1\nSN: S%2\n").arg(1000 + i * 3).arg((i * 3) % 97).toUtf8();
    QFile in(m_dir->filePath("big.txt"));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write(data);
    in.close();
    writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
    const QString program = QStringLiteral(OAS_BIN_DIR "/ODBCAgentImp");
    const QStringList args = {"-f", "import.ini", "-i", "big.txt"};

    QProcess killed;
    killed.setWorkingDirectory(m_dir->path());
    killed.start(program, args);
    QVERIFY(killed.waitForStarted());
    // Kill once some rows are committed (the table grows), well before the end.
    QElapsedTimer timer;
    timer.start();
    int committed = 0;
    while (timer.elapsed() < 20000) {
        QTest::qWait(20);
        committed = int(tableRows(b).size());
        if (committed > 2000 || killed.state() == QProcess::NotRunning)
            break;
    }
    QVERIFY2(killed.state() == QProcess::Running, "the import ended before it could be killed");
    ::kill(pid_t(killed.processId()), SIGKILL);
    killed.waitForFinished();
    QCOMPARE(killed.exitStatus(), QProcess::CrashExit);
    const int afterKillRows = int(tableRows(b).size());
    QVERIFY2(afterKillRows > 5 && afterKillRows < 40005, qPrintable(QString::number(afterKillRows)));
    qInfo("killed with %d rows in the table", afterKillRows);

    QProcess again;
    again.setWorkingDirectory(m_dir->path());
    again.start(program, args);
    QVERIFY(again.waitForFinished(120000));
    QVERIFY2(again.exitCode() == 0, again.readAllStandardError().constData());
    const QStringList afterKill = tableRows(b);

    // The reference: the same import, uninterrupted, into a fresh table.
    m_table = test::uniqueTable("imp");
    createIndexedTable();
    writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
    QProcess clean;
    clean.setWorkingDirectory(m_dir->path());
    clean.start(program, args);
    QVERIFY(clean.waitForFinished(120000));
    QCOMPARE(clean.exitCode(), 0);
    QCOMPARE(afterKill.size(), 5 + 40000 - 2000);
    QCOMPARE(afterKill, tableRows(b));
}

void TestImportRuns::locatingManyAtOnceMatchesOneByOne()
{
    // Batches locate up to 32 records with one SELECT. A column that compares without case (SQLite's
    // COLLATE NOCASE) returns rows the client would not match: the agent falls back to one SELECT per
    // record, so 'ANN' still updates 'Ann' instead of creating a second row. Two records for the same row
    // in one batch still see each other's work.
    OAS_REQUIRE_BACKEND("sqlite");
    const test::Backend b = backend("sqlite");
    {
        test::Sql sql(b);
        QVERIFY(sql.exec(QString("CREATE TABLE %1 (id INTEGER PRIMARY KEY, first VARCHAR(10) COLLATE NOCASE, "
                                 "last VARCHAR(20) COLLATE NOCASE, title VARCHAR(30), city VARCHAR(15))").arg(m_table)));
        QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (1, 'Ann', 'Lee', 'a', 'b'), (2, 'Bo', 'Ek', 'c', 'd')").arg(m_table)));
    }
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
    QByteArray data = "row:\nGN: ANN\nSN: LEE\nTI: upper\nrow:\nEID: 3\nGN: Cy\nSN: Po\nTI: new\n"
                      "row:\nGN: Cy\nSN: Po\nTI: again\nrow:\nChangeType: delete\nGN: bo\nSN: ek\n";
    for (int batch : {500, 1}) {
        const Imported r = import(cfg, data, batch);
        verifyAccounting(r.result);
        QCOMPARE(tableRows(b), QStringList({"1|Ann|Lee|upper|b", "3|Cy|Po|again|NULL"}));
        QCOMPARE(r.result.stats.creates, 1);
        QCOMPARE(r.result.stats.updates, 2);
        QCOMPARE(r.result.stats.deletes, 1);
        test::Sql(b).exec(QString("INSERT INTO %1 VALUES (2, 'Bo', 'Ek', 'c', 'd')").arg(m_table));
        test::Sql(b).exec(QString("DELETE FROM %1 WHERE id = 3").arg(m_table));
    }
}

void TestImportRuns::groupedWrites_data()
{
    addBackends();
}

void TestImportRuns::groupedWrites()
{
    // Batches write runs of adds, modifies and deletes as one statement each (multi-row INSERT, UPDATE from
    // VALUES, DELETE with OR). When the database refuses one, the run is applied again one statement per
    // record, so only the bad record fails.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b));
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=EID\nModify=GN, SN, TI, CITY", {}, "TraceLevel=Summary Stats SQL\n");
    QByteArray data;
    for (int i = 100; i < 200; ++i)
        data += QString("row:\nChangeType: add\nEID: %1\nGN: G%1\nSN: S%1\nCITY: C%1\n").arg(i).toUtf8();
    for (int i = 100; i < 150; ++i)
        data += QString("row:\nEID: %1\nTI: t%1\nCITY:\n").arg(i).toUtf8();
    for (int i = 150; i < 170; ++i)
        data += QString("row:\nChangeType: delete\nEID: %1\n").arg(i).toUtf8();
    Imported r = import(cfg, data);
    QCOMPARE(r.result.exitCode, 0);
    QCOMPARE(r.result.stats.creates, 100);
    QCOMPARE(r.result.stats.updates, 50);
    QCOMPARE(r.result.stats.deletes, 20);
    QVERIFY(r.sql.filter("at once failed").isEmpty());
    // (The generic SQL has none of the grouped statements: one statement per record, the same rows.)
    QCOMPARE(r.sql.join('\n').contains(QRegularExpression("SELECT statement for (32|up to \\d+) records at once")), !test::genericDialect());
    const QStringList rows = tableRows(b);
    QCOMPARE(rows.size(), 5 + 80);
    QVERIFY(rows.contains("100|G100|S100|t100|NULL"));
    QVERIFY(rows.contains("199|G199|S199|NULL|C199"));
    QVERIFY(!rows.filter(QRegularExpression("^16[0-9]\\|")).size());

    // A run of adds where one breaks a unique index the import cannot know of: the grouped INSERT fails,
    // the run is applied again record by record, and only that record fails.
    QVERIFY(test::Sql(b).exec(QString("CREATE UNIQUE INDEX %1_city ON %1 (city)").arg(m_table)));
    QByteArray clash;
    for (int i = 300; i < 340; ++i)
        clash += QString("row:\nChangeType: add\nEID: %1\nGN: H%1\nSN: S%1\nCITY: %2\n")
                     .arg(i)
                     .arg(i == 320 ? QString("Seattle") : QString("Z%1").arg(i))
                     .toUtf8();
    r = import(cfg, clash);
    verifyAccounting(r.result);
    QCOMPARE(r.result.stats.creates, 39);
    QCOMPARE(r.result.stats.errors, 1);
    QVERIFY2(r.exceptions.startsWith("# record at line 121\nrow:\nChangeType: add\nEID: 320\n"), r.exceptions.left(200));
    QVERIFY2(r.sql.filter("at once failed").isEmpty() == test::genericDialect(), qPrintable(r.sql.join('\n')));
    QCOMPARE(tableRows(b).filter("|H3").size(), 39);
}

void TestImportRuns::connectionLostMidway_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &name : test::backendNames()) {
        if (name != "sqlite")
            QTest::newRow(qPrintable(name)) << name;
    }
}

void TestImportRuns::connectionLostMidway()
{
    // The server ends the agent's session in the middle of an import: exit 1, a message saying from which
    // record on nothing was imported, every record before it in the table; the same import run again
    // completes it.
    QFETCH(QString, backend);
    const test::Backend pg = this->backend(backend);
    QVERIFY(createTable(pg, false));
    test::Backend tagged = pg;
    if (pg.isPostgres())
        tagged.fieldLines << "pqopt={application_name=" + m_table + "}";
    writeConfig(tagged, "Table=" + m_table + "\nSelectBy=EID\nModify=GN, SN", {}, "TraceLevel=Stats\n");
    QByteArray data;
    const int records = 200000;
    for (int i = 1; i <= records; ++i)
        data += QString("row:\nEID: %1\nGN: G%1\nSN: S%1\n").arg(i).toUtf8();
    QFile in(m_dir->filePath("big.txt"));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write(data);
    in.close();
    QProcess agent;
    agent.setWorkingDirectory(m_dir->path());
    agent.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentImp"), {"-f", "import.ini", "-i", "big.txt"});
    QVERIFY(agent.waitForStarted());
    test::Sql sql(pg);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30000 && agent.state() == QProcess::Running
           && sql.rows(QString("SELECT count(*) FROM %1").arg(m_table)).value(0).toInt() < 2000)
        QTest::qWait(20);
    QVERIFY2(agent.state() == QProcess::Running, "the import ended before the connection could be ended");
    if (pg.isMariaDb()) {
        // The session whose statement names the table (it runs one statement after the other): KILL it.
        QString id;
        for (timer.restart(); id.isEmpty() && timer.elapsed() < 10000;)
            id = sql.rows(QString("SELECT id FROM information_schema.processlist WHERE info LIKE '%%%1%%' AND id <> CONNECTION_ID()")
                              .arg(m_table)).value(0);
        QVERIFY2(!id.isEmpty(), "the import's session was not found");
        QVERIFY2(sql.exec("KILL CONNECTION " + id), qPrintable(sql.error()));
    } else {
        QCOMPARE(sql.rows(QString("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '%1'")
                              .arg(m_table)),
                 QStringList({"1"}));
    }
    QVERIFY(agent.waitForFinished(60000));
    const QString err = QString::fromUtf8(agent.readAllStandardError());
    QCOMPARE(agent.exitCode(), 1);
    const QRegularExpressionMatch m = QRegularExpression("import not done from the record at line (\\d+) on").match(err);
    QVERIFY2(m.hasMatch(), qPrintable(err));
    const int resumeLine = m.captured(1).toInt();
    const int imported = (resumeLine - 1) / 4;  // four lines per record
    QVERIFY2(imported > 0 && imported < records, qPrintable(err));
    QCOMPARE(sql.rows(QString("SELECT count(*), max(id) FROM %1").arg(m_table)),
             QStringList({QString("%1|%1").arg(imported)}));

    QProcess again;
    again.setWorkingDirectory(m_dir->path());
    again.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentImp"), {"-f", "import.ini", "-i", "big.txt"});
    QVERIFY(again.waitForFinished(120000));
    QCOMPARE(again.exitCode(), 0);
    QCOMPARE(sql.rows(QString("SELECT count(*) FROM %1").arg(m_table)), QStringList({QString::number(records)}));
}

void TestImportRuns::singleStep_data()
{
    addBackends();
}

void TestImportRuns::singleStep()
{
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b));
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
    run::StepController step;
    step.setStepping(true);
    QStringList prompts;
    step.setPrompter([&](const QString &what) {
        prompts << what;
        // Each record is committed before the prompt: the database already shows it.
        if (prompts.size() == 1)
            return run::StepController::decisionForLine("");
        return run::StepController::decisionForLine("q");
    });
    const Imported r = import(cfg, "row:\nGN: Nancy\nSN: Davolio\nTI: one\nrow:\nGN: Andrew\nSN: Fuller\nTI: two\n"
                                   "row:\nGN: Janet\nSN: Leverling\nTI: three\n", 500, &step);
    QCOMPARE(prompts, QStringList({"record Nancy/Davolio at line 1 (updated)", "record Andrew/Fuller at line 5 (updated)"}));
    QVERIFY(r.result.stopped);
    QCOMPARE(r.result.resumeLine, 9);
    QCOMPARE(r.result.exitCode, 0);
    QCOMPARE(tableRows(b).mid(0, 3), QStringList({"1|Nancy|Davolio|one|Seattle", "2|Andrew|Fuller|two|Tacoma",
                                                  "3|Janet|Leverling|Sales Rep|Kirkland"}));
}

void TestImportRuns::fatalErrors_data()
{
    addBackends();
}

void TestImportRuns::fatalErrors()
{
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b));
    QFile old("except.txt");
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("previous run\n");
    old.close();
    // A wrong table: the dummy SELECT fails before any record; exit 1 and the old exceptions file stays.
    QString cfg = writeConfig(b, "Table=" + m_table + "_missing\nSelectBy=GN & SN\nModify=TI");
    Imported r = import(cfg, "row:\nGN: A\nSN: B\n");
    QCOMPARE(r.result.exitCode, 1);
    QVERIFY2(r.result.error.contains("failure\nstate="), qPrintable(r.result.error));
    QCOMPARE(r.result.recordsRead, 0);
    QCOMPARE(test::readAll("except.txt"), QByteArray("previous run\n"));
    // A wrong column in Modify fails in the preparation too.
    cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI, CITY",
                      QString("EID=%1.id\nGN=%1.first\nSN=%1.last\nTI=%1.title\nCITY=%1.town\n").arg(m_table));
    r = import(cfg, "row:\nGN: A\nSN: B\n");
    QCOMPARE(r.result.exitCode, 1);
    QVERIFY(r.result.error.contains("town"));
    // An unreachable database.
    test::Backend broken = b;
    broken.fieldLines = backend == QLatin1String("sqlite")
                            ? QStringList({"DRIVER=SQLite3", "Database=/nonexistent/dir/x.db", "NoCreat=1"})
                            : QStringList({"DRIVER={PostgreSQL Unicode}", "Server=127.0.0.1", "Port=1", "Database=x"});
    cfg = writeConfig(broken, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
    r = import(cfg, "row:\nGN: A\nSN: B\n");
    QCOMPARE(r.result.exitCode, 1);
    QVERIFY2(r.result.error.contains("state="), qPrintable(r.result.error));
    QCOMPARE(test::readAll("except.txt"), QByteArray("previous run\n"));
}

void TestImportRuns::roundTrip_data()
{
    addBackends();
}

void TestImportRuns::roundTrip()
{
    // export -> import into an empty copy -> export again: identical files.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b));
    {
        test::Sql sql(b);
        QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (?, ?, ?, ?, ?)").arg(m_table),
                         {6, QString("Zoë"), QString("Line\nBreak"), QString(" #hash\\back "), QVariant(QMetaType::fromType<QString>())}));
    }
    const QString source = m_table;
    const QString copy = test::uniqueTable("copy");
    {
        test::Sql sql(b);
        QVERIFY(sql.exec(QString("CREATE TABLE %1 (id INTEGER PRIMARY KEY, first VARCHAR(10), last VARCHAR(20), "
                                 "title VARCHAR(30), city VARCHAR(15))").arg(copy)));
    }
    auto exportTable = [&](const QString &table, const QString &out) {
        const QString text = QString("[version]\nVersion=1.06\n[attributes]\nEID=%1.id\nGN=%1.first\nSN=%1.last\n"
                                     "TI=%1.title\nCITY=%1.city\n[database]\n%2\n[export]\nSelect=EID, GN, SN, TI, CITY\n"
                                     "From=%1\nWhere=EID < 4 OR EID > 5\n[control]\nEncoding=UTF-8\n")
                                 .arg(table, b.fieldLines.join('\n'));
        QFile f(m_dir->filePath("export.ini"));
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(text.toUtf8());
        f.close();
        const config::ParseResult parsed = config::parseConfigFile(f.fileName(), config::Operation::Export);
        exporter::ExportRequest request;
        request.config = parsed.config;
        request.outputPath = out;
        request.connectionName = QUuid::createUuid().toString();
        trace::Trace trace(trace::Trace::Options{});
        return exporter::runExport(request, trace).exitCode;
    };
    QCOMPARE(exportTable(source, "first.txt"), 0);
    m_table = copy;
    const QString cfg = writeConfig(b, "Table=" + copy + "\nSelectBy=EID\nModify=GN, SN, TI, CITY");
    const Imported r = import(cfg, test::readAll("first.txt"));
    QCOMPARE(r.result.exitCode, 0);
    QCOMPARE(r.result.stats.creates, 4);
    QCOMPARE(exportTable(copy, "second.txt"), 0);
    QVERIFY(!test::readAll("first.txt").isEmpty());
    QCOMPARE(test::readAll("second.txt"), test::readAll("first.txt"));
}

QTEST_GUILESS_MAIN(TestImportRuns)
#include "tst_import_runs.moc"
