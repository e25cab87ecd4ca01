// The change queue's SQL procedure (odbc-agent queue install) on PostgreSQL and MariaDB, called through
// the databases' own clients (psql, mariadb): sequences of inserts, updates and deletes between calls,
// equal time stamps with microseconds, a since date in the reference's 1/1/2017 form and the resumption
// after it; calls mixed with odbc-agent queue refresh giving exactly what the CLI alone gives on a twin
// queue; a second call at once refused; a call killed in the middle leaving the previous queue; a changed
// configuration refused until reinstalled; SQLite refused.
#include "Backend.h"
#include "ProgramRun.h"
#include "common/TestSupport.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QThread>

using namespace oas;
using namespace oas::test;

namespace {

QString field(const Backend &b, const QString &key)
{
    for (const QString &line : b.fieldLines) {
        if (line.section(QLatin1Char('='), 0, 0).compare(key, Qt::CaseInsensitive) == 0)
            return line.section(QLatin1Char('='), 1);
    }
    return {};
}

// The database's own command-line client running sql.
QProcess *startClient(const Backend &b, const QString &sql, QObject *parent)
{
    auto *p = new QProcess(parent);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QStringList args;
    QString program;
    if (b.isMariaDb()) {
        program = QStringLiteral("mariadb");
        args << "--no-defaults" << "-h" << field(b, "Server") << "-P" << field(b, "Port") << "-u" << field(b, "UID")
             << ("-p" + field(b, "PWD")) << field(b, "Database") << "-e" << sql;
    } else {
        program = QStringLiteral("psql");
        env.insert("PGPASSWORD", field(b, "PWD"));
        args << "-X" << "-q" << "-v" << "ON_ERROR_STOP=1" << "-h" << field(b, "Server") << "-p" << field(b, "Port") << "-U"
             << field(b, "UID") << "-d" << field(b, "Database") << "-c" << sql;
    }
    p->setProcessEnvironment(env);
    p->start(program, args);
    return p;
}

ProgramRun client(const Backend &b, const QString &sql)
{
    QObject owner;
    QProcess *p = startClient(b, sql, &owner);
    ProgramRun r;
    if (!p->waitForFinished(120000))
        return r;
    r.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -2;
    r.out = QString::fromUtf8(p->readAllStandardOutput());
    r.err = QString::fromUtf8(p->readAllStandardError());
    return r;
}

}  // namespace

class TestQueueProcedure : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sequence_data();
    void sequence();
    void mixedWithTheCli_data();
    void mixedWithTheCli();
    void onceAtATimeAndKilled_data();
    void onceAtATimeAndKilled();
    void changedConfigurationAsksToReinstall_data();
    void changedConfigurationAsksToReinstall();
    void sqliteHasNoProcedure();

private:
    struct Queue {
        QString config;
        QString cust;
        QString ord;
        QString schema;  // PostgreSQL: the queue schema; MariaDB: empty (the queue_ prefix... with a tag)
        QString prefix;
    };
    Queue setUp(const Backend &b, const QString &tag);
    QString queueTable(const Queue &q, const QString &name) const { return q.schema.isEmpty() ? q.prefix + name : q.schema + "." + name; }
    QString call(const Backend &b, const Queue &q, const QString &since = {}) const;
    QStringList rows(const Backend &b, const Queue &q, const QString &table);
    ProgramRun agent(const QStringList &args) { return runProgram("odbc-agent", QStringList{"queue"} + args, m_dir.path()); }

    QTemporaryDir m_dir;
    QString m_suffix;
};

void TestQueueProcedure::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_suffix = QUuid::createUuid().toString(QUuid::Id128).left(8);
}

TestQueueProcedure::Queue TestQueueProcedure::setUp(const Backend &b, const QString &tag)
{
    Queue q;
    q.cust = "pcust_" + tag + "_" + m_suffix;
    q.ord = "pord_" + tag + "_" + m_suffix;
    // PostgreSQL: a schema of its own; MariaDB: a prefix of its own in the test database.
    if (b.isMariaDb())
        q.prefix = "pq_" + tag + "_" + m_suffix + "_";
    else
        q.schema = "pq_" + tag + "_" + m_suffix;
    Sql sql(b);
    const QString ts = b.isMariaDb() ? "DATETIME(6)" : "TIMESTAMP";
    if (!sql.exec(QString("CREATE TABLE %1 (id INT PRIMARY KEY, name VARCHAR(40), modified %2)").arg(q.cust, ts))
        || !sql.exec(QString("CREATE TABLE %1 (id INT, line INT, total NUMERIC(10,2), note VARCHAR(20), PRIMARY KEY (id, line))").arg(q.ord))) {
        q.config = "ERROR " + sql.error();
        return q;
    }
    q.config = m_dir.filePath(tag + "-" + b.name + ".ini");
    QFile f(q.config);
    if (!f.open(QIODevice::WriteOnly))
        return q;
    QString text = "[database]\n" + b.fieldLines.join('\n') + "\n[queue]\n";
    text += q.schema.isEmpty() ? "TablePrefix=" + q.prefix + "\n" : "Schema=" + q.schema + "\n";
    text += QString("[Customers]\nSource=%1\nKey=id\nChanged=modified\n[Orders]\nSource=%2\nKey=id, line\n").arg(q.cust, q.ord);
    f.write(text.toUtf8());
    return q;
}

QString TestQueueProcedure::call(const Backend &b, const Queue &q, const QString &since) const
{
    const QString base = q.schema.isEmpty() ? q.prefix + "refresh" : q.schema + ".refresh";
    if (since.isEmpty())
        return QString("CALL %1()").arg(base);
    return b.isMariaDb() ? QString("CALL %1_since('%2')").arg(base, since) : QString("CALL %1('%2')").arg(base, since);
}

QStringList TestQueueProcedure::rows(const Backend &b, const Queue &q, const QString &table)
{
    Sql sql(b);
    const QString order = table.startsWith("Orders") && !table.endsWith("deleted") ? "id, line" : "id";
    const QString columns = table == "Customers" ? "id, name" : "*";
    return sql.rows(QString("SELECT %1 FROM %2 ORDER BY %3").arg(columns, queueTable(q, table), order));
}

void TestQueueProcedure::sequence_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &name : backendNames()) {
        if (name != "sqlite")
            QTest::newRow(qPrintable(name)) << name;
    }
    if (!backendNames().contains("postgresql") && !backendNames().contains("mariadb"))
        QTest::newRow("none") << QString();
}

void TestQueueProcedure::sequence()
{
    QFETCH(QString, backend);
    if (backend.isEmpty())
        QSKIP("neither PostgreSQL nor MariaDB is in this pass");
    const Backend b = Backend::named(backend, {});
    const Queue q = setUp(b, "seq");
    QVERIFY2(!q.config.startsWith("ERROR"), qPrintable(q.config));
    ProgramRun r = agent({"install", q.config});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(call(b, q)), qPrintable(r.out));
    Sql sql(b);
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (1, 'Ann', '2024-05-01 10:00:00.123456'), (2, 'Bob', '2024-05-02 11:00:00')").arg(q.cust)));
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (1, 1, 10.50, NULL), (1, 2, 3, ''), (2, 1, 7, 'x')").arg(q.ord)));

    // The first call with the reference's date form; the snapshot table takes every row.
    r = client(b, call(b, q, "4/30/2024"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(rows(b, q, "Customers"), QStringList({"1|Ann", "2|Bob"}));
    QCOMPARE(rows(b, q, "Orders").size(), 3);
    // Nothing changed: empty.
    QVERIFY(client(b, call(b, q)).exitCode == 0);
    QCOMPARE(rows(b, q, "Customers"), QStringList());
    QCOMPARE(rows(b, q, "Orders"), QStringList());
    // Updates, inserts, deletes (NULL to empty text is a change); a row at the mark with microseconds.
    QVERIFY(sql.exec(QString("UPDATE %1 SET name = 'Anna', modified = '2024-05-03 09:00:00' WHERE id = 1").arg(q.cust)));
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (3, 'Cy', '2024-05-03 09:30:00.000001')").arg(q.cust)));
    QVERIFY(sql.exec(QString("DELETE FROM %1 WHERE id = 2").arg(q.cust)));
    QVERIFY(sql.exec(QString("UPDATE %1 SET note = '' WHERE id = 1 AND line = 1").arg(q.ord)));
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (3, 1, 1, NULL)").arg(q.ord)));
    QVERIFY(sql.exec(QString("DELETE FROM %1 WHERE id = 2 AND line = 1").arg(q.ord)));
    r = client(b, call(b, q));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(rows(b, q, "Customers"), QStringList({"1|Anna", "3|Cy"}));
    const QStringList orders = rows(b, q, "Orders");
    QCOMPARE(orders.size(), 2);
    QVERIFY2(orders.at(0).startsWith("1|1|10.5") && orders.at(1).startsWith("3|1|1"), qPrintable(orders.join('\n')));
    QCOMPARE(rows(b, q, "Orders_deleted"), QStringList{"2|1"});
    // A row committed later at the mark's time stamp: taken; the one frozen at it: not again.
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (4, 'Di', '2024-05-03 09:30:00.000001')").arg(q.cust)));
    QVERIFY(client(b, call(b, q)).exitCode == 0);
    QCOMPARE(rows(b, q, "Customers"), QStringList{"4|Di"});
    QVERIFY(client(b, call(b, q)).exitCode == 0);
    QCOMPARE(rows(b, q, "Customers"), QStringList());
    // A since date (ISO) goes back once; the next call resumes from where that one ended.
    QVERIFY(client(b, call(b, q, "2024-05-02")).exitCode == 0);
    QCOMPARE(rows(b, q, "Customers"), QStringList({"1|Anna", "3|Cy", "4|Di"}));
    QVERIFY(client(b, call(b, q)).exitCode == 0);
    QCOMPARE(rows(b, q, "Customers"), QStringList());
    // Not a date: the database's own error, naming the form to use; nothing changed.
    r = client(b, call(b, q, "13/45/2017"));
    QVERIFY2(r.exitCode != 0 && !r.err.isEmpty(), qPrintable(r.out + r.err));
    r = client(b, call(b, q, "yesterday"));
    QVERIFY2(r.exitCode != 0 && r.err.contains("write it as 1/1/2017 or 2017-01-01"), qPrintable(r.err));
    const ProgramRun status = agent({"status", q.config});
    QVERIFY2(status.exitCode == 0 && status.out.contains("installed") && status.out.contains("from this configuration"),
             qPrintable(status.out + status.err));
    // Uninstalled: the CLI refreshes by itself again.
    QVERIFY(agent({"uninstall", q.config}).exitCode == 0);
    QVERIFY(client(b, call(b, q)).exitCode != 0);
    r = agent({"refresh", q.config});
    QVERIFY2(r.exitCode == 0 && !r.out.contains("by the procedure"), qPrintable(r.out + r.err));
    QVERIFY(agent({"status", q.config}).out.contains("SQL procedure: not installed"));
}

void TestQueueProcedure::mixedWithTheCli_data()
{
    sequence_data();
}

void TestQueueProcedure::mixedWithTheCli()
{
    // Twin queues on twin tables, the same changes to both: one refreshed alternately by SQL calls and by
    // odbc-agent queue refresh (which calls the procedure once it is installed), the other by the CLI
    // alone, never installed. After every refresh both queues hold exactly the same rows.
    QFETCH(QString, backend);
    if (backend.isEmpty())
        QSKIP("neither PostgreSQL nor MariaDB is in this pass");
    const Backend b = Backend::named(backend, {});
    const Queue mixed = setUp(b, "mix");
    const Queue alone = setUp(b, "cli");
    QVERIFY2(!mixed.config.startsWith("ERROR") && !alone.config.startsWith("ERROR"), qPrintable(mixed.config + alone.config));
    QVERIFY(agent({"install", mixed.config}).exitCode == 0);
    Sql sql(b);
    auto both = [&](const QString &statement) {  // {c}: the customers table, {o}: the orders table
        auto on = [&](const Queue &q) { return QString(statement).replace("{c}", q.cust).replace("{o}", q.ord); };
        return sql.exec(on(mixed)) && sql.exec(on(alone));
    };
    QRandomGenerator random(test::propertySeed());
    int nextId = 1;
    for (int step = 0; step < 8; ++step) {
        // Random inserts, updates (some to an earlier-frozen time stamp) and deletes.
        for (int i = 0; i < 6; ++i) {
            const int id = nextId++;
            const QString ts = QString("'2024-07-0%1 10:00:0%2.%3'").arg(1 + step % 9).arg(random.bounded(3)).arg(random.bounded(2) ? "5" : "123456");
            QVERIFY2(both(QString("INSERT INTO {c} VALUES (%1, 'n%1', %2)").arg(id).arg(ts)), qPrintable(sql.error()));
            QVERIFY2(both(QString("INSERT INTO {o} VALUES (%1, 1, %2, NULL)").arg(id).arg(random.bounded(100))), qPrintable(sql.error()));
        }
        for (int i = 0; i < 3; ++i) {
            const int id = 1 + int(random.bounded(quint32(nextId - 1)));
            QVERIFY(both(QString("UPDATE {c} SET name = 'u%1', modified = '2024-07-0%2 10:00:02.5' WHERE id = %1").arg(id).arg(1 + step % 9)));
            QVERIFY(both(QString("UPDATE {o} SET total = total + 1 WHERE id = %1").arg(id)));
            if (random.bounded(2))
                QVERIFY(both(QString("DELETE FROM {o} WHERE id = %1").arg(1 + int(random.bounded(quint32(nextId - 1))))));
        }
        const bool first = step == 0;
        const bool bySql = step % 2 == 1;
        ProgramRun r = bySql ? client(b, call(b, mixed, first ? "7/1/2024" : QString()))
                             : agent(first ? QStringList{"refresh", mixed.config, "--since", "2024-07-01"} : QStringList{"refresh", mixed.config});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        if (!bySql)
            QVERIFY2(r.out.contains("by the procedure"), qPrintable(r.out));
        r = agent(first ? QStringList{"refresh", alone.config, "--since", "2024-07-01"} : QStringList{"refresh", alone.config});
        QVERIFY2(r.exitCode == 0 && !r.out.contains("by the procedure"), qPrintable(r.out + r.err));
        for (const QString &table : {"Customers", "Orders", "Orders_deleted"})
            QCOMPARE(rows(b, mixed, table), rows(b, alone, table));
    }
}

void TestQueueProcedure::onceAtATimeAndKilled_data()
{
    sequence_data();
}

void TestQueueProcedure::onceAtATimeAndKilled()
{
    // A call held up inside its transaction (another session locks a queue table): a second call at once is
    // refused with the procedure's own message; the held call's session is then killed, and the queue and
    // its state are those of the previous call; the next call gives the rows, none lost.
    QFETCH(QString, backend);
    if (backend.isEmpty())
        QSKIP("neither PostgreSQL nor MariaDB is in this pass");
    const Backend b = Backend::named(backend, {});
    const Queue q = setUp(b, "kill");
    QVERIFY2(!q.config.startsWith("ERROR"), qPrintable(q.config));
    QVERIFY(agent({"install", q.config}).exitCode == 0);
    Sql sql(b);
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (1, 'Ann', '2024-05-01 10:00:00'), (2, 'Bob', '2024-05-02 11:00:00')").arg(q.cust)));
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (1, 1, 10.50, NULL)").arg(q.ord)));
    QVERIFY(client(b, call(b, q, "2024-05-01")).exitCode == 0);
    const QStringList before = rows(b, q, "Customers");
    QCOMPARE(before, QStringList({"1|Ann", "2|Bob"}));
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (3, 'Cy', '2024-05-03 10:00:00')").arg(q.cust)));
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (2, 1, 1, NULL)").arg(q.ord)));

    // The held call waits for the row of the refresh state it rewrites, after it has refilled the
    // Customers queue table inside its transaction.
    Sql locker(b);
    const QString state = queueTable(q, "refresh_state");
    QVERIFY(locker.begin());
    QVERIFY2(locker.exec(QString("SELECT * FROM %1 WHERE table_name = 'Customers' FOR UPDATE").arg(state)), qPrintable(locker.error()));
    QObject owner;
    QProcess *held = startClient(b, call(b, q), &owner);
    QVERIFY(held->waitForStarted(10000));
    // Wait until the call waits for the lock.
    const QString waiting = b.isMariaDb()
                                ? QString("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE 'CALL %1refresh%' AND TIME >= 1")
                                      .arg(q.prefix)
                                : QString("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'CALL %1%'").arg(q.schema);
    QString session;
    QElapsedTimer timer;
    timer.start();
    while (session.isEmpty() && timer.elapsed() < 60000) {
        const QStringList found = sql.rows(waiting);
        if (!found.isEmpty() && !found.first().startsWith("ERROR"))
            session = found.first();
        else
            QThread::msleep(100);
    }
    QVERIFY2(!session.isEmpty(), "the call never waited for the lock");
    // A second call at once: refused.
    const ProgramRun second = client(b, call(b, q));
    QVERIFY2(second.exitCode != 0 && second.err.contains("already running in another session"), qPrintable(second.out + second.err));
    // The held call's session killed.
    QVERIFY2(sql.exec(b.isMariaDb() ? QString("KILL %1").arg(session) : QString("SELECT pg_terminate_backend(%1)").arg(session)),
             qPrintable(sql.error()));
    QVERIFY(held->waitForFinished(60000));
    QVERIFY(held->exitCode() != 0 || held->exitStatus() != QProcess::NormalExit);
    QVERIFY(locker.commit());
    QCOMPARE(rows(b, q, "Customers"), before);
    QCOMPARE(rows(b, q, "Orders").size(), 1);
    // The next call: the rows the killed one would have given.
    const ProgramRun next = client(b, call(b, q));
    QVERIFY2(next.exitCode == 0, qPrintable(next.err));
    QCOMPARE(rows(b, q, "Customers"), QStringList{"3|Cy"});
    QCOMPARE(rows(b, q, "Orders").size(), 1);
    QVERIFY(rows(b, q, "Orders").first().startsWith("2|1|1"));
}

void TestQueueProcedure::changedConfigurationAsksToReinstall_data()
{
    sequence_data();
}

void TestQueueProcedure::changedConfigurationAsksToReinstall()
{
    QFETCH(QString, backend);
    if (backend.isEmpty())
        QSKIP("neither PostgreSQL nor MariaDB is in this pass");
    const Backend b = Backend::named(backend, {});
    const Queue q = setUp(b, "cfg");
    QVERIFY2(!q.config.startsWith("ERROR"), qPrintable(q.config));
    QVERIFY(agent({"install", q.config}).exitCode == 0);
    QFile f(q.config);
    QVERIFY(f.open(QIODevice::Append));
    f.write(QString("[Customers2]\nSource=%1\nKey=id\n").arg(q.cust).toUtf8());
    f.close();
    ProgramRun r = agent({"refresh", q.config});
    QVERIFY2(r.exitCode != 0 && r.err.contains("another version") && r.err.contains("queue install"), qPrintable(r.out + r.err));
    r = agent({"status", q.config});
    QVERIFY2(r.out.contains("from another version of this configuration: run odbc-agent queue install"), qPrintable(r.out));
    QVERIFY(agent({"install", q.config}).exitCode == 0);
    r = agent({"refresh", q.config});
    QVERIFY2(r.exitCode == 0 && r.out.contains("by the procedure"), qPrintable(r.out + r.err));
    QVERIFY(rows(b, q, "Customers2").size() == 0);
}

void TestQueueProcedure::sqliteHasNoProcedure()
{
    const Backend b = Backend::sqlite(m_dir.filePath("shop.db"));
    Sql sql(b);
    QVERIFY(sql.exec("CREATE TABLE c (id INT PRIMARY KEY, modified TEXT)"));
    const QString config = m_dir.filePath("sqlite.ini");
    QFile f(config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(("[database]\n" + b.fieldLines.join('\n') + "\n[C]\nSource=c\nKey=id\nChanged=modified\n").toUtf8());
    f.close();
    const ProgramRun r = agent({"install", config});
    QVERIFY2(r.exitCode != 0 && r.err.contains("SQLite has no stored procedures"), qPrintable(r.out + r.err));
}

QTEST_GUILESS_MAIN(TestQueueProcedure)
#include "tst_queue_procedure.moc"
