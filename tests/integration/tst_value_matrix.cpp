// Values carried exactly (DECISIONS.md 15), through the built programs: a table of every type the driver
// reports, with extremes, fractions, infinities, BC and far years, binary data, emoji, combining marks, RTL
// text, control characters, padding and 1 MB values, is exported in full (ODBCAgentExp), imported into an
// empty copy (ODBCAgentImp), and the copy compared with the source by SQL in the database itself (the
// server's own text of every value on PostgreSQL; storage class and value on SQLite; on MariaDB null-safe
// equality and the bytes of each value's text). Exporting the copy
// gives the same bytes. Both programs end with exit code 0: nothing was cut, reformatted or replaced.
// The "JSON types" rows keep only the columns whose values the import writes many records at a time as JSON
// on PostgreSQL and SQLite (importer/JsonBatchSql.h), so that way of writing is compared by the database too.
#include "Backend.h"
#include "ProgramRun.h"
#include "common/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace oas;

namespace {

struct Column {
    const char *name;
    const char *type;
};

// PostgreSQL: one column per type psqlODBC reports differently, and others an administrator meets (bit
// strings, network addresses, XML, arrays, points, MONEY - which psqlODBC reports as a floating-point type -,
// JSONB, full-text vectors, ranges, OIDs); values as SQL literals (NULL allowed).
const Column kPgColumns[] = {
    {"i2", "SMALLINT"}, {"i4", "INTEGER"}, {"i8", "BIGINT"}, {"num", "NUMERIC(24,6)"}, {"f4", "REAL"},
    {"f8", "DOUBLE PRECISION"}, {"bo", "BOOLEAN"}, {"d", "DATE"}, {"tm", "TIME(6)"}, {"tmz", "TIMETZ"},
    {"ts", "TIMESTAMP(6)"}, {"tstz", "TIMESTAMPTZ"}, {"iv", "INTERVAL"}, {"bin", "BYTEA"}, {"u", "UUID"},
    {"j", "JSON"}, {"tx", "TEXT"}, {"c6", "CHAR(6)"}, {"v20", "VARCHAR(20)"}, {"bt", "BIT(3)"}, {"vb", "VARBIT"},
    {"ip", "INET"}, {"cd", "CIDR"}, {"mac", "MACADDR"}, {"x", "XML"}, {"ia", "INTEGER[]"}, {"ta", "TEXT[]"}, {"pt", "POINT"},
    {"mo", "MONEY"}, {"js", "JSONB"}, {"tsv", "TSVECTOR"}, {"ir", "INT4RANGE"}, {"oi", "OID"}};

const QStringList kPgRows[] = {
    {"-32768", "-2147483648", "-9223372036854775808", "-999999999999999999.999999", "'-3.4028235e+38'",
     "'-1.7976931348623157e308'", "false", "'-infinity'", "'00:00:00'", "'00:00:00+14'", "'-infinity'", "'-infinity'",
     "'-178000000 years'", "'\\x00'", "'00000000-0000-0000-0000-000000000000'", "'[]'", "'plain'", "'a'", "'x'",
     "B'101'", "B'1'", "'192.168.0.1/24'", "'10.0.0.0/8'", "'08:00:2b:01:02:03'", "'<a>x &amp; y</a>'",
     "'{1,NULL,3}'", "'{\"a b\",\"c,d\",NULL,\"\\\\\"}'", "'(1.5,-2)'", "'$1,234.56'",
     "'{\"b\": [1, 2.50], \"a\": null}'", "'a fat cat'", "'[1,5)'", "42"},
    {"32767", "2147483647", "9223372036854775807", "999999999999999999.999999", "'3.4028235e+38'",
     "'1.7976931348623157e308'", "true", "'infinity'", "'24:00:00'", "'24:00:00-15:59'", "'infinity'", "'infinity'",
     "'178000000 years'", "'\\x00ff00fe'", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
     "'{\"a\": [1, 2.50, {\"b\": null}], \"é\": \"😀\"}'", "'emoji 😀👍🏽 and 𝄞'", "'abc'", "'😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀'",
     "B'000'", "B'0'", "'::1'", "'::/0'", "'ff:ff:ff:ff:ff:ff'", "'<b/>'", "'{}'", "'{x}'", "'(0,0)'", "'-$0.01'",
     "'[]'", "'x'", "'empty'", "0"},
    {"0", "0", "0", "0.000001", "'-0'", "'-0'", "true", "'0044-03-15 BC'", "'23:59:59.999999'",
     "'12:34:56.789012+05:30'", "'0044-03-15 10:00:00.5 BC'", "'10000-01-01 00:00:00.000001+00'",
     "'1 day 02:03:04.000005'", "'\\x000000'", "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12'", "'null'",
     "E'tab\\there, cr\\r lf\\n, \\\\ back, \\x01 bell \\x07, e\\u0301 combining, \\u05e9\\u05dc\\u05d5\\u05dd RTL'",
     "'a  b'", "E'e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301'", "B'010'",
     "B'100'", "'10.0.0.2'", "'10.2.0.0/16'", "'00:00:00:00:00:02'", "'<n>2</n>'", "'{2}'", "'{\"2\"}'", "'(2,-2)'",
     "'2.02'", "'{\"n\": 2}'", "'w2'", "'[2,3)'", "2"},
    {"1", "1", "1", "123.450000", "'NaN'", "'NaN'", "false", "'2024-02-29'", "'00:00:00.000001'",
     "'00:00:00.000001-00'", "'2024-02-29 23:59:59.123456'", "'1999-12-31 23:59:59.999999+01'",
     "'-1 mons +2 days -03:04:05.000006'", "'\\x7f80ff'", "'ffffffff-ffff-ffff-ffff-ffffffffffff'", "'\"s\"'",
     "'  leading and trailing  '", "'abcdef'", "'12345678901234567890'", "B'011'", "B'1000'", "'10.0.0.3'",
     "'10.3.0.0/16'", "'00:00:00:00:00:03'", "'<n>3</n>'", "'{3}'", "'{\"3\"}'", "'(3,-3)'", "'3.03'", "'{\"n\": 3}'",
     "'w3'", "'[3,4)'", "3"},
    {"2", "2", "2", "-0.5", "'Infinity'", "'Infinity'", "true", "'10000-01-01'", "'12:00:00.5'", "'12:00:00.5+01'",
     "'10000-01-01 00:00:00'", "'294276-12-31 23:59:59.999999+00'", "'0'", "'\\x5c6e'",
     "'00000000-0000-0000-0000-000000000001'", "'1e400'", "'#x: not a comment, \\\\x41 not an escape'", "' '",
     "'tab\tin the middle'", "B'100'", "B'10000'", "'10.0.0.4'", "'10.4.0.0/16'", "'00:00:00:00:00:04'", "'<n>4</n>'",
     "'{4}'", "'{\"4\"}'", "'(4,-4)'", "'4.04'", "'{\"n\": 4}'", "'w4'", "'[4,5)'", "4"},
    {"3", "3", "3", "1", "'-Infinity'", "'-Infinity'", "false", "'4713-01-01 BC'", "'12:00:00'", "'12:00:00'",
     "'4713-01-01 00:00:00 BC'", "'1970-01-01 00:00:00+00'", "'1 year'", "NULL", "NULL", "NULL", "NULL", "NULL",
     "NULL", "B'101'", "B'100000'", "'10.0.0.5'", "'10.5.0.0/16'", "'00:00:00:00:00:05'", "'<n>5</n>'", "'{5}'",
     "'{\"5\"}'", "'(5,-5)'", "'5.05'", "'{\"n\": 5}'", "'w5'", "'[5,6)'", "5"},
    {"4", "4", "4", "0.1", "'1.4e-45'", "'4.9406564584124654e-324'", "true", "'1970-01-01'", "'01:02:03'",
     "'01:02:03+00'", "'1970-01-01 00:00:00'", "'2000-01-01 00:00:00.5-08'", "'00:00:00.000001'", "'\\x0a0d'",
     "'00000000-0000-0000-0000-000000000002'", "'{}'", "'x'", "'x'", "'x'", "B'110'", "B'1000000'", "'10.0.0.6'",
     "'10.6.0.0/16'", "'00:00:00:00:00:06'", "'<n>6</n>'", "'{6}'", "'{\"6\"}'", "'(6,-6)'", "'6.06'", "'{\"n\": 6}'",
     "'w6'", "'[6,7)'", "6"},
    {"5", "5", "5", "3.141593", "'3.4028235e+38'", "'0.30000000000000004'", "false", "'2000-01-01'", "'13:00:00'",
     "'13:00:00+02'", "'2000-01-01 13:00:00'", "'2000-01-01 13:00:00+02'", "'1 sec'", "'\\x01'",
     "'00000000-0000-0000-0000-000000000003'", "'1'", "'y'", "'y'", "'y'", "B'111'", "B'10000000'", "'10.0.0.7'",
     "'10.7.0.0/16'", "'00:00:00:00:00:07'", "'<n>7</n>'", "'{7}'", "'{\"7\"}'", "'(7,-7)'", "'7.07'", "'{\"n\": 7}'",
     "'w7'", "'[7,8)'", "7"},
    {"6", "6", "6", "2.5", "'1.17549435e-38'", "'3.141592653589793'", "true", "'2038-01-19'", "'03:14:07'",
     "'03:14:07+00'", "'2038-01-19 03:14:07.999999'", "'2038-01-19 03:14:07.999999+00'", "'1 mon'", "'\\x02'",
     "'00000000-0000-0000-0000-000000000004'", "'2'", "'z'", "'z'", "'z'", "B'000'", "B'100000000'", "'10.0.0.8'",
     "'10.8.0.0/16'", "'00:00:00:00:00:08'", "'<n>8</n>'", "'{8}'", "'{\"8\"}'", "'(8,-8)'", "'8.08'", "'{\"n\": 8}'",
     "'w8'", "'[8,9)'", "8"},
    {"NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL",
     "NULL", "NULL", "repeat('0123456789abcdéf', 65536)", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL",
     "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL"},
};

// SQLite: declared types, and values stored with a storage class other than the column's (SQLite keeps
// any value in any column). Characters outside the BMP are made with char(): the SQLite3 driver does not
// read them in SQL text (they are fine as bound values).
const Column kSqliteColumns[] = {
    {"i", "INTEGER"}, {"bi", "BIGINT"}, {"r", "REAL"}, {"db", "DOUBLE"}, {"n", "NUMERIC"}, {"dt", "DATE"},
    {"ts", "TIMESTAMP"}, {"bo", "BOOLEAN"}, {"bl", "BLOB"}, {"tx", "TEXT"}, {"v20", "VARCHAR(20)"},
    {"c6", "CHAR(6)"}};

const QStringList kSqliteRows[] = {
    {"-9223372036854775808", "1.5", "3.141592653589793", "0.30000000000000004", "'0x10'", "'2024-01-01'",
     "'2024-01-01T10:00:00'", "'true'", "x'00ff'", "'plain'", "'x'", "'a'"},
    {"9223372036854775807", "'abc'", "1.7976931348623157e308", "-1.7976931348623157e308", "1.5", "'notadate'",
     "'2024-01-01 10:00:00.123456'", "1", "x'00'",
     "'emoji ' || char(128512, 128077, 127997) || ' and ' || char(119070)",
     "replace(hex(zeroblob(10)), '0', char(128512))", "'abc   '"},
    {"'text in an integer column'", "12345678901234567890", "5e-324", "1e-320", "'abc'", "20240101",
     "1.5", "'false'", "x'000000'", "'tab' || char(9) || 'cr' || char(13) || 'lf' || char(10) || 'bell' || char(7)",
     "'e' || char(769) || 'e' || char(769) || ' שלום'", "'  '"},
    {"0", "-1", "9e999", "-9e999", "'9e999x'", "'2024-02-30'", "'10000-01-01 00:00:00'", "0", "x'5c6e'",
     "'#x: not a comment, \\x41 not an escape'", "' leading'", "'trail '"},
    {"1", "0", "1.0", "100.0", "1e20", "'-infinity'", "'infinity'", "'1'", "x'0a0d'", "'  both  '", "'1'", "'2'"},
    {"2", "2", "0.1", "123456789012345678.0", "-0.5", "'0044-03-15 BC'", "'2024-01-01 10:00:00+01:00'", "2",
     "x'7f80ff'", "'x'", "'y'", "'z'"},
    {"NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL",
     "replace(hex(zeroblob(524288)), '00', 'aé')", "NULL", "NULL"},
};

// MariaDB: every type family (signed and unsigned integers, DECIMAL, FLOAT and DOUBLE, BIT, the temporal
// types with fractions and their extremes incl. the zero date, YEAR, CHAR / VARCHAR / TEXT / LONGTEXT,
// BLOB / VARBINARY / BINARY, ENUM, SET, JSON, UUID, INET6). Backslashes in MariaDB literals are escapes:
// control characters are written with CHAR(). (ENUM members are ASCII: MariaDB 10.11 stores a non-ASCII
// member of a CREATE TABLE prepared through the ODBC driver as Latin-1 read as UTF-8.)
const Column kMariaColumns[] = {
    {"ti", "TINYINT"}, {"si", "SMALLINT"}, {"mi", "MEDIUMINT"}, {"i4", "INT"}, {"i8", "BIGINT"}, {"u8", "BIGINT UNSIGNED"},
    {"num", "DECIMAL(24,6)"}, {"f4", "FLOAT"}, {"f8", "DOUBLE"}, {"bo", "BOOLEAN"}, {"bt", "BIT(3)"}, {"d", "DATE"},
    {"tm", "TIME(6)"}, {"dt", "DATETIME(6)"}, {"ts", "TIMESTAMP(6) NULL"}, {"y", "YEAR"}, {"c6", "CHAR(6)"},
    {"v20", "VARCHAR(20)"}, {"tx", "TEXT"}, {"lt", "LONGTEXT"}, {"bl", "BLOB"}, {"vb", "VARBINARY(16)"}, {"bn", "BINARY(4)"},
    {"en", "ENUM('a','b c','d-e')"}, {"st", "SET('x','y','z')"}, {"js", "JSON"}, {"uu", "UUID"}, {"ip", "INET6"}};

const QStringList kMariaRows[] = {
    {"-128", "-32768", "-8388608", "-2147483648", "-9223372036854775808", "0", "-999999999999999999.999999",
     "-3.40282e38", "-1.7976931348623157e308", "0", "b'000'", "'1000-01-01'", "'-838:59:59.999999'",
     "'1000-01-01 00:00:00.000000'", "'1970-01-01 00:00:01'", "1901", "'a'", "'x'", "'plain'", "'long'", "x'00'",
     "x'00'", "x'00000000'", "'a'", "'x'", "'[]'", "'00000000-0000-0000-0000-000000000000'", "'::'"},
    {"127", "32767", "8388607", "2147483647", "9223372036854775807", "18446744073709551615",
     "999999999999999999.999999", "3.40282e38", "1.7976931348623157e308", "1", "b'111'", "'9999-12-31'",
     "'838:59:59'", "'9999-12-31 23:59:59.999999'", "'2038-01-19 03:14:07.999999'", "2155", "'abc'",
     "'😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀'", "'emoji 😀👍🏽 and 𝄞'", "'{\"a\": [1, 2.50]}'", "x'00ff00fe'", "x'ff'",
     "x'7f80ff00'", "'b c'", "'x,y,z'", "'{\"é\": \"😀\"}'", "'ffffffff-ffff-ffff-ffff-ffffffffffff'",
     "'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'"},
    {"0", "0", "0", "0", "0", "1", "0.000001", "-0", "-0", "0", "b'010'", "'0000-00-00'", "'00:00:00.000001'",
     "'2024-02-29 23:59:59.123456'", "'2000-01-01 00:00:00.5'", "0", "'a  b'",
     "'e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301'",
     "CONCAT('tab', CHAR(9), 'cr', CHAR(13), ' lf', CHAR(10), ' back', CHAR(92), ' bell', CHAR(7), ' שלום RTL')",
     "'  leading and trailing  '", "x'000000'", "x'5c6e'", "x'0a0d'", "'d-e'", "'y'", "'null'",
     "'00000000-0000-0000-0000-000000000001'", "'::ffff:10.0.0.1'"},
    {"1", "1", "1", "1", "1", "9223372036854775808", "123.45", "0.1", "0.30000000000000004", "1", "b'100'",
     "'2024-02-29'", "'-00:00:00.5'", "'0000-00-00 00:00:00'", "'2000-01-01 13:00:00'", "2024", "' z'",
     "CONCAT('tab', CHAR(9), 'in the middle')", "'#x: not a comment, \\\\x41 not an escape'", "'1e400'", "x'7f80ff'", "x'01'", "x'20202020'",
     "'a'", "'x,z'", "'{\"n\": 1}'", "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'", "'2001:db8::1'"},
    {"2", "2", "2", "2", "2", "2", "-0.5", "1.17549e-38", "4.9406564584124654e-324", "0", "b'001'", "'1970-01-01'",
     "'12:00:00.5'", "'1970-01-01 00:00:00'", "'2000-01-01 00:00:00.000001'", "1970", "'abcdef'",
     "'12345678901234567890'", "'x'", "'y'", "x'0a'", "x'0d'", "x'5c000000'", "'b c'", "'y,z'", "'1'",
     "'00000000-0000-0000-0000-000000000002'", "'::1'"},
    {"NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL",
     "NULL", "NULL", "NULL", "NULL", "NULL", "REPEAT('0123456789abcdéf', 65536)", "NULL", "NULL", "NULL", "NULL",
     "NULL", "NULL", "NULL", "NULL"},
};

}  // namespace

class TestValueMatrix : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void roundTrip_data();
    void roundTrip();
    void sqliteStorageClassesNamed();

private:
    // The columns of the backend's table this row uses (all, or those the JSON statements carry).
    QList<Column> columns(const QString &backend) const;
    bool createTables(test::Sql &sql, const QString &backend);
    QString writeConfig(const test::Backend &b, const QString &table, const QString &name, bool import, bool keepEmpty);
    // The rows in which source and copy differ, compared in the database itself: PostgreSQL's text of the
    // whole row, SQLite's storage class and value (IS) of each column.
    QStringList differences(test::Sql &sql, const QString &backend);
    std::unique_ptr<test::WorkDir> m_dir;
    QString m_source;
    QString m_copy;
    bool m_jsonTypes = false;
    bool m_packedTypes = false;
};

void TestValueMatrix::init()
{
    m_dir = std::make_unique<test::WorkDir>();
    QVERIFY(m_dir->dir.isValid());
    m_source = test::uniqueTable("vsrc");
    m_copy = test::uniqueTable("vcopy");
}

void TestValueMatrix::cleanup()
{
    m_dir.reset();
}

void TestValueMatrix::roundTrip_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("keepEmpty");  // [control] KeepEmptyStrings=TRUE
    QTest::addColumn<bool>("jsonTypes");    // only the columns the JSON statements carry
    QTest::addColumn<bool>("packedTypes");  // only columns whose rows PostgreSQL sends packed (db/PackedRows.h)
    for (const QString &b : test::backendNames()) {
        QTest::newRow(qPrintable(b)) << b << false << false << false;
        QTest::newRow(qPrintable(b + " KeepEmptyStrings")) << b << true << false << false;
        if (b != QLatin1String("mariadb"))
            QTest::newRow(qPrintable(b + " JSON types")) << b << false << true << false;
        // The other rows have a column that is read column by column, so their export is never packed.
        // (Checked: with a fault put into the splitting of packed values, this row fails and the others pass.)
        if (b == QLatin1String("postgresql"))
            QTest::newRow(qPrintable(b + " packed types")) << b << false << true << true;
    }
}

namespace {
// The backend's entry of a table: PostgreSQL's, MariaDB's or SQLite's.
template <typename T, size_t P, size_t M, size_t S>
QList<T> pick(const QString &backend, const T (&pg)[P], const T (&maria)[M], const T (&lite)[S])
{
    if (backend == QLatin1String("postgresql"))
        return QList<T>(std::begin(pg), std::end(pg));
    if (backend == QLatin1String("mariadb"))
        return QList<T>(std::begin(maria), std::end(maria));
    return QList<T>(std::begin(lite), std::end(lite));
}

QList<Column> columnsOf(const QString &backend)
{
    return pick(backend, kPgColumns, kMariaColumns, kSqliteColumns);
}

QList<QStringList> rowsOf(const QString &backend)
{
    return pick(backend, kPgRows, kMariaRows, kSqliteRows);
}

// Columns of number, text, date and time types, which the import writes as JSON (PostgreSQL: also XML and
// MONEY, which psqlODBC names; not JSON, JSONB or arrays, which it calls "unknown" and which
// json_populate_recordset would build from JSON structure: with them a table keeps the other statements,
// tests/integration/tst_import_batching.cpp, jsonColumns).
const QStringList kJsonColumns = {"i2", "i4", "i8", "num", "f4", "f8", "d", "tm", "ts", "tstz", "tx", "c6", "v20",
                                  "x", "mo", "i", "bi", "r", "db", "n", "dt"};
// PostgreSQL columns of integer and string types, and those read as the server's text (dates, times,
// floating point: ExactSelect.h): a SELECT of only these comes packed, one value a row.
const QStringList kPackedColumns = {"i2", "i4", "i8", "f4", "f8", "d", "tm", "ts", "tstz", "tx", "c6", "v20"};
}  // namespace

QList<Column> TestValueMatrix::columns(const QString &backend) const
{
    QList<Column> all = columnsOf(backend);
    if (m_jsonTypes)
        all.removeIf([](const Column &c) { return !kJsonColumns.contains(QLatin1String(c.name)); });
    if (m_packedTypes)
        all.removeIf([](const Column &c) { return !kPackedColumns.contains(QLatin1String(c.name)); });
    return all;
}

bool TestValueMatrix::createTables(test::Sql &sql, const QString &backend)
{
    QStringList defs{QStringLiteral("id INTEGER PRIMARY KEY")};
    QStringList names{QStringLiteral("id")};
    for (const Column &c : columns(backend)) {
        defs.append(QStringLiteral("%1 %2").arg(QLatin1String(c.name), QLatin1String(c.type)));
        names.append(QLatin1String(c.name));
    }
    for (const QString &t : {m_source, m_copy}) {
        if (!sql.exec(QStringLiteral("CREATE TABLE %1 (%2)").arg(t, defs.join(QStringLiteral(", ")))))
            return false;
    }
    const QList<Column> all = columnsOf(backend);
    int id = 1;
    for (const QStringList &r : rowsOf(backend)) {
        QStringList values;
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (names.contains(QLatin1String(all[i].name)))
                values.append(r.at(i));
        }
        if (!sql.exec(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3, %4)")
                          .arg(m_source, names.join(QStringLiteral(", ")))
                          .arg(id++)
                          .arg(values.join(QStringLiteral(", ")))))
            return false;
    }
    return true;
}

QString TestValueMatrix::writeConfig(const test::Backend &b, const QString &table, const QString &name, bool import, bool keepEmpty)
{
    QString attributes = QStringLiteral("ID=%1.id\n").arg(table);
    QStringList modify;
    for (const Column &c : columns(b.name)) {
        attributes += QStringLiteral("%1=%2.%3\n").arg(QString::fromLatin1(c.name).toUpper(), table, QLatin1String(c.name));
        modify.append(QString::fromLatin1(c.name).toUpper());
    }
    const QString section = import ? QStringLiteral("[import]\nTable=%1\nSelectBy=ID\nModify=%2\n").arg(table, modify.join(QLatin1Char(',')))
                                   : QStringLiteral("[export]\nFrom=%1\nSelect=ID,%2\n").arg(table, modify.join(QLatin1Char(',')));
    // The export without the Summary trace: then PostgreSQL's packed rows are made into records from their
    // bytes on the fetch threads (RowSource::formatRecords), the export's fastest and least shared path.
    const QString text = QStringLiteral("[version]\nVersion=1.06\n[attributes]\n%1[database]\n%2\n%3[control]\n"
                                        "Encoding=UTF-8\nTraceLevel=%4Stats Warnings%5\n%6")
                             .arg(attributes, b.fieldLines.join(QLatin1Char('\n')), section,
                                  import ? QStringLiteral("Summary ") : QString(),
                                  m_jsonTypes && import ? QStringLiteral(" SQL\nTrace=1\nTraceFile=import-trace.txt") : QString(),
                                  keepEmpty ? QStringLiteral("KeepEmptyStrings=TRUE\n") : QString());
    QFile f(m_dir->filePath(name));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(text.toUtf8());
    return name;
}

QStringList TestValueMatrix::differences(test::Sql &sql, const QString &backend)
{
    if (backend == QLatin1String("postgresql"))
        return sql.rows(QStringLiteral("SELECT coalesce(s.id, c.id), left(s::text, 300), left(c::text, 300) FROM %1 AS s "
                                       "FULL JOIN %2 AS c ON s.id = c.id WHERE s::text IS DISTINCT FROM c::text")
                            .arg(m_source, m_copy));
    if (backend == QLatin1String("mariadb")) {
        // Null-safe equality and the same bytes of the value's text (CHAR and VARCHAR compare with trailing
        // blanks ignored; the bytes do not).
        QStringList checks;
        for (const Column &c : columns(backend))
            checks.append(QStringLiteral("IF(s.%1 <=> c.%1 AND HEX(CAST(s.%1 AS BINARY)) <=> HEX(CAST(c.%1 AS BINARY)), '', "
                                         "CONCAT('%1: ', COALESCE(LEFT(HEX(CAST(s.%1 AS BINARY)), 80), 'NULL'), ' / ', "
                                         "COALESCE(LEFT(HEX(CAST(c.%1 AS BINARY)), 80), 'NULL'), '; '))").arg(QLatin1String(c.name)));
        return sql.rows(QStringLiteral("SELECT * FROM (SELECT s.id AS id, CONCAT(%1) AS differ FROM %2 AS s LEFT JOIN %3 AS c "
                                       "ON s.id = c.id) AS d WHERE differ <> '' OR differ IS NULL")
                            .arg(checks.join(QStringLiteral(", ")), m_source, m_copy));
    }
    QStringList checks;
    for (const Column &c : columns(backend))
        checks.append(QStringLiteral("CASE WHEN s.%1 IS c.%1 AND typeof(s.%1) = typeof(c.%1) THEN '' ELSE '%1: ' || "
                                     "typeof(s.%1) || ' ' || substr(quote(s.%1), 1, 80) || ' / ' || typeof(c.%1) || ' ' || "
                                     "substr(quote(c.%1), 1, 80) || '; ' END").arg(QLatin1String(c.name)));
    return sql.rows(QStringLiteral("SELECT * FROM (SELECT s.id AS id, %1 AS differ FROM %2 AS s LEFT JOIN %3 AS c ON s.id = c.id) "
                                   "WHERE differ <> '' OR differ IS NULL")
                        .arg(checks.join(QStringLiteral(" || ")), m_source, m_copy));
}

void TestValueMatrix::roundTrip()
{
    QFETCH(QString, backend);
    QFETCH(bool, keepEmpty);
    QFETCH(bool, jsonTypes);
    QFETCH(bool, packedTypes);
    m_jsonTypes = jsonTypes;
    m_packedTypes = packedTypes;
    const test::Backend b = test::backendNamed(backend, m_dir->path());
    test::Sql sql(b);
    QVERIFY2(sql.ok(), qPrintable(sql.error()));
    QVERIFY2(createTables(sql, backend), qPrintable(sql.error()));
    // Empty strings (and an empty BLOB / bytea) next to NULLs: the manual writes both as an empty value,
    // which imports as NULL; KeepEmptyStrings keeps them apart.
    const bool pg = backend == QLatin1String("postgresql");
    const bool maria = backend == QLatin1String("mariadb");
    QVERIFY2(jsonTypes || sql.exec(pg      ? QStringLiteral("INSERT INTO %1 (id, bin, tx, c6, v20) VALUES (99, '\\x', '', '', NULL)").arg(m_source)
                      : maria ? QStringLiteral("INSERT INTO %1 (id, bl, vb, tx, c6, st, v20) VALUES (99, x'', x'', '', ' ', '', NULL)").arg(m_source)
                              : QStringLiteral("INSERT INTO %1 (id, i, dt, bl, tx, v20, c6) VALUES (99, '', '', x'', '', NULL, '')").arg(m_source)),
             qPrintable(sql.error()));

    const test::ProgramRun exported = test::runProgram(QStringLiteral("ODBCAgentExp"),
                                                       {"-f", writeConfig(b, m_source, "export.ini", false, keepEmpty), "-o", "source.txt"},
                                                       m_dir->path());
    QVERIFY2(exported.exitCode == 0, qPrintable(QString("exit %1\n%2%3").arg(exported.exitCode).arg(exported.out, exported.err)));
    const test::ProgramRun imported = test::runProgram(QStringLiteral("ODBCAgentImp"),
                                                       {"-f", writeConfig(b, m_copy, "import.ini", true, keepEmpty), "-i", "source.txt"},
                                                       m_dir->path());
    QVERIFY2(imported.exitCode == 0, qPrintable(QString("exit %1\n%2%3\n%4").arg(imported.exitCode).arg(imported.out, imported.err,
                                                                                             QString::fromUtf8(test::readAll(m_dir->filePath("except.txt")).left(4000)))));

    QCOMPARE(sql.rows(QStringLiteral("SELECT count(*) FROM %1").arg(m_copy)),
             sql.rows(QStringLiteral("SELECT count(*) FROM %1").arg(m_source)));
    if (jsonTypes) {  // the values went through the JSON statements
        const QString trace = QString::fromUtf8(test::readAll(m_dir->filePath("import-trace.txt")));
        QVERIFY2(trace.contains(QStringLiteral("statement for many records at once")), qPrintable(trace.left(3000)));
        QVERIFY2(!trace.contains(QStringLiteral("at once failed")), qPrintable(trace.left(3000)));
    } else if (!keepEmpty) {
        // The manual's empty value: the empty strings arrived as NULL, as documented (and nothing else did).
        const QString nulls = pg      ? QStringLiteral("SELECT count(*) FROM %1 WHERE id = 99 AND bin IS NULL AND tx IS NULL")
                              : maria ? QStringLiteral("SELECT count(*) FROM %1 WHERE id = 99 AND bl IS NULL AND vb IS NULL AND tx IS NULL "
                                                       "AND c6 IS NULL AND st IS NULL")
                                      : QStringLiteral("SELECT count(*) FROM %1 WHERE id = 99 AND i IS NULL AND dt IS NULL AND bl IS NULL "
                                                  "AND tx IS NULL AND c6 IS NULL");
        QCOMPARE(sql.rows(nulls.arg(m_copy)), QStringList{"1"});
        QVERIFY(sql.exec(QStringLiteral("DELETE FROM %1 WHERE id = 99").arg(m_source)));
        QVERIFY(sql.exec(QStringLiteral("DELETE FROM %1 WHERE id = 99").arg(m_copy)));
        const test::ProgramRun without = test::runProgram(QStringLiteral("ODBCAgentExp"),
                                                          {"-f", "export.ini", "-o", "source.txt"}, m_dir->path());
        QCOMPARE(without.exitCode, 0);
    }
    QCOMPARE(differences(sql, backend).join(QLatin1Char('\n')), QString());

    // The copy exports to the same bytes.
    const test::ProgramRun again = test::runProgram(QStringLiteral("ODBCAgentExp"),
                                                    {"-f", writeConfig(b, m_copy, "export-copy.ini", false, keepEmpty), "-o", "copy.txt"},
                                                    m_dir->path());
    QCOMPARE(again.exitCode, 0);
    const QByteArray first = test::readAll(m_dir->filePath("source.txt"));
    QVERIFY(first.size() > 1000000);
    QVERIFY(first == test::readAll(m_dir->filePath("copy.txt")));
}

// What an import cannot give back on SQLite - a BLOB in a TEXT column (an import stores text), a text or
// number in a BLOB column (an import stores a BLOB) - is exported as hex digits with a warning that names the
// record and the attribute (exit code 0x3C), never silently. A text that starts with U+FDD0 and a BLOB in a
// BLOB column are carried exactly, without a word. A text that is not UTF-8 is written with U+FFFD, with a
// warning (also one that starts like the reader's mark: the byte 0xFF and a storage class).
void TestValueMatrix::sqliteStorageClassesNamed()
{
    OAS_REQUIRE_BACKEND("sqlite");
    const test::Backend b = test::Backend::sqlite(m_dir->filePath("classes.db"));
    test::Sql sql(b);
    QVERIFY2(sql.ok(), qPrintable(sql.error()));
    QVERIFY(sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, tx TEXT, bl BLOB)").arg(m_source)));
    QVERIFY2(sql.exec(QStringLiteral("INSERT INTO %1 VALUES (1, x'4142', 'hello'), (2, char(64976) || 'blob 00', x'00ff'), "
                                     "(3, 'plain', 5), (4, 'x', 1.5), (5, CAST(x'41ff42' AS TEXT), NULL), "
                                     "(6, CAST(x'ff626c6f62207a7a' AS TEXT), NULL)").arg(m_source)),
             qPrintable(sql.error()));
    QFile f(m_dir->filePath("classes.ini"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("[version]\nVersion=1.06\n[attributes]\nID=%1.id\nTX=%1.tx\nBL=%1.bl\n[database]\n%2\n"
                           "[export]\nFrom=%1\nSelect=ID,TX,BL\n[control]\nEncoding=UTF-8\n")
                .arg(m_source, b.fieldLines.join(QLatin1Char('\n')))
                .toUtf8());
    f.close();
    const test::ProgramRun r = test::runProgram(QStringLiteral("ODBCAgentExp"), {"-f", "classes.ini", "-o", "classes.txt"}, m_dir->path());
    QCOMPARE(r.exitCode, 0x3C);
    QVERIFY2(r.err.contains("record at row 1: value cannot be carried exactly\nTX: a BLOB stored in a SQL_LONGVARCHAR column is "
                            "written as hex digits; an import stores them as text\nBL: a TEXT stored in a SQL_BINARY column is "
                            "written as the hex digits of its text; an import stores them as a BLOB\n"), qPrintable(r.err));
    QVERIFY2(r.err.contains("record at row 3: value cannot be carried exactly\nBL: an INTEGER stored in a SQL_BINARY column"), qPrintable(r.err));
    QVERIFY2(r.err.contains("record at row 4: value cannot be carried exactly\nBL: a REAL stored in a SQL_BINARY column"), qPrintable(r.err));
    QVERIFY2(r.err.contains("record at row 5: value cannot be carried exactly\nTX: a text that is not valid UTF-8 is written with "
                            "U+FFFD in place of the bytes that are not"), qPrintable(r.err));
    QVERIFY2(r.err.contains("record at row 6: value cannot be carried exactly\nTX: a text that is not valid UTF-8"), qPrintable(r.err));
    QVERIFY2(!r.err.contains("row 2"), qPrintable(r.err));
    QCOMPARE(test::readAll(m_dir->filePath("classes.txt")),
             QByteArray("row:\nID: 1\nTX: 4142\nBL: 68656c6c6f\n\n"
                        "row:\nID: 2\nTX: \\xef\\xb7\\x90blob 00\nBL: 00ff\n\n"
                        "row:\nID: 3\nTX: plain\nBL: 35\n\n"
                        "row:\nID: 4\nTX: x\nBL: 312e35\n\n"
                        "row:\nID: 5\nTX: A\\xef\\xbf\\xbdB\nBL:\n\n"
                        "row:\nID: 6\nTX: \\xef\\xbf\\xbdblob zz\nBL:\n\n"));
}

QTEST_GUILESS_MAIN(TestValueMatrix)
#include "tst_value_matrix.moc"
