// The real Northwind data (../shared/fixtures/northwind) through both drivers: the "Order Details" table
// (a name with a space, a composite key) exported full and then as a delta, and the manual's self-join.
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

Run agent(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentExp"), args);
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
    void selfJoin();

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
}

void TestNorthwind::orderDetails()
{
    QFETCH(QString, backend);
    QFETCH(QString, table);
    QFETCH(QString, columns);
    const test::Backend b = backend == "sqlite" ? test::Backend::sqlite(m_sqliteDb)
                                                : test::Backend::postgresql("OAS_TEST_PG_NORTHWIND");
    const QStringList c = columns.split(',');
    if (backend == "postgresql") {
        // The server's Northwind database is shared by every run: work on a copy that is dropped after.
        test::Sql setup(b);
        const QString copy = test::uniqueTable("order_details");
        QVERIFY2(setup.exec(QStringLiteral("CREATE TABLE %1 AS SELECT * FROM %2").arg(copy, table)), qPrintable(setup.error()));
        table = copy;
    }
    struct Drop {
        test::Backend backend;
        QString table;
        ~Drop()
        {
            if (backend.name == "postgresql")
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

void TestNorthwind::selfJoin()
{
    // The manual's self-join with the correlation name Employees_1.
    const test::Backend b = test::Backend::sqlite(m_sqliteDb);
    writeFile(m_dir.filePath("self.ini"),
              QStringLiteral("[version]\nVersion=1.06\n[attributes]\nGN=Employees.FirstName\nSN=Employees.LastName\n"
                             "BName=Employees_1.Title\nBTitle=Employees_1.LastName\n[database]\n%1\n[export]\n"
                             "Select=GN, SN, BName, BTitle\nFrom=Employees INNER JOIN Employees AS Employees_1 ON "
                             "Employees.ReportsTo = Employees_1.EmployeeID;\nWhere=SN = 'Davolio'\n")
                  .arg(b.fieldLines.join('\n')));
    const Run r = agent(m_dir.path(), {"-f", "self.ini", "-o", "self.txt"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(test::readAll(m_dir.filePath("self.txt")),
             QByteArray("row:\nGN: Nancy\nSN: Davolio\nBName: Vice President, Sales\nBTitle: Fuller\n\n"));
}

QTEST_GUILESS_MAIN(TestNorthwind)
#include "tst_northwind.moc"
