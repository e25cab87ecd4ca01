// The run journal through the real programs (docs/journal.md): an entry for every kind of run, failed and
// killed ones included; 20 runs at once; `runs last` exit codes for monitoring; passwords masked; a journal
// that cannot be written never fails a run; kept copies and retention; schedules as systemd units and
// crontab lines in scratch folders.
#include "SyncFixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>

#include <signal.h>

using namespace oas;

class TestJournal : public QObject {
    Q_OBJECT
private slots:
    void everyKindJournaled();
    void killedRunIsInterrupted();
    void concurrentRuns();
    void lastRunExitCodes();
    void unwritableJournalWarnsOnce();
    void keptCopiesAndRetention();
    void systemdSchedule();
    void cronSchedule();
};

void TestJournal::everyKindJournaled()
{
    test::SyncWorld w;
    w.create(QStringLiteral("sqlite"), 10);
    QCOMPARE(w.run("ODBCAgentExp", {"-f", "export.ini", "-o", "full.txt"}).exitCode, 0);
    QCOMPARE(w.run("ODBCAgentImp", {"-f", "import.ini", "-i", "full.txt", "-n", "someone", "-p", "Secret-Pass-77"}).exitCode, 0);
    test::SyncWorld::write(w.path("queue.ini"), QStringLiteral("[database]\nDRIVER=SQLite3\nDatabase=%1\n[queue]\nTablePrefix=q_\n[%2]\nKey=id\n")
                                                    .arg(w.path("src.db"), w.source));
    QCOMPARE(w.run("odbc-agent", {"queue", "refresh", "queue.ini"}).exitCode, 0);
    // A run that fails: a table that is not there.
    test::SyncWorld::write(w.path("bad.ini"), QString::fromUtf8(test::readAll(w.path("export.ini"))).replace(w.source, "no_such_table"));
    QCOMPARE(w.run("ODBCAgentExp", {"-f", "bad.ini", "-o", "bad.txt"}).exitCode, 1);

    const QJsonArray runs = w.runs();
    QCOMPARE(runs.size(), 4);
    const QJsonObject failed = runs.at(0).toObject(), queue = runs.at(1).toObject(), imp = runs.at(2).toObject(), exp = runs.at(3).toObject();
    QCOMPARE(exp.value("kind").toString(), QStringLiteral("export"));
    QCOMPARE(exp.value("state").toString(), QStringLiteral("succeeded"));
    QCOMPARE(exp.value("counts").toObject().value("written").toInt(), 10);
    QCOMPARE(exp.value("config").toString(), w.path("export.ini"));
    QCOMPARE(exp.value("config_hash").toString().size(), 16);
    QVERIFY(exp.value("files").toObject().value("reference").toString().startsWith(w.path("refs/")));
    QCOMPARE(imp.value("counts").toObject().value("created").toInt(), 10);
    QCOMPARE(imp.value("command").toString(), QStringLiteral("ODBCAgentImp -f import.ini -i full.txt -n someone -p ***"));
    QCOMPARE(queue.value("kind").toString(), QStringLiteral("queue"));
    QCOMPARE(queue.value("counts").toObject().value("written").toInt(), 10);
    QCOMPARE(failed.value("state").toString(), QStringLiteral("failed"));
    QCOMPARE(failed.value("exit_code").toInt(), 1);
    QVERIFY2(failed.value("first_error").toString().contains(QStringLiteral("no_such_table")), qPrintable(failed.value("first_error").toString()));
    for (const QJsonValue &v : runs) {
        QCOMPARE(v.toObject().value("host").toString().isEmpty(), false);
        QVERIFY(v.toObject().value("pid").toInt() > 0);
        QVERIFY(QDateTime::fromString(v.toObject().value("ended").toString(), Qt::ISODateWithMs).isValid());
    }
    // The password is nowhere in the journal's files.
    for (const QString &file : QDir(w.path("journal")).entryList(QDir::Files))
        QVERIFY2(!test::readAll(w.path("journal/") + file).contains("Secret-Pass-77"), qPrintable(file));
    QCOMPARE(QFileInfo(w.path("journal/journal.db")).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    // The application log: a line per start and end.
    const QString log = QString::fromUtf8(test::readAll(w.path("journal/odbc-agent.log")));
    QCOMPARE(log.count(QStringLiteral(" started: ")), 4);
    QVERIFY2(log.contains(QRegularExpression(QStringLiteral("error \\[\\d+\\] run \\d+ failed: export .*bad.ini, exit 1"))), qPrintable(log));
}

void TestJournal::killedRunIsInterrupted()
{
    test::SyncWorld w;
    w.create(QStringLiteral("sqlite"), 5);
    test::SyncWorld::write(w.path("in.txt"), QStringLiteral("row:\nID: 1\nNAME: a\n"));
    QProcess p;
    p.setWorkingDirectory(w.dir->path());
    p.setProcessEnvironment(w.env());
    p.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentImp"), {"-f", "import.ini", "-i", "in.txt", "-s"});
    QVERIFY(p.waitForStarted(10000));
    // Running: the entry is there, state running, while it waits at the first record.
    QElapsedTimer t;
    t.start();
    QJsonArray runs;
    while (t.elapsed() < 30000 && (runs = w.runs()).isEmpty())
        QTest::qWait(50);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).toObject().value("state").toString(), QStringLiteral("running"));
    ::kill(pid_t(p.processId()), SIGKILL);
    QVERIFY(p.waitForFinished(10000));
    runs = w.runs();
    QCOMPARE(runs.at(0).toObject().value("state").toString(), QStringLiteral("interrupted"));
    QVERIFY(runs.at(0).toObject().value("first_error").toString().contains(QStringLiteral("ended without finishing")));
    const test::ProgramRun last = w.run("odbc-agent", {"runs", "last", "import.ini"});
    QCOMPARE(last.exitCode, 1);
    QVERIFY2(last.out.contains(QStringLiteral("interrupted")), qPrintable(last.out));
}

void TestJournal::concurrentRuns()
{
    test::SyncWorld w;
    w.create(QStringLiteral("sqlite"), 50);
    constexpr int kRuns = 20;
    std::vector<std::unique_ptr<QProcess>> procs;
    QSet<qint64> pids;
    for (int i = 0; i < kRuns; ++i) {
        const QString config = QStringLiteral("export%1.ini").arg(i);
        test::SyncWorld::write(w.path(config), QString::fromUtf8(test::readAll(w.path("export.ini"))).replace("ReferencePath=refs", QStringLiteral("ReferencePath=refs%1").arg(i)));
        auto p = std::make_unique<QProcess>();
        p->setWorkingDirectory(w.dir->path());
        p->setProcessEnvironment(w.env());
        p->start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentExp"), {"-f", config, "-o", QStringLiteral("out%1.txt").arg(i)});
        QVERIFY(p->waitForStarted(10000));
        pids.insert(p->processId());
        procs.push_back(std::move(p));
    }
    for (auto &p : procs) {
        QVERIFY(p->waitForFinished(120000));
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        QVERIFY2(!p->readAllStandardError().contains("journal"), "a journal warning");
    }
    const QJsonArray runs = w.runs();
    QCOMPARE(runs.size(), kRuns);
    QSet<QString> configs;
    for (const QJsonValue &v : runs) {
        QCOMPARE(v.toObject().value("state").toString(), QStringLiteral("succeeded"));
        QCOMPARE(v.toObject().value("counts").toObject().value("written").toInt(), 50);
        QVERIFY(pids.contains(v.toObject().value("pid").toInteger()));
        configs.insert(v.toObject().value("config").toString());
    }
    QCOMPARE(configs.size(), kRuns);
}

void TestJournal::lastRunExitCodes()
{
    test::SyncWorld w;
    w.create(QStringLiteral("sqlite"), 3);
    QCOMPARE(w.run("odbc-agent", {"runs", "last", "import.ini"}).exitCode, 1);  // no run yet
    test::SyncWorld::write(w.path("ok.txt"), QStringLiteral("row:\nID: 1\nNAME: a\n"));
    QCOMPARE(w.run("ODBCAgentImp", {"-f", "import.ini", "-i", "ok.txt"}).exitCode, 0);
    QCOMPARE(w.run("odbc-agent", {"runs", "last", "import.ini"}).exitCode, 0);
    test::SyncWorld::write(w.path("warn.txt"), QStringLiteral("row:\nChangeType: add\nID: 1\nNAME: again\n"));
    QCOMPARE(w.run("ODBCAgentImp", {"-f", "import.ini", "-i", "warn.txt"}).exitCode, 0x3C);
    const test::ProgramRun warn = w.run("odbc-agent", {"runs", "last", w.path("import.ini")});
    QCOMPARE(warn.exitCode, 0x3C);
    QVERIFY2(warn.out.contains(QStringLiteral("state           warnings")), qPrintable(warn.out));
    // A run done with warnings names its first failed record.
    QVERIFY2(warn.out.contains(QStringLiteral("first error     record at line 1: ")), qPrintable(warn.out));
    QCOMPARE(w.run("ODBCAgentImp", {"-f", "import.ini", "-i", "missing.txt"}).exitCode, 1);
    QCOMPARE(w.run("odbc-agent", {"runs", "last", "import.ini"}).exitCode, 1);
    // The sync's name works too, and --failed lists the failed ones.
    QCOMPARE(w.sync().exitCode, 0);
    QCOMPARE(w.run("odbc-agent", {"runs", "last", "test"}).exitCode, 0);
    QCOMPARE(w.runs({"--failed"}).size(), 1);
    QCOMPARE(w.runs({"--config", "import.ini"}).size(), 4);
    QCOMPARE(w.runs({"--since", "2000-01-01"}).size(), 6);
    QCOMPARE(w.runs({"--since", QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate)}).size(), 0);
}

void TestJournal::unwritableJournalWarnsOnce()
{
    test::SyncWorld w;
    w.create(QStringLiteral("sqlite"), 3);
    test::SyncWorld::write(w.path("journal-file"), QStringLiteral("not a folder"));
    QProcessEnvironment env = w.env();
    env.insert(QStringLiteral("OAS_JOURNAL"), w.path("journal-file/journal.db"));
    const test::ProgramRun r = test::runProgram("ODBCAgentExp", {"-f", "export.ini", "-o", "out.txt"}, w.dir->path(), env);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err.count(QStringLiteral("warning: the run journal")), 1);
    QVERIFY(r.err.contains(QStringLiteral("the run goes on without it")));
    QCOMPARE(test::readAll(w.path("out.txt")).count("row:"), 3);
    env.insert(QStringLiteral("OAS_JOURNAL"), QStringLiteral("off"));
    const test::ProgramRun off = test::runProgram("ODBCAgentExp", {"-f", "export.ini", "-o", "out.txt"}, w.dir->path(), env);
    QCOMPARE(off.exitCode, 0);
    QVERIFY2(!off.err.contains(QStringLiteral("journal")), qPrintable(off.err));
}

void TestJournal::keptCopiesAndRetention()
{
    test::SyncWorld w;
    w.create(QStringLiteral("sqlite"), 3);
    test::SyncWorld::write(w.path("export.ini"), QString::fromUtf8(test::readAll(w.path("export.ini")))
                                                     + "[control]\nTrace=1\nTraceLevel=Summary SQL\nTraceFile=exp-trace.txt\n");
    QProcessEnvironment env = w.env();
    env.insert(QStringLiteral("OAS_JOURNAL_KEEP"), QStringLiteral("2"));
    QList<QByteArray> traces;
    for (int i = 0; i < 4; ++i) {
        QVERIFY(w.changeSource(QStringLiteral("UPDATE %1 SET n = n + 1")));
        const test::ProgramRun r = test::runProgram("ODBCAgentExp", {"-f", "export.ini", "-o", "out.txt"}, w.dir->path(), env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        traces << test::readAll(w.path("exp-trace.txt"));
    }
    const QJsonArray runs = w.runs();
    QCOMPARE(runs.size(), 4);
    for (int i = 0; i < 4; ++i) {
        const QString kept = runs.at(i).toObject().value("files").toObject().value("kept").toString();
        if (i >= 2) {  // older than the newest two: dropped
            QVERIFY2(kept.isEmpty(), qPrintable(kept));
            continue;
        }
        QCOMPARE(test::readAll(kept + "/exp-trace.txt"), traces.at(3 - i));
    }
    QCOMPARE(QDir(w.path("journal/runs")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 2);
    // Retention: an entry older than OAS_JOURNAL_DAYS goes at the next run's end.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(w.path("journal/journal.db"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO runs (kind, started, ended, state, config) VALUES "
                                      "('export', '2001-01-01T00:00:00.000Z', '2001-01-01T00:01:00.000Z', 'succeeded', '/old.ini')")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    QCOMPARE(w.runs({"--config", "/old.ini"}).size(), 1);
    env.insert(QStringLiteral("OAS_JOURNAL_DAYS"), QStringLiteral("30"));
    QCOMPARE(test::runProgram("ODBCAgentExp", {"-f", "export.ini", "-o", "out.txt"}, w.dir->path(), env).exitCode, 0);
    QCOMPARE(w.runs({"--config", "/old.ini"}).size(), 0);
    QCOMPARE(w.runs().size(), 5);
}

void TestJournal::systemdSchedule()
{
    test::SyncWorld w;
    w.create(QStringLiteral("sqlite"), 3);
    QProcessEnvironment env = w.env();
    env.insert(QStringLiteral("OAS_SCHEDULER"), QStringLiteral("systemd"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), w.path("xdg"));
    const auto schedule = [&](const QStringList &args) { return test::runProgram("odbc-agent", QStringList{"schedule"} + args, w.dir->path(), env); };
    test::ProgramRun r = schedule({"test.sync", "--every", "15m"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QString unit = w.path("xdg/systemd/user/odbc-agent-sync-test");
    const QString timer = QString::fromUtf8(test::readAll(unit + ".timer"));
    const QString service = QString::fromUtf8(test::readAll(unit + ".service"));
    QVERIFY2(timer.contains(QStringLiteral("\nOnCalendar=*-*-* *:00,15,30,45:00\n")), qPrintable(timer));
    QVERIFY(timer.contains(QStringLiteral("\nPersistent=true\n")) && timer.contains(QStringLiteral("\nUnit=odbc-agent-sync-test.service\n")));
    QVERIFY2(service.contains(QStringLiteral("\nExecStart=" OAS_BIN_DIR "/odbc-agent sync %1\n").arg(w.path("test.sync"))), qPrintable(service));
    QVERIFY(service.contains(QStringLiteral("\nWorkingDirectory=%1\n").arg(w.dir->path())));
    QVERIFY(service.contains(QStringLiteral("\nType=oneshot\n")));
    const QString analyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
    if (!analyze.isEmpty()) {
        QProcess verify;
        verify.start(analyze, {"verify", "--man=no", unit + ".service", unit + ".timer"});
        QVERIFY(verify.waitForFinished(60000));
        const QString said = QString::fromUtf8(verify.readAllStandardError());
        QVERIFY2(!said.contains(QStringLiteral("odbc-agent-sync-test")), qPrintable(said));
    } else {
        qInfo("systemd-analyze is not installed: the units are checked by their text only");
    }
    r = schedule({"test.sync", "--cron", "30 2 * * 1-5"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(test::readAll(unit + ".timer").contains("\nOnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 02:30:00\n"));
    r = schedule({"--list"});
    QVERIFY2(r.out.contains(QStringLiteral("test: --cron \"30 2 * * 1-5\", next run ")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral(" 02:30 (") + w.path("test.sync")));
    r = schedule({"test.sync", "--cron", "0 0 1 * 1"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("restricts both the day of the month and the day of the week")), qPrintable(r.err));
    QCOMPARE(schedule({"test.sync", "--every", "7m"}).exitCode, 1);
    QCOMPARE(schedule({"test.sync", "--remove"}).exitCode, 0);
    QVERIFY(!QFile::exists(unit + ".timer") && !QFile::exists(unit + ".service"));
    QCOMPARE(schedule({"test", "--remove"}).exitCode, 1);
}

void TestJournal::cronSchedule()
{
    test::SyncWorld w;
    w.create(QStringLiteral("sqlite"), 3);
    QProcessEnvironment env = w.env();
    env.insert(QStringLiteral("OAS_SCHEDULER"), QStringLiteral("cron"));
    env.insert(QStringLiteral("OAS_CRONTAB"), w.path("crontab"));
    test::SyncWorld::write(w.path("crontab"), QStringLiteral("MAILTO=admin\n5 4 * * * /usr/bin/backup\n"));
    const auto schedule = [&](const QStringList &args) { return test::runProgram("odbc-agent", QStringList{"schedule"} + args, w.dir->path(), env); };
    QCOMPARE(schedule({"test.sync", "--daily", "02:30"}).exitCode, 0);
    QCOMPARE(schedule({"test.sync", "--every", "2h"}).exitCode, 0);  // replaces the line
    const QString tab = QString::fromUtf8(test::readAll(w.path("crontab")));
    QCOMPARE(tab, QStringLiteral("MAILTO=admin\n5 4 * * * /usr/bin/backup\n# odbc-agent-sync test\n0 */2 * * * cd '%1' && '%2' sync '%3' >/dev/null 2>&1\n")
                      .arg(w.dir->path(), QStringLiteral(OAS_BIN_DIR "/odbc-agent"), w.path("test.sync")));
    const test::ProgramRun list = schedule({"--list"});
    QVERIFY2(list.out.contains(QStringLiteral("test: --cron \"0 */2 * * *\", next run ")), qPrintable(list.out));
    QCOMPARE(schedule({"test.sync", "--remove"}).exitCode, 0);
    QCOMPARE(QString::fromUtf8(test::readAll(w.path("crontab"))), QStringLiteral("MAILTO=admin\n5 4 * * * /usr/bin/backup\n"));
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
