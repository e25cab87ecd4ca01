// Batches give exactly what one transaction per record gives: random mixes of adds, modifies and deletes
// (values too long for their column, numbers and dates the database refuses, names that break a unique
// index, repeated keys, quotes, backslashes, control characters and non-ASCII text) imported with the
// default batches and with -Batch 1 leave the same rows, the same exceptions file and the same statistics,
// on every backend. The seed is printed; OAS_SEED repeats a run.
#include "ImportFixture.h"

#include <QRandomGenerator>

#include <chrono>
#include <functional>
#include <thread>

using namespace oas;
using namespace oas::test;

class TestImportBatching : public QObject, public ImportFixture {
    Q_OBJECT
private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void randomMixesMatchPerRecord_data() { addBackends(); }
    void randomMixesMatchPerRecord();
    void groupedAgainAfterAFailure_data() { addBackends(); }
    void groupedAgainAfterAFailure();
    void quotedColumnNames();
    void caseInsensitiveKeys();
    void jsonColumns();
    void largeValues_data() { addBackends(); }
    void largeValues();
    void slowDatabaseCommitsAboutEverySecond();
    void largeRecordsEndABatchEarly_data() { addBackends(); }
    void largeRecordsEndABatchEarly();
    void awkwardTextGroupedWithoutReplay_data() { addBackends(); }
    void awkwardTextGroupedWithoutReplay();

private:
    bool resetTable(const test::Backend &b);
    // Imports data with -Batch 1, then with `batch`, each time into a table reset() has made afresh: what
    // each run did, and the rows after it (query, else every row). Both runs account for every record.
    struct Twice {
        Imported run[2];
        QStringList rows[2];
    };
    void importTwice(Twice &t, const test::Backend &b, const QString &cfg, const QByteArray &data, int batch,
                     const std::function<bool()> &reset, const QString &query = {});
};

void TestImportBatching::importTwice(Twice &t, const test::Backend &b, const QString &cfg, const QByteArray &data,
                                     int batch, const std::function<bool()> &reset, const QString &query)
{
    for (int k = 0; k < 2; ++k) {
        QVERIFY(reset());
        t.run[k] = import(cfg, data, k == 0 ? 1 : batch);
        verifyAccounting(t.run[k].result);
        t.rows[k] = query.isEmpty() ? tableRows(b) : test::Sql(b).rows(query);
    }
}

namespace {

QString randomText(QRandomGenerator &g, int maxLength)
{
    static const QStringList pieces = {"a", "Z", "7", " ", "'", "\"", "\\", "é", "ß", "日本", "😀", "\t", "{", "}", ",", "x", "?", ";", "--", "/*", "NULL"};
    QString s;
    const int n = int(g.bounded(maxLength + 1));
    for (int i = 0; i < n; ++i)
        s += pieces.at(int(g.bounded(pieces.size())));
    return s;
}

// An attribute line with the value escaped as data files escape it.
QString line(const QString &name, const QString &value)
{
    QString v;
    for (const QChar c : value) {
        if (c == '\\')
            v += "\\\\";
        else if (c == '\t')
            v += "\\x09";
        else
            v += c;
    }
    if (v.startsWith(' '))
        v.replace(0, 1, "\\x20");
    if (v.endsWith(' '))
        v.replace(v.size() - 1, 1, "\\x20");
    return QStringLiteral("%1: %2\n").arg(name, v);
}

}  // namespace

bool TestImportBatching::resetTable(const test::Backend &b)
{
    test::Sql sql(b);
    sql.exec("DROP TABLE " + m_table);
    const QString text = b.isMariaDb() ? "VARCHAR(40) CHARACTER SET utf8mb4" : "VARCHAR(40)";
    bool ok = sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(12), qty INTEGER, "
                                      "price NUMERIC(8,2), born DATE, note %2)")
                           .arg(m_table, text))
              && sql.exec(QStringLiteral("CREATE UNIQUE INDEX %1_name ON %1 (name)").arg(m_table));
    for (int id = 1; ok && id <= 150; ++id)
        ok = sql.exec(QStringLiteral("INSERT INTO %1 VALUES (%2, 'n%2', %2, %2.25, '2001-02-03', 'note %2')").arg(m_table).arg(id));
    if (!ok)
        qWarning("%s", qPrintable(sql.error()));
    return ok;
}

void TestImportBatching::randomMixesMatchPerRecord()
{
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QRandomGenerator g(test::propertySeed());
    QByteArray data;
    for (int r = 0; r < 1500; ++r) {
        const int id = int(g.bounded(1, 301));
        const int kind = int(g.bounded(10));  // 0-3 add, 4-7 modify, 8-9 delete
        QString rec = "row:\n";
        if (kind >= 8) {
            rec += "ChangeType: delete\n" + line("EID", QString::number(id));
        } else {
            if (kind < 4)
                rec += "ChangeType: add\n";
            rec += line("EID", g.bounded(40) == 0 ? QString(" %1 ").arg(id) : QString::number(id));
            const int bad = int(g.bounded(300));  // rare enough that many batches of 37 have none
            if (g.bounded(4))
                rec += line("NAME", bad == 0 ? QString("far-too-long-name-%1").arg(id)
                                             : QString("n%1").arg(g.bounded(60) ? id : int(g.bounded(1, 301))));
            if (g.bounded(3))
                rec += line("QTY", bad == 1 ? QString("12x") : QString::number(int(g.bounded(-1000, 1000))));
            if (g.bounded(3))
                rec += line("PRICE", bad == 2 ? QString("1e999") : QString("%1.%2").arg(g.bounded(1000)).arg(g.bounded(1000)));
            if (g.bounded(3))
                rec += line("BORN", bad == 3 ? QString("2020-02-30") : QString("19%1-0%2-1%3").arg(g.bounded(10, 99)).arg(g.bounded(1, 9)).arg(g.bounded(10)));
            if (g.bounded(3))
                rec += line("NOTE", bad == 4 ? randomText(g, 60) + QString(41, 'x') : randomText(g, 20));
        }
        data += rec.toUtf8();
    }
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=EID\nModify=NAME, QTY, PRICE, BORN, NOTE",
                                    QStringLiteral("EID=%1.id\nNAME=%1.name\nQTY=%1.qty\nPRICE=%1.price\nBORN=%1.born\n"
                                                   "NOTE=%1.note\n")
                                        .arg(m_table),
                                    "TraceLevel=Summary Stats SQL\n");
    QStringList rows[3];
    QStringList types[3];  // SQLite keeps each value's own type: the grouped writes' must be the single statements'
    QByteArray exceptions[3];
    importer::ImportStats stats[3];
    const int batches[3] = {1, 500, 37};
    for (int k = 0; k < 3; ++k) {
        QVERIFY(resetTable(b));
        const Imported r = import(cfg, data, batches[k]);
        verifyAccounting(r.result);
        QCOMPARE(r.result.recordsRead, 1500);
        rows[k] = tableRows(b);
        if (backend == "sqlite") {
            types[k] = test::Sql(b).rows(QStringLiteral("SELECT id, typeof(id), typeof(name), typeof(qty), typeof(price), "
                                                        "typeof(born), typeof(note) FROM %1 ORDER BY 1").arg(m_table));
            if (k > 0)  // adds are written with their values in the INSERT
                QVERIFY2(r.sql.filter("VALUES (...), (...), one row per record").size() > 0, qPrintable(r.sql.join('\n').left(2000)));
        }
        exceptions[k] = r.exceptions;
        stats[k] = r.result.stats;
        if (k == 2 && !test::genericDialect()) {
            // Grouped writes ran, and each one the database refused was replayed only up to a record that
            // fails alone: never more replays than records the database refused.
            const qsizetype replays = r.sql.filter("at once failed").size();
            QVERIFY2(replays > 0 && replays <= r.result.stats.errors,
                     qPrintable(QString("%1 replays, %2 errors").arg(replays).arg(r.result.stats.errors)));
        }
    }
    QVERIFY2(stats[0].errors > 10 && stats[0].creates > 20 && stats[0].updates > 20 && stats[0].deletes > 20,
             "the mix has every outcome");
    for (int k = 1; k < 3; ++k) {
        QCOMPARE(rows[k], rows[0]);
        QCOMPARE(types[k], types[0]);
        QCOMPARE(exceptions[k], exceptions[0]);
        QCOMPARE(stats[k].creates, stats[0].creates);
        QCOMPARE(stats[k].updates, stats[0].updates);
        QCOMPARE(stats[k].unchanged, stats[0].unchanged);
        QCOMPARE(stats[k].deletes, stats[0].deletes);
        QCOMPARE(stats[k].errors, stats[0].errors);
    }
}

void TestImportBatching::groupedAgainAfterAFailure()
{
    // One batch of 2000 adds, two of which break the unique index on name (records 100 and 1500): each
    // grouped write that fails is replayed one statement per record up to the record at fault, and the
    // records after it are grouped again, so the second failure is found by a grouped write too (two
    // replays, not one followed by 1,900 single statements). The rows are those of -Batch 1.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QByteArray data;
    for (int r = 1; r <= 2000; ++r) {
        const QString name = r == 100 ? QString("n5") : r == 1500 ? QString("n7") : QString("m%1").arg(r);
        data += QString("row:\nChangeType: add\nEID: %1\nNAME: %2\nQTY: %1\n").arg(1000 + r).arg(name).toUtf8();
    }
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=EID\nModify=NAME, QTY",
                                    QStringLiteral("EID=%1.id\nNAME=%1.name\nQTY=%1.qty\n").arg(m_table),
                                    "TraceLevel=Summary Stats SQL\n");
    Twice t;
    importTwice(t, b, cfg, data, 2000, [&] { return resetTable(b); });
    if (QTest::currentTestFailed())
        return;
    for (const Imported &r : t.run) {
        QCOMPARE(r.result.stats.creates, 1998);
        QCOMPARE(r.result.stats.errors, 2);
        QVERIFY2(r.exceptions.startsWith("# record at line 496\nrow:\nChangeType: add\nEID: 1100\n"), r.exceptions.left(200));
    }
    QCOMPARE(t.run[1].sql.filter("at once failed").size(), test::genericDialect() ? 0 : 2);
    QCOMPARE(t.rows[1], t.rows[0]);
}

void TestImportBatching::quotedColumnNames()
{
    // PostgreSQL: columns whose names keep their case and hold a blank ("Last Name") are written through
    // the JSON statements under their real names; rows equal those of -Batch 1.
    OAS_REQUIRE_BACKEND("postgresql");
    const test::Backend b = backend("postgresql");
    const QString table = m_table;
    auto reset = [&] {
        test::Sql sql(b);
        sql.exec("DROP TABLE " + table);
        return sql.exec(QString("CREATE TABLE %1 (\"Id\" INTEGER PRIMARY KEY, \"Last Name\" VARCHAR(20), \"When\" DATE)").arg(table))
               && sql.exec(QString("INSERT INTO %1 VALUES (1, 'one', '2001-01-01'), (2, 'two', NULL)").arg(table));
    };
    QByteArray data;
    for (int r = 1; r <= 300; ++r) {
        data += r % 3 == 0 ? QString("row:\nChangeType: delete\nID: %1\n").arg(r).toUtf8()
                           : QString("row:\nID: %1\nLN: name \"%1\"\nW: 2020-01-%2\n").arg(r).arg(1 + r % 28, 2, 10, QChar('0')).toUtf8();
    }
    const QString cfg = writeConfig(b, "Table=" + table + "\nSelectBy=ID\nModify=LN, W\nCreateIfAbsent=TRUE",
                                    QString("ID=%1.\"Id\"\nLN=%1.\"Last Name\"\nW=%1.\"When\"\n").arg(table),
                                    "TraceLevel=Summary Stats SQL\n");
    Twice t;
    importTwice(t, b, cfg, data, 500, reset);
    if (QTest::currentTestFailed())
        return;
    for (const Imported &r : t.run) {
        QCOMPARE(r.result.stats.errors, 0);
        QCOMPARE(r.result.stats.creates + r.result.stats.updates, 200);
    }
    const QString sql = t.run[1].sql.join('\n');
    QVERIFY2(sql.contains("r.\"Last Name\""), qPrintable(sql.left(2000)));
    QVERIFY(!sql.contains("at once failed"));
    QCOMPARE(t.rows[1], t.rows[0]);
    QCOMPARE(t.rows[1].size(), 200);
    QVERIFY2(t.rows[1].contains("4|name \"4\"|2020-01-05"), qPrintable(t.rows[1].mid(0, 5).join('\n')));
}

void TestImportBatching::caseInsensitiveKeys()
{
    // PostgreSQL: a citext key compares without case in the single SELECT; the records are located the
    // same way in batches (such a column is not compared as text[]), so 'ANN' deletes and 'Bo' updates the
    // rows 'ann' and 'BO' with -Batch 1 and with batches alike.
    OAS_REQUIRE_BACKEND("postgresql");
    const test::Backend b = backend("postgresql");
    auto reset = [&] {
        test::Sql sql(b);
        sql.exec("DROP TABLE " + m_table);
        if (!sql.exec("CREATE EXTENSION IF NOT EXISTS citext"))
            return false;
        bool ok = sql.exec(QString("CREATE TABLE %1 (name CITEXT PRIMARY KEY, qty INTEGER)").arg(m_table));
        for (int i = 0; ok && i < 100; ++i)
            ok = sql.exec(QString("INSERT INTO %1 VALUES ('key%2', %2)").arg(m_table).arg(i));
        return ok;
    };
    QByteArray data;
    for (int i = 0; i < 100; ++i)
        data += i % 2 ? QString("row:\nChangeType: delete\nNAME: KEY%1\n").arg(i).toUtf8()
                      : QString("row:\nNAME: Key%1\nQTY: %2\n").arg(i).arg(i * 10).toUtf8();
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=NAME\nModify=QTY",
                                    QString("NAME=%1.name\nQTY=%1.qty\n").arg(m_table), "TraceLevel=Summary Stats SQL\n");
    if (!reset())
        QSKIP("the citext extension cannot be made on this server");
    Twice t;
    importTwice(t, b, cfg, data, 500, reset);
    if (QTest::currentTestFailed())
        return;
    for (const Imported &r : t.run) {
        QCOMPARE(r.result.stats.deletes, 50);
        QCOMPARE(r.result.stats.updates, 50);
    }
    QCOMPARE(t.rows[1], t.rows[0]);
    QCOMPARE(t.rows[1].size(), 50);
}

void TestImportBatching::largeValues()
{
    // 400 adds of 30,000 characters each (12 million in one batch): a grouped write holds at most 4 million
    // characters, so the run is written in several statements; the rows are those of -Batch 1.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    auto reset = [&] {
        test::Sql sql(b);
        sql.exec("DROP TABLE " + m_table);
        return sql.exec(QString("CREATE TABLE %1 (id INTEGER PRIMARY KEY, note TEXT)").arg(m_table));
    };
    QByteArray data;
    for (int i = 1; i <= 400; ++i)
        data += QString("row:\nChangeType: add\nEID: %1\nNOTE: %2\n").arg(i).arg(QString(30000, QChar('a' + i % 26))).toUtf8();
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=EID\nModify=NOTE",
                                    QString("EID=%1.id\nNOTE=%1.note\n").arg(m_table), "TraceLevel=Stats SQL\n");
    Twice t;
    importTwice(t, b, cfg, data, 500, reset, QString("SELECT id, length(note), substr(note, 1, 3) FROM %1 ORDER BY id").arg(m_table));
    if (QTest::currentTestFailed())
        return;
    for (const Imported &r : t.run) {
        QCOMPARE(r.result.stats.creates, 400);
        QVERIFY(r.sql.filter("at once failed").isEmpty());
    }
    QCOMPARE(t.rows[1], t.rows[0]);
    QCOMPARE(t.rows[1].size(), 400);
    QCOMPARE(t.rows[1].first(), QString("1|30000|bbb"));
}

void TestImportBatching::slowDatabaseCommitsAboutEverySecond()
{
    // PostgreSQL, a trigger that sleeps 10 ms a row: 300 adds take 3 s or more. Under the default batch the
    // records go in transactions of about a second's work (each followed by a progress report), never all
    // 300 in one; with an explicit -Batch 2000 they go in one transaction, exactly as asked. Rows are the same.
    // A stop asked for after 1.2 s (the Studio's Stop) takes effect after the transaction under way: the
    // records before it are in the table, the run says to resume at the next one.
    OAS_REQUIRE_BACKEND("postgresql");
    const test::Backend b = backend("postgresql");
    auto reset = [&] {
        test::Sql sql(b);
        sql.exec("DROP TABLE " + m_table);
        return sql.exec(QString("CREATE TABLE %1 (id INTEGER PRIMARY KEY, note TEXT)").arg(m_table))
               && sql.exec(QString("CREATE OR REPLACE FUNCTION %1_slow() RETURNS trigger LANGUAGE plpgsql AS "
                                   "$$BEGIN PERFORM pg_sleep(0.01); RETURN NEW; END$$").arg(m_table))
               && sql.exec(QString("CREATE TRIGGER %1_slow BEFORE INSERT ON %1 FOR EACH ROW EXECUTE FUNCTION %1_slow()").arg(m_table));
    };
    QByteArray data;
    for (int i = 1; i <= 300; ++i)
        data += QString("row:\nChangeType: add\nEID: %1\nNOTE: n%1\n").arg(i).toUtf8();
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=EID\nModify=NOTE",
                                    QString("EID=%1.id\nNOTE=%1.note\n").arg(m_table), "TraceLevel=Stats\n");
    for (int batch : {0, 2000}) {
        QVERIFY(reset());
        const Imported r = import(cfg, data, batch);
        verifyAccounting(r.result);
        QCOMPARE(r.result.stats.creates, 300);
        QCOMPARE(test::Sql(b).rows(QString("SELECT count(*), min(note), max(id) FROM %1").arg(m_table)), QStringList{"300|n1|300"});
        std::vector<qint64> transactions;  // records applied by each transaction
        qint64 before = 0;
        for (qint64 done : r.progressDone) {
            if (done > before)
                transactions.push_back(done - before);
            before = done;
        }
        QCOMPARE(before, 300);
        QString sizes;
        for (qint64 n : transactions)
            sizes += QString::number(n) + ' ';
        if (batch == 0) {
            QVERIFY2(transactions.size() >= 3, qPrintable(sizes));
            QVERIFY2(*std::max_element(transactions.begin(), transactions.end()) < 300, qPrintable(sizes));
            QCOMPARE(transactions.front(), qint64(importer::kMinTransactionRecords));
        } else {
            QCOMPARE(transactions, std::vector<qint64>{300});
        }
    }
    QVERIFY(reset());
    run::StepController step;
    std::thread stopper([&step] {
        std::this_thread::sleep_for(std::chrono::milliseconds(1200));
        step.stop();
    });
    const Imported r = import(cfg, data, 0, &step);
    stopper.join();
    verifyAccounting(r.result);
    QVERIFY(r.result.stopped);
    const qint64 applied = r.result.stats.creates;
    QVERIFY2(applied >= importer::kMinTransactionRecords && applied < 300, qPrintable(QString::number(applied)));
    QCOMPARE(test::Sql(b).rows(QString("SELECT count(*), max(id) FROM %1").arg(m_table)),
             QStringList{QString("%1|%1").arg(applied)});
    QCOMPARE(r.result.resumeLine, 4 * applied + 1);  // four lines a record
    test::Sql(b).exec(QString("DROP FUNCTION IF EXISTS %1_slow() CASCADE").arg(m_table));
}

void TestImportBatching::largeRecordsEndABatchEarly()
{
    // 200 adds of 60,000 characters each (12 MB) with the default batch of 2000 records: a batch ends once
    // its records hold 4 MiB of the data file, so they are committed (and reported) in several
    // transactions of at most 70 records, and every row arrives.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    auto reset = [&] {
        test::Sql sql(b);
        sql.exec("DROP TABLE " + m_table);
        return sql.exec(QString("CREATE TABLE %1 (id INTEGER PRIMARY KEY, note TEXT)").arg(m_table));
    };
    QVERIFY(reset());
    QByteArray data;
    for (int i = 1; i <= 200; ++i)
        data += QString("row:\nChangeType: add\nEID: %1\nNOTE: %2\n").arg(i).arg(QString(60000, QChar('a' + i % 26))).toUtf8();
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=EID\nModify=NOTE",
                                    QString("EID=%1.id\nNOTE=%1.note\n").arg(m_table), "TraceLevel=Stats\n");
    const Imported r = import(cfg, data, 0);  // the default batch
    verifyAccounting(r.result);
    QCOMPARE(r.result.stats.creates, 200);
    QVERIFY2(r.progressRecords.size() >= 3, qPrintable(QString::number(r.progressRecords.size())));
    qint64 before = 0;
    for (qint64 records : r.progressRecords) {
        QVERIFY2(records - before <= 70, qPrintable(QString("%1 records in one batch").arg(records - before)));
        before = records;
    }
    QCOMPARE(before, 200);
    QCOMPARE(test::Sql(b).rows(QString("SELECT count(*), min(length(note)), max(length(note)) FROM %1").arg(m_table)), QStringList{"200|60000|60000"});
}

void TestImportBatching::awkwardTextGroupedWithoutReplay()
{
    // 600 adds, each value of its text, number or date written the ways a data file may hold it (quotes,
    // question marks, semicolons, comment marks, braces, "NULL", emoji, numbers with leading zeros): the
    // grouped writes (SQLite: the values written into the INSERT) never fail and leave the rows -Batch 1
    // leaves, with the same storage types on SQLite. A quoting mistake would make the grouped statement fail
    // and be replayed: no replay may happen here.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QRandomGenerator g(test::propertySeed());
    static const QStringList quantities = {"7", "-3", "0", "12", "007"};
    QByteArray data;
    for (int r = 1; r <= 600; ++r) {
        QString rec = "row:\nChangeType: add\n" + line("EID", QString::number(1000 + r)) + line("NAME", QString("a%1").arg(r));
        if (g.bounded(4))
            rec += line("QTY", quantities.at(int(g.bounded(quantities.size()))));
        if (g.bounded(4))
            rec += line("PRICE", QString("%1.%2").arg(g.bounded(1000)).arg(g.bounded(100)));
        if (g.bounded(4))
            rec += line("BORN", QString("19%1-0%2-1%3").arg(g.bounded(10, 99)).arg(g.bounded(1, 9)).arg(g.bounded(10)));
        if (g.bounded(6))
            rec += line("NOTE", r % 50 == 0 ? QString("'); DROP TABLE x; --") : randomText(g, 30).left(40));
        data += rec.toUtf8();
    }
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=EID\nModify=NAME, QTY, PRICE, BORN, NOTE",
                                    QStringLiteral("EID=%1.id\nNAME=%1.name\nQTY=%1.qty\nPRICE=%1.price\nBORN=%1.born\n"
                                                   "NOTE=%1.note\n")
                                        .arg(m_table),
                                    "TraceLevel=Summary Stats SQL\n");
    const QString query = backend == "sqlite" ? QString("SELECT id, name, qty, typeof(qty), price, typeof(price), born, typeof(born), "
                                                 "note, typeof(note) FROM %1 ORDER BY id").arg(m_table)
                                       : QString();
    Twice t;
    importTwice(t, b, cfg, data, 500, [&] { return resetTable(b); }, query);
    if (QTest::currentTestFailed())
        return;
    for (const Imported &r : t.run)
        QCOMPARE(r.result.stats.creates, 600);
    QVERIFY2(t.run[1].sql.filter("at once failed").isEmpty(), qPrintable(t.run[1].sql.filter("at once failed").join('\n').left(2000)));
    if (!test::genericDialect() && !b.isMariaDb())  // MariaDB writes 32 records a statement
        QVERIFY(!t.run[1].sql.filter("statement for many records at once").isEmpty());
    QCOMPARE(t.rows[1], t.rows[0]);
    QCOMPARE(t.rows[1].size(), 750);
}

void TestImportBatching::jsonColumns()
{
    // PostgreSQL: json and jsonb columns take the record's text as JSON, with batches as with -Batch 1 (not as
    // a JSON string, which is what json_populate_recordset would make of it: such tables keep the other
    // statements).
    OAS_REQUIRE_BACKEND("postgresql");
    const test::Backend b = backend("postgresql");
    auto reset = [&] {
        test::Sql sql(b);
        sql.exec("DROP TABLE " + m_table);
        return sql.exec(QString("CREATE TABLE %1 (id INTEGER PRIMARY KEY, doc JSONB, raw JSON)").arg(m_table));
    };
    QByteArray data;
    for (int i = 1; i <= 100; ++i)
        data += QString("row:\nChangeType: add\nEID: %1\nDOC: {\"n\": %1, \"a\": [1, 2.50]}\nRAW: [%1, null]\n").arg(i).toUtf8();
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=EID\nModify=DOC, RAW",
                                    QString("EID=%1.id\nDOC=%1.doc\nRAW=%1.raw\n").arg(m_table));
    Twice t;
    importTwice(t, b, cfg, data, 500, reset,
                QString("SELECT id, doc::text, raw::text, jsonb_typeof(doc) FROM %1 ORDER BY id").arg(m_table));
    if (QTest::currentTestFailed())
        return;
    for (const Imported &r : t.run)
        QCOMPARE(r.result.stats.creates, 100);
    QCOMPARE(t.rows[1], t.rows[0]);
    QCOMPARE(t.rows[1].first(), QString("1|{\"a\": [1, 2.50], \"n\": 1}|[1, null]|object"));
}

QTEST_GUILESS_MAIN(TestImportBatching)
#include "tst_import_batching.moc"
