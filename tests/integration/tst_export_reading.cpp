// How the export reads its rows, against real drivers: through a data source name, long data value by
// value, values longer than their columns' reported size, and a large PostgreSQL or SQLite table on two
// connections at once (two halves for a full export, key ranges in order for a delta), and PostgreSQL's
// records made from the rows' bytes on the fetch threads.
#include "ExportFixture.h"

#include <QElapsedTimer>

using namespace oas;
using test::backendNamed;
using test::Capture;
using test::kFull;
using test::readFile;
using test::runRequest;
using test::SqlCapture;

class TestExportReading : public QObject, protected test::ExportFixture {
    Q_OBJECT
private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void throughDataSourceName_data();
    void throughDataSourceName();
    void longDataRowByRow_data();
    void longDataRowByRow();
    void valuesLongerThanTheirColumns_data();
    void valuesLongerThanTheirColumns();
    void largeTableInTwoHalves_data();
    void largeTableInTwoHalves();
    void sqliteBusyWriterKeepsOneSelect();
    void keyRangesInOrder_data();
    void keyRangesInOrder();
    void recordsFromBytesLikeFromValues();
};

void TestExportReading::throughDataSourceName_data()
{
    addBackends();
}

void TestExportReading::throughDataSourceName()
{
    // With DRIVER= the agent knows the driver before connecting and passes its options (StepAPI, or
    // UseDeclareFetch and Fetch) at once; through a data source name it learns the driver only once
    // connected and opens the connection again with them. Either way the same bytes.
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    // The user's data sources come from $ODBCINI.
    QFile ini(m_dir->filePath("odbc.ini"));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    const QString driver = b.fieldLines.first().section('=', 1).remove('{').remove('}');
    const QString dsn = "oas_dsn_" + backend;  // a name per row: unixODBC keeps what it read under a name
    ini.write(QStringLiteral("[%1]\nDriver=%2\n").arg(dsn, driver).toUtf8());
    ini.close();
    struct Environment {
        QByteArray saved = qgetenv("ODBCINI");
        ~Environment() { saved.isNull() ? qunsetenv("ODBCINI") : qputenv("ODBCINI", saved); }
    } environment;
    qputenv("ODBCINI", QFile::encodeName(ini.fileName()));
    QVERIFY(prepareTable(b));
    test::Backend viaDsn = b;
    viaDsn.fieldLines.first() = "DSN=" + dsn;
    const QString cfg = writeConfig(viaDsn, "Select=ID, NAME, BORN, HIRED, NOTES\nFrom=" + m_table, "TraceLevel=ConnectAttributes\n");
    struct Attributes : Capture {
        QStringList lines;
        void traceLine(run::TraceKind kind, config::TraceLevel level, const QString &text) override
        {
            Capture::traceLine(kind, level, text);
            if (level == config::TraceLevel::ConnectAttributes)
                lines << text;
        }
    } attributes;
    exporter::ExportRequest request;
    request.outputPath = "dsn.txt";
    const auto r = runRequest(cfg, request, attributes);
    QVERIFY2(r.exitCode == 0, qPrintable(attributes.errors.join('\n')));
    QCOMPARE(readFile("dsn.txt"), kFull);
    const QString connected = attributes.lines.join('\n');
    QVERIFY2(connected.contains("DSN=" + dsn)
                 && connected.contains(backend == "sqlite" ? "StepAPI=1" : backend == "mariadb" ? "OPTION=3145730" : "UseDeclareFetch=1"),
             qPrintable(connected));
}

void TestExportReading::longDataRowByRow_data()
{
    addBackends();
}

void TestExportReading::longDataRowByRow()
{
    // TEXT (long data) cannot be bound in blocks: values are read row by row with SQLGetData, in 8 KiB
    // pieces; the output must be the same as the block path's.
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    test::Sql sql(b);
    QVERIFY2(sql.ok(), qPrintable(sql.error()));
    const QString blob = backend == "sqlite" ? "BLOB" : backend == "mariadb" ? "LONGBLOB" : "BYTEA";
    QVERIFY(sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(40), born DATE, hired TIMESTAMP, "
                                    "notes TEXT, data %2)")
                         .arg(m_table, blob)));
    QString big;
    for (int i = 0; i < 3000; ++i)
        big += QStringLiteral("Zoë%1 ").arg(i % 10);  // ~18 000 characters, 21 000 UTF-8 bytes
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?, ?, ?, ?)").arg(m_table),
                     {1, "Nancy", "1948-12-08", "1992-05-01 00:00:00", big,
                      QByteArray("\x00\x01\xfe\xff", 4)}));
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 (id, notes) VALUES (?, ?)").arg(m_table), {2, "short"}));
    const QString cfg = writeConfig(b, "Select=ID, NAME, BORN, HIRED, NOTES\nFrom=" + m_table, "8bit=TRUE\n");
    QFile f(cfg);
    f.open(QIODevice::ReadOnly);
    QByteArray text = f.readAll().replace("NOTES=" + m_table.toUtf8() + ".notes",
                                          "NOTES=" + m_table.toUtf8() + ".notes\nDATA=" + m_table.toUtf8() + ".data");
    text.replace("HIRED, NOTES", "HIRED, NOTES, DATA");
    f.close();
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(text);
    f.close();
    const auto r = exportOnce(cfg, "long.txt");
    QVERIFY2(r.exitCode == 0, qPrintable(m_capture.errors.join('\n')));
    const QByteArray expected = "row:\nID: 1\nNAME: Nancy\nBORN: 1948-12-08\nHIRED: 1992-05-01 00:00:00\nNOTES: "
                                + big.trimmed().toUtf8() + "\\x20\nDATA: 0001feff\n\n"
                                  "row:\nID: 2\nNAME:\nBORN:\nHIRED:\nNOTES: short\nDATA:\n\n";
    const QByteArray got = readFile("long.txt");
    QCOMPARE(got.size(), expected.size());
    QCOMPARE(got, expected);
}

void TestExportReading::valuesLongerThanTheirColumns_data()
{
    addBackends();
}

void TestExportReading::valuesLongerThanTheirColumns()
{
    // A column's reported size is no limit: SQLite keeps 3000 characters in a VARCHAR(10), PostgreSQL's
    // CHARACTER VARYING without a length is reported as 255 wide (MariaDB: a TEXT column). Such values were once cut to the size of
    // their buffer without a word; they must come out whole, in the full export and in the delta.
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    test::Sql sql(b);
    QVERIFY2(sql.ok(), qPrintable(sql.error()));
    QVERIFY(sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name %2, born DATE, hired TIMESTAMP, notes VARCHAR(10))")
                         .arg(m_table, backend == "sqlite" ? "VARCHAR(10)" : backend == "mariadb" ? "TEXT" : "VARCHAR")));
    const QString longName = QString(2990, QLatin1Char('x')) + QStringLiteral("M\u00fcller end");
    const QString longNotes = backend == "sqlite" ? QString(400, QLatin1Char('n')) : QStringLiteral("short");
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?, ?, ?)").arg(m_table),
                     {1, longName, "1948-12-08", "1992-05-01 00:00:00", longNotes}));
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 (id, name) VALUES (?, ?)").arg(m_table), {2, "Nancy"}));
    const QByteArray first = "row:\nID: 1\nNAME: " + QString(2990, QLatin1Char('x')).toUtf8() + "M\xc3\xbcller end\n"
                             "BORN: 1948-12-08\nHIRED: 1992-05-01 00:00:00\nNOTES: " + longNotes.toUtf8() + "\n\n";
    const QByteArray second = "row:\nID: 2\nNAME: Nancy\nBORN:\nHIRED:\nNOTES:\n\n";
    const QString cfg = writeConfig(b, "Mode=delta-or-full\nSelect=ID, NAME, BORN, HIRED, NOTES\nKeys=ID\nFrom=" + m_table
                                           + "\nReferencePath=refs", "8bit=TRUE\n");
    auto r = exportOnce(cfg, "full.txt");
    QVERIFY2(r.exitCode == 0, qPrintable(m_capture.errors.join('\n')));
    QCOMPARE(readFile("full.txt"), first + second);
    // The delta sees the whole value too: changing its last character makes a modify record.
    const QString changed = longName.chopped(1) + QLatin1Char('!');
    QVERIFY(sql.exec(QStringLiteral("UPDATE %1 SET name = ? WHERE id = 1").arg(m_table), {changed}));
    r = exportOnce(cfg, "delta.txt", QDate(2026, 11, 24));
    QVERIFY2(r.exitCode == 0, qPrintable(m_capture.errors.join('\n')));
    QByteArray modified = first;
    modified.replace("end\n", "en!\n");
    QCOMPARE(readFile("delta.txt"), "row:\nChangeType: modify\n" + modified.mid(5));
}

void TestExportReading::largeTableInTwoHalves_data()
{
    QTest::addColumn<QString>("backend");
    bool any = false;
    for (const QString &name : test::backendNames()) {
        if (name == "postgresql" || name == "sqlite") {
            QTest::newRow(qPrintable(name)) << name;
            any = true;
        }
    }
    if (!any)
        QTest::newRow("none") << QString();
}

void TestExportReading::largeTableInTwoHalves()
{
    // A full export of a large PostgreSQL or SQLite table reads its two halves (PostgreSQL: by ctid;
    // SQLite: by rowid) on two connections in parallel, in one snapshot: every row once, the same rows as
    // one SELECT gives (in another order).
    QFETCH(QString, backend);
    if (backend.isEmpty())
        QSKIP("neither PostgreSQL nor SQLite is in this pass (OAS_TEST_BACKENDS)");
    const test::Backend b = backendNamed(backend, m_dir->path());
    const bool sqlite = b.name == "sqlite";
    {
        test::Sql sql(b);
        QVERIFY(sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(40), born DATE, "
                                        "hired TIMESTAMP, notes VARCHAR(200))").arg(m_table)));
        QVERIFY2(sql.exec(sqlite ? QStringLiteral("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 5000) "
                                                  "INSERT INTO %1 SELECT i, 'name ' || i, date('2000-01-01', '+' || i || ' days'), NULL, "
                                                  "substr('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 1, i % 50) FROM s").arg(m_table)
                                 : QStringLiteral("INSERT INTO %1 SELECT i, 'name ' || i, DATE '2000-01-01' + i, NULL, "
                                                  "repeat('x', i % 50) FROM generate_series(1, 5000) AS s(i)").arg(m_table)),
                 qPrintable(sql.error()));
        QVERIFY(sql.exec(QStringLiteral("ANALYZE %1").arg(m_table)));
    }
    const QString cfg = writeConfig(b, "Select=ID, NAME, BORN, HIRED, NOTES\nFrom=" + m_table, "TraceLevel=SQL\n");
    auto exportWith = [&](qint64 minimumPages, const QString &out, SqlCapture &capture) {
        exporter::ExportRequest request;
        request.outputPath = out;
        request.splitMinimumPages = minimumPages;
        return runRequest(cfg, request, capture);
    };
    SqlCapture one;
    SqlCapture two;
    QCOMPARE(exportWith(0, "one.txt", one).exitCode, 0);
    const exporter::ExportResult r = exportWith(1, "two.txt", two);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.rows, 5000);
    const char *secondHalf = sqlite ? "rowid > " : "ctid >= '(";
    QVERIFY2(two.sql.join('\n').contains("the table in 2 parts by physical position") && two.sql.join('\n').contains(secondHalf),
             qPrintable(two.sql.join('\n')));
    QVERIFY(!one.sql.join('\n').contains(secondHalf));
    auto records = [](const QByteArray &data) {
        QStringList out = QString::fromUtf8(data).split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
        out.sort();
        return out;
    };
    const QStringList a = records(readFile("one.txt"));
    QCOMPARE(a.size(), 5000);
    QCOMPARE(records(readFile("two.txt")), a);
}

void TestExportReading::sqliteBusyWriterKeepsOneSelect()
{
    // Another connection is in a write transaction on the SQLite database: the write lock the two halves
    // need for one snapshot cannot be had, so after a short wait (2 s, not the driver's 30 s busy timeout)
    // one SELECT reads the table, every committed row once, and the trace says why.
    OAS_REQUIRE_BACKEND("sqlite");
    const test::Backend b = backendNamed("sqlite", m_dir->path());
    test::Sql sql(b);
    QVERIFY(sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(40))").arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 3000) "
                                    "INSERT INTO %1 SELECT i, 'name ' || i FROM s").arg(m_table)));
    test::Sql writer(b);
    QVERIFY(writer.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QVERIFY(writer.exec(QStringLiteral("INSERT INTO %1 VALUES (5000, 'not committed')").arg(m_table)));
    struct AllTrace : run::JobObserver {
        QStringList lines;
        void traceLine(run::TraceKind, config::TraceLevel, const QString &text) override { lines << text; }
    } capture;
    const QString cfg = writeConfig(b, "Select=ID, NAME\nFrom=" + m_table, "TraceLevel=SQL Warnings\n");
    exporter::ExportRequest request;
    request.outputPath = "busy.txt";
    request.splitMinimumPages = 1;
    QElapsedTimer timer;
    timer.start();
    const exporter::ExportResult r = runRequest(cfg, request, capture);
    const qint64 waited = timer.elapsed();
    QVERIFY(writer.exec(QStringLiteral("ROLLBACK")));
    const QString trace = capture.lines.join('\n');
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.rows, 3000);
    QVERIFY2(trace.contains("reading the table on two connections is not possible") && !trace.contains("rowid >"), qPrintable(trace));
    QVERIFY2(waited < 20000, qPrintable(QString::number(waited)));  // the lock's 2 s, never the driver's 30 s
    const QByteArray data = readFile("busy.txt");
    QCOMPARE(data.count("row:\n"), 3000);
    QVERIFY(data.contains("NAME: name 3000\n") && !data.contains("not committed"));
}

void TestExportReading::keyRangesInOrder_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &name : test::backendNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestExportReading::keyRangesInOrder()
{
    // An export in key order (one integer key) of a large table reads the keys in ranges (PostgreSQL and
    // SQLite: alternately on two connections in one snapshot; MariaDB: one after the other in one
    // transaction, as its driver holds whole results in memory): the reference file and the delta must be
    // exactly those of one ordered SELECT, with sparse and extreme keys (BIGINT from its minimum to its
    // maximum, most rows in a narrow band), duplicates and NULL keys (which ORDER BY puts last, or first).
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    const bool maria = b.isMariaDb();
    const qint64 rowsPerRange = maria ? 200 : 300;  // (MariaDB's ranges are 8 times as large)
    test::Sql sql(b);
    QVERIFY(sql.exec(QStringLiteral("CREATE TABLE %1 (id BIGINT, name VARCHAR(40), born DATE, hired TIMESTAMP NULL, "
                                    "notes VARCHAR(200))").arg(m_table)));
    QVERIFY2(sql.exec(maria ? QStringLiteral("INSERT INTO %1 SELECT seq * 7, CONCAT('name ', seq), DATE_ADD('2000-01-01', INTERVAL seq DAY), "
                                             "NULL, REPEAT('x', seq % 50) FROM seq_1_to_4000").arg(m_table)
                      : b.name == "sqlite" ? QStringLiteral("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 4000) "
                                                      "INSERT INTO %1 SELECT i * 7, 'name ' || i, date('2000-01-01', '+' || i || ' days'), "
                                                      "NULL, substr('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 1, i % 50) FROM s")
                                           .arg(m_table)
                            : QStringLiteral("INSERT INTO %1 SELECT i * 7, 'name ' || i, DATE '2000-01-01' + i, NULL, "
                                             "repeat('x', i % 50) FROM generate_series(1, 4000) AS s(i)").arg(m_table)),
             qPrintable(sql.error()));
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 (id, name) VALUES (NULL, 'no key'), (70, 'twin'), (NULL, 'no key 2')")
                         .arg(m_table)));
    QVERIFY(sql.exec(QString::fromLatin1(maria ? "ANALYZE TABLE %1" : "ANALYZE %1").arg(m_table)));
    // Two configurations side by side (one in ranges, one not), each with its own reference directory.
    auto exportIn = [&](const QString &dirName, qint64 rowsPerRange, QDate day, SqlCapture &capture) {
        QDir().mkpath(dirName);
        const QString cfg = writeConfig(b, "Mode=delta-or-full\nSelect=ID, NAME, BORN, HIRED, NOTES\nKeys=ID\nFrom=" + m_table
                                               + "\nReferencePath=" + dirName, "TraceLevel=SQL\n");
        const QString path = dirName + "/export.ini";
        QFile::remove(path);
        QFile::copy(cfg, path);
        exporter::ExportRequest request;
        request.configPath = path;
        request.outputPath = dirName + "/out.txt";
        request.todayUtc = day;
        request.splitMinimumPages = 1;
        request.rowsPerKeyRange = rowsPerRange;
        return runRequest(path, request, capture);
    };
    auto referenceOf = [](const QString &dirName) {
        // Everything but the time stamp of the header (bytes 8 to 15) and the checksum it changes.
        const QStringList names = QDir(dirName).entryList({"R*"}, QDir::Files, QDir::Name);
        QByteArray data = names.isEmpty() ? QByteArray() : readFile(dirName + "/" + names.last());
        return data.left(8) + data.mid(16).chopped(8);
    };
    SqlCapture one;
    SqlCapture ranges;
    const QDate day1(2026, 11, 23);
    QCOMPARE(exportIn("one", 0, day1, one).exitCode, 0x3C);  // a warning: key 70 twice
    const exporter::ExportResult r = exportIn("ranges", rowsPerRange, day1, ranges);
    QCOMPARE(r.exitCode, 0x3C);
    QCOMPARE(r.rows, 4003);
    const QString trace = ranges.sql.join('\n');
    QVERIFY2(trace.contains("ranges, read in order") && trace.contains(".id >= ") && trace.contains(".id IS NULL)"),
             qPrintable(trace));
    QVERIFY(!one.sql.join('\n').contains("ranges"));
    QCOMPARE(readFile("ranges/out.txt"), readFile("one/out.txt"));
    QCOMPARE(referenceOf("ranges"), referenceOf("one"));
    // Changes across the ranges: the same delta either way.
    QVERIFY(sql.exec(QStringLiteral("UPDATE %1 SET name = 'changed' WHERE id % 700 = 0 OR id IS NULL").arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("DELETE FROM %1 WHERE id BETWEEN 14000 AND 14700").arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 (id, name) VALUES (3, 'new'), (27999, 'new too')").arg(m_table)));
    const QDate day2(2026, 11, 24);
    QCOMPARE(exportIn("one", 0, day2, one).exitCode, 0x3C);
    QCOMPARE(exportIn("ranges", rowsPerRange, day2, ranges).exitCode, 0x3C);
    const QByteArray delta = readFile("one/out.txt");
    QVERIFY(delta.count("ChangeType: modify") >= 7 && delta.count("ChangeType: delete") >= 100 && delta.count("ChangeType: add") == 2);
    QCOMPARE(readFile("ranges/out.txt"), delta);
    QCOMPARE(referenceOf("ranges"), referenceOf("one"));
    // The whole BIGINT span (its bounds do not fit in 64 bits): most rows fall in one range.
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 (id, name) VALUES (-9223372036854775808, 'lowest'), "
                                    "(9223372036854775807, 'highest')").arg(m_table)));
    const QDate day3(2026, 11, 25);
    QCOMPARE(exportIn("one", 0, day3, one).exitCode, 0x3C);
    QCOMPARE(exportIn("ranges", rowsPerRange, day3, ranges).exitCode, 0x3C);
    QCOMPARE(readFile("one/out.txt").count("ChangeType: add"), 2);
    QCOMPARE(readFile("ranges/out.txt"), readFile("one/out.txt"));
    QCOMPARE(referenceOf("ranges"), referenceOf("one"));
    if (b.isPostgres())
        QVERIFY(ranges.sql.join('\n').contains("-7804391723492502606"));  // the first bound
}


void TestExportReading::recordsFromBytesLikeFromValues()
{
    // A full PostgreSQL export formats the packed rows on the fetch threads from their UTF-8 bytes: the same
    // records (bytes), warnings and counts as formatting the decoded values, in both encodings, with and
    // without 8bit and KeepEmptyStrings, read in two halves. The values: blanks at the ends, escapes, text
    // ISO-8859-1 can take (written) and cannot (the record left out, with a warning naming it), U+0001 and
    // other control characters, values longer than the buffer of a packed row (read again whole, formatted
    // from values), NULL and the empty string.
    if (!test::backendNames().contains("postgresql"))
        QSKIP("PostgreSQL is not in this pass (OAS_TEST_BACKENDS)");
    const test::Backend b = backendNamed("postgresql", m_dir->path());
    {
        test::Sql sql(b);
        QVERIFY(sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(40), code INTEGER, "
                                        "notes VARCHAR(8000))").arg(m_table)));
        QVERIFY2(sql.exec(QStringLiteral(
                              "INSERT INTO %1 SELECT i, CASE WHEN i % 7 = 0 THEN NULL WHEN i % 11 = 0 THEN '' ELSE 'name ' || i END, "
                              "CASE WHEN i % 5 = 0 THEN NULL ELSE i * 3 - 1000 END, CASE i % 8 "
                              "WHEN 0 THEN ' lead and trail ' WHEN 1 THEN 'back\\slash' || chr(9) || 'tab #' || i "
                              "WHEN 2 THEN 'Zo' || chr(235) || ' M' || chr(252) || 'ller ' || i WHEN 3 THEN chr(8364) || ' ' || i "
                              "WHEN 4 THEN repeat('x', 7000) || i WHEN 5 THEN chr(1) || 'hive' || chr(1) || chr(2) || 'x' || chr(127) "
                              "WHEN 6 THEN '' ELSE 'a' || chr(10) || 'b ' END FROM generate_series(1, 3000) AS s(i)")
                              .arg(m_table)),
                 qPrintable(sql.error()));
        QVERIFY(sql.exec(QStringLiteral("ANALYZE %1").arg(m_table)));
    }
    auto records = [](const QByteArray &data) {
        QList<QByteArray> out = data.split('\n');
        QList<QByteArray> joined;
        QByteArray record;
        for (const QByteArray &line : out) {  // records end with an empty line
            record += line + '\n';
            if (line.isEmpty()) {
                joined.append(record);
                record.clear();
            }
        }
        std::sort(joined.begin(), joined.end());
        return joined;
    };
    for (const QString &encoding : {QStringLiteral("ISO-8859-1"), QStringLiteral("UTF-8")}) {
        for (const int eightBit : {0, 1}) {
            for (const int keep : {0, 1}) {
                const QString text = QStringLiteral("[version]\nVersion=1.06\n[attributes]\nID=%1.id\nNAME=%1.name\n"
                                                    "CODE=%1.code\nNOTES=%1.notes\n[database]\n%2\n[export]\n"
                                                    "Select=ID, NAME, CODE, NOTES\nFrom=%1\n[control]\nEncoding=%3\n8bit=%4\n"
                                                    "KeepEmptyStrings=%5\n")
                                         .arg(m_table, b.fieldLines.join('\n'), encoding)
                                         .arg(eightBit)
                                         .arg(keep);
                QFile f(m_dir->filePath("records.ini"));
                QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
                f.write(text.toUtf8());
                f.close();
                const QString what = QStringLiteral("%1 8bit=%2 KeepEmptyStrings=%3").arg(encoding).arg(eightBit).arg(keep);
                exporter::ExportResult result[2];
                QStringList warnings[2];
                for (const int fromBytes : {0, 1}) {
                    exporter::ExportRequest request;
                    request.outputPath = QStringLiteral("out%1.txt").arg(fromBytes);
                    request.splitMinimumPages = 1;
                    request.recordsFromBytes = fromBytes;
                    Capture capture;
                    result[fromBytes] = runRequest(f.fileName(), request, capture);
                    warnings[fromBytes] = capture.errors;
                    warnings[fromBytes].sort();
                }
                const bool latin1 = encoding == "ISO-8859-1";
                QVERIFY2(result[1].exitCode == (latin1 ? 60 : 0), qPrintable(what + ": " + result[1].error));
                QCOMPARE(result[0].exitCode, result[1].exitCode);
                QCOMPARE(result[1].rows, 3000);
                QCOMPARE(result[1].records, latin1 ? 3000 - 375 : 3000);  // i % 8 = 3: the euro sign
                QCOMPARE(result[0].records, result[1].records);
                QCOMPARE(result[1].warnings, latin1 ? 375 : 0);
                QCOMPARE(warnings[1], warnings[0]);
                QCOMPARE(result[0].recordsFromBytes, 0);
                // Every record but the long ones (read again whole, then formatted from values).
                QVERIFY2(result[1].recordsFromBytes == result[1].records - 375, qPrintable(what + QString(": %1").arg(result[1].recordsFromBytes)));
                const QByteArray fromValues = readFile("out0.txt");
                QCOMPARE(records(readFile("out1.txt")), records(fromValues));
                QVERIFY(fromValues.size() > 3000 * 40);
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestExportReading)
#include "tst_export_reading.moc"
