// One run of a configuration at a time (DECISIONS.md 16), with two real processes: a second export or
// import of a configuration that is running refuses with exit code 1 and names the first (program, pid,
// host, start time); a lock left by a killed process is taken over; OAS_LOCK_WAIT lets a run wait, bounded;
// a queue refresh refuses while its configuration is locked.
#include "Backend.h"
#include "ProgramRun.h"
#include "common/TestSupport.h"
#include "journal/ProcessIdentity.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace oas;

class TestRunLocks : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void secondRunRefused_data();
    void secondRunRefused();
    void killedHolderTakenOver();
    void waitIsBounded();
    void queueRefreshRefused();
    void recordFilesOwnerOnly();
    void busyDatabaseWaitIsBounded();
    void lockedRowWaitIsBounded_data() { serverRows(); }
    void lockedRowWaitIsBounded();
    void deadlockVictimRetried_data() { serverRows(); }
    void deadlockVictimRetried();
    void serializationFailureRetried();
    void staleScratchFoldersRemoved();

private:
    static void serverRows()
    {
        QTest::addColumn<QString>("backend");
        for (const QString &name : test::backendNames()) {
            if (name != "sqlite")
                QTest::newRow(qPrintable(name)) << name;
        }
    }
    void writeConfigs();
    // Starts program in step mode: it holds its lock while it waits at the first record.
    bool startStepping(QProcess &p, const QString &program, const QStringList &args);
    QString lockText(const QString &config) const;

    std::unique_ptr<test::WorkDir> m_dir;
    QString m_table;
};

void TestRunLocks::init()
{
    m_dir = std::make_unique<test::WorkDir>();
    QVERIFY(m_dir->dir.isValid());
    m_table = test::uniqueTable("locks");
    test::Sql sql(test::Backend::sqlite(m_dir->filePath("locks.db")));
    QVERIFY2(sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(20))").arg(m_table)), qPrintable(sql.error()));
    for (int i = 1; i <= 5; ++i)
        QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 VALUES (%2, 'n%2')").arg(m_table).arg(i)));
    writeConfigs();
}

void TestRunLocks::cleanup()
{
    m_dir.reset();
}

void TestRunLocks::writeConfigs()
{
    const QString head = QStringLiteral("[version]\nVersion=1.06\n[attributes]\nID=%1.id\nN=%1.name\n[database]\nDRIVER=SQLite3\n"
                                        "Database=%2\n").arg(m_table, m_dir->filePath("locks.db"));
    auto write = [&](const QString &name, const QString &text) {
        QFile f(m_dir->filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
    };
    write("export.ini", head + QStringLiteral("[export]\nMode=delta-or-full\nFrom=%1\nSelect=ID,N\nKeys=ID\nReferencePath=refs\n").arg(m_table));
    write("import.ini", head + QStringLiteral("[import]\nTable=%1\nSelectBy=ID\nModify=N\n").arg(m_table));
    write("in.txt", "row:\nID: 6\nN: six\nrow:\nID: 7\nN: seven\n");
    write("queue.ini", QStringLiteral("[database]\nDRIVER=SQLite3\nDatabase=%1\n[queue]\nTablePrefix=q_\n[%2]\nKey=id\n")
                           .arg(m_dir->filePath("locks.db"), m_table));
}

bool TestRunLocks::startStepping(QProcess &p, const QString &program, const QStringList &args)
{
    p.setWorkingDirectory(m_dir->path());
    p.start(QStringLiteral(OAS_BIN_DIR "/") + program, args);
    if (!p.waitForStarted(10000))
        return false;
    // Wait until it holds the lock (the lock file names it) and shows the first record.
    QElapsedTimer timer;
    timer.start();
    const QString config = args.at(args.indexOf("-f") + 1);
    while (timer.elapsed() < 30000 && p.state() == QProcess::Running
           && !lockText(config).contains(QStringLiteral("pid %1 ").arg(p.processId())))
        QTest::qWait(20);
    return p.state() == QProcess::Running && lockText(config).contains(QStringLiteral("pid %1 ").arg(p.processId()));
}

QString TestRunLocks::lockText(const QString &config) const
{
    return QString::fromUtf8(test::readAll(m_dir->filePath("." + config + ".lock")));
}

void TestRunLocks::secondRunRefused_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("args");
    QTest::newRow("export") << "ODBCAgentExp" << QStringList{"-f", "export.ini", "-o", "out.txt"};
    QTest::newRow("import") << "ODBCAgentImp" << QStringList{"-f", "import.ini", "-i", "in.txt"};
}

void TestRunLocks::secondRunRefused()
{
    QFETCH(QString, program);
    QFETCH(QStringList, args);
    QProcess first;
    QVERIFY2(startStepping(first, program, args + QStringList{"-s"}), qPrintable(QString::fromUtf8(first.readAllStandardError())));
    const test::ProgramRun second = test::runProgram(program, args, m_dir->path());
    QCOMPARE(second.exitCode, 1);
    const QString config = args.at(1);
    QVERIFY2(second.err.contains(QStringLiteral("configuration %1 is in use by another run: %2, pid %3 on ")
                                     .arg(config, program).arg(first.processId())),
             qPrintable(second.err));
    QVERIFY2(second.err.contains(" started ") && second.err.contains(" UTC"), qPrintable(second.err));
    // The first goes on to the end undisturbed; then the configuration is free again.
    first.write("g\n");
    first.closeWriteChannel();
    QVERIFY(first.waitForFinished(60000));
    QCOMPARE(first.exitCode(), 0);
    const test::ProgramRun third = test::runProgram(program, args, m_dir->path());
    QVERIFY2(third.exitCode == 0, qPrintable(third.err));
}

void TestRunLocks::killedHolderTakenOver()
{
    QProcess first;
    QVERIFY(startStepping(first, "ODBCAgentExp", {"-f", "export.ini", "-o", "out.txt", "-s"}));
    first.kill();
    QVERIFY(first.waitForFinished(10000));
    QVERIFY(lockText("export.ini").contains("ODBCAgentExp"));  // the note of the dead holder is still there
    const test::ProgramRun next = test::runProgram("ODBCAgentExp", {"-f", "export.ini", "-o", "out.txt"}, m_dir->path());
    QVERIFY2(next.exitCode == 0, qPrintable(next.err));
    QCOMPARE(test::readAll(m_dir->filePath("out.txt")).count("row:"), 5);
}

void TestRunLocks::waitIsBounded()
{
    // A lock held by someone else (here: the test) is waited for, up to OAS_LOCK_WAIT seconds.
    const QByteArray path = QFile::encodeName(m_dir->filePath(".export.ini.lock"));
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);  // not inherited by the programs it starts
    QVERIFY(fd >= 0);
    QVERIFY(::flock(fd, LOCK_EX) == 0);
    QVERIFY(::write(fd, "a test, pid 1 on nowhere, started then\n", 39) == 39);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("OAS_LOCK_WAIT", "1");
    QElapsedTimer timer;
    timer.start();
    const test::ProgramRun refused = test::runProgram("ODBCAgentExp", {"-f", "export.ini", "-o", "out.txt"}, m_dir->path(), env);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(timer.elapsed() >= 900);
    QVERIFY2(refused.err.contains("is in use by another run: a test, pid 1 on nowhere, started then (waited 1 s)"), qPrintable(refused.err));
    // Released while the next run waits: it goes on.
    env.insert("OAS_LOCK_WAIT", "60");
    QProcess waiting;
    waiting.setWorkingDirectory(m_dir->path());
    waiting.setProcessEnvironment(env);
    waiting.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentExp"), {"-f", "export.ini", "-o", "out.txt"});
    QVERIFY(waiting.waitForStarted());
    QTest::qWait(500);
    QCOMPARE(waiting.state(), QProcess::Running);
    ::close(fd);
    QVERIFY(waiting.waitForFinished(60000));
    QCOMPARE(waiting.exitCode(), 0);
}

void TestRunLocks::queueRefreshRefused()
{
    const QByteArray path = QFile::encodeName(m_dir->filePath(".queue.ini.lock"));
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);  // not inherited by the programs it starts
    QVERIFY(fd >= 0);
    QVERIFY(::flock(fd, LOCK_EX) == 0);
    QVERIFY(::write(fd, "odbc-agent, pid 2 on here, started now\n", 40) == 40);
    const test::ProgramRun refused = test::runProgram("odbc-agent", {"queue", "refresh", "queue.ini"}, m_dir->path());
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("queue configuration queue.ini is in use by another run: odbc-agent, pid 2 on here, started now"),
             qPrintable(refused.err + refused.out));
    ::close(fd);
    const test::ProgramRun free = test::runProgram("odbc-agent", {"queue", "refresh", "queue.ini"}, m_dir->path());
    QVERIFY2(free.exitCode == 0, qPrintable(free.err + free.out));
}

// Trace and exceptions files hold record values: created owner-only (0600) whatever the umask, unless
// OAS_FILE_MODE says otherwise; data files keep the umask.
void TestRunLocks::recordFilesOwnerOnly()
{
    const mode_t saved = ::umask(022);  // the usual umask: group and others may read what is created
    QFile cfg(m_dir->filePath("import.ini"));
    QVERIFY(cfg.open(QIODevice::Append));
    cfg.write("[control]\nTrace=1\nTraceFile=import-trace.txt\nTraceLevel=Summary\n");
    cfg.close();
    QFile in(m_dir->filePath("bad.txt"));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("row:\nN: no id\n");  // fails: an exceptions entry
    in.close();
    auto mode = [&](const QString &name) { return QFileInfo(m_dir->filePath(name)).permissions() & 0x7777; };
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser;
    const test::ProgramRun r = test::runProgram("ODBCAgentImp", {"-f", "import.ini", "-i", "bad.txt"}, m_dir->path());
    QCOMPARE(r.exitCode, 0x3C);
    QCOMPARE(mode("import-trace.txt"), ownerOnly);
    QCOMPARE(mode("except.txt"), ownerOnly);
    const test::ProgramRun exported = test::runProgram("ODBCAgentExp", {"-f", "export.ini", "-o", "data.txt"}, m_dir->path());
    QCOMPARE(exported.exitCode, 0);
    QVERIFY(mode("data.txt") & QFileDevice::ReadOther);  // the umask (022 here) applies to data files
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("OAS_FILE_MODE", "0640");
    QFile::remove(m_dir->filePath("except.txt"));
    QCOMPARE(test::runProgram("ODBCAgentImp", {"-f", "import.ini", "-i", "bad.txt"}, m_dir->path(), env).exitCode, 0x3C);
    QCOMPARE(mode("except.txt"), ownerOnly | QFileDevice::ReadGroup);
    ::umask(saved);
}

// Another writer holds the SQLite database (another import, a queue refresh, any tool): the import waits
// at most the driver's Timeout (here 1 s), then stops with exit code 1, names the line to resume from, and
// imports nothing twice when run again. (It once waited 100 s per record: more than 10 minutes.)
void TestRunLocks::busyDatabaseWaitIsBounded()
{
    QFile cfg(m_dir->filePath("import.ini"));
    QVERIFY(cfg.open(QIODevice::ReadOnly));
    const QByteArray text = cfg.readAll().replace("[import]", "Timeout=1000\n[import]");
    cfg.close();
    QVERIFY(cfg.open(QIODevice::WriteOnly | QIODevice::Truncate));
    cfg.write(text);
    cfg.close();
    QProcess holder;  // the sqlite3 tool holds a write transaction for a few seconds
    holder.setWorkingDirectory(m_dir->path());
    holder.start("sqlite3", {"locks.db", "BEGIN IMMEDIATE;", ".system touch holding.flag", ".system sleep 4", "COMMIT;"});
    QVERIFY2(holder.waitForStarted(), "the sqlite3 tool is missing (scripts/setup.sh installs it)");
    QElapsedTimer timer;
    timer.start();
    while (!QFile::exists(m_dir->filePath("holding.flag")) && timer.elapsed() < 20000)
        QTest::qWait(20);
    QVERIFY(QFile::exists(m_dir->filePath("holding.flag")));
    timer.restart();
    const test::ProgramRun busy = test::runProgram("ODBCAgentImp", {"-f", "import.ini", "-i", "in.txt"}, m_dir->path());
    QCOMPARE(busy.exitCode, 1);
    QVERIFY(timer.elapsed() < 30000);
    QVERIFY2(busy.err.contains("database is locked") && busy.err.contains("the database stayed locked by another writer longer "
                                                                          "than the wait allows")
                 && busy.err.contains("records from line 1 on are not imported"),
             qPrintable(busy.err));
    QVERIFY(holder.waitForFinished(30000));
    const test::ProgramRun again = test::runProgram("ODBCAgentImp", {"-f", "import.ini", "-i", "in.txt"}, m_dir->path());
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    test::Sql sql(test::Backend::sqlite(m_dir->filePath("locks.db")));
    QCOMPARE(sql.rows(QStringLiteral("SELECT count(*) FROM %1").arg(m_table)), QStringList{"7"});
}

// A row another session holds is waited for at most lock_timeout on PostgreSQL, innodb_lock_wait_timeout on
// MariaDB (30 s by default; SETOPTIONS sets 1 s here), then the import stops with exit code 1 naming the
// line to resume from (line 1: both records were in one transaction, so neither is imported and nothing is
// imported twice when run again).
void TestRunLocks::lockedRowWaitIsBounded()
{
    QFETCH(QString, backend);
    const test::Backend pg = test::Backend::named(backend, {});
    test::Sql setup(pg);
    QVERIFY(setup.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(20))").arg(m_table)));
    QVERIFY(setup.exec(QStringLiteral("INSERT INTO %1 VALUES (6, 'old'), (7, 'old')").arg(m_table)));
    QFile cfg(m_dir->filePath("pg-import.ini"));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(QStringLiteral("[version]\nVersion=1.06\n[attributes]\nID=%1.id\nN=%1.name\n[database]\n%2\n[import]\nTable=%1\n"
                             "SelectBy=ID\nModify=N\nSETOPTIONS=%3\n")
                  .arg(m_table, pg.fieldLines.join('\n'),
                       pg.isMariaDb() ? "SET SESSION innodb_lock_wait_timeout = 1" : "SET lock_timeout = '1s'")
                  .toUtf8());
    cfg.close();
    test::Sql holder(pg);
    QVERIFY(holder.begin());
    QCOMPARE(holder.rows(QStringLiteral("SELECT name FROM %1 WHERE id = 7 FOR UPDATE").arg(m_table)), QStringList{"old"});
    QElapsedTimer timer;
    timer.start();
    const test::ProgramRun busy = test::runProgram("ODBCAgentImp", {"-f", "pg-import.ini", "-i", "in.txt"}, m_dir->path());
    QCOMPARE(busy.exitCode, 1);
    QVERIFY(timer.elapsed() < 30000);
    QVERIFY2(busy.err.contains(pg.isMariaDb() ? "native error=1205" : "55P03") && busy.err.contains("records from line 1 on are not imported"),
             qPrintable(busy.err));
    QVERIFY(holder.commit());
    const test::ProgramRun again = test::runProgram("ODBCAgentImp", {"-f", "pg-import.ini", "-i", "in.txt"}, m_dir->path());
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(setup.rows(QStringLiteral("SELECT id, name FROM %1 ORDER BY id").arg(m_table)), QStringList({"6|six", "7|seven"}));
}

// The import and another session lock two rows in opposite order. The database breaks the deadlock by
// aborting one of the two transactions (PostgreSQL 40P01, MariaDB 1213), whichever it chooses. When it is the
// import's, the import rolls its batch back and applies it again record by record once the other session
// is done; when it is the other session's, the import goes on. Either way every record is imported and
// nothing is reported.
void TestRunLocks::deadlockVictimRetried()
{
    QFETCH(QString, backend);
    const test::Backend pg = test::Backend::named(backend, {});
    test::Sql setup(pg);
    QVERIFY(setup.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(20))").arg(m_table)));
    QVERIFY(setup.exec(QStringLiteral("INSERT INTO %1 VALUES (6, 'old'), (7, 'old')").arg(m_table)));
    QFile cfg(m_dir->filePath("pg-import.ini"));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(QStringLiteral("[version]\nVersion=1.06\n[attributes]\nID=%1.id\nN=%1.name\n[database]\n%2\n"
                             "%3[import]\nTable=%1\nSelectBy=ID\nModify=N\n")
                  .arg(m_table, pg.fieldLines.join('\n'), pg.isMariaDb() ? QString() : QStringLiteral("pqopt={application_name=%1}\n").arg(m_table))
                  .toUtf8());
    cfg.close();
    // 7 first, then 6: the other session takes 6, then 7. (The add between keeps the two UPDATEs apart: one
    // grouped UPDATE could lock 6 first, and there would be no deadlock.)
    QFile in(m_dir->filePath("pg-in.txt"));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("row:\nID: 7\nN: seven\nrow:\nChangeType: add\nID: 8\nN: eight\nrow:\nID: 6\nN: six\n");
    in.close();
    test::Sql other(pg);
    QVERIFY(other.begin());
    QVERIFY(other.exec(QStringLiteral("UPDATE %1 SET name = 'other' WHERE id = 6").arg(m_table)));
    QProcess agent;
    agent.setWorkingDirectory(m_dir->path());
    agent.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentImp"), {"-f", "pg-import.ini", "-i", "pg-in.txt"});
    QVERIFY(agent.waitForStarted());
    // Wait until the import holds row 7 and waits for row 6.
    QElapsedTimer timer;
    timer.start();
    // (MariaDB's information_schema.innodb_trx does not list a transaction in a lock wait reliably: a
    // statement running for a second on a two-row table is waiting.)
    const QString waiting = pg.isMariaDb() ? QStringLiteral("SELECT count(*) FROM information_schema.processlist WHERE info LIKE 'UPDATE %1 %%' "
                                                            "AND time >= 1").arg(m_table)
                                           : QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name = '%1' AND "
                                                            "wait_event_type = 'Lock'").arg(m_table);
    while (timer.elapsed() < 20000 && agent.state() == QProcess::Running && setup.rows(waiting) != QStringList{"1"})
        QTest::qWait(20);
    QCOMPARE(agent.state(), QProcess::Running);
    QVERIFY2(timer.elapsed() < 20000, qPrintable("the import never waited for the row the other session holds: "
                                                 + setup.rows(waiting).join(QLatin1Char(',')) + " / " + setup.rows("SELECT id, command, state, info FROM information_schema.processlist").join(QLatin1Char(';'))));
    other.exec(QStringLiteral("UPDATE %1 SET name = 'other' WHERE id = 7").arg(m_table));  // the cycle: one side fails
    other.commit();  // or rolls back, when the other session was the victim
    QVERIFY(agent.waitForFinished(60000));
    const QString err = QString::fromUtf8(agent.readAllStandardError());
    QVERIFY2(agent.exitCode() == 0, qPrintable(err + QString::fromUtf8(test::readAll(m_dir->filePath("except.txt")))));
    QCOMPARE(setup.rows(QStringLiteral("SELECT id, name FROM %1 ORDER BY id").arg(m_table)), QStringList({"6|six", "7|seven", "8|eight"}));
}

// PostgreSQL, SERIALIZABLE (set by SETOPTIONS): another session changes a row the import's transaction then
// writes; PostgreSQL refuses the import's UPDATE once the other commits (40001, could not serialize access).
// The import rolls its batch back and applies it again record by record, each in a new transaction: every
// record imported, exit 0, the other session's change to the other column kept.
void TestRunLocks::serializationFailureRetried()
{
    OAS_REQUIRE_BACKEND("postgresql");
    const test::Backend pg = test::Backend::postgresql();
    test::Sql setup(pg);
    QVERIFY(setup.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(20), note VARCHAR(20))").arg(m_table)));
    QVERIFY(setup.exec(QStringLiteral("INSERT INTO %1 VALUES (6, 'old', NULL), (7, 'old', NULL)").arg(m_table)));
    QFile cfg(m_dir->filePath("ser-import.ini"));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(QStringLiteral("[version]\nVersion=1.06\n[attributes]\nID=%1.id\nN=%1.name\n[database]\n%2\n"
                             "pqopt={application_name=%1}\n[import]\nTable=%1\nSelectBy=ID\nModify=N\n"
                             "SETOPTIONS=SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE\n"
                             "[control]\nTrace=1\nTraceFile=ser-trace.txt\nTraceLevel=SQL Summary\n")
                  .arg(m_table, pg.fieldLines.join('\n'))
                  .toUtf8());
    cfg.close();
    QFile in(m_dir->filePath("ser-in.txt"));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("row:\nID: 6\nN: six\nrow:\nChangeType: add\nID: 8\nN: eight\nrow:\nID: 7\nN: seven\n");
    in.close();
    test::Sql other(pg);
    QVERIFY(other.begin());
    QVERIFY(other.exec(QStringLiteral("UPDATE %1 SET note = 'other' WHERE id = 7").arg(m_table)));
    QProcess agent;
    agent.setWorkingDirectory(m_dir->path());
    agent.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentImp"), {"-f", "ser-import.ini", "-i", "ser-in.txt", "-v"});
    QVERIFY(agent.waitForStarted());
    QElapsedTimer timer;
    timer.start();
    const QString waiting = QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name = '%1' AND wait_event_type = 'Lock'")
                                .arg(m_table);
    while (timer.elapsed() < 20000 && agent.state() == QProcess::Running && setup.rows(waiting) != QStringList{"1"})
        QTest::qWait(20);
    QCOMPARE(agent.state(), QProcess::Running);
    QVERIFY2(timer.elapsed() < 20000, "the import never waited for the row the other session changed");
    QVERIFY(other.commit());  // the import's UPDATE of row 7 now fails: 40001
    QVERIFY(agent.waitForFinished(60000));
    const QString err = QString::fromUtf8(agent.readAllStandardError());
    QVERIFY2(agent.exitCode() == 0, qPrintable(err + QString::fromUtf8(test::readAll(m_dir->filePath("except.txt")))));
    QCOMPARE(setup.rows(QStringLiteral("SELECT id, name, note FROM %1 ORDER BY id").arg(m_table)),
             QStringList({"6|six|NULL", "7|seven|other", "8|eight|NULL"}));
    // It was PostgreSQL's refusal that the import met and got over (the statement is in the SQL trace).
    const QString trace = QString::fromUtf8(test::readAll(m_dir->filePath("ser-trace.txt")));
    QVERIFY2(trace.contains("40001"), qPrintable(trace.right(3000)));
}

void TestRunLocks::staleScratchFoldersRemoved()
{
    // An export's scratch folders in TMPDIR name their owner; those of killed exports go at the next export.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const auto folder = [&](const QString &name, const QByteArray &owner) {
        QVERIFY(QDir(tmp.path()).mkpath(name));
        if (!owner.isNull()) {
            QFile f(tmp.filePath(name + "/owner"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(owner);
        }
    };
    folder("oas-export-dead", "999999999 x/1\n");  // a process that is not there
    folder("oas-export-live", QString("%1 %2\n").arg(QCoreApplication::applicationPid()).arg(journal::currentProcessStart()).toUtf8());
    folder("oas-export-young", {});                 // no owner yet: being made now, perhaps
    folder("oas-export-old", {});                   // no owner, two hours old
    QVERIFY(QProcess::execute("touch", {"-d", "2 hours ago", tmp.filePath("oas-export-old")}) == 0);
    folder("other-folder", {});
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("TMPDIR", tmp.path());
    const test::ProgramRun r = test::runProgram("ODBCAgentExp", {"-f", "export.ini", "-o", "out.txt"}, m_dir->path(), env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList left = QDir(tmp.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    left.sort();
    QCOMPARE(left, (QStringList{"oas-export-live", "oas-export-young", "other-folder"}));  // its own is gone too
}

QTEST_GUILESS_MAIN(TestRunLocks)
#include "tst_run_locks.moc"
