// Completion and field help of the configuration editor, as pure functions over the document's lines.
#include "common/TestSupport.h"
#include "editor/Completion.h"

#include <QTest>

using namespace oas;

class TestCompletion : public QObject {
    Q_OBJECT
private slots:
    void candidates_data();
    void candidates();
    void databaseColumns();
    void help();
};

static const QStringList kDocument = {
    "[version]", "Version=1.06", "[attributes]", "GN=Employees.FirstName", "SN=Employees.LastName",
    "CITY=Employees.City", "[database]", "DSN=x", "[export]", "Mode=de", "Select=GN, S", "Sort", "[control]",
    "TraceLevel=Sum", "8bit=", "[imp", "# Mode=", "[import]", "SelectBy=GN & C", "Table=Em",
};

void TestCompletion::candidates_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");  // -1: end of line
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("prefix");
    QTest::newRow("mode values") << 9 << -1 << QStringList{"delta", "delta-or-full"} << 2;
    QTest::newRow("abbreviations in Select") << 10 << -1 << QStringList{"SN"} << 1;
    QTest::newRow("fields of export") << 11 << -1 << QStringList{"SortControl="} << 4;
    QTest::newRow("trace levels") << 13 << -1 << QStringList{"Summary"} << 3;
    QTest::newRow("booleans") << 14 << -1 << QStringList{"TRUE", "FALSE"} << 0;
    QTest::newRow("sections") << 15 << -1 << QStringList{"Import"} << 3;
    QTest::newRow("comment") << 16 << -1 << QStringList{} << 0;
    QTest::newRow("SelectBy abbreviations") << 18 << -1 << QStringList{"CITY"} << 1;
    QTest::newRow("tables in Table, not abbreviations") << 19 << -1 << QStringList{"Employees"} << 2;
    QTest::newRow("database keys") << 7 << 1 << QStringList{"DSN=", "DRIVER=", "Database="} << 1;
}

void TestCompletion::candidates()
{
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QStringList, expected);
    QFETCH(int, prefix);
    const config::ParseResult parsed = test::parse(kDocument.join('\n'));
    const ui::Completion c = ui::completionsAt(kDocument, line, column < 0 ? int(kDocument.at(line).size()) : column,
                                               parsed.config);
    QCOMPARE(c.candidates, expected);
    if (!expected.isEmpty())
        QCOMPARE(c.prefixLength, prefix);
}

void TestCompletion::databaseColumns()
{
    // Once checked against the database, its column names complete attribute definitions and Where.
    const QStringList columns = {"Employees.EmployeeID", "Employees.FirstName", "Employees.City", "\"Order Details\".Quantity"};
    const QStringList lines = {"[attributes]", "ID=Employees.Emp", "Q=\"Order", "X=", "[export]", "Where=GN > 1 AND Employees.C"};
    const config::ParseResult parsed = test::parse(lines.join('\n'));
    ui::Completion c = ui::completionsAt(lines, 1, int(lines.at(1).size()), parsed.config, columns);
    QCOMPARE(c.candidates, QStringList{"Employees.EmployeeID"});
    QCOMPARE(c.prefixLength, int(QString("Employees.Emp").size()));
    c = ui::completionsAt(lines, 2, int(lines.at(2).size()), parsed.config, columns);
    QCOMPARE(c.candidates, QStringList{"\"Order Details\".Quantity"});
    c = ui::completionsAt(lines, 3, 2, parsed.config, columns);
    QCOMPARE(c.candidates, columns);
    QCOMPARE(c.prefixLength, 0);
    c = ui::completionsAt(lines, 3, 2, parsed.config);  // not checked yet: nothing to offer
    QCOMPARE(c.candidates, QStringList{});
    c = ui::completionsAt(lines, 5, int(lines.at(5).size()), parsed.config, columns);
    QCOMPARE(c.candidates, QStringList{"Employees.City"});
}

void TestCompletion::help()
{
    QCOMPARE(ui::fieldAt(kDocument, 9), QString("Mode"));
    QVERIFY(ui::fieldHelp(ui::fieldAt(kDocument, 9)).startsWith("full: export every row."));
    QCOMPARE(ui::fieldAt(kDocument, 3), QString());  // attributes are not fields
    QCOMPARE(ui::fieldAt(kDocument, 16), QString());  // a comment
    QCOMPARE(ui::fieldHelp("NoSuchField"), QString());
}

QTEST_MAIN(TestCompletion)
#include "tst_completion.moc"
