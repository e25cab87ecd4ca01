// Reference file names Rymmddnn: the manual's sequence and midnight rules, across days, months and years,
// and the one-digit year window.
#include "exporter/delta/ReferenceNaming.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace oas::exporter::delta;

class TestReferenceNaming : public QObject {
    Q_OBJECT
private slots:
    void next_data();
    void next();
    void parse();
    void yearWindow_data();
    void yearWindow();
    void listingNewestFirst();
};

void TestReferenceNaming::next_data()
{
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QStringList>("existing");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QString>("expected");
    const QDate d(2026, 11, 23);
    QTest::newRow("first ever") << "" << QStringList{} << d << "R6112300";
    QTest::newRow("same day") << "R6112300" << QStringList{} << d << "R6112301";
    QTest::newRow("same day 98") << "R6112398" << QStringList{} << d << "R6112399";
    QTest::newRow("same day 99 rolls to next day") << "R6112399" << QStringList{} << d << "R6112400";
    QTest::newRow("99 at month end") << "R6113099" << QStringList{} << QDate(2026, 11, 30) << "R6120100";
    QTest::newRow("99 at year end") << "R6123199" << QStringList{} << QDate(2026, 12, 31) << "R7010100";
    QTest::newRow("99 on 28 Feb of a leap year") << "R8022899" << QStringList{} << QDate(2028, 2, 28) << "R8022900";
    QTest::newRow("99 on 28 Feb otherwise") << "R7022899" << QStringList{} << QDate(2027, 2, 28) << "R7030100";
    QTest::newRow("older day") << "R6112205" << QStringList{} << d << "R6112300";
    QTest::newRow("older month") << "R6103117" << QStringList{} << d << "R6112300";
    QTest::newRow("last year") << "R5123142" << QStringList{} << QDate(2026, 1, 1) << "R6010100";
    QTest::newRow("newer day: clock went back") << "R6112403" << QStringList{} << d << "R6112404";
    QTest::newRow("newer day 99") << "R6112499" << QStringList{} << d << "R6112500";
    QTest::newRow("newer across year end") << "R7010102" << QStringList{} << QDate(2026, 12, 31) << "R7010103";
    QTest::newRow("foreign name, files today") << "fred.ref" << QStringList{"R6112300", "R6112307", "R6112201"} << d << "R6112308";
    QTest::newRow("foreign name, none today") << "fred.ref" << QStringList{"R6112201"} << d << "R6112300";
    QTest::newRow("foreign name, 99 today") << "fred.ref" << QStringList{"R6112399"} << d << "R6112400";
}

void TestReferenceNaming::next()
{
    QFETCH(QString, previous);
    QFETCH(QStringList, existing);
    QFETCH(QDate, today);
    QFETCH(QString, expected);
    QCOMPARE(nextReferenceName(previous, existing, today), expected);
}

void TestReferenceNaming::parse()
{
    QVERIFY(ReferenceName::parse("R9061015"));
    QCOMPARE(ReferenceName::parse("R9061015")->sequence, 15);
    QVERIFY(!ReferenceName::parse("R906101"));
    QVERIFY(!ReferenceName::parse("R9131015"));  // month 13
    QVERIFY(!ReferenceName::parse("r9061015"));
    QVERIFY(!ReferenceName::parse("R9061015.bak"));
}

void TestReferenceNaming::yearWindow_data()
{
    QTest::addColumn<int>("digit");
    QTest::addColumn<int>("expectedYear");
    // Today is in 2028 (digit 8): 9, 0, 1, 2 are ahead (2029-2032); 3-7 are behind (2023-2027).
    QTest::newRow("8 same") << 8 << 2028;
    QTest::newRow("9 next") << 9 << 2029;
    QTest::newRow("0") << 0 << 2030;
    QTest::newRow("2") << 2 << 2032;
    QTest::newRow("3 behind") << 3 << 2023;
    QTest::newRow("7 last year") << 7 << 2027;
}

void TestReferenceNaming::yearWindow()
{
    QFETCH(int, digit);
    QFETCH(int, expectedYear);
    const ReferenceName name{digit, 6, 1, 0};
    QCOMPARE(name.dateNear(QDate(2028, 3, 1)).year(), expectedYear);
}

void TestReferenceNaming::listingNewestFirst()
{
    QTemporaryDir dir;
    for (const char *n : {"R6112300", "R6112301", "R5123199", "R6010100", "notes.txt", "R6112300.tmp"}) {
        QFile f(dir.filePath(n));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QCOMPARE(referenceFilesIn(dir.path(), QDate(2026, 11, 23)),
             (QStringList{"R6112301", "R6112300", "R6010100", "R5123199"}));
}

QTEST_GUILESS_MAIN(TestReferenceNaming)
#include "tst_reference_naming.moc"
