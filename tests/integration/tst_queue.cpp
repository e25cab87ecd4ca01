// The change queue through odbc-agent queue on SQLite (queue_ prefix) and PostgreSQL (schema queue):
// refresh sequences with inserts, updates and deletes between them, on a table with a change timestamp and
// on one without (snapshot); equal timestamps across refreshes (no row lost, none repeated); --since and
// the resumption after it; a refresh killed before its commit, followed by a correct refresh.
#include "Backend.h"
#include "ProgramRun.h"
#include "common/TestSupport.h"

#include <QProcess>
#include <QRegularExpression>

#include <csignal>

using namespace oas;
using namespace oas::test;

namespace {

using Run = ProgramRun;

}  // namespace

class TestQueue : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void refreshSequence_data();
    void refreshSequence();
    void equalTimestamps_data();
    void equalTimestamps();
    void manySnapshotChanges_data();
    void manySnapshotChanges();
    void killedRefresh_data();
    void killedRefresh();
    void importDuringRefresh();

private:
    Backend backend(const QString &name, const QString &tag) const;
    QString setUp(const Backend &b, const QString &tag);  // tables + config; returns the config path
    Run queue(const QStringList &args);
    QStringList queued(const Backend &b, const QString &table, const QString &tag);

    QTemporaryDir m_dir;
    QString m_suffix;
    QString m_schema;  // PostgreSQL: this run's queue schema
};

void TestQueue::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_suffix = QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_schema = "queue_" + m_suffix;
}

// One queue per configuration: each test has its own SQLite file or PostgreSQL schema.
Backend TestQueue::backend(const QString &name, const QString &tag) const
{
    return Backend::named(name, m_dir.filePath("shop-" + tag + ".db"));
}

QString TestQueue::setUp(const Backend &b, const QString &tag)
{
    Sql sql(b);
    const QString c = "cust_" + tag + "_" + m_suffix;
    const QString o = "ord_" + tag + "_" + m_suffix;
    const QString ts = b.name == "sqlite" ? "TEXT" : b.isMariaDb() ? "DATETIME(6)" : "TIMESTAMP";
    if (!sql.exec(QString("CREATE TABLE %1(id INT PRIMARY KEY, name VARCHAR(40), modified %2)").arg(c, ts))
        || !sql.exec(QString("CREATE TABLE %1(id INT, line INT, total NUMERIC(10,2), PRIMARY KEY (id, line))").arg(o)))
        return "ERROR " + sql.error();
    const QString path = m_dir.filePath(tag + "-" + b.name + ".ini");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QString text = "# the shop's change queue\n[database]\n" + b.fieldLines.join('\n') + "\n";
    if (b.isServer())  // (on MariaDB a schema is a database: the test user may create one)
        text += "[queue]\nSchema=" + m_schema + tag + "\n";
    text += QString("[Customers]\nSource=%1\nKey=id\nChanged=modified\n[Orders]\nSource=%2\nKey=id, line\n").arg(c, o);
    f.write(text.toUtf8());
    return path;
}

Run TestQueue::queue(const QStringList &args)
{
    return runProgram("odbc-agent", QStringList{"queue"} + args, m_dir.path());
}

QStringList TestQueue::queued(const Backend &b, const QString &table, const QString &tag)
{
    Sql sql(b);
    const QString name = b.name == "sqlite" ? "queue_" + table : m_schema + tag + "." + table;
    const QString order = table.startsWith("Orders") && !table.endsWith("deleted") ? "id, line" : "id";
    const QString columns = table == "Customers" ? "id, name" : "*";
    return sql.rows(QString("SELECT %1 FROM %2 ORDER BY %3").arg(columns, name, order));
}

void TestQueue::refreshSequence_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &name : backendNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestQueue::refreshSequence()
{
    QFETCH(QString, backend);
    const QString tag = "seq";
    const Backend b = this->backend(backend, tag);
    if (b.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    const QString cfg = setUp(b, tag);
    QVERIFY2(!cfg.startsWith("ERROR"), qPrintable(cfg));
    Sql sql(b);
    const QString c = "cust_seq_" + m_suffix;
    const QString o = "ord_seq_" + m_suffix;
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (1, 'Ann', '2024-05-01 10:00:00'), (2, 'Bob', '2024-05-02 11:00:00')").arg(c)));
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (1, 1, 10.50), (1, 2, 3), (2, 1, 7)").arg(o)));

    // The first refresh: --since for the timestamp table (the default would be the last 24 hours), every
    // row of the snapshot table.
    Run r = queue({"refresh", cfg, "--since", "4/30/2024"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(queued(b, "Customers", tag), QStringList({"1|Ann", "2|Bob"}));
    QCOMPARE(queued(b, "Orders", tag).size(), 3);
    QVERIFY2(r.err.contains("--since does not apply to Orders"), qPrintable(r.err));

    // Nothing changed: both queues empty.
    r = queue({"refresh", cfg});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(queued(b, "Customers", tag), QStringList());
    QCOMPARE(queued(b, "Orders", tag), QStringList());

    // An update, an insert and a delete in each table.
    QVERIFY(sql.exec(QString("UPDATE %1 SET name = 'Anna', modified = '2024-05-03 09:00:00' WHERE id = 1").arg(c)));
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (3, 'Cy', '2024-05-03 09:30:00')").arg(c)));
    QVERIFY(sql.exec(QString("DELETE FROM %1 WHERE id = 2").arg(c)));
    QVERIFY(sql.exec(QString("UPDATE %1 SET total = 11 WHERE id = 1 AND line = 1").arg(o)));
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (3, 1, 1)").arg(o)));
    QVERIFY(sql.exec(QString("DELETE FROM %1 WHERE id = 2 AND line = 1").arg(o)));
    r = queue({"refresh", cfg});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(queued(b, "Customers", tag), QStringList({"1|Anna", "3|Cy"}));
    const QStringList orders = queued(b, "Orders", tag);
    QCOMPARE(orders.size(), 2);
    QVERIFY2(orders.at(0).startsWith("1|1|11") && orders.at(1).startsWith("3|1|1"), qPrintable(orders.join('\n')));
    QCOMPARE(queued(b, "Orders_deleted", tag), QStringList{"2|1"});
    QVERIFY2(r.out.contains("table Orders: 2 rows in") && r.out.contains(", 1 deleted"), qPrintable(r.out));

    // --since goes back once; the next refresh resumes from where that one ended.
    r = queue({"refresh", cfg, "--since", "2024-05-02"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(queued(b, "Customers", tag), QStringList({"1|Anna", "3|Cy"}));
    r = queue({"refresh", cfg});
    QCOMPARE(queued(b, "Customers", tag), QStringList());
    QVERIFY(sql.exec(QString("UPDATE %1 SET name = 'Cyrus', modified = '2024-05-04 08:00:00' WHERE id = 3").arg(c)));
    r = queue({"refresh", cfg});
    QCOMPARE(queued(b, "Customers", tag), QStringList{"3|Cyrus"});

    const Run status = queue({"status", cfg});
    QVERIFY2(status.exitCode == 0 && status.out.contains("Customers: 1 rows in") && status.out.contains("; Changed=modified")
                 && status.out.contains("Orders: 0 rows in") && status.out.contains("; snapshot"),
             qPrintable(status.out + status.err));
}

void TestQueue::equalTimestamps_data()
{
    refreshSequence_data();
}

void TestQueue::equalTimestamps()
{
    QFETCH(QString, backend);
    const QString tag = "tie";
    const Backend b = this->backend(backend, tag);
    if (b.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    const QString cfg = setUp(b, tag);
    QVERIFY2(!cfg.startsWith("ERROR"), qPrintable(cfg));
    Sql sql(b);
    const QString c = "cust_tie_" + m_suffix;
    // Microseconds: psqlODBC reads a time stamp to the millisecond, and a mark read that way froze the rows
    // at it again at every refresh.
    const QString t = "'2024-06-01 12:00:00.123456'";
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (1, 'A', %2), (2, 'B', %2)").arg(c, t)));
    QVERIFY(queue({"refresh", cfg, "--since", "2024-06-01"}).exitCode == 0);
    QCOMPARE(queued(b, "Customers", tag), QStringList({"1|A", "2|B"}));
    // A row committed later with the same time stamp as the high water mark: taken, the others not again.
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (3, 'C', %2)").arg(c, t)));
    QVERIFY(queue({"refresh", cfg}).exitCode == 0);
    QCOMPARE(queued(b, "Customers", tag), QStringList{"3|C"});
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (4, 'D', %2)").arg(c, t)));
    QVERIFY(queue({"refresh", cfg}).exitCode == 0);
    QCOMPARE(queued(b, "Customers", tag), QStringList{"4|D"});
    QVERIFY(queue({"refresh", cfg}).exitCode == 0);
    QCOMPARE(queued(b, "Customers", tag), QStringList());
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (5, 'E', '2024-06-01 12:00:01')").arg(c)));
    QVERIFY(queue({"refresh", cfg}).exitCode == 0);
    QCOMPARE(queued(b, "Customers", tag), QStringList{"5|E"});
}

void TestQueue::manySnapshotChanges_data()
{
    refreshSequence_data();
}

// More changed and deleted rows than one multi-row statement takes (500), on a two-column key (OR of ANDs)
// and on a one-column key (IN list), both without Changed=.
void TestQueue::manySnapshotChanges()
{
    QFETCH(QString, backend);
    const QString tag = "many";
    const Backend b = this->backend(backend, tag);
    if (b.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    QVERIFY2(!setUp(b, tag).startsWith("ERROR"), "tables not made");
    const QString c = "cust_many_" + m_suffix;
    const QString o = "ord_many_" + m_suffix;
    const QString cfg = m_dir.filePath("many-" + b.name + ".ini");
    QString text = "[database]\n" + b.fieldLines.join('\n') + "\n";
    if (b.isServer())
        text += "[queue]\nSchema=" + m_schema + tag + "\n";
    text += QString("[Orders]\nSource=%1\nKey=id, line\n[Customers]\nSource=%2\nKey=id\n").arg(o, c);
    QFile f(cfg);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) > 0);
    f.close();
    auto series = [&](int to, const QString &insert) {  // insert: "INSERT INTO t SELECT ... i ..."
        if (b.isMariaDb())  // MariaDB's sequence tables; || is OR there
            return QString("%2 FROM (SELECT seq AS i FROM seq_1_to_%1) AS n").arg(to).arg(QString(insert).replace(QRegularExpression("('[^']*') \\|\\| i"), "CONCAT(\\1, i)"));
        return b.name == "sqlite" ? QString("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) %2 FROM n").arg(to).arg(insert)
                                  : QString("%2 FROM generate_series(1, %1) AS n(i)").arg(to).arg(insert);
    };
    Sql sql(b);
    QVERIFY2(sql.exec(series(1200, "INSERT INTO " + o + " SELECT i, i % 3, i")), qPrintable(sql.error()));
    QVERIFY2(sql.exec(series(1200, "INSERT INTO " + c + " SELECT i, 'name ' || i, NULL")), qPrintable(sql.error()));
    Run r = queue({"refresh", cfg});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(queued(b, "Orders", tag).size(), 1200);
    QCOMPARE(queued(b, "Customers", tag).size(), 1200);

    // 700 updated (100 of them then deleted), 600 deleted, 550 added in each table.
    for (const QString &t : {o, c}) {
        const QString column = t == o ? "total = total + 1" : b.isMariaDb() ? "name = CONCAT(name, '!')" : "name = name || '!'";
        QVERIFY2(sql.exec(QString("UPDATE %1 SET %2 WHERE id <= 700").arg(t, column)), qPrintable(sql.error()));
        QVERIFY2(sql.exec(QString("DELETE FROM %1 WHERE id > 1200 - 600").arg(t)), qPrintable(sql.error()));
    }
    QVERIFY2(sql.exec(series(550, "INSERT INTO " + o + " SELECT 2000 + i, 7, i")), qPrintable(sql.error()));
    QVERIFY2(sql.exec(series(550, "INSERT INTO " + c + " SELECT 2000 + i, 'new ' || i, NULL")), qPrintable(sql.error()));
    r = queue({"refresh", cfg});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("table Orders: 1150 rows in") && r.out.contains("table Customers: 1150 rows in")
                 && r.out.count(", 600 deleted") == 2, qPrintable(r.out));
    const QStringList orders = queued(b, "Orders", tag);
    QCOMPARE(orders.size(), 600 + 550);  // rows 1..600 updated and kept (601..700 were deleted), 550 new
    QVERIFY2(orders.first().startsWith("1|1|2") && orders.last().startsWith("2550|7|550"), qPrintable(orders.first() + " " + orders.last()));
    const QStringList customers = queued(b, "Customers", tag);
    QCOMPARE(customers.size(), 1150);
    QCOMPARE(customers.first(), QString("1|name 1!"));
    QCOMPARE(queued(b, "Orders_deleted", tag).size(), 600);
    QCOMPARE(queued(b, "Customers_deleted", tag).size(), 600);
    QCOMPARE(queued(b, "Customers_deleted", tag).first(), QString("601"));

    // Nothing changed since: nothing queued, nothing deleted (the snapshot was brought up to date).
    r = queue({"refresh", cfg});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(queued(b, "Orders", tag), QStringList());
    QCOMPARE(queued(b, "Customers", tag), QStringList());
    QCOMPARE(queued(b, "Customers_deleted", tag), QStringList());
}

void TestQueue::killedRefresh_data()
{
    refreshSequence_data();
}

void TestQueue::killedRefresh()
{
    // A refresh killed inside its transaction, after a refresh that worked: the queue tables and the state
    // are those of the earlier refresh (on MariaDB too, where every CREATE TABLE commits: the tables are made
    // before the transaction), and the next refresh does the whole work once.
    QFETCH(QString, backend);
    const QString tag = "kill";
    const Backend b = this->backend(backend, tag);
    if (b.name.isEmpty())
        QSKIP("the server is not configured");
    const QString cfg = setUp(b, tag);
    QVERIFY2(!cfg.startsWith("ERROR"), qPrintable(cfg));
    Sql sql(b);
    const QString c = "cust_kill_" + m_suffix;
    const QString o = "ord_kill_" + m_suffix;
    const QString state = b.name == "sqlite" ? "queue_refresh_state" : m_schema + tag + ".refresh_state";
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (1, 'A', '2024-07-01 00:00:00')").arg(c)));
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (1, 1, 1)").arg(o)));
    Run r = queue({"refresh", cfg, "--since", "2024-01-01"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList stateBefore = sql.rows(QString("SELECT table_name, refreshed_at, high_water FROM %1 ORDER BY table_name").arg(state));
    QCOMPARE(queued(b, "Customers", tag), QStringList{"1|A"});
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (2, 'B', '2024-07-02 00:00:00')").arg(c)));
    // Enough order lines that the snapshot table takes a while after Customers is reported.
    const QString lines = b.isMariaDb() ? QString("INSERT INTO %1 SELECT seq, 2, seq FROM seq_1_to_150000").arg(o)
                          : b.name == "sqlite" ? QString("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000) "
                                                         "INSERT INTO %1 SELECT i, 2, i FROM n").arg(o)
                                               : QString("INSERT INTO %1 SELECT i, 2, i FROM generate_series(1, 150000) AS s(i)").arg(o);
    QVERIFY2(sql.exec(lines), qPrintable(sql.error()));
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral(OAS_BIN_DIR "/odbc-agent"), {"queue", "refresh", cfg});
    QVERIFY(p.waitForStarted());
    QString out;
    while (!out.contains("table Customers:") && p.state() == QProcess::Running) {
        p.waitForReadyRead(100);
        out += QString::fromUtf8(p.readAllStandardOutput());
    }
    QVERIFY2(out.contains("table Customers:"), qPrintable(out));
    p.waitForFinished(300);  // into the snapshot table's statements (MariaDB: a CREATE there committed Customers)
    const bool killedInside = p.state() == QProcess::Running;
    const int killed = ::kill(pid_t(p.processId()), SIGKILL);
    QVERIFY2(p.waitForFinished(60000), qPrintable(QString("kill: %1, state %2").arg(killed).arg(int(p.state()))));
    QVERIFY2(killedInside, "the refresh ended before it could be killed: the test needs a larger snapshot table");
    // Nothing of the killed refresh is left: the earlier queue rows and state.
    QTRY_COMPARE_WITH_TIMEOUT(queued(b, "Customers", tag), QStringList{"1|A"}, 10000);  // (a server ends the killed session)
    QCOMPARE(queued(b, "Orders", tag).size(), 1);
    QCOMPARE(sql.rows(QString("SELECT table_name, refreshed_at, high_water FROM %1 ORDER BY table_name").arg(state)), stateBefore);
    // The next refresh does the whole work, once.
    r = queue({"refresh", cfg});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(queued(b, "Customers", tag), QStringList{"2|B"});
    QCOMPARE(queued(b, "Orders", tag).size(), 150000);
    r = queue({"refresh", cfg});
    QCOMPARE(queued(b, "Customers", tag), QStringList());
    QCOMPARE(queued(b, "Orders", tag), QStringList());
}

// An import into a table while a queue refresh of the same SQLite database runs. SQLite lets one writer
// at a time: the import waits for the refresh's transaction and goes on, or - when each holds a lock the
// other waits for (the import's read lock taken by its SELECT, the refresh's write lock) - one of them
// gives up after its busy wait (Timeout=) with a clear message, having changed nothing. Run again, every
// imported row is in the table once, and the two refreshes together queue each of them exactly once.
void TestQueue::importDuringRefresh()
{
    OAS_REQUIRE_BACKEND("sqlite");
    const QString tag = "during";
    const Backend b = backend("sqlite", tag);
    const QString cfg = setUp(b, tag);
    QVERIFY2(!cfg.startsWith("ERROR"), qPrintable(cfg));
    {  // a busy wait of 5 s for the refresh too
        QByteArray text = readAll(cfg);
        text.replace("[database]\n", "[database]\nTimeout=5000\n");
        QFile f(cfg);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }
    Sql sql(b);
    const QString c = "cust_during_" + m_suffix;
    const QString o = "ord_during_" + m_suffix;
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (1, 'A', '2024-07-01 00:00:00')").arg(c)));
    QVERIFY2(sql.exec(QString("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000) "
                              "INSERT INTO %1 SELECT i, 1, i FROM n").arg(o)), qPrintable(sql.error()));
    QFile importCfg(m_dir.filePath("during-import.ini"));
    QVERIFY(importCfg.open(QIODevice::WriteOnly));
    importCfg.write(QString("[version]\nVersion=1.06\n[attributes]\nID=%1.id\nN=%1.name\nM=%1.modified\n[database]\n%2\n"
                            "Timeout=5000\n[import]\nTable=%1\nSelectBy=ID\nModify=N, M\n").arg(c, b.fieldLines.join('\n')).toUtf8());
    importCfg.close();
    QFile data(m_dir.filePath("during-in.txt"));
    QVERIFY(data.open(QIODevice::WriteOnly));
    for (int i = 2; i <= 501; ++i)
        data.write(QString("row:\nID: %1\nN: imported %1\nM: 2024-07-02 00:00:00\n").arg(i).toUtf8());
    data.close();
    // The refresh writes to files: a pipe nobody reads while the import runs would stop it mid-way, holding
    // its transaction.
    QProcess refresh;
    refresh.setWorkingDirectory(m_dir.path());
    refresh.setStandardOutputFile(m_dir.filePath("during-refresh.out"));
    refresh.setStandardErrorFile(m_dir.filePath("during-refresh.err"));
    refresh.start(QStringLiteral(OAS_BIN_DIR "/odbc-agent"), {"queue", "refresh", cfg, "--since", "2024-01-01"});
    QVERIFY(refresh.waitForStarted());
    while (!readAll(m_dir.filePath("during-refresh.out")).contains("table Customers:") && refresh.state() == QProcess::Running)
        refresh.waitForFinished(20);
    const bool overlapped = refresh.state() == QProcess::Running;
    Run imported = runProgram("ODBCAgentImp", {"-f", "during-import.ini", "-i", "during-in.txt"}, m_dir.path());
    QVERIFY(refresh.waitForFinished(120000));
    QVERIFY2(overlapped, "the refresh ended before the import started: the test needs a larger snapshot table");
    const QByteArray refreshErr = readAll(m_dir.filePath("during-refresh.err"));
    // Either ran through, or gave up cleanly: exit 1 and the database's "locked", nothing of it kept.
    if (refresh.exitCode() != 0) {
        QVERIFY2(refresh.exitCode() == 1 && refreshErr.contains("locked"), refreshErr.constData());
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    }
    if (imported.exitCode != 0) {
        QVERIFY2(imported.exitCode == 1 && imported.err.contains("database is locked") && imported.err.contains("not imported"),
                 qPrintable(imported.err));
        QCOMPARE(sql.rows(QString("SELECT count(*) FROM %1 WHERE name LIKE 'imported %%'").arg(c)), QStringList{"0"});
        imported = runProgram("ODBCAgentImp", {"-f", "during-import.ini", "-i", "during-in.txt"}, m_dir.path());
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    }
    QCOMPARE(sql.rows(QString("SELECT count(*), min(id), max(id) FROM %1 WHERE name LIKE 'imported %%'").arg(c)), QStringList{"500|2|501"});
    int queuedImports = 0;
    if (refresh.exitCode() == 0) {
        QCOMPARE(sql.rows("SELECT COUNT(*) FROM queue_Orders"), QStringList{"150000"});
        queuedImports = int(queued(b, "Customers", tag).filter("|imported ").size());
    }
    // The next refresh (the first, when the first gave up) queues the imported rows it has not queued yet.
    const Run next = queue({"refresh", cfg, "--since", "2024-01-01"});
    QVERIFY2(next.exitCode == 0, qPrintable(next.err));
    queuedImports += int(queued(b, "Customers", tag).filter("|imported ").size());
    QCOMPARE(queuedImports, 500);
}

QTEST_GUILESS_MAIN(TestQueue)
#include "tst_queue.moc"
