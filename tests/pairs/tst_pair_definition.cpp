// Mapping-pair files without a database: the CSV (header row, quoting, the four types, duplicates, empty
// cells), the INI ([database] fields, User / Password, [target] Table, unknown sections), the problem
// texts, pair names, and the SQL of the three events with quoted, case-kept field names.
#include "pairs/PairDefinition.h"
#include "sql/PairStatements.h"

#include <QTest>

using namespace oas;

namespace {

const QByteArray kIni = "[database]\nDRIVER=SQLite3\nDatabase=t.db\nUser=me\nPassword=env:PW\n[target]\nTable=Customers\n";

pairs::PairParse parse(const QByteArray &csv, const QByteArray &ini = kIni)
{
    return pairs::parsePair("p", "p.csv", csv, "p.ini", ini);
}

}  // namespace

class TestPairDefinition : public QObject {
    Q_OBJECT
private slots:
    void validPair();
    void csvProblems_data();
    void csvProblems();
    void iniProblems();
    void names();
    void statements();
};

void TestPairDefinition::validPair()
{
    const pairs::PairParse r = parse("\xEF\xBB\xBF" "ODBC Field Name,Collect! Field Code,ODBC Data Type\r\n"
                                     "FileNo, DFN ,char\r\n\"Last, Name\",NAME,CHAR\r\n\"Say \"\"hi\"\"\",HI,Type_Date\r\n"
                                     "\r\nBalance,BAL,DECIMAL\r\nCount,CNT,NUMERIC\r\n");
    QVERIFY2(r.ok(), qPrintable(pairs::formatProblems(r.diagnostics)));
    QCOMPARE(r.pair.fields.size(), 5);
    QCOMPARE(r.pair.key().target, QString("FileNo"));
    QCOMPARE(r.pair.key().code, QString("DFN"));
    QCOMPARE(r.pair.fields.at(1).target, QString("Last, Name"));
    QCOMPARE(r.pair.fields.at(2).target, QString("Say \"hi\""));
    QVERIFY(r.pair.fields.at(2).type == pairs::FieldType::Date);
    QCOMPARE(r.pair.fields.at(3).line, 6);
    QVERIFY(r.pair.fields.at(4).type == pairs::FieldType::Numeric);
    QCOMPARE(r.pair.byCode("bal")->target, QString("Balance"));
    QCOMPARE(r.pair.table.value, QString("Customers"));
    QCOMPARE(r.pair.user.value, QString("me"));
    QCOMPARE(r.pair.password.value, QString("env:PW"));
    QCOMPARE(r.pair.password.pos.line, 5);
    QCOMPARE(r.pair.driverFields.size(), 2);
}

void TestPairDefinition::csvProblems_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("problems");
    QTest::newRow("empty") << QByteArray("\n") << "p.csv: the file is empty: it needs a header row and at least one field";
    QTest::newRow("header only") << QByteArray("a,b,c\n") << "p.csv: no fields: the first row after the header is the key";
    QTest::newRow("no header") << QByteArray("FileNo,DFN,CHAR\n")
                               << "p.csv line 1: missing header row: the first line must name the columns (e.g. \"ODBC Field "
                                  "Name,Field Code,ODBC Data Type\"), but it is a field (FileNo,DFN,CHAR)";
    QTest::newRow("header columns") << QByteArray("a,b\nF,C,CHAR\n") << "p.csv line 1: the header row has 2 columns, expected 3: "
                                                                        "target field name, source field code, ODBC data type";
    QTest::newRow("type") << QByteArray("a,b,c\nF,C,VARCHAR\n")
                          << "p.csv line 2: unknown ODBC data type VARCHAR for F, expected CHAR, TYPE_DATE, DECIMAL, NUMERIC";
    QTest::newRow("empty type") << QByteArray("a,b,c\nF,C,\n")
                                << "p.csv line 2: unknown ODBC data type (empty) for F, expected CHAR, TYPE_DATE, DECIMAL, NUMERIC";
    QTest::newRow("twice") << QByteArray("a,b,c\nF,C,CHAR\nG,D,CHAR\nF,E,CHAR\n")
                           << "p.csv line 4: target field F is mapped twice (first at line 2)";
    QTest::newRow("empty cells") << QByteArray("a,b,c\n,C,CHAR\nG,,CHAR\n")
                                 << "p.csv line 2: the target field name is empty\np.csv line 3: the source field code of G is empty";
    QTest::newRow("columns") << QByteArray("a,b,c\nF,C\n") << "p.csv line 2: 2 columns, expected 3: target field name, source field "
                                                            "code, ODBC data type";
    QTest::newRow("quote") << QByteArray("a,b,c\n\"F,C,CHAR\n") << "p.csv line 2: a quoted field is not closed";
}

void TestPairDefinition::csvProblems()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, problems);
    const pairs::PairParse r = parse(csv);
    QVERIFY(!r.ok());
    QCOMPARE(pairs::formatProblems(r.diagnostics), problems);
}

void TestPairDefinition::iniProblems()
{
    const pairs::PairParse r = parse("a,b,c\nF,C,CHAR\n", "Table=x\n[odbc]\n[database]\nnot a field\nPassword=a\nPWD=b\n[target]\nView=v\n");
    QCOMPARE(pairs::formatProblems(r.diagnostics),
             QString("p.ini line 1: Table is outside a section; put it under [database] or [target]\n"
                     "p.ini line 2: unknown section [odbc], expected [database] or [target]\n"
                     "p.ini line 4: expected NAME=VALUE\n"
                     "p.ini line 6: duplicate Password setting (first at line 5)\n"
                     "p.ini line 8: unknown field View in [target], expected Table\n"
                     "p.ini: no data source: [database] needs DSN= or DRIVER= and its fields\n"
                     "p.ini: no target table: [target] needs Table="));
}

void TestPairDefinition::names()
{
    QVERIFY(pairs::isValidPairName("odbcsync"));
    QVERIFY(pairs::isValidPairName("dialer-2.v1"));
    QVERIFY(!pairs::isValidPairName("../etc/passwd"));
    QVERIFY(!pairs::isValidPairName("a/b"));
    QVERIFY(!pairs::isValidPairName(""));
    QVERIFY(!pairs::isValidPairName(".hidden"));
}

void TestPairDefinition::statements()
{
    const QStringList fields = {"FileNo", "LastName", "Say \"hi\""};
    sql::PairStatement s = sql::buildPairStatement(sql::PairEvent::Insert, "Customers", fields);
    QCOMPARE(s.sql, QString("INSERT INTO Customers (\"FileNo\", \"LastName\", \"Say \"\"hi\"\"\") VALUES (?, ?, ?)"));
    QCOMPARE(s.targets, fields);
    s = sql::buildPairStatement(sql::PairEvent::Update, "crm.Customers", fields);
    QCOMPARE(s.sql, QString("UPDATE crm.Customers SET \"LastName\" = ?, \"Say \"\"hi\"\"\" = ? WHERE \"FileNo\" = ?"));
    QCOMPARE(s.targets, QStringList({"LastName", "Say \"hi\"", "FileNo"}));
    s = sql::buildPairStatement(sql::PairEvent::Delete, "Customers", fields, "`");
    QCOMPARE(s.sql, QString("DELETE FROM Customers WHERE `FileNo` = ?"));
    QCOMPARE(s.targets, QStringList{"FileNo"});
    QCOMPARE(sql::quoteIdentifier("x", " "), QString("x"));
}

QTEST_GUILESS_MAIN(TestPairDefinition)
#include "tst_pair_definition.moc"
