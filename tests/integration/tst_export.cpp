// The export agent against real drivers: SQLite3 ODBC and PostgreSQL through psqlODBC. Output files are
// checked byte for byte; deltas after inserts, updates, deletes and key changes; modes and -r; errors;
// reference naming across days; the configuration write-back; and a killed export.
#include "Backend.h"
#include "common/TestSupport.h"
#include "exporter/ExportJob.h"

#include <QDir>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace oas;

namespace {

struct Capture : run::JobObserver {
    QStringList errors;
    void traceLine(run::TraceKind kind, config::TraceLevel, const QString &text) override
    {
        if (kind == run::TraceKind::Error)
            errors << text;
    }
};

QByteArray readFile(const QString &path)
{
    return test::readAll(path);
}

// The SQL trace of a run.
struct SqlCapture : run::JobObserver {
    QStringList sql;
    void traceLine(run::TraceKind kind, config::TraceLevel level, const QString &text) override
    {
        if (kind == run::TraceKind::Level && level == config::TraceLevel::Sql)
            sql << text;
    }
};

// Runs an export of the configuration at path as request (its config and connection name filled in) says.
exporter::ExportResult runRequest(const QString &path, exporter::ExportRequest request, run::JobObserver &capture)
{
    const config::ParseResult parsed = config::parseConfigFile(path, config::Operation::Export);
    request.config = parsed.config;
    request.connectionName = QUuid::createUuid().toString();
    trace::Trace::Options options = trace::Trace::Options::fromConfig(parsed.config.control);
    options.observer = &capture;
    trace::Trace trace(options);
    trace.open(nullptr);
    return exporter::runExport(request, trace, nullptr, &capture);
}

}  // namespace

class TestExport : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void fullExportBytes_data();
    void fullExportBytes();
    void throughDataSourceName_data();
    void throughDataSourceName();
    void longDataRowByRow_data();
    void longDataRowByRow();
    void valuesLongerThanTheirColumns_data();
    void valuesLongerThanTheirColumns();
    void deltaSequence_data();
    void deltaSequence();
    void deltaRowsOutOfKeyOrder_data();
    void deltaRowsOutOfKeyOrder();
    void modesAndReferenceFlag_data();
    void modesAndReferenceFlag();
    void errorsLeaveNothingBehind_data();
    void errorsLeaveNothingBehind();
    void namingAcrossDays_data();
    void namingAcrossDays();
    void singleStepStops_data();
    void singleStepStops();
    void killedExportRecovers();
    void largeTableInTwoHalves();
    void keyRangesInOrder();

private:
    void addBackends();
    bool prepareTable(const test::Backend &b);
    QString writeConfig(const test::Backend &b, const QString &exportLines, const QString &extraControl = {});
    exporter::ExportResult exportOnce(const QString &configPath, const QString &output, QDate today = {},
                                      bool referenceFlag = false, const QString &referenceFile = {},
                                      run::StepController *step = nullptr);

    QTemporaryDir *m_dir = nullptr;
    QString m_table;
    Capture m_capture;
};

void TestExport::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    QDir::setCurrent(m_dir->path());
    m_table = test::uniqueTable("emp");
    m_capture.errors.clear();
}

void TestExport::cleanup()
{
    QDir::setCurrent(QDir::tempPath());
    delete m_dir;
    m_dir = nullptr;
}

void TestExport::addBackends()
{
    test::addBackendRows();
}

using test::backendNamed;

bool TestExport::prepareTable(const test::Backend &b)
{
    test::Sql sql(b);
    if (!sql.ok()) {
        qWarning("%s", qPrintable(sql.error()));
        return false;
    }
    const QString t = m_table;
    const bool ok = sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(40), born DATE, "
                                            "hired TIMESTAMP, notes VARCHAR(200))")
                                 .arg(t))
                    && sql.exec(QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?, ?, ?)").arg(t),
                                {1, "Nancy", QDate(1948, 12, 8), QDateTime(QDate(1992, 5, 1), QTime(0, 0)), "line1\nline2"})
                    && sql.exec(QStringLiteral("INSERT INTO %1 (id, notes) VALUES (?, ?)").arg(t), {2, "back\\slash #x"})
                    && sql.exec(QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?, ?, ?)").arg(t),
                                {3, QStringLiteral("Zoë Müller"), QDate(2000, 2, 29),
                                 QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5)), " padded "});
    if (!ok)
        qWarning("%s", qPrintable(sql.error()));
    return ok;
}

QString TestExport::writeConfig(const test::Backend &b, const QString &exportLines, const QString &extraControl)
{
    const QString t = m_table;
    const QString text = QStringLiteral("[version]\nVersion=1.06\n[attributes]\nID=%1.id\nNAME=%1.name\nBORN=%1.born\n"
                                        "HIRED=%1.hired\nNOTES=%1.notes\n[database]\n%2\n[export]\n%3\n"
                                        "[control]\nEncoding=UTF-8\n%4")
                             .arg(t, b.fieldLines.join('\n'), exportLines, extraControl);
    const QString path = m_dir->filePath("export.ini");
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(text.toUtf8());
    return path;
}

exporter::ExportResult TestExport::exportOnce(const QString &configPath, const QString &output, QDate today,
                                              bool referenceFlag, const QString &referenceFile,
                                              run::StepController *step)
{
    const config::ParseResult parsed = config::parseConfigFile(configPath, config::Operation::Export);
    if (!parsed.ok()) {
        qWarning("%s", qPrintable(test::diagnosticsText(parsed)));
        return {};
    }
    exporter::ExportRequest request;
    request.config = parsed.config;
    request.configPath = configPath;
    request.outputPath = output;
    request.todayUtc = today.isValid() ? today : QDate(2026, 11, 23);
    request.referenceFlag = referenceFlag;
    request.referenceFile = referenceFile;
    request.connectionName = QUuid::createUuid().toString();
    trace::Trace::Options options = trace::Trace::Options::fromConfig(parsed.config.control);
    options.observer = &m_capture;
    trace::Trace trace(options);
    trace.open(nullptr);
    return exporter::runExport(request, trace, step, &m_capture);
}

static const QByteArray kFull = "row:\nID: 1\nNAME: Nancy\nBORN: 1948-12-08\nHIRED: 1992-05-01 00:00:00\n"
                                "NOTES: line1\\x0aline2\n\n"
                                "row:\nID: 2\nNAME:\nBORN:\nHIRED:\nNOTES: back\\\\slash #x\n\n"
                                "row:\nID: 3\nNAME: Zo\\xc3\\xab M\\xc3\\xbcller\nBORN: 2000-02-29\n"
                                "HIRED: 2020-01-02 03:04:05\nNOTES: \\x20padded\\x20\n\n";

void TestExport::fullExportBytes_data()
{
    addBackends();
}

void TestExport::fullExportBytes()
{
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    const QString cfg = writeConfig(b, "Select=ID, NAME, BORN, HIRED, NOTES\nFrom=" + m_table);
    const auto r = exportOnce(cfg, "out.txt");
    QVERIFY2(r.exitCode == 0, qPrintable(m_capture.errors.join('\n')));
    QCOMPARE(readFile("out.txt"), kFull);
    QCOMPARE(r.rows, 3);
    QVERIFY(r.referenceWritten.isEmpty());  // Mode=full writes no reference file
    QCOMPARE(QDir().entryList({"R*"}, QDir::Files), QStringList());

    // 8bit=TRUE writes the characters themselves; MaxRows and Where with abbreviations.
    writeConfig(b, "Select=ID, NAME\nFrom=" + m_table + "\nWhere=ID >= 2\nMaxRows=1", "8bit=TRUE\n");
    QCOMPARE(exportOnce(cfg, "some.txt").exitCode, 0);
    QCOMPARE(readFile("some.txt"), QByteArray("row:\nID: 2\nNAME:\n\n"));
    writeConfig(b, "Select=ID, NAME\nFrom=" + m_table + "\nWhere=ID = 3", "8bit=TRUE\n");
    QCOMPARE(exportOnce(cfg, "eight.txt").exitCode, 0);
    QCOMPARE(readFile("eight.txt"), QByteArray("row:\nID: 3\nNAME: Zoë Müller\n\n"));
}

void TestExport::throughDataSourceName_data()
{
    addBackends();
}

void TestExport::throughDataSourceName()
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
                 && connected.contains(backend == "sqlite" ? "StepAPI=1" : "UseDeclareFetch=1"),
             qPrintable(connected));
}

void TestExport::longDataRowByRow_data()
{
    addBackends();
}

void TestExport::longDataRowByRow()
{
    // TEXT (long data) cannot be bound in blocks: values are read row by row with SQLGetData, in 8 KiB
    // pieces; the output must be the same as the block path's.
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    test::Sql sql(b);
    QVERIFY2(sql.ok(), qPrintable(sql.error()));
    const QString blob = backend == "sqlite" ? "BLOB" : "BYTEA";
    QVERIFY(sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(40), born DATE, hired TIMESTAMP, "
                                    "notes TEXT, data %2)")
                         .arg(m_table, blob)));
    QString big;
    for (int i = 0; i < 3000; ++i)
        big += QStringLiteral("Zoë%1 ").arg(i % 10);  // ~18 000 characters, 21 000 UTF-8 bytes
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?, ?, ?, ?)").arg(m_table),
                     {1, "Nancy", QDate(1948, 12, 8), QDateTime(QDate(1992, 5, 1), QTime(0, 0)), big,
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

void TestExport::valuesLongerThanTheirColumns_data()
{
    addBackends();
}

void TestExport::valuesLongerThanTheirColumns()
{
    // A column's reported size is no limit: SQLite keeps 3000 characters in a VARCHAR(10), PostgreSQL's
    // CHARACTER VARYING without a length is reported as 255 wide. Such values were once cut to the size of
    // their buffer without a word; they must come out whole, in the full export and in the delta.
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    test::Sql sql(b);
    QVERIFY2(sql.ok(), qPrintable(sql.error()));
    QVERIFY(sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name %2, born DATE, hired TIMESTAMP, notes VARCHAR(10))")
                         .arg(m_table, backend == "sqlite" ? "VARCHAR(10)" : "VARCHAR")));
    const QString longName = QString(2990, QLatin1Char('x')) + QStringLiteral("M\u00fcller end");
    const QString longNotes = backend == "sqlite" ? QString(400, QLatin1Char('n')) : QStringLiteral("short");
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?, ?, ?)").arg(m_table),
                     {1, longName, QDate(1948, 12, 8), QDateTime(QDate(1992, 5, 1), QTime(0, 0)), longNotes}));
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

void TestExport::deltaSequence_data()
{
    addBackends();
}

void TestExport::deltaSequence()
{
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    const QString cfg = writeConfig(b, "Mode=delta\nSelect=ID, NAME, BORN, HIRED, NOTES\nKeys=ID\nSaveAttr=NAME\n"
                                       "From=" + m_table + "\nReferencePath=refs");
    // First run: no reference yet, so a full export that writes the first one.
    auto r = exportOnce(cfg, "1.txt");
    QVERIFY2(r.exitCode == 0, qPrintable(m_capture.errors.join('\n')));
    QVERIFY(!r.delta);
    QCOMPARE(readFile("1.txt"), kFull);
    QCOMPARE(r.referenceWritten, QStringLiteral("refs/R6112300"));
    QVERIFY(readFile(cfg).contains("\nNewReferenceFile=R6112300\n"));

    test::Sql sql(b);
    QVERIFY(sql.exec(QStringLiteral("UPDATE %1 SET name = 'Andrew' WHERE id = 2").arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("DELETE FROM %1 WHERE id = 3").arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 (id, name) VALUES (4, 'Janet')").arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("UPDATE %1 SET id = 10 WHERE id = 1").arg(m_table)));  // a changed key

    r = exportOnce(cfg, "2.txt");
    QVERIFY2(r.exitCode == 0, qPrintable(m_capture.errors.join('\n')));
    QVERIFY(r.delta);
    QCOMPARE(readFile("2.txt"),
             QByteArray("row:\nChangeType: delete\nID: 1\nNAME: Nancy\n\n"
                        "row:\nChangeType: modify\nID: 2\nNAME: Andrew\nBORN:\nHIRED:\nNOTES: back\\\\slash #x\n\n"
                        "row:\nChangeType: delete\nID: 3\nNAME: Zo\\xc3\\xab M\\xc3\\xbcller\n\n"
                        "row:\nChangeType: add\nID: 4\nNAME: Janet\nBORN:\nHIRED:\nNOTES:\n\n"
                        "row:\nChangeType: add\nID: 10\nNAME: Nancy\nBORN: 1948-12-08\nHIRED: 1992-05-01 00:00:00\n"
                        "NOTES: line1\\x0aline2\n\n"));
    QCOMPARE(r.adds, 2);
    QCOMPARE(r.modifies, 1);
    QCOMPARE(r.deletes, 2);
    QCOMPARE(r.referenceWritten, QStringLiteral("refs/R6112301"));
    QVERIFY(QFile::exists("refs/R6112300"));  // the previous reference is kept
    QVERIFY(readFile(cfg).contains("\nNewReferenceFile=R6112301\n"));

    // No change: an empty delta.
    r = exportOnce(cfg, "3.txt");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(readFile("3.txt"), QByteArray());
    QCOMPARE(r.records, 0);

    // A delta file is itself an import file: it reads back into the same records.
    QVERIFY(readFile("2.txt").count("row:\n") == 5);
}

void TestExport::deltaRowsOutOfKeyOrder_data()
{
    addBackends();
}

void TestExport::deltaRowsOutOfKeyOrder()
{
    // Keyed by name compared case-insensitively: the database's ORDER BY (binary collation) puts "aaron"
    // after "Zoë", which is not our key order, so the streaming merge gives up and the delta is made by
    // sorting; the result is the same.
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    test::Sql sql(b);
    QVERIFY(sql.exec(QStringLiteral("UPDATE %1 SET name = 'Andrew' WHERE id = 2").arg(m_table)));
    const QString cfg = writeConfig(b, "Mode=delta\nSelect=ID, NAME\nKeys=NAME\nSortControl=CI\nFrom=" + m_table,
                                    "TraceLevel=RefData\nTrace=1\nTraceFile=" + m_dir->filePath("t.txt") + "\n");
    QCOMPARE(exportOnce(cfg, "1.txt").exitCode, 0);  // first: full export in id order
    QVERIFY(sql.exec(QStringLiteral("UPDATE %1 SET id = 30 WHERE id = 1").arg(m_table)));      // Nancy: modify
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 (id, name) VALUES (4, 'aaron')").arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("DELETE FROM %1 WHERE id = 2").arg(m_table)));             // Andrew: delete
    const auto r = exportOnce(cfg, "2.txt");
    QVERIFY2(r.exitCode == 0, qPrintable(m_capture.errors.join('\n')));
    QCOMPARE(readFile("2.txt"), QByteArray("row:\nChangeType: add\nID: 4\nNAME: aaron\n\n"
                                           "row:\nChangeType: delete\nNAME: Andrew\n\n"
                                           "row:\nChangeType: modify\nID: 30\nNAME: Nancy\n\n"));
    QVERIFY(readFile(m_dir->filePath("t.txt")).contains("rows not in key order: comparing after sorting"));
}

void TestExport::modesAndReferenceFlag_data()
{
    addBackends();
}

void TestExport::modesAndReferenceFlag()
{
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    const QString base = "Select=ID, NAME\nKeys=ID\nFrom=" + m_table + "\n";
    QString cfg = writeConfig(b, "Mode=full\n" + base);
    // -r alone: a full export that writes a reference file even with Mode=full.
    auto r = exportOnce(cfg, "a.txt", {}, true);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.referenceWritten, QStringLiteral("./R6112300"));
    QVERIFY(!r.delta);

    // -r FILE: the base is that file, whatever NewReferenceFile says.
    cfg = writeConfig(b, "Mode=delta\n" + base + "NewReferenceFile=nonexistent");
    test::Sql(b).exec(QStringLiteral("UPDATE %1 SET name = 'X' WHERE id = 1").arg(m_table));
    r = exportOnce(cfg, "b.txt", {}, true, "R6112300");
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.delta);
    QCOMPARE(r.modifies, 1);

    // Mode=delta with an unusable base: not done, and no output file. (The run above wrote the new
    // reference's name into the configuration, so name a missing one again.)
    cfg = writeConfig(b, "Mode=delta\n" + base + "NewReferenceFile=nonexistent");
    r = exportOnce(cfg, "c.txt");
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.error.contains("not usable"));
    QVERIFY(!QFile::exists("c.txt"));

    // A changed specification: delta fails, delta-or-full falls back to a full export.
    cfg = writeConfig(b, "Mode=delta\n" + base + "Where=ID < 3");
    r = exportOnce(cfg, "d.txt");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.error.contains("the Where field changed"), qPrintable(r.error));
    QVERIFY(!QFile::exists("d.txt"));
    cfg = writeConfig(b, "Mode=delta-or-full\n" + base + "Where=ID < 3");
    r = exportOnce(cfg, "e.txt");
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.delta);
    QCOMPARE(r.records, 2);
    QVERIFY(m_capture.errors.join('\n').contains("doing a full export"));

    // A key of a type the manual marks "fail" (SQL_REAL, SQL_DOUBLE, ...) is refused for delta exports.
    QVERIFY(test::Sql(b).exec(QStringLiteral("CREATE TABLE %1_r (id INTEGER, score REAL)").arg(m_table)));
    const QString t = m_table;
    m_table = t + "_r";
    cfg = writeConfig(b, "Mode=delta-or-full\nSelect=ID, NOTES\nKeys=NOTES\nFrom=" + m_table);
    QFile f(cfg);
    f.open(QIODevice::ReadOnly);
    const QByteArray text = f.readAll().replace(".notes", ".score");
    f.close();
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(text);
    f.close();
    m_table = t;
    r = exportOnce(cfg, "f.txt");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.error.contains("cannot be a delta key"), qPrintable(r.error));
    QVERIFY(!QFile::exists("f.txt"));
}

void TestExport::errorsLeaveNothingBehind_data()
{
    addBackends();
}

void TestExport::errorsLeaveNothingBehind()
{
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    QFile::remove("out.txt");
    QString cfg = writeConfig(b, "Select=ID\nFrom=x" + m_table);
    auto r = exportOnce(cfg, "out.txt");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.error.startsWith("SQLExecDirect failure\nstate="), qPrintable(r.error));
    QVERIFY(!QFile::exists("out.txt"));
    QCOMPARE(QDir().entryList({"out.txt*"}, QDir::Files), QStringList());  // no temporary file either

    cfg = writeConfig(b, "Select=ID, NAME\nFrom=" + m_table + "\nWhere=nosuchcolumn = 1");
    r = exportOnce(cfg, "out.txt");
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.error.contains("SQLExecDirect failure"));
    QVERIFY(!QFile::exists("out.txt"));

    test::Backend broken = b;
    broken.fieldLines = {"DRIVER=NoSuchDriverInstalled", "Database=x", "PWD=p4ss;w0rd"};
    cfg = writeConfig(broken, "Select=ID\nFrom=" + m_table);
    r = exportOnce(cfg, "out.txt");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.error.startsWith("SQLDriverConnect failure\nstate="), qPrintable(r.error));
    QVERIFY(r.error.contains("NoSuchDriverInstalled"));
    QVERIFY(!r.error.contains("p4ss"));
    QVERIFY(!QFile::exists("out.txt"));
}

void TestExport::namingAcrossDays_data()
{
    addBackends();
}

void TestExport::namingAcrossDays()
{
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    const QString cfg = writeConfig(b, "Mode=delta-or-full\nSelect=ID, NAME\nKeys=ID\nFrom=" + m_table);
    const QList<QPair<QDate, QString>> runs = {
        {QDate(2026, 12, 31), "R6123100"}, {QDate(2026, 12, 31), "R6123101"}, {QDate(2027, 1, 1), "R7010100"},
        {QDate(2026, 12, 31), "R7010101"},  // the clock went back: stays monotonic
        {QDate(2027, 2, 1), "R7020100"},
    };
    for (const auto &[day, expected] : runs) {
        const auto r = exportOnce(cfg, "o.txt", day);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.referenceWritten, "./" + expected);
        QVERIFY(readFile(cfg).contains("\nNewReferenceFile=" + expected.toLatin1() + "\n"));
    }
}

void TestExport::singleStepStops_data()
{
    addBackends();
}

void TestExport::singleStepStops()
{
    QFETCH(QString, backend);
    const test::Backend b = backendNamed(backend, m_dir->path());
    QVERIFY(prepareTable(b));
    const QString cfg = writeConfig(b, "Mode=delta-or-full\nSelect=ID, NAME\nKeys=ID\nFrom=" + m_table);
    run::StepController step;
    step.setStepping(true);
    int asked = 0;
    step.setPrompter([&](const QString &) {
        ++asked;
        return asked < 2 ? run::StepController::Decision::Next : run::StepController::Decision::Stop;
    });
    const auto r = exportOnce(cfg, "s.txt", {}, false, {}, &step);
    QCOMPARE(r.exitCode, 0x3C);
    QVERIFY(r.stopped);
    QCOMPARE(r.records, 2);
    QCOMPARE(readFile("s.txt"), QByteArray("row:\nID: 1\nNAME: Nancy\n\nrow:\nID: 2\nNAME:\n\n"));
    QVERIFY(r.referenceWritten.isEmpty());  // an interrupted export is no snapshot
    QCOMPARE(QDir().entryList({"R*"}, QDir::Files), QStringList());

    run::StepController go;
    go.setStepping(true);
    go.setPrompter([](const QString &) { return run::StepController::Decision::Go; });
    const auto full = exportOnce(cfg, "g.txt", {}, false, {}, &go);
    QCOMPARE(full.records, 3);
    QCOMPARE(full.referenceWritten, QStringLiteral("./R6112300"));

    // Cancelled (the Studio's Stop) while a delta reads its rows: nothing written, no new reference, the
    // configuration still names the previous one.
    const QByteArray configBefore = readFile(cfg);
    run::StepController cancel;
    cancel.stop();
    const auto cancelled = exportOnce(cfg, "c.txt", {}, false, {}, &cancel);
    QVERIFY(cancelled.stopped);
    QCOMPARE(cancelled.exitCode, 0x3C);
    QCOMPARE(cancelled.records, 0);
    QVERIFY(cancelled.referenceWritten.isEmpty());
    QCOMPARE(readFile(cfg), configBefore);
    QCOMPARE(QDir().entryList({"R*"}, QDir::Files), QStringList{"R6112300"});
}

void TestExport::killedExportRecovers()
{
    // SQLite is enough here: the point is what a killed process leaves on disk.
    const test::Backend b = test::Backend::sqlite(m_dir->filePath("test.db"));
    QVERIFY(prepareTable(b));
    const QString cfg = writeConfig(b, "Mode=delta\nSelect=ID, NAME\nKeys=ID\nFrom=" + m_table);
    auto run = [&](const QString &out, const QByteArray &input, bool kill) {
        QProcess p;
        p.setWorkingDirectory(m_dir->path());
        p.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentExp"), {"-f", cfg, "-o", out, "-s"});
        p.waitForStarted();
        p.write(input);
        if (kill) {
            // Wait until the agent has asked twice, then kill it at its third prompt.
            QByteArray err;
            while (err.count("q stop") < 3 && p.waitForReadyRead(10000))
                err += p.readAllStandardError();
            ::kill(pid_t(p.processId()), SIGKILL);
        } else {
            p.closeWriteChannel();
        }
        p.waitForFinished(30000);
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -9;
    };
    QCOMPARE(run("first.txt", "g\n", false), 0);
    const QByteArray config1 = readFile(cfg);
    QVERIFY(config1.contains("NewReferenceFile=R"));
    test::Sql sql(b);
    QVERIFY(sql.exec(QStringLiteral("UPDATE %1 SET name = 'Changed' WHERE id IN (1, 2, 3)").arg(m_table)));

    // Killed in the middle of writing the delta: nothing under the final names, config unchanged.
    QCOMPARE(run("killed.txt", "\n\n", true), -9);
    QVERIFY(!QFile::exists(m_dir->filePath("killed.txt")));
    QCOMPARE(readFile(cfg), config1);
    QCOMPARE(QDir(m_dir->path()).entryList({"R*"}, QDir::Files).size(), 1);

    // The next run produces the complete delta.
    QCOMPARE(run("after.txt", "g\n", false), 0);
    QCOMPARE(readFile(m_dir->filePath("after.txt")).count("ChangeType: modify"), 3);
}

void TestExport::largeTableInTwoHalves()
{
    // A full export of a large PostgreSQL table reads its two halves on two connections in parallel, in one
    // snapshot: every row once, the same rows as one SELECT gives (in another order).
    const test::Backend b = test::Backend::postgresql();
    if (b.name.isEmpty())
        QSKIP("PostgreSQL is not configured (OAS_TEST_PG)");
    {
        test::Sql sql(b);
        QVERIFY(sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(40), born DATE, "
                                        "hired TIMESTAMP, notes VARCHAR(200))").arg(m_table)));
        QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 SELECT i, 'name ' || i, DATE '2000-01-01' + i, NULL, "
                                        "repeat('x', i % 50) FROM generate_series(1, 5000) AS s(i)").arg(m_table)));
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
    QVERIFY2(two.sql.join('\n').contains("the table in 2 parts by physical position") && two.sql.join('\n').contains("ctid >= '("),
             qPrintable(two.sql.join('\n')));
    QVERIFY(!one.sql.join('\n').contains("ctid"));
    auto records = [](const QByteArray &data) {
        QStringList out = QString::fromUtf8(data).split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
        out.sort();
        return out;
    };
    const QStringList a = records(readFile("one.txt"));
    QCOMPARE(a.size(), 5000);
    QCOMPARE(records(readFile("two.txt")), a);
}

void TestExport::keyRangesInOrder()
{
    // An export in key order (one integer key) of a large PostgreSQL table reads the keys in ranges,
    // alternately on two connections in one snapshot: the reference file and the delta must be exactly
    // those of one ordered SELECT, with sparse and extreme keys (BIGINT from its minimum to its maximum,
    // most rows in a narrow band), duplicates and NULL keys (which ORDER BY puts last).
    const test::Backend b = test::Backend::postgresql();
    if (b.name.isEmpty())
        QSKIP("PostgreSQL is not configured (OAS_TEST_PG)");
    test::Sql sql(b);
    QVERIFY(sql.exec(QStringLiteral("CREATE TABLE %1 (id BIGINT, name VARCHAR(40), born DATE, hired TIMESTAMP, "
                                    "notes VARCHAR(200))").arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 SELECT i * 7, 'name ' || i, DATE '2000-01-01' + i, NULL, "
                                    "repeat('x', i % 50) FROM generate_series(1, 4000) AS s(i)").arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 (id, name) VALUES (NULL, 'no key'), (70, 'twin'), (NULL, 'no key 2')")
                         .arg(m_table)));
    QVERIFY(sql.exec(QStringLiteral("ANALYZE %1").arg(m_table)));
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
    const exporter::ExportResult r = exportIn("ranges", 300, day1, ranges);
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
    QCOMPARE(exportIn("ranges", 300, day2, ranges).exitCode, 0x3C);
    const QByteArray delta = readFile("one/out.txt");
    QVERIFY(delta.count("ChangeType: modify") >= 7 && delta.count("ChangeType: delete") >= 100 && delta.count("ChangeType: add") == 2);
    QCOMPARE(readFile("ranges/out.txt"), delta);
    QCOMPARE(referenceOf("ranges"), referenceOf("one"));
    // The whole BIGINT span (its bounds do not fit in 64 bits): most rows fall in one range.
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO %1 (id, name) VALUES (-9223372036854775808, 'lowest'), "
                                    "(9223372036854775807, 'highest')").arg(m_table)));
    const QDate day3(2026, 11, 25);
    QCOMPARE(exportIn("one", 0, day3, one).exitCode, 0x3C);
    QCOMPARE(exportIn("ranges", 300, day3, ranges).exitCode, 0x3C);
    QCOMPARE(readFile("one/out.txt").count("ChangeType: add"), 2);
    QCOMPARE(readFile("ranges/out.txt"), readFile("one/out.txt"));
    QCOMPARE(referenceOf("ranges"), referenceOf("one"));
    QVERIFY(ranges.sql.join('\n').contains("-7804391723492502606"));  // the first bound
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
