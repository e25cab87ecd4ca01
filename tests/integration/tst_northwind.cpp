// The real Northwind data (../shared/fixtures/northwind) through every driver: the "Order Details" table
// (a name with a space, a composite key) exported full and then as a delta, the manual's self-join, and on
// MariaDB names in MariaDB's own quotes (`Order Details`) exported and imported into.
// Skips with a message where the fixture is absent. Changes the Northwind database, which the test
// command creates afresh for every run.
#include "Backend.h"
#include "common/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace oas;

namespace {

const QString kFixtures = QStringLiteral(OAS_SOURCE_DIR "/../shared/fixtures/northwind");

struct Run {
    int code = -1;
    QString err;
};

Run agent(const QString &dir, const QStringList &args, const char *program = "ODBCAgentExp")
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral(OAS_BIN_DIR "/") + QLatin1String(program), args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
}

void writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(text.toUtf8());
}

}  // namespace

class TestNorthwind : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void orderDetails_data();
    void orderDetails();
    void selfJoin_data();
    void selfJoin();
    void backtickNames();

private:
    QTemporaryDir m_dir;
    QString m_sqliteDb;
};

void TestNorthwind::initTestCase()
{
    if (!QFileInfo::exists(kFixtures + "/sqlite-create.sql"))
        QSKIP("Northwind fixture not found in ../shared/fixtures/northwind: these tests need the shared folder");
    m_sqliteDb = m_dir.filePath("northwind.db");
    QProcess sqlite;
    sqlite.setStandardInputFile(kFixtures + "/sqlite-create.sql");
    sqlite.setStandardOutputFile(QProcess::nullDevice());
    sqlite.start("sqlite3", {m_sqliteDb});
    QVERIFY(sqlite.waitForFinished(120000));
    QCOMPARE(sqlite.exitCode(), 0);
}

void TestNorthwind::orderDetails_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("columns");  // OrderID, ProductID, UnitPrice, Quantity
    QTest::newRow("sqlite") << "sqlite" << "[Order Details]" << "OrderID,ProductID,UnitPrice,Quantity";
    if (test::Backend::postgresql("OAS_TEST_PG_NORTHWIND").name.isEmpty())
        qWarning("PostgreSQL row skipped: OAS_TEST_PG_NORTHWIND is not set (scripts/test.sh sets it)");
    else
        QTest::newRow("postgresql") << "postgresql" << "order_details" << "order_id,product_id,unit_price,quantity";
    if (test::Backend::mariadb("OAS_TEST_MARIADB_NORTHWIND").name.isEmpty())
        qWarning("MariaDB row skipped: OAS_TEST_MARIADB_NORTHWIND is not set (scripts/test.sh sets it)");
    else
        QTest::newRow("mariadb") << "mariadb" << "`Order Details`" << "OrderID,ProductID,UnitPrice,Quantity";
}

namespace {
test::Backend northwind(const QString &backend, const QString &sqliteDb)
{
    return backend == "sqlite"       ? test::Backend::sqlite(sqliteDb)
           : backend == "postgresql" ? test::Backend::postgresql("OAS_TEST_PG_NORTHWIND")
                                     : test::Backend::mariadb("OAS_TEST_MARIADB_NORTHWIND");
}
}  // namespace

void TestNorthwind::orderDetails()
{
    QFETCH(QString, backend);
    QFETCH(QString, table);
    QFETCH(QString, columns);
    const test::Backend b = northwind(backend, m_sqliteDb);
    const QStringList c = columns.split(',');
    if (backend != "sqlite") {
        // The server's Northwind database is shared by every run: work on a copy that is dropped after (on
        // MariaDB with a space in its name, in MariaDB's quotes).
        test::Sql setup(b);
        const QString copy = backend == "mariadb" ? "`" + test::uniqueTable("Order Details") + "`" : test::uniqueTable("order_details");
        QVERIFY2(setup.exec(QStringLiteral("CREATE TABLE %1 AS SELECT * FROM %2").arg(copy, table)), qPrintable(setup.error()));
        table = copy;
    }
    struct Drop {
        test::Backend backend;
        QString table;
        ~Drop()
        {
            if (backend.isServer())
                test::Sql(backend).exec(QStringLiteral("DROP TABLE %1").arg(table));
        }
    } drop{b, table};
    const QString dir = m_dir.filePath(backend);
    QDir().mkpath(dir);
    writeFile(dir + "/od.ini", QStringLiteral("[version]\nVersion=1.06\n[attributes]\nOID=%1.%2\nPID=%1.%3\n"
                                              "PRICE=%1.%4\nQTY=%1.%5\n[database]\n%6\n[export]\nMode=delta\n"
                                              "Select=OID, PID, PRICE, QTY\nKeys=OID, PID\nFrom=%1\n")
                                  .arg(table, c[0], c[1], c[2], c[3], b.fieldLines.join('\n')));
    Run r = agent(dir, {"-f", "od.ini", "-o", "full.txt"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QByteArray full = test::readAll(dir + "/full.txt");
    QCOMPARE(full.count("row:\n"), 2155);
    QVERIFY(full.contains("row:\nOID: 10248\nPID: 11\n"));

    test::Sql sql(b);
    QVERIFY2(sql.ok(), qPrintable(sql.error()));
    QVERIFY(sql.exec(QStringLiteral("UPDATE %1 SET %2 = 99 WHERE %3 = 10248 AND %4 = 42").arg(table, c[3], c[0], c[1])));
    QVERIFY(sql.exec(QStringLiteral("DELETE FROM %1 WHERE %2 = 11077").arg(table, c[0])));  // the last order, 25 lines
    r = agent(dir, {"-f", "od.ini", "-o", "delta.txt"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QByteArray delta = test::readAll(dir + "/delta.txt");
    QCOMPARE(delta.count("ChangeType: modify"), 1);
    QVERIFY(delta.contains("ChangeType: modify\nOID: 10248\nPID: 42\n"));
    QVERIFY(delta.contains("QTY: 99\n"));
    QCOMPARE(delta.count("ChangeType: delete"), 25);
    QCOMPARE(delta.count("ChangeType: add"), 0);
    r = agent(dir, {"-f", "od.ini", "-o", "none.txt"});
    QCOMPARE(r.code, 0);
    QCOMPARE(test::readAll(dir + "/none.txt"), QByteArray());
}

void TestNorthwind::selfJoin_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << "sqlite";
    if (!test::Backend::mariadb("OAS_TEST_MARIADB_NORTHWIND").name.isEmpty())
        QTest::newRow("mariadb") << "mariadb";
}

void TestNorthwind::selfJoin()
{
    // The manual's self-join with the correlation name Employees_1.
    QFETCH(QString, backend);
    const test::Backend b = northwind(backend, m_sqliteDb);
    const QString dir = m_dir.filePath("self-" + backend);
    QDir().mkpath(dir);
    writeFile(dir + "/self.ini",
              QStringLiteral("[version]\nVersion=1.06\n[attributes]\nGN=Employees.FirstName\nSN=Employees.LastName\n"
                             "BName=Employees_1.Title\nBTitle=Employees_1.LastName\n[database]\n%1\n[export]\n"
                             "Select=GN, SN, BName, BTitle\nFrom=Employees INNER JOIN Employees AS Employees_1 ON "
                             "Employees.ReportsTo = Employees_1.EmployeeID;\nWhere=SN = 'Davolio'\n")
                  .arg(b.fieldLines.join('\n')));
    const Run r = agent(dir, {"-f", "self.ini", "-o", "self.txt"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(test::readAll(dir + "/self.txt"),
             QByteArray("row:\nGN: Nancy\nSN: Davolio\nBName: Vice President, Sales\nBTitle: Fuller\n\n"));
}

void TestNorthwind::backtickNames()
{
    // MariaDB's own quoting in every place a name goes: attributes, From, Table; the export's records
    // imported into a copy of Customers whose name has a space, then changed by a second import.
    const test::Backend b = test::Backend::mariadb("OAS_TEST_MARIADB_NORTHWIND");
    if (b.name.isEmpty())
        QSKIP("OAS_TEST_MARIADB_NORTHWIND is not set (scripts/test.sh starts a MariaDB server and sets it)");
    const QString copy = test::uniqueTable("Customer Copy");
    test::Sql sql(b);
    QVERIFY2(sql.exec(QStringLiteral("CREATE TABLE `%1` LIKE Customers").arg(copy)), qPrintable(sql.error()));
    struct Drop {
        test::Backend backend;
        QString table;
        ~Drop() { test::Sql(backend).exec(QStringLiteral("DROP TABLE `%1`").arg(table)); }
    } drop{b, copy};
    const QString dir = m_dir.filePath("backticks");
    QDir().mkpath(dir);
    writeFile(dir + "/out.ini", QStringLiteral("[version]\nVersion=1.06\n[attributes]\nCID=`Customers`.`CustomerID`\n"
                                               "CN=`Customers`.CompanyName\nCITY=Customers.`City`\nQTY=`Order Details`.Quantity\n"
                                               "[database]\n%1\n[export]\nSelect=CID, CN, CITY\nFrom=`Customers`\n"
                                               "Where=CITY = 'London'\n")
                                    .arg(b.fieldLines.join('\n')));
    Run r = agent(dir, {"-f", "out.ini", "-o", "london.txt"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QByteArray london = test::readAll(dir + "/london.txt");
    QCOMPARE(london.count("row:\n"), 6);
    QVERIFY(london.contains("row:\nCID: AROUT\nCN: Around the Horn\nCITY: London\n"));
    writeFile(dir + "/in.ini", QStringLiteral("[version]\nVersion=1.06\n[attributes]\nCID=`%1`.`CustomerID`\n"
                                              "CN=`%1`.CompanyName\nCITY=`%1`.`City`\n[database]\n%2\n[import]\n"
                                              "Table=`%1`\nSelectBy=CID\nModify=CN, CITY\n")
                                   .arg(copy, b.fieldLines.join('\n')));
    r = agent(dir, {"-f", "in.ini", "-i", "london.txt"}, "ODBCAgentImp");
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(sql.rows(QStringLiteral("SELECT count(*), min(CustomerID), max(CustomerID) FROM `%1` WHERE City = 'London'").arg(copy)),
             QStringList({"6|AROUT|SEVES"}));
    writeFile(dir + "/change.txt", "row:\nCID: AROUT\nCITY: Londres\n\nrow:\nChangeType: delete\nCID: BSBEV\n\n");
    r = agent(dir, {"-f", "in.ini", "-i", "change.txt"}, "ODBCAgentImp");
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(sql.rows(QStringLiteral("SELECT CustomerID, CompanyName, City FROM `%1` ORDER BY CustomerID LIMIT 2").arg(copy)),
             QStringList({"AROUT|Around the Horn|Londres", "CONSH|Consolidated Holdings|London"}));
}

QTEST_GUILESS_MAIN(TestNorthwind)
#include "tst_northwind.moc"
