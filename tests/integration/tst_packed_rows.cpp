// PostgreSQL rows read as one value each (db/PackedRows.h) must come out exactly as when read column by
// column: the record syntax's corner cases, and a real table with every packable type and awkward values.
#include "Backend.h"

#include "db/BlockFetch.h"
#include "db/PackedRows.h"

#include <QTest>

#include <clocale>

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

// The separator the tests fix where values hold it (the agent draws the last three at random for each
// statement).
const QByteArray kSeparator("\x01\x05\x11\x03");

// Every row of sql, read with or without packing; "packed" tells which way it went, readAgain how many
// packed rows did not split and were asked for again. A separator given is used, else a random one.
QList<Row> readAll(const db::Connection &c, const QString &sql, db::BlockFetch::Packing packing, bool *packed, QString *error,
                   const QByteArray &separator = {}, int *readAgain = nullptr)
{
    db::BlockFetch fetch(c, 64, packing);
    fetch.setPackedSeparator(separator);
    QList<Row> rows;
    if (!fetch.exec(sql, error))
        return rows;
    *packed = fetch.isPacked();
    Row row;
    while (fetch.next(row, error))
        rows.append(row);
    if (readAgain)
        *readAgain = fetch.packedRowsReadAgain();
    return rows;
}

// The rows of query read packed (with separator, or a random one) and column by column must be the same;
// the packed rows and how many of them were read again.
void samePackedAndPlain(const db::Connection &c, const QString &query, const QByteArray &separator, QList<Row> *packedRows,
                        int *readAgain = nullptr)
{
    bool packed = false;
    bool plain = true;
    QString error;
    *packedRows = readAll(c, query, db::BlockFetch::Packing::Allowed, &packed, &error, separator, readAgain);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<Row> columnByColumn = readAll(c, query, db::BlockFetch::Packing::Off, &plain, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(packed && !plain, qPrintable(query));
    QCOMPARE(packedRows->size(), columnByColumn.size());
    for (qsizetype i = 0; i < columnByColumn.size(); ++i)
        QCOMPARE(show(packedRows->at(i)), show(columnByColumn.at(i)));
}

}  // namespace

class TestPackedRows : public QObject {
    Q_OBJECT
private slots:
    void dbmsVersions();
    void unpack_data();
    void unpack();
    void unpackRecord_data();
    void unpackRecord();
    void sameRowsAsColumnByColumn();
    void manyColumnsManyMasks();
    void rowsThatCannotBeToldApartAreRefused();
    void fieldDelimitersInEveryRowAreData();
    void otherTypesAreNotPacked();
    void valuesLongerThanReported_data();
    void valuesLongerThanReported();
    void utf8AndUtf16ReadAlike();
};

// The packed text: masks (bit i: column i is NULL), then each value that is not NULL after a separator.
void TestPackedRows::unpack_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("fields");
    QTest::addColumn<QString>("expected");  // show() of the row, or "FAIL"
    const QString s = QString::fromLatin1(kSeparator);
    const QString one(QChar(1));
    // U+0001 alone, or with part of the separator, is data; so is a value ending in the separator's start.
    QTest::newRow("U+0001 in values") << "0" + s + "a" + one + "b" + s + one + s + one + "\x05\x11" + s + "x" + one + "\x05"
                                      << 4 << "[a" + one + "b] [" + one + "] [" + one + "\x05\x11] [x" + one + "\x05]";
    QTest::newRow("U+0001 in long values") << "0" + s + QString(20, 'a') + one + QString(20, 'b') + one + s + "\u00e9" + one + QString(17, 'c')
                                           << 2 << "[" + QString(20, 'a') + one + QString(20, 'b') + one + "] [\u00e9" + one + QString(17, 'c') + "]";
    QTest::newRow("plain") << "0" + s + "1" + s + "Davolio" + s + "x" << 3 << "[1] [Davolio] [x]";
    QTest::newRow("nulls") << "7" << 3 << "NULL NULL NULL";
    QTest::newRow("a null between") << "2" + s + "1" + s + "x" << 3 << "[1] NULL [x]";
    QTest::newRow("empty strings") << "0" + s + s + "a" + s << 3 << "[] [a] []";
    QTest::newRow("syntax of other forms") << "0" + s + "(\"a,b\")" + s + " \n " << 2 << "[(\"a,b\")] [ \n ]";
    QTest::newRow("newline and tab") << "0" + s + "x\ny\tz" << 1 << "[x\ny\tz]";
    QTest::newRow("non-ASCII") << "0" + s + "M\u00fcller" + s + "\u20ac 5" + s + "\U0001F600" << 3 << "[M\u00fcller] [\u20ac 5] [\U0001F600]";
    // Longer than the 16 bytes scanned at a time: non-ASCII before the separator in the same 16 bytes, in a
    // later block, in the tail, and right after an ASCII value's separator (that value stays ASCII).
    QTest::newRow("long fields") << "0" + s + "abcdefghijklmnopqrstuvwxyz" + s + "\u00e9" + QString(30, 'x') + s
                                        + QString(17, 'y') + "\u20ac" + s + "ab" + s + "\u00fc" + QString(20, 'z')
                                 << 5
                                 << "[abcdefghijklmnopqrstuvwxyz] [\u00e9" + QString(30, 'x') + "] [" + QString(17, 'y')
                                        + "\u20ac] [ab] [\u00fc" + QString(20, 'z') + "]";
    QTest::newRow("long non-ASCII tail") << "0" + s + QString(40, 'q') + "\U0001F600" << 1 << "[" + QString(40, 'q') + "\U0001F600]";
    QTest::newRow("separator inside a value") << "0" + s + "a" + s + "b" + s + "c" << 2 << "FAIL";
    QTest::newRow("separator inside the last value") << "1" + s + "a" + s + "b" << 2 << "FAIL";
    QTest::newRow("too few") << "0" + s + "1" << 2 << "FAIL";
    QTest::newRow("no mask") << s + "1" << 1 << "FAIL";
    QTest::newRow("mask not a number") << "x" + s + "1" << 1 << "FAIL";
    QTest::newRow("empty") << "" << 1 << "FAIL";
    // 61 columns: two masks, the second for column 61 alone (NULL here); 60 is NULL by the first.
    QString wide = QString::number(quint64(1) << 59) + s + "1";
    QStringList expected;
    for (int i = 1; i <= 59; ++i) {
        wide += s + QString::number(i);
        expected.append("[" + QString::number(i) + "]");
    }
    QTest::newRow("two masks") << wide << 61 << expected.join(' ') + " NULL NULL";
    QTest::newRow("second mask missing") << "0" + s + "1" << 61 << "FAIL";
    // 91 columns: two groups of values (90 and 1), the first all NULL, so its text is empty.
    const QString allNull90 = QString::number((quint64(1) << 60) - 1) + s + QString::number((quint64(1) << 30) - 1);
    QTest::newRow("groups") << allNull90 + s + s + "z" << 91 << QStringList(90, "NULL").join(' ') + " [z]";
    QTest::newRow("groups, the empty text missing") << allNull90 + s + "z" << 91 << "FAIL";
    QTest::newRow("groups, a separator too many") << allNull90 + s + s + "z" + s << 91 << "FAIL";
}

void TestPackedRows::unpack()
{
    QFETCH(QString, text);
    QFETCH(int, fields);
    QFETCH(QString, expected);
    // As UTF-16 and as UTF-8 (what the driver gives, Utf8Text.h): the same fields.
    Row row(size_t(fields), QString("stale, and longer than any field here"));  // strings of a previous row are reused
    const bool ok = db::unpackRow(QStringView(text), kSeparator, row);
    QCOMPARE(ok ? show(row) : QString("FAIL"), expected);
    Row fromUtf8(size_t(fields), QString("stale"));
    const QByteArray utf8 = text.toUtf8();
    const bool ok8 = db::unpackRow(QByteArrayView(utf8), kSeparator, fromUtf8);
    QCOMPARE(ok8 ? show(fromUtf8) : QString("FAIL"), expected);
    // Split without decoding (the export's records made from UTF-8): views of the same fields.
    std::vector<std::optional<QByteArrayView>> views(size_t(fields), QByteArrayView("stale"));
    const bool split = db::splitRow(QByteArrayView(utf8), kSeparator, views);
    Row decoded;
    for (const auto &v : views)
        decoded.push_back(v ? std::optional<QString>(QString::fromUtf8(*v)) : std::nullopt);
    QCOMPARE(split ? show(decoded) : QString("FAIL"), expected);
}

// Packing needs PostgreSQL 9.6 (num_nulls), reading in halves 14 (TID range scans): the driver's version
// text, as psqlODBC and PostgreSQL write it, compared by number.
void TestPackedRows::dbmsVersions()
{
    db::DriverInfo info;
    const QList<std::tuple<QString, int, int, bool>> cases{
        {"15.18", 14, 0, true}, {"15.0018", 9, 6, true}, {"09.06.0000", 9, 6, true}, {"09.05.0025", 9, 6, false},
        {"13.4", 14, 0, false}, {"14.0", 14, 0, true}, {"10", 9, 6, true}, {"", 9, 6, false}};
    for (const auto &[version, major, minor, expected] : cases) {
        info.dbmsVersion = version;
        QVERIFY2(info.dbmsVersionAtLeast(major, minor) == expected, qPrintable(version));
    }
}

// The record syntax of ROW(...)::text, read for rows whose values hold the separator.
void TestPackedRows::unpackRecord_data()
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
    QTest::newRow("non-ASCII") << "(M\u00fcller,\"\u20ac 5\",\U0001F600)" << 3 << "[M\u00fcller] [\u20ac 5] [\U0001F600]";
    // Longer than the 16 bytes scanned at a time, with the syntax characters at various offsets.
    QTest::newRow("long fields") << "(abcdefghijklmnopqrstuvwxyz0123456789,\"0123456789abcdef\"\"ghijklmnopq\\\\rstuvwxyz\")"
                                 << 2 << "[abcdefghijklmnopqrstuvwxyz0123456789] [0123456789abcdef\"ghijklmnopq\\rstuvwxyz]";
    QTest::newRow("long non-ASCII") << "(\"\u00e4\u00f6\u00fc\u00e4\u00f6\u00fc\u00e4\u00f6\u00fc\u00e4 \"\"x\"\" \u00e4\u00f6\u00fc\u00e4\u00f6\u00fc\u00e4\u00f6\")"
                                    << 1 << "[\u00e4\u00f6\u00fc\u00e4\u00f6\u00fc\u00e4\u00f6\u00fc\u00e4 \"x\" \u00e4\u00f6\u00fc\u00e4\u00f6\u00fc\u00e4\u00f6]";
    QTest::newRow("unterminated long") << "(\"0123456789abcdefghijklmnop" << 1 << "FAIL";
}

void TestPackedRows::unpackRecord()
{
    QFETCH(QString, text);
    QFETCH(int, fields);
    QFETCH(QString, expected);
    Row row(size_t(fields), QString("stale, and longer than any field here"));  // strings of a previous row are reused
    const bool ok = db::unpackRecord(QStringView(text), row);
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
                              "NULL", "\"", ",", ")", "(", "\\", QString(9000, 'L'),
                              // U+0001 is data; the separator inside values: these rows are asked for again
                              QString("a%1b").arg(QChar(1)), QString(QChar(1)), QString(2, QChar(1)) + "x" + QChar(1), "0" + QString(QChar(1)) + "7",
                              "s" + QString::fromLatin1(kSeparator) + "t", QString::fromLatin1(kSeparator)};
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
        QList<Row> rows;
        int readAgain = 0;
        samePackedAndPlain(*c, query, kSeparator, &rows, &readAgain);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(rows.size() >= 14);
        // Only the two rows whose values hold the separator are asked for again (in the queries with text).
        QCOMPARE(readAgain, query.contains("id FROM") ? 0 : 2);
        samePackedAndPlain(*c, query, {}, &rows);  // a random separator
        if (QTest::currentTestFailed())
            return;
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
    for (const QString &query : {QString("SELECT 1 AS id, true AS flag"), QString("SELECT 1 AS id, '\\x01'::bytea AS b"),
                                 QString("SELECT 1.50::numeric AS n")}) {
        bool packed = true;
        QString error;
        const QList<Row> rows = readAll(*c, query, db::BlockFetch::Packing::Allowed, &packed, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!packed && rows.size() == 1, qPrintable(query));
    }
    // Dates, times and floating point are read as the server's text (ExactSelect.h), so they pack too, and
    // keep what psqlODBC's structs would lose.
    bool textPacked = false;
    QString textError;
    const QList<Row> exact = readAll(*c, "SELECT 1 AS id, DATE 'infinity' AS d, TIME '24:00:00' AS t, float8 '-0' AS f",
                                     db::BlockFetch::Packing::Allowed, &textPacked, &textError);
    QVERIFY2(textError.isEmpty(), qPrintable(textError));
    QVERIFY(textPacked);
    QCOMPARE(exact.size(), 1);
    QCOMPARE(show(exact.first()), QString("[1] [infinity] [24:00:00] [-0]"));
    // Not PostgreSQL: never packed.
    QTemporaryDir dir;
    auto lite = openConnection(Backend::sqlite(dir.filePath("x.db")), "packed-sqlite");
    QVERIFY(lite);
    bool packed = true;
    QString error;
    QCOMPARE(readAll(*lite, "SELECT 1, 'a'", db::BlockFetch::Packing::Allowed, &packed, &error).size(), 1);
    QVERIFY(!packed);
}

// More columns than one mask covers: NULLs on either side of the 60th column come back where they were.
void TestPackedRows::manyColumnsManyMasks()
{
    const Backend b = Backend::postgresql();
    if (b.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    Sql sql(b);
    const QString t = test::uniqueTable("wide");
    QStringList columns{"id INT PRIMARY KEY"};
    for (int i = 1; i <= 130; ++i)
        columns.append(QString("v%1 VARCHAR(10)").arg(i));
    QVERIFY2(sql.exec(QString("CREATE TABLE %1 (%2)").arg(t, columns.join(", "))), qPrintable(sql.error()));
    for (int r = 0; r < 5; ++r) {
        QStringList values{QString::number(r)};
        for (int i = 1; i <= 130; ++i)
            values.append((i + r) % 7 == 0 || i == 59 + r || i == 120 ? "NULL" : QString("'%1-%2'").arg(r).arg(i));
        QVERIFY2(sql.exec(QString("INSERT INTO %1 VALUES (%2)").arg(t, values.join(", "))), qPrintable(sql.error()));
    }
    auto c = openConnection(b, "packed-wide");
    QVERIFY(c);
    const QString query = QString("SELECT * FROM %1 ORDER BY id").arg(t);
    QList<Row> one;
    samePackedAndPlain(*c, query, {}, &one);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(one.size(), 5);
    for (qsizetype i = 0; i < one.size(); ++i) {
        QVERIFY(!one.at(i).at(120));  // a NULL in the third mask
        QCOMPARE(one.at(i).at(1).value_or("NULL"), QString("%1-1").arg(i));
    }
    QVERIFY(sql.exec("DROP TABLE " + t));
}

// Two rows whose values differ only in which one holds the separator have the same packed text: asked for
// again, both come back, and neither may be guessed. The read stops with a message that says why. (The
// separator is drawn at random for each statement; the test fixes it to make the collision.)
void TestPackedRows::rowsThatCannotBeToldApartAreRefused()
{
    const Backend b = Backend::postgresql();
    if (b.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    Sql sql(b);
    const QString t = test::uniqueTable("apart");
    QVERIFY2(sql.exec(QString("CREATE TABLE %1 (id INT PRIMARY KEY, v TEXT, w TEXT)").arg(t)), qPrintable(sql.error()));
    const QString s = QString::fromLatin1(kSeparator);
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (?, ?, ?)").arg(t), {1, "a" + s + "b", "c"}));
    QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (?, ?, ?)").arg(t), {2, "a", "b" + s + "c"}));
    auto c = openConnection(b, "packed-apart");
    QVERIFY(c);
    bool packed = false;
    QString error;
    // With the key the texts differ: both rows read, values intact.
    const QList<Row> keyed = readAll(*c, QString("SELECT id, v, w FROM %1 ORDER BY id").arg(t), db::BlockFetch::Packing::Allowed, &packed,
                                     &error, kSeparator);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(packed);
    QCOMPARE(keyed.size(), 2);
    QCOMPARE(keyed.at(0).at(1).value_or("NULL"), "a" + s + "b");
    QCOMPARE(keyed.at(1).at(2).value_or("NULL"), "b" + s + "c");
    // Without it they cannot be told apart.
    const QList<Row> rows = readAll(*c, QString("SELECT v, w FROM %1 ORDER BY id").arg(t), db::BlockFetch::Packing::Allowed, &packed,
                                    &error, kSeparator);
    QVERIFY(packed);
    QVERIFY(rows.isEmpty());
    QVERIFY2(error.contains("separator of packed rows (\\x01\\x05\\x11\\x03)") && error.contains("cannot be told apart")
                 && error.contains("a\\x01\\x05\\x11\\x03b"),
             qPrintable(error));
    // With a separator of its own (drawn at random) the statement reads both rows.
    error.clear();
    const QList<Row> again = readAll(*c, QString("SELECT v, w FROM %1 ORDER BY id").arg(t), db::BlockFetch::Packing::Allowed, &packed, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(again.size(), 2);
    QCOMPARE(again.at(0).at(0).value_or("NULL"), "a" + s + "b");
    QVERIFY(sql.exec("DROP TABLE " + t));
}

// Some systems keep U+0001 as a field delimiter inside text (Hive's default): every row holds it. That is
// data, and no row may need reading again (each would be a query of its own).
void TestPackedRows::fieldDelimitersInEveryRowAreData()
{
    const Backend b = Backend::postgresql();
    if (b.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    Sql sql(b);
    const QString t = test::uniqueTable("hive");
    QVERIFY2(sql.exec(QString("CREATE TABLE %1 (id INT PRIMARY KEY, v TEXT, w VARCHAR(30))").arg(t)), qPrintable(sql.error()));
    QVERIFY2(sql.exec(QString("INSERT INTO %1 SELECT i, 'a' || chr(1) || i || chr(1) || chr(1) || 'c' || chr(2) || chr(1), "
                              "chr(1) || chr(5) || chr(17) || i FROM generate_series(1, 3000) AS s(i)").arg(t)),
             qPrintable(sql.error()));
    auto c = openConnection(b, "packed-hive");
    QVERIFY(c);
    const QString query = QString("SELECT id, v, w FROM %1 ORDER BY id").arg(t);
    QList<Row> one;
    int readAgain = -1;
    samePackedAndPlain(*c, query, kSeparator, &one, &readAgain);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(readAgain, 0);
    QCOMPARE(one.size(), 3000);
    const QChar u1(1);
    QCOMPARE(one.at(6).at(1).value_or("NULL"), QString("a") + u1 + "7" + u1 + u1 + "c" + QChar(2) + u1);
    QVERIFY(sql.exec("DROP TABLE " + t));
}

void TestPackedRows::valuesLongerThanReported_data()
{
    test::addBackendRows();
}

// Sizes are what the driver reports, not limits: SQLite does not enforce VARCHAR(10), psqlODBC reports 255
// for a CHARACTER VARYING without a length. Longer values, wherever they fall in a block, are read whole,
// column by column and packed (a packed row longer than its buffer is read again whole too).
void TestPackedRows::valuesLongerThanReported()
{
    QFETCH(QString, backend);
    QTemporaryDir dir;
    const Backend b = test::backendNamed(backend, dir.path());
    Sql sql(b);
    QVERIFY2(sql.ok(), qPrintable(sql.error()));
    const QString t = test::uniqueTable("long");
    // (MariaDB enforces sizes: there the values fit a VARCHAR(4000), the widest column read in blocks.)
    const bool maria = backend == "mariadb";
    const QString unbounded = backend == "sqlite" ? "VARCHAR(10)" : maria ? "VARCHAR(4000)" : "VARCHAR";
    QVERIFY2(sql.exec(QString("CREATE TABLE %1 (id INT PRIMARY KEY, d DATE, v %2, w VARCHAR(10))").arg(t, unbounded)),
             qPrintable(sql.error()));
    QStringList values;
    for (int i = 0; i < 23; ++i) {
        const int length = i % 3 == 1 ? (maria ? 3900 : 5000) + i : i % 5 == 0 ? 300 : 7;
        QString v = QStringLiteral("\U0001F600");
        while (v.size() < length)
            v += QStringLiteral("Zo\u00eb %1 \u20ac ").arg(i);
        values.append(v.left(length));
        QVERIFY2(sql.exec(QString("INSERT INTO %1 VALUES (?, ?, ?, ?)").arg(t), {i, QDate(2024, 1, 1 + i), values.last(), "w"}),
                 qPrintable(sql.error()));
    }
    auto c = openConnection(b, "long-" + backend);
    QVERIFY(c);
    for (const QString &query : {QString("SELECT id, d, v, w FROM %1 ORDER BY id").arg(t),  // not packable (a date)
                                 QString("SELECT id, v, w FROM %1 ORDER BY id").arg(t)}) {   // packed on PostgreSQL
        for (auto packing : {db::BlockFetch::Packing::Allowed, db::BlockFetch::Packing::Off}) {
            db::BlockFetch fetch(*c, 4, packing);
            QString error;
            QVERIFY2(fetch.exec(query, &error), qPrintable(error));
            QVERIFY(fetch.isBlockMode());
            const int v = fetch.columns().size() == 4 ? 2 : 1;
            Row row;
            int n = 0;
            while (fetch.next(row, &error)) {
                QCOMPARE(row.at(0).value_or("NULL"), QString::number(n));
                QCOMPARE(row.at(size_t(v)).value_or("NULL").size(), values.at(n).size());
                QCOMPARE(row.at(size_t(v)).value_or("NULL"), values.at(n));
                QCOMPARE(row.at(size_t(v) + 1).value_or("NULL"), QString("w"));
                ++n;
            }
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(n, values.size());
        }
    }
    QVERIFY(sql.exec("DROP TABLE " + t));
}

// psqlODBC hands out UTF-8 unchanged when it takes the client for UTF-8 (PGCLIENTENCODING=UTF8, or a UTF-8
// locale); in the C locale it converts to ASCII, and rows are read as UTF-16. Both ways give the same rows.
void TestPackedRows::utf8AndUtf16ReadAlike()
{
    const Backend b = Backend::postgresql();
    if (b.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    Sql sql(b);
    const QString t = test::uniqueTable("enc");
    QVERIFY2(sql.exec(QString("CREATE TABLE %1 (id INT PRIMARY KEY, v VARCHAR(60), d DATE)").arg(t)), qPrintable(sql.error()));
    const QStringList awkward{"plain", "Zo\u00eb M\u00fcller", "\u20ac 5", "\U0001F600 emoji", "line\nbreak", "", " x ",
                              QString("sep%1arator").arg(QChar(1)), "in" + QString::fromLatin1(kSeparator) + "side"};
    for (int i = 0; i < awkward.size(); ++i)
        QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (?, ?, ?)").arg(t), {i, awkward.at(i), QDate(2024, 5, 1)}));
    const QByteArray savedEncoding = qgetenv("PGCLIENTENCODING");
    const QByteArray savedLocale = qgetenv("LC_ALL");
    auto restore = [&] {
        for (const auto &[name, value] : {std::pair{"PGCLIENTENCODING", savedEncoding}, std::pair{"LC_ALL", savedLocale}}) {
            if (value.isNull())
                qunsetenv(name);
            else
                qputenv(name, value);
        }
        setlocale(LC_ALL, "");  // psqlODBC set the process locale from the environment while connecting
    };
    QList<QList<Row>> results;
    for (bool utf8 : {true, false}) {
        if (utf8) {
            qputenv("PGCLIENTENCODING", "UTF8");
        } else {
            qunsetenv("PGCLIENTENCODING");
            qputenv("LC_ALL", "C");
        }
        auto c = openConnection(b, QString("enc-%1").arg(utf8));
        QVERIFY(c);
        if (c->info().utf8Text != utf8)
            restore();
        QCOMPARE(c->info().utf8Text, utf8);
        for (const QString &query : {QString("SELECT id, v FROM %1 ORDER BY id").arg(t), QString("SELECT id, v, d FROM %1 ORDER BY id").arg(t)}) {
            bool packed = false;
            QString error;
            int readAgain = 0;
            results.append(readAll(*c, query, db::BlockFetch::Packing::Allowed, &packed, &error, kSeparator, &readAgain));
            QCOMPARE(readAgain, packed ? 1 : 0);  // the row holding the separator
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(results.last().size(), awkward.size());
            QCOMPARE(results.last().at(1).at(1).value_or("NULL"), awkward.at(1));
        }
    }
    restore();
    QCOMPARE(results.size(), 4);
    for (int q = 0; q < 2; ++q) {
        for (qsizetype i = 0; i < results.at(q).size(); ++i)
            QCOMPARE(show(results.at(q).at(i)), show(results.at(q + 2).at(i)));
    }
    QVERIFY(sql.exec("DROP TABLE " + t));
}

QTEST_GUILESS_MAIN(TestPackedRows)
#include "tst_packed_rows.moc"
