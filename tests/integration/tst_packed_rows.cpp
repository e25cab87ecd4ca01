// PostgreSQL rows read as one value each (db/PackedRows.h) must come out exactly as when read column by
// column: the record syntax's corner cases, and a real table with every packable type and awkward values.
#include "Backend.h"

#include "db/BlockFetch.h"
#include "db/PackedRows.h"

#include <QTest>

using namespace oas;
using namespace oas::test;

namespace {

using Row = std::vector<std::optional<QString>>;

QString show(const Row &row)
{
    QStringList parts;
    for (const auto &v : row)
        parts.append(v ? "[" + *v + "]" : "NULL");
    return parts.join(' ');
}

std::unique_ptr<db::Connection> openConnection(const Backend &b, const QString &name)
{
    config::DatabaseSection section;
    section.present = true;
    for (const QString &line : b.fieldLines)
        section.driverFields.append({line.section('=', 0, 0), line.section('=', 1), {}});
    return std::move(db::Connection::open(section, {}, name).connection);
}

// Every row of sql, read with or without packing; "packed" tells which way it went.
QList<Row> readAll(const db::Connection &c, const QString &sql, db::BlockFetch::Packing packing, bool *packed, QString *error)
{
    db::BlockFetch fetch(c, 64, packing);
    QList<Row> rows;
    if (!fetch.exec(sql, error))
        return rows;
    *packed = fetch.isPacked();
    Row row;
    while (fetch.next(row, error))
        rows.append(row);
    return rows;
}

}  // namespace

class TestPackedRows : public QObject {
    Q_OBJECT
private slots:
    void unpack_data();
    void unpack();
    void sameRowsAsColumnByColumn();
    void otherTypesAreNotPacked();
};

void TestPackedRows::unpack_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("fields");
    QTest::addColumn<QString>("expected");  // show() of the row, or "FAIL"
    QTest::newRow("plain") << "(1,Davolio,x)" << 3 << "[1] [Davolio] [x]";
    QTest::newRow("nulls") << "(,,)" << 3 << "NULL NULL NULL";
    QTest::newRow("empty string") << "(\"\",a)" << 2 << "[] [a]";
    QTest::newRow("quotes doubled") << "(\"say \"\"hi\"\"\")" << 1 << "[say \"hi\"]";
    QTest::newRow("backslash") << "(\"a\\\\b\")" << 1 << "[a\\b]";
    QTest::newRow("separators inside") << "(\"a,b\",\"(c)\",\" d \")" << 3 << "[a,b] [(c)] [ d ]";
    QTest::newRow("newline") << "(\"x\ny\")" << 1 << "[x\ny]";
    QTest::newRow("one field") << "(7)" << 1 << "[7]";
    QTest::newRow("last null") << "(7,)" << 2 << "[7] NULL";
    QTest::newRow("too few") << "(1,2)" << 3 << "FAIL";
    QTest::newRow("too many") << "(1,2,3)" << 2 << "FAIL";
    QTest::newRow("no parenthesis") << "1,2" << 2 << "FAIL";
    QTest::newRow("open quote") << "(\"abc)" << 1 << "FAIL";
    QTest::newRow("trailing text") << "(1)x" << 1 << "FAIL";
    QTest::newRow("empty") << "" << 1 << "FAIL";
}

void TestPackedRows::unpack()
{
    QFETCH(QString, text);
    QFETCH(int, fields);
    QFETCH(QString, expected);
    Row row(size_t(fields), QString("stale"));  // strings from a previous row are reused
    const bool ok = db::unpackRow(text, row);
    QCOMPARE(ok ? show(row) : QString("FAIL"), expected);
}

void TestPackedRows::sameRowsAsColumnByColumn()
{
    const Backend b = Backend::postgresql();
    if (b.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    Sql sql(b);
    const QString t = "packed_" + QUuid::createUuid().toString(QUuid::Id128).left(8);
    QVERIFY2(sql.exec(QString("CREATE TABLE %1 (id INT PRIMARY KEY, small SMALLINT, big BIGINT, v VARCHAR(40), "
                              "t TEXT, c CHAR(6))").arg(t)), qPrintable(sql.error()));
    const QStringList awkward{"", " ", "a,b", "(x)", "say \"hi\"", "back\\slash", "line\nbreak\ttab", "äöü €", "😀 emoji",
                              "NULL", "\"", ",", ")", "(", "\\", QString(9000, 'L')};
    for (int i = 0; i < awkward.size(); ++i) {
        const QString v = awkward.at(i).left(40);
        QVERIFY2(sql.exec(QString("INSERT INTO %1 VALUES (?, ?, ?, ?, ?, ?)").arg(t),
                          {i, -32768 + i, qint64(-9223372036854775807LL) + i, v, awkward.at(i), v.left(6)}),
                 qPrintable(sql.error()));
    }
    QVERIFY(sql.exec(QString("INSERT INTO %1 (id) VALUES (100)").arg(t)));  // NULL in every other column
    auto c = openConnection(b, "packed-test");
    QVERIFY(c);
    for (const QString &query : {QString("SELECT * FROM %1 ORDER BY id").arg(t),
                                 QString("SELECT t, id, t AS again, c FROM %1 WHERE id > 2 ORDER BY id DESC ;").arg(t),
                                 QString("SELECT id FROM %1 ORDER BY id").arg(t)}) {
        bool packed = false;
        bool plain = true;
        QString error;
        const QList<Row> one = readAll(*c, query, db::BlockFetch::Packing::Allowed, &packed, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<Row> two = readAll(*c, query, db::BlockFetch::Packing::Off, &plain, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(packed && !plain, qPrintable(query));
        QCOMPARE(one.size(), two.size());
        QVERIFY(one.size() >= 14);
        for (qsizetype i = 0; i < one.size(); ++i)
            QCOMPARE(show(one.at(i)), show(two.at(i)));
    }
    QVERIFY(sql.exec("DROP TABLE " + t));
}

void TestPackedRows::otherTypesAreNotPacked()
{
    const Backend b = Backend::postgresql();
    if (b.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    auto c = openConnection(b, "packed-other");
    QVERIFY(c);
    for (const QString &query : {QString("SELECT 1 AS id, true AS flag"), QString("SELECT 1 AS id, DATE '2024-05-01' AS d"),
                                 QString("SELECT 1.50::numeric AS n")}) {
        bool packed = true;
        QString error;
        const QList<Row> rows = readAll(*c, query, db::BlockFetch::Packing::Allowed, &packed, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!packed && rows.size() == 1, qPrintable(query));
    }
    // Not PostgreSQL: never packed.
    QTemporaryDir dir;
    auto lite = openConnection(Backend::sqlite(dir.filePath("x.db")), "packed-sqlite");
    QVERIFY(lite);
    bool packed = true;
    QString error;
    QCOMPARE(readAll(*lite, "SELECT 1, 'a'", db::BlockFetch::Packing::Allowed, &packed, &error).size(), 1);
    QVERIFY(!packed);
}

QTEST_GUILESS_MAIN(TestPackedRows)
#include "tst_packed_rows.moc"
