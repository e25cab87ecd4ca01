// Mapping pairs on SQLite (SQLite3 ODBC) and PostgreSQL (psqlODBC): odbc-agent pair and the in-process
// PairRunner against real target tables. Case-sensitive target names, the first CSV row as the key, all
// four types and their conversion failures, one record fired to several pairs, a pair file edited between
// two events, bad pairs with their messages, a connection failure, the debug log without the password, and
// a delta file driving the events by ChangeType.
#include "Backend.h"
#include "ProgramRun.h"
#include "common/TestSupport.h"
#include "pairs/PairRunner.h"

#include <QDir>
#include <QProcess>

using namespace oas;
using namespace oas::test;

namespace {

const QString kPassword = QStringLiteral("pair; } ] = 'secret pw");

using Run = ProgramRun;

datafile::Record record(const QList<QPair<QString, QString>> &attributes)
{
    datafile::Record r;
    r.line = 1;
    for (const auto &[name, value] : attributes)
        r.attributes.append({name, value, 0});
    return r;
}

}  // namespace

class TestPairs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void eventsAndTypes_data();
    void eventsAndTypes();
    void caseSensitiveNames_data();
    void caseSensitiveNames();
    void severalPairsAndDeltaFile_data();
    void severalPairsAndDeltaFile();
    void fileEditedBetweenEvents_data();
    void fileEditedBetweenEvents();
    void badPairs();
    void connectionFailureAndDebugLog();

private:
    Backend backend(const QString &name);
    bool createTable(const Backend &b, const QString &table);
    void writePair(const QString &name, const QString &csv, const Backend &b, const QString &table, const QString &extraDatabase = {});
    Run pair(const QStringList &args, const QByteArray &input = {});
    QStringList rows(const Backend &b, const QString &table);

    QTemporaryDir m_dir;
    QString m_suffix;
    QString m_role;
};

void TestPairs::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath("odbcsync"));
    m_suffix = QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_role = "oas_pair_" + m_suffix;
    QString quoted = kPassword;
    quoted.replace("'", "''");
    const Backend pg = Backend::postgresql();
    if (!pg.name.isEmpty()) {
        Sql sql(pg);
        QVERIFY2(sql.ok(), qPrintable(sql.error()));
        QVERIFY2(sql.exec(QString("CREATE ROLE %1 LOGIN PASSWORD '%2' SUPERUSER").arg(m_role, quoted)), qPrintable(sql.error()));
    }
    const Backend maria = Backend::mariadb();
    if (!maria.name.isEmpty()) {
        Sql sql(maria);
        QVERIFY2(sql.ok(), qPrintable(sql.error()));
        QVERIFY2(sql.exec(QString("CREATE USER '%1'@'127.0.0.1' IDENTIFIED BY '%2'").arg(m_role, quoted)), qPrintable(sql.error()));
        QVERIFY2(sql.exec(QString("GRANT ALL PRIVILEGES ON *.* TO '%1'@'127.0.0.1'").arg(m_role)), qPrintable(sql.error()));
    }
}

// The quote of names in the test's own SQL: MariaDB's backtick, the standard double quote elsewhere.
static QString q(const Backend &b, const QString &name)
{
    return b.isMariaDb() ? "`" + name + "`" : "\"" + name + "\"";
}

void TestPairs::init()
{
    for (const QString &f : QDir(m_dir.filePath("odbcsync")).entryList(QDir::Files))
        QFile::remove(m_dir.filePath("odbcsync/" + f));
}

Backend TestPairs::backend(const QString &name)
{
    return Backend::named(name, m_dir.filePath("target.db"));
}

bool TestPairs::createTable(const Backend &b, const QString &table)
{
    Sql sql(b);
    sql.exec("DROP TABLE " + table);
    const QString numeric = b.name == "sqlite" ? "NUMERIC" : "NUMERIC(12,2)";
    return sql.exec(QString("CREATE TABLE %1(%3 varchar(20) PRIMARY KEY, %4 varchar(40), %5 %2, %6 DECIMAL(8,3), %7 DATE)")
                        .arg(table, numeric, q(b, "FileNo"), q(b, "LastName"), q(b, "Balance"), q(b, "Score"), q(b, "Opened")));
}

void TestPairs::writePair(const QString &name, const QString &csv, const Backend &b, const QString &table, const QString &extraDatabase)
{
    QFile c(m_dir.filePath("odbcsync/" + name + ".csv"));
    QVERIFY(c.open(QIODevice::WriteOnly));
    c.write(csv.toUtf8());
    QFile i(m_dir.filePath("odbcsync/" + name + ".ini"));
    QVERIFY(i.open(QIODevice::WriteOnly));
    QStringList lines;
    for (const QString &f : b.fieldLines) {
        if (!f.startsWith("UID=", Qt::CaseInsensitive) && !f.startsWith("PWD=", Qt::CaseInsensitive))
            lines.append(f);
    }
    if (b.isServer())
        lines << "User=" + m_role << "Password=env:OAS_PAIR_PW";
    i.write(("# the target of pair " + name + "\n[database]\n" + lines.join('\n') + "\n" + extraDatabase + "[target]\nTable=" + table + "\n").toUtf8());
}

Run TestPairs::pair(const QStringList &args, const QByteArray &input)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("OAS_PAIR_PW", kPassword);
    env.insert("OAS_APP_LOG", m_dir.filePath("app.log"));
    return runProgram("odbc-agent", QStringList{"pair"} + args, m_dir.path(), env, input, 60000);
}

QStringList TestPairs::rows(const Backend &b, const QString &table)
{
    Sql sql(b);
    return sql.rows(QString("SELECT %2, %3, %4, %5, %6 FROM %1 ORDER BY %2")
                        .arg(table, q(b, "FileNo"), q(b, "LastName"), q(b, "Balance"), q(b, "Score"), q(b, "Opened")));
}

static const char kCsv[] = "ODBC Field Name,Collect! Field Code,ODBC Data Type\n"
                           "FileNo,DFN,CHAR\nLastName,NAME,CHAR\nBalance,BAL,NUMERIC\nScore,SC,DECIMAL\nOpened,OPN,TYPE_DATE\n";

void TestPairs::eventsAndTypes_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &name : backendNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestPairs::eventsAndTypes()
{
    QFETCH(QString, backend);
    const Backend b = this->backend(backend);
    if (b.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    qputenv("OAS_PAIR_PW", kPassword.toUtf8());
    const QString table = "cust_" + m_suffix;
    QVERIFY(createTable(b, table));
    writePair("customers", kCsv, b, table);
    const Run checked = pair({"customers", "--check"});
    QVERIFY2(checked.exitCode == 0, qPrintable(checked.err));

    const QByteArray inserts = "DFN: 1001\nNAME: O'Neil\nBAL: 12.50\nSC: -0.125\nOPN: 2024-02-29\n"
                               "row:\nDFN: 1002\nNAME: Smith\nOPN: {d '1999-12-31'}\nEXTRA: not mapped, ignored\n"
                               "row:\nDFN: 1003\nBAL: twelve\n"              // not a number
                               "row:\nDFN: 1004\nOPN: 2023-02-30\n"          // not a date
                               "row:\nNAME: no key\n";                      // no key value
    QFile::remove(m_dir.filePath("app.log"));
    Run r = pair({"customers", "--event", "insert", "--input", "-"}, inserts);
    QCOMPARE(r.exitCode, 0x3C);
    // A line per failed event in the application log.
    const QString appLog = QString::fromUtf8(readAll(m_dir.filePath("app.log")));
    QCOMPARE(appLog.count("pair event failed, record at line "), 3);
    QVERIFY2(appLog.contains("pair event failed, record at line 11 of standard input: error: pair customers, insert, key 1003: "
                             "type conversion failure"), qPrintable(appLog));
    QVERIFY2(r.err.contains("5 records read; customers: 2 inserted, 0 updated, 0 deleted, 3 failed; 3 records written to "
                            "customers-except.txt"), qPrintable(r.err));
    const QString except = QString::fromUtf8(readAll(m_dir.filePath("customers-except.txt")));
    QVERIFY2(except.contains("# error: pair customers, insert, key 1003: type conversion failure: Balance (NUMERIC) from "
                             "field BAL: \"twelve\" is not a number\n"), qPrintable(except));
    QVERIFY(except.contains("# error: pair customers, insert, key 1004: type conversion failure: Opened (TYPE_DATE) from field "
                            "OPN: \"2023-02-30\" is not a date (expected YYYY-MM-DD or {d 'YYYY-MM-DD'})\n"));
    QVERIFY(except.contains("# record at line 17\nrow:\nNAME: no key\n# error: pair customers, insert: missing key value: the "
                            "record has no DFN (the key field FileNo)\n"));
    QStringList got = rows(b, table);
    QCOMPARE(got.size(), 2);
    QVERIFY2(got.at(0).startsWith("1001|O'Neil|12.5") && got.at(0).contains("|-0.125|2024-02-29"), qPrintable(got.join('\n')));
    QVERIFY2(got.at(1).startsWith("1002|Smith|NULL|NULL|1999-12-31"), qPrintable(got.join('\n')));

    // Updates and deletes find the row by the first CSV row (FileNo), whatever order the record has.
    r = pair({"customers", "--event", "update"}, "NAME: Jones\nDFN: 1002\nBAL: 7\nrow:\nDFN: 9999\nNAME: nobody\nrow:\nDFN: 1001\n");
    QCOMPARE(r.exitCode, 0x3C);
    QVERIFY2(r.err.contains("customers: 0 inserted, 1 updated, 0 deleted, 2 failed"), qPrintable(r.err));
    const QString except2 = QString::fromUtf8(readAll(m_dir.filePath("customers-except.txt")));
    QVERIFY2(except2.contains(QString("key 9999: no row of %1 has FileNo = 9999: nothing updated").arg(table)), qPrintable(except2));
    QVERIFY(except2.contains("key 1001: nothing to update: the record supplies no field of the pair but the key"));
    got = rows(b, table);
    QVERIFY2(got.at(1).startsWith("1002|Jones|7|NULL|1999-12-31"), qPrintable(got.join('\n')));
    r = pair({"customers", "--event", "delete"}, "DFN: 1001\nrow:\nDFN: 1001\n");  // the second: already absent
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("customers: 0 inserted, 0 updated, 2 deleted, 0 failed"), qPrintable(r.err));
    QCOMPARE(rows(b, table).size(), 1);
    // A duplicate key: the driver's message, nothing half-applied.
    r = pair({"customers", "--event", "insert"}, "DFN: 1002\nNAME: again\n");
    QCOMPARE(r.exitCode, 0x3C);
    QVERIFY2(readAll(m_dir.filePath("customers-except.txt")).contains("key 1002: the database refused it: "), qPrintable(r.err));
    QVERIFY2(rows(b, table).at(0).startsWith("1002|Jones|"), qPrintable(rows(b, table).join('\n')));
}

void TestPairs::caseSensitiveNames_data()
{
    eventsAndTypes_data();
}

void TestPairs::caseSensitiveNames()
{
    QFETCH(QString, backend);
    const Backend b = this->backend(backend);
    if (b.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    const QString table = "case_" + m_suffix;
    QVERIFY(createTable(b, table));
    writePair("cased", "Field,Code,Type\nFileNo,DFN,CHAR\nlastname,NAME,CHAR\n", b, table);
    const Run checked = pair({"cased", "--check"});
    QCOMPARE(checked.exitCode, 1);
    const QString expected = QString("cased.csv line 3: the table %1 has no field lastname, but has LastName (target field "
                                     "names are case-sensitive)").arg(table);
    QVERIFY2(checked.err.contains(expected), qPrintable(checked.err));
    const Run fired = pair({"cased", "--event", "insert"}, "DFN: 1\nNAME: x\n");
    QCOMPARE(fired.exitCode, 0x3C);
    QVERIFY2(readAll(m_dir.filePath("cased-except.txt")).contains(expected.toUtf8()), readAll(m_dir.filePath("cased-except.txt")).constData());
    QCOMPARE(rows(b, table).size(), 0);
}

void TestPairs::severalPairsAndDeltaFile_data()
{
    eventsAndTypes_data();
}

void TestPairs::severalPairsAndDeltaFile()
{
    QFETCH(QString, backend);
    const Backend b = this->backend(backend);
    if (b.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    const QString dialer = "dialer_" + m_suffix;
    const QString books = "books_" + m_suffix;
    QVERIFY(createTable(b, dialer));
    QVERIFY(createTable(b, books));
    writePair("dialer", "Field,Code,Type\nFileNo,DFN,CHAR\nLastName,NAME,CHAR\n", b, dialer);
    writePair("books", "Field,Code,Type\nFileNo,DFN,CHAR\nBalance,BAL,DECIMAL\n", b, books);
    QFile delta(m_dir.filePath("delta.txt"));
    QVERIFY(delta.open(QIODevice::WriteOnly));
    delta.write("ChangeType: add\nDFN: 1\nNAME: Ann\nBAL: 10\n"
                "row:\nChangeType: add\nDFN: 2\nNAME: Bob\nBAL: 20\n"
                "row:\nChangeType: modify\nDFN: 1\nNAME: Anna\nBAL: 11\n"
                "row:\nChangeType: delete\nDFN: 2\n"
                "row:\nDFN: 3\nNAME: no change type\n");
    delta.close();
    const Run r = pair({"dialer,books", "--input", "delta.txt"});
    QCOMPARE(r.exitCode, 0x3C);
    QVERIFY2(r.err.contains("5 records read; dialer: 2 inserted, 1 updated, 1 deleted, 0 failed; books: 2 inserted, 1 updated, "
                            "1 deleted, 0 failed; 1 record written to dialer-except.txt"), qPrintable(r.err));
    QVERIFY(readAll(m_dir.filePath("dialer-except.txt")).contains("# error: no event: the record has no valid ChangeType"));
    Sql sql(b);
    QCOMPARE(sql.rows(QString("SELECT %2, %3 FROM %1").arg(dialer, q(b, "FileNo"), q(b, "LastName"))), QStringList{"1|Anna"});
    QCOMPARE(sql.rows(QString("SELECT %2, %3 FROM %1").arg(books, q(b, "FileNo"), q(b, "Balance"))), QStringList{"1|11"});
}

void TestPairs::fileEditedBetweenEvents_data()
{
    eventsAndTypes_data();
}

void TestPairs::fileEditedBetweenEvents()
{
    QFETCH(QString, backend);
    const Backend b = this->backend(backend);
    if (b.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    qputenv("OAS_PAIR_PW", kPassword.toUtf8());
    const QString table = "edit_" + m_suffix;
    QVERIFY(createTable(b, table));
    writePair("edited", "Field,Code,Type\nFileNo,DFN,CHAR\nLastName,NAME,CHAR\n", b, table);
    pairs::PairCatalog catalog(m_dir.filePath("odbcsync"));
    pairs::PairRunner runner(catalog, {});
    pairs::EventResult r = runner.fire("edited", sql::PairEvent::Insert, record({{"DFN", "1"}, {"NAME", "Ann"}, {"NICK", "Annie"}}));
    QVERIFY2(r.ok, qPrintable(r.message));
    // Within the same second, same size class: LastName now takes NICK (the catalog compares contents).
    writePair("edited", "Field,Code,Type\nFileNo,DFN,CHAR\nLastName,NICK,CHAR\n", b, table);
    r = runner.fire("edited", sql::PairEvent::Insert, record({{"DFN", "2"}, {"NAME", "Bob"}, {"NICK", "Bobby"}}));
    QVERIFY2(r.ok, qPrintable(r.message));
    // And the table name: a wrong one fails the event with the INI's line and the driver's message.
    writePair("edited", "Field,Code,Type\nFileNo,DFN,CHAR\n", b, "no_such_table_" + m_suffix);
    r = runner.fire("edited", sql::PairEvent::Insert, record({{"DFN", "3"}}));
    QVERIFY(!r.ok);
    QVERIFY2(r.message.startsWith(QString("pair edited, insert, key 3: invalid table name no_such_table_%1 (edited.ini line ").arg(m_suffix)),
             qPrintable(r.message));
    QVERIFY(!r.message.contains(kPassword));
    QCOMPARE(rows(b, table), QStringList({"1|Ann|NULL|NULL|NULL", "2|Bobby|NULL|NULL|NULL"}));
}

void TestPairs::badPairs()
{
    OAS_REQUIRE_BACKEND("sqlite");
    const Backend b = backend("sqlite");
    writePair("noheader", "FileNo,DFN,CHAR\nLastName,NAME,CHAR\n", b, "t");
    Run r = pair({"noheader", "--check"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("noheader.csv line 1: missing header row: the first line must name the columns"), qPrintable(r.err));
    writePair("badtype", "Field,Code,Type\nFileNo,DFN,CHAR\nName,NAME,STRING\n", b, "t");
    r = pair({"badtype", "--event", "insert"}, "DFN: 1\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("badtype.csv line 3: unknown ODBC data type STRING for Name, expected CHAR, TYPE_DATE, DECIMAL, "
                            "NUMERIC\nodbc-agent pair: not done"), qPrintable(r.err));
    writePair("notable", "Field,Code,Type\nFileNo,DFN,CHAR\n", b, "missing_table_x");
    r = pair({"notable", "--check"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("notable.ini line ") && r.err.contains("invalid table name missing_table_x") && r.err.contains("no such table"),
             qPrintable(r.err));
    r = pair({"absent", "--check"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no pair absent in odbcsync (expected absent.csv and absent.ini)"), qPrintable(r.err));
    QFile ini(m_dir.filePath("odbcsync/badini.ini"));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("DSN=x\n[odbc]\nTable=t\n");
    ini.close();
    QFile csv(m_dir.filePath("odbcsync/badini.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("a,b,c\nFileNo,DFN,char,extra\n\"unclosed,DFN,CHAR\n");
    csv.close();
    r = pair({"badini", "--check"});
    QCOMPARE(r.exitCode, 1);
    for (const char *expected : {"badini.csv line 2: 4 columns, expected 3", "badini.csv line 3: a quoted field is not closed",
                                 "badini.ini line 1: DSN is outside a section", "badini.ini line 2: unknown section [odbc]",
                                 "badini.ini: no data source", "badini.ini: no target table"})
        QVERIFY2(r.err.contains(expected), qPrintable(expected + QString("\n") + r.err));
}

void TestPairs::connectionFailureAndDebugLog()
{
    OAS_REQUIRE_BACKEND("postgresql");
    const Backend pg = Backend::postgresql();
    if (pg.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    const QString table = "log_" + m_suffix;
    QVERIFY(createTable(pg, table));
    writePair("logged", "Field,Code,Type\nFileNo,DFN,CHAR\nLastName,NAME,CHAR\n", pg, table);
    const Run ok = pair({"logged", "--event", "insert", "--debug-log", "pairs-debug"}, "DFN: 1\nNAME: Ann\n");
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
    QVERIFY(ok.err.contains("grows fast"));
    const QString log = QString::fromUtf8(readAll(m_dir.filePath("pairs-debug")));
    QCOMPARE(QFileInfo(m_dir.filePath("pairs-debug")).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    QVERIFY2(log.contains(QRegularExpression("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z pair logged: connecting: ")), qPrintable(log));
    QVERIFY2(log.contains("pair logged: connecting: DRIVER={PostgreSQL Unicode};") && log.contains("PWD=***")
                 && log.contains(QString("INSERT INTO %1 (\"FileNo\", \"LastName\") VALUES (?, ?)\n  ?1 = '1'\n  ?2 = 'Ann'").arg(table))
                 && log.contains("pair logged, insert, key 1: done, 1 row(s)"),
             qPrintable(log));
    QVERIFY(!log.contains(kPassword));

    // The same pair on a port nobody listens on: the event fails, the record is kept, nothing leaks.
    QStringList fields = pg.fieldLines;
    for (QString &f : fields) {
        if (f.startsWith("Port=", Qt::CaseInsensitive))
            f = "Port=1";
    }
    writePair("down", "Field,Code,Type\nFileNo,DFN,CHAR\n", {pg.name, fields, {}}, table);
    const Run down = pair({"down", "--event", "insert", "--debug-log", "pairs-debug.txt"}, "DFN: 2\n");
    QCOMPARE(down.exitCode, 0x3C);
    const QString except = QString::fromUtf8(readAll(m_dir.filePath("down-except.txt")));
    QVERIFY2(except.contains("# error: pair down, insert, key 2: cannot connect (DRIVER={PostgreSQL Unicode};") && except.contains("PWD=***"),
             qPrintable(except));
    const QString log2 = QString::fromUtf8(readAll(m_dir.filePath("pairs-debug.txt")));
    QVERIFY2(log2.contains("pair down: connection failed"), qPrintable(log2));
    for (const QString &text : {down.err, except, log2, ok.err})
        QVERIFY(!text.contains(kPassword));
}

QTEST_GUILESS_MAIN(TestPairs)
#include "tst_pairs.moc"
