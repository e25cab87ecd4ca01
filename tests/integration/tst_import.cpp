// The import agent against real drivers: SQLite3 ODBC and PostgreSQL through psqlODBC. Every scenario checks
// the rows in the database, the exceptions file, the Summary / Statistics trace and that every record read
// is accounted for (created + updated + unchanged + deleted + failed + skipped).
#include "Backend.h"
#include "common/TestSupport.h"
#include "exporter/ExportJob.h"
#include "importer/ImportJob.h"
#include "run/DatabaseCheck.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace oas;

namespace {

struct Capture : run::JobObserver {
    QStringList blocks;  // Summary, FailSummary and Statistics blocks
    QStringList sql;     // SQL blocks
    QStringList errors;
    void traceLine(run::TraceKind kind, config::TraceLevel level, const QString &text) override
    {
        if (kind == run::TraceKind::Error)
            errors << text;
        else if (kind == run::TraceKind::Level
                 && (level == config::TraceLevel::Summary || level == config::TraceLevel::FailSummary
                     || level == config::TraceLevel::Statistics))
            blocks << text;
        else if (kind == run::TraceKind::Level && (level == config::TraceLevel::Sql || level == config::TraceLevel::Columns))
            sql << text;
    }
};

struct Imported {
    importer::ImportResult result;
    QStringList trace;
    QStringList sql;
    QStringList errors;
    QByteArray exceptions;
};

void verifyAccounting(const importer::ImportResult &r)
{
    const importer::ImportStats &s = r.stats;
    QCOMPARE(r.recordsRead, s.creates + s.updates + s.unchanged + s.deletes + s.errors + s.skips);
    QCOMPARE(r.exceptions, s.errors);
}

}  // namespace

class TestImport : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void rulesOfTheManual_data();
    void rulesOfTheManual();
    void createAndInsertOptions_data();
    void createAndInsertOptions();
    void modifyAnyway_data();
    void modifyAnyway();
    void lengthsAndHostileValues_data();
    void lengthsAndHostileValues();
    void driverDifferences_data();
    void driverDifferences();
    void relationships_data();
    void relationships();
    void joinedTables_data();
    void joinedTables();
    void batchesMatchPerRecord_data();
    void batchesMatchPerRecord();
    void exceptionsFileReimports_data();
    void exceptionsFileReimports();
    void singleStep_data();
    void singleStep();
    void fatalErrors_data();
    void fatalErrors();
    void roundTrip_data();
    void roundTrip();
    void killedImportConverges();
    void locatingManyAtOnceMatchesOneByOne();
    void groupedWrites_data();
    void groupedWrites();
    void dates_data();
    void dates();
    void autosFromSequence_data();
    void autosFromSequence();
    void connectionLostMidway();
    void columnsAndSqlTrace();
    void checkAgainstDatabase_data();
    void checkAgainstDatabase();

private:
    void addBackends();
    test::Backend backend(const QString &name) const;
    bool createTable(const test::Backend &b, bool seed = true);
    QString writeConfig(const test::Backend &b, const QString &importLines, const QString &attributePrefix = {},
                        const QString &control = {});
    Imported import(const QString &configPath, const QByteArray &data, int batch = 500,
                    run::StepController *step = nullptr);
    QStringList tableRows(const test::Backend &b, const QString &table = {});

    QTemporaryDir *m_dir = nullptr;
    QString m_table;
};

void TestImport::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    QDir::setCurrent(m_dir->path());
    m_table = test::uniqueTable("imp");
}

void TestImport::cleanup()
{
    QDir::setCurrent(QDir::tempPath());
    delete m_dir;
    m_dir = nullptr;
}

void TestImport::addBackends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << "sqlite";
    if (test::Backend::postgresql().name.isEmpty())
        qWarning("PostgreSQL rows skipped: OAS_TEST_PG is not set (scripts/test.sh starts a server and sets it)");
    else
        QTest::newRow("postgresql") << "postgresql";
}

test::Backend TestImport::backend(const QString &name) const
{
    return name == QLatin1String("sqlite") ? test::Backend::sqlite(m_dir->path() + "/test.db") : test::Backend::postgresql();
}

bool TestImport::createTable(const test::Backend &b, bool seed)
{
    test::Sql sql(b);
    bool ok = sql.ok()
              && sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, first VARCHAR(10), last VARCHAR(20), "
                                         "title VARCHAR(30), city VARCHAR(15))")
                              .arg(m_table));
    const QVariantList rows[] = {{1, "Nancy", "Davolio", "Sales Rep", "Seattle"},
                                 {2, "Andrew", "Fuller", "VP", "Tacoma"},
                                 {3, "Janet", "Leverling", "Sales Rep", "Kirkland"},
                                 {4, "Dup", "Name", "a", "b"},
                                 {5, "Dup", "Name", "c", "d"}};
    for (const QVariantList &r : rows) {
        if (ok && seed)
            ok = sql.exec(QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?, ?, ?)").arg(m_table), r);
    }
    if (!ok)
        qWarning("%s", qPrintable(sql.error()));
    return ok;
}

QString TestImport::writeConfig(const test::Backend &b, const QString &importLines, const QString &attributePrefix,
                                const QString &control)
{
    const QString t = m_table;
    const QString attributes = attributePrefix.isEmpty()
                                   ? QStringLiteral("EID=%1.id\nGN=%1.first\nSN=%1.last\nTI=%1.title\nCITY=%1.city\n").arg(t)
                                   : attributePrefix;
    const QString levels = control.contains("TraceLevel=") ? QString() : QStringLiteral("TraceLevel=Summary Stats\n");
    const QString text = QStringLiteral("[version]\nVersion=1.06\n[attributes]\n%1[database]\n%2\n[import]\n%3\n"
                                        "[control]\nEncoding=UTF-8\n%4%5")
                             .arg(attributes, b.fieldLines.join('\n'), importLines, levels, control);
    const QString path = m_dir->filePath("import.ini");
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(text.toUtf8());
    return path;
}

Imported TestImport::import(const QString &configPath, const QByteArray &data, int batch, run::StepController *step)
{
    Imported out;
    const config::ParseResult parsed = config::parseConfigFile(configPath, config::Operation::Import);
    if (!parsed.ok()) {
        qWarning("%s", qPrintable(test::diagnosticsText(parsed)));
        return out;
    }
    QFile in(m_dir->filePath("in.txt"));
    in.open(QIODevice::WriteOnly | QIODevice::Truncate);
    in.write(data);
    in.close();
    importer::ImportRequest request;
    request.config = parsed.config;
    request.inputPath = in.fileName();
    request.batchSize = batch;
    request.connectionName = QUuid::createUuid().toString();
    Capture capture;
    trace::Trace::Options options = trace::Trace::Options::fromConfig(parsed.config.control);
    options.observer = &capture;
    trace::Trace trace(options);
    trace.open(nullptr);
    out.result = importer::runImport(request, trace, step, &capture);
    out.trace = capture.blocks;
    out.sql = capture.sql;
    out.errors = capture.errors;
    if (!out.result.exceptionsPath.isEmpty())
        out.exceptions = test::readAll(out.result.exceptionsPath);
    return out;
}

QStringList TestImport::tableRows(const test::Backend &b, const QString &table)
{
    test::Sql sql(b);
    return sql.rows(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table.isEmpty() ? m_table : table));
}

// ---------------------------------------------------------------------------------------------------------

void TestImport::rulesOfTheManual_data()
{
    addBackends();
}

void TestImport::rulesOfTheManual()
{
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b));
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI, CITY");
    const QByteArray data = "row:\nGN: Nancy\nSN: Davolio\nTI: Sales Manager\n"            // 1: updated
                            "row:\nEID: 10\nGN: Laura\nSN: Callahan\nTI: Inside Sales\nCITY: Seattle\n"  // 5: created
                            "row:\nChangeType: delete\nGN: Andrew\nSN: Fuller\n"            // 11: deleted
                            "row:\nChangeType: add\nEID: 11\nGN: Janet\nSN: Leverling\n"     // 15: exists
                            "row:\nskip:\nGN: Skipped\nSN: Record\n"                        // 20: skipped
                            "row:\nGN: Nancy\nSurname: Davolio\nTI: x\n"                    // 24: invalid
                            "row:\nGN: Dup\nSN: Name\nTI: z\n"                              // 28: ambiguous
                            "row:\nChangeType: DELETE\nGN: Nobody\nSN: Here\n"              // 32: already absent
                            "row:\nGN: Janet\nSN: Leverling\nCITY:\nTI: Lead\nTI: ignored\n"  // 36: updated, NULL
                            "end:\nrow:\nGN: After\nSN: End\nTI: never\n";
    const Imported r = import(cfg, data);
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join('\n')));
    QCOMPARE(r.result.exitCode, 0x3C);
    QCOMPARE(tableRows(b), QStringList({"1|Nancy|Davolio|Sales Manager|Seattle", "3|Janet|Leverling|Lead|NULL",
                                        "4|Dup|Name|a|b", "5|Dup|Name|c|d", "10|Laura|Callahan|Inside Sales|Seattle"}));
    const importer::ImportStats &s = r.result.stats;
    QCOMPARE(r.result.recordsRead, 9);
    QCOMPARE(s.creates, 1);
    QCOMPARE(s.updates, 2);
    QCOMPARE(s.updatedAttributes, 3);
    QCOMPARE(s.unchanged, 1);
    QCOMPARE(s.deletes, 1);
    QCOMPARE(s.errors, 3);
    QCOMPARE(s.skips, 1);
    verifyAccounting(r.result);

    QCOMPARE(r.trace.mid(0, 8),
             QStringList({"record Nancy/Davolio at line 1 (updated)",
                          "record Laura/Callahan at line 5 (created)",
                          "record Andrew/Fuller at line 11 (deleted)",
                          "record Janet/Leverling at line 15 (exists) #\n\nerror: row already exists",
                          "record Nancy at line 24 (error) #\n\nwarning: unrecognized attribute in import data file\n"
                          "Surname\n\nunset naming attributes\nSN",
                          "record Dup/Name at line 28 (ambiguous) #\n\nerror: ambiguous selection\n2 rows match",
                          "record Nobody/Here at line 32 (already absent)",
                          "record Janet/Leverling at line 36 (updated)\n\nwarning: repeated attribute, first value used\nTI"}));
    QCOMPARE(r.trace.last(), QString("import statistics:\ncreates: 1\nupdates: 2\nupdates (attr): 3\nunchanged: 1\n"
                                     "deletes: 1\nerrors: 3\ntotal imports: 8\nskips: 1"));
    QCOMPARE(r.exceptions, QByteArray("# record at line 15\nrow:\nChangeType: add\nEID: 11\nGN: Janet\nSN: Leverling\n"
                                      "# error: row already exists\n#\n"
                                      "# record at line 24\nrow:\nGN: Nancy\nSurname: Davolio\nTI: x\n"
                                      "# warning: unrecognized attribute in import data file\n# Surname\n#\n"
                                      "# unset naming attributes\n# SN\n#\n"
                                      "# record at line 28\nrow:\nGN: Dup\nSN: Name\nTI: z\n"
                                      "# error: ambiguous selection\n# 2 rows match\n#\n"));
}

void TestImport::createAndInsertOptions_data()
{
    addBackends();
}

void TestImport::createAndInsertOptions()
{
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b));
    const QByteArray data = "row:\nEID: 20\nGN: New\nSN: One\n"
                            "row:\nChangeType: add\nEID: 21\nGN: New\nSN: Two\n"
                            "row:\nGN: Nancy\nSN: Davolio\nTI: Changed\n";
    // CreateIfAbsent=FALSE: only an explicit add creates; the record without one is "absent".
    QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI\nCreateIfAbsent=FALSE");
    Imported r = import(cfg, data);
    QCOMPARE(r.result.exitCode, 0x3C);
    QCOMPARE(r.trace.mid(0, 3), QStringList({"record New/One at line 1 (absent) #\n\ninsertion forbidden",
                                             "record New/Two at line 5 (created)",
                                             "record Nancy/Davolio at line 10 (updated)"}));
    verifyAccounting(r.result);
    QVERIFY(r.exceptions.startsWith("# record at line 1\nrow:\nEID: 20\nGN: New\nSN: One\n# insertion forbidden\n#\n"));

    // InsertOnly=TRUE overrides CreateIfAbsent=FALSE and refuses to touch existing rows.
    cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI\nCreateIfAbsent=FALSE\nInsertOnly=TRUE");
    r = import(cfg, data);
    QCOMPARE(r.trace.mid(0, 3), QStringList({"record New/One at line 1 (created)",
                                             "record New/Two at line 5 (exists) #\n\nerror: row already exists",
                                             "record Nancy/Davolio at line 10 (exists) #\n\nerror: row already exists"}));
    QCOMPARE(tableRows(b).filter("|New|"), QStringList({"20|New|One|NULL|NULL", "21|New|Two|NULL|NULL"}));
    QCOMPARE(tableRows(b).first(), QString("1|Nancy|Davolio|Changed|Seattle"));
    verifyAccounting(r.result);

    // A renamed ChangeType attribute; the old name is then an unrecognized attribute.
    cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI\nChangeType=change_it");
    r = import(cfg, "row:\nchange_it: delete\nGN: New\nSN: One\nrow:\nChangeType: delete\nGN: New\nSN: Two\nTI: kept\n"
                    "row:\nchange_it: remove\nGN: Nancy\nSN: Davolio\n");
    QCOMPARE(r.trace.mid(0, 3),
             QStringList({"record New/One at line 1 (deleted)",
                          "record New/Two at line 5 (updated)\n\nwarning: unrecognized attribute in import data file\nChangeType",
                          "record Nancy/Davolio at line 10 (error) #\n\nerror: invalid change type (add, modify or delete "
                          "expected)\nchange_it: remove"}));
    QCOMPARE(tableRows(b).filter("|New|"), QStringList({"21|New|Two|kept|NULL"}));
    verifyAccounting(r.result);
}

void TestImport::modifyAnyway_data()
{
    addBackends();
}

void TestImport::modifyAnyway()
{
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b));
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=EID, TI, CITY\nModifyAnyway=TRUE");
    const Imported r = import(cfg, "row:\nGN: Nancy\nSN: Davolio\nEID: 0001\nTI: Sales Rep\nCITY: Seattle\n"
                                   "row:\nGN: Andrew\nSN: Fuller\nEID: 2\nTI: vp\nCITY: Tacoma\n"
                                   "row:\nGN: Janet\nSN: Leverling\nTI: Sales Rep\nCITY:\n");
    QCOMPARE(r.result.exitCode, 0);
    QCOMPARE(r.trace.mid(0, 3), QStringList({"record Nancy/Davolio at line 1 (unchanged)",
                                             "record Andrew/Fuller at line 7 (updated)",
                                             "record Janet/Leverling at line 13 (updated)"}));
    const importer::ImportStats &s = r.result.stats;
    QCOMPARE(s.unchanged, 1);
    QCOMPARE(s.updates, 2);
    QCOMPARE(s.updatedAttributes, 2);    // Andrew's title (case-sensitive), Janet's city (NULL)
    QCOMPARE(s.unnecessaryUpdates, 6);  // 0001 = 1 by integer form, and the equal texts
    QCOMPARE(r.trace.last(), QString("import statistics:\nupdates: 2\nupdates (attr): 2\nupdates (not necess.): 6\n"
                                     "unchanged: 1\ntotal imports: 3"));
    QCOMPARE(tableRows(b).mid(0, 3), QStringList({"1|Nancy|Davolio|Sales Rep|Seattle", "2|Andrew|Fuller|vp|Tacoma",
                                                  "3|Janet|Leverling|Sales Rep|NULL"}));
    verifyAccounting(r.result);
}

void TestImport::lengthsAndHostileValues_data()
{
    addBackends();
}

void TestImport::lengthsAndHostileValues()
{
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b, false));
    const QString t = m_table;
    // SN: naming, 2-20 characters; TI: at most 8 (truncated); CITY: at most 40 but the column holds 15
    // (truncated to the smaller), at least 3 (padded); GN fails when over its column's 10 because it is naming.
    const QString attributes = QStringLiteral("EID=%1.id\nGN=%1.first\nSN(text[2-20])=%1.last\nTI(text[-8])=%1.title\n"
                                              "CITY(text[3-40])=%1.city\n").arg(t);
    const QString cfg = writeConfig(b, "Table=" + t + "\nSelectBy=GN & SN\nModify=TI, CITY", attributes);
    // (blanks at the end of a value are not part of it in a data file; "'; DROP " reads as "'; DROP")
    const QByteArray hostile = "'; DROP TABLE " + t.toUtf8() + "; --";
    const Imported r = import(cfg, "row:\nEID: 1\nGN: Ann\nSN: Lee\nTI: Director of Sales\nCITY: Winston-Salem North\n"
                                   "row:\nEID: 2\nGN: Bob\nSN: Q\n"
                                   "row:\nEID: 3\nGN: Christopher-John\nSN: Smith\n"
                                   "row:\nEID: 4\nGN: Dan\nSN: Oh\nCITY: NY\n"
                                   "row:\nEID: 5\nGN: O'Hara\nSN: \"x\"; y\nTI: " + hostile.left(8) + "\nCITY: a\\x3bb'c\n"
                                   "row:\nEID: 6\nGN: " + hostile.left(10) + "\nSN: Zo\xc3\xab\n");
    QCOMPARE(r.trace.mid(0, 6),
             QStringList({"record Ann/Lee at line 1 (created)\n\nwarning: value truncated\nTI: 17 characters, maximum 8"
                          "\n\nwarning: value truncated\nCITY: 19 characters, maximum 15",
                          "record Bob/Q at line 7 (error) #\n\nerror: value too short\nSN: 1 characters, minimum 2",
                          "record Christopher-John/Smith at line 11 (error) #\n\nerror: value too long\n"
                          "GN: 16 characters, maximum 10",
                          "record Dan/Oh at line 15 (created)\n\nwarning: value padded with blanks\nCITY: 2 characters, minimum 3",
                          "record O'Hara/\"x\"; y at line 20 (created)",
                          "record '; DROP TA/Zoë at line 26 (created)"}));
    QCOMPARE(tableRows(b), QStringList({"1|Ann|Lee|Director|Winston-Salem N", "4|Dan|Oh|NULL|NY ",
                                        "5|O'Hara|\"x\"; y|'; DROP|a;b'c", "6|'; DROP TA|Zoë|NULL|NULL"}));
    QCOMPARE(r.result.exitCode, 0x3C);
    QCOMPARE(r.result.warnings, 2);
    verifyAccounting(r.result);
}

void TestImport::driverDifferences_data()
{
    addBackends();
}

void TestImport::driverDifferences()
{
    // A value the column's type cannot hold: SQLite stores it as it is (type affinity), PostgreSQL refuses
    // it and the record fails with the driver's block; the records around it are imported either way.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    {
        test::Sql sql(b);
        QVERIFY(sql.ok());
        QVERIFY(sql.exec(QString("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(10), qty INTEGER)").arg(m_table)));
    }
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=ID\nModify=N, Q",
                                    QString("ID=%1.id\nN=%1.name\nQ=%1.qty\n").arg(m_table));
    const Imported r = import(cfg, "row:\nID: 1\nN: A\nQ: 5\nrow:\nID: 2\nN: B\nQ: abc\nrow:\nID: 3\nN: C\nQ: 7\n");
    verifyAccounting(r.result);
    QCOMPARE(r.result.stats.creates + r.result.stats.errors, 3);
    QVERIFY(tableRows(b).contains("1|A|5"));
    QVERIFY(tableRows(b).contains("3|C|7"));
    if (backend == QLatin1String("sqlite")) {
        QCOMPARE(r.result.exitCode, 0);
        test::Sql sql(b);  // read as text: the driver cannot read 'abc' as the INTEGER the column declares
        QCOMPARE(sql.rows(QString("SELECT CAST(qty AS TEXT) FROM %1 WHERE id = 2").arg(m_table)), QStringList({"abc"}));
    } else {
        QCOMPARE(r.result.exitCode, 0x3C);
        QCOMPARE(r.result.stats.errors, 1);
        QVERIFY2(r.exceptions.contains("# error: INSERT failed\n# SQLExecute failure\n# state=22P02\n"), r.exceptions);
        QVERIFY(r.trace.at(1).startsWith("record 2 at line 5 (error) #\n\nerror: INSERT failed\nSQLExecute failure\n"
                                         "state=22P02\n"));
    }
}

void TestImport::relationships_data()
{
    addBackends();
}

void TestImport::relationships()
{
    // The manual's Clients / Websites example: Websites.Owner refers to Clients.Id.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    const QString clients = m_table + "_c";
    const QString sites = m_table + "_w";
    {
        test::Sql sql(b);
        QVERIFY(sql.ok());
        QVERIFY2(sql.exec(QString("CREATE TABLE %1 (Id INTEGER PRIMARY KEY, Surname VARCHAR(20), GivenName VARCHAR(20))").arg(clients)), qPrintable(sql.error()));
        QVERIFY2(sql.exec(QString("CREATE TABLE %1 (Id INTEGER PRIMARY KEY, Owner INTEGER REFERENCES %2(Id), Site VARCHAR(40))")
                              .arg(sites, clients)), qPrintable(sql.error()));
        QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (16, 'Smith', 'Fenella'), (17, 'Jones', 'Ann'), (18, 'Brown', 'Bo')").arg(clients)));
        QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (32, 16, 'www.fenella.mysp.net'), (45, 16, 'www.fenella-import.com'), "
                                 "(50, 17, 'ann.example'), (51, 18, 'bo.example')").arg(sites)));
    }
    const QString attributes = QString("CID=%1.Id\nSN=%1.Surname\nGN=%1.GivenName\nWO=%2.Owner\n").arg(clients, sites);
    // SQLite enforces foreign keys only when asked: SETOPTIONS does that once, before the import.
    const QString pragma = backend == QLatin1String("sqlite") ? "\nSETOPTIONS=PRAGMA foreign_keys=ON" : "";
    QString cfg = writeConfig(b, "Table=" + clients + "\nSelectBy=SN & GN\nModify=CID" + pragma, attributes);
    const QByteArray deleteSmith = "row:\nChangeType: delete\nSN: Smith\nGN: Fenella\n";
    Imported r = import(cfg, deleteSmith);
    QCOMPARE(r.result.exitCode, 0x3C);  // refused: rows of Websites refer to it
    QCOMPARE(r.result.stats.errors, 1);
    QVERIFY2(r.exceptions.contains("# error: DELETE failed\n"), r.exceptions);
    QCOMPARE(tableRows(b, clients).size(), 3);

    cfg = writeConfig(b, "Table=" + clients + "\nSelectBy=SN & GN\nModify=CID\nRelationships=WO=>CID" + pragma, attributes);
    r = import(cfg, deleteSmith + "row:\nChangeType: delete\nSN: Jones\nGN: Ann\n");
    QVERIFY2(r.result.exitCode == 0, r.exceptions);
    QCOMPARE(r.trace.at(0), QString("record Smith/Fenella at line 1 (deleted)\n\nreferences nullified\nWO: 2 rows"));
    QCOMPARE(tableRows(b, clients), QStringList({"18|Brown|Bo"}));
    QCOMPARE(tableRows(b, sites), QStringList({"32|NULL|www.fenella.mysp.net", "45|NULL|www.fenella-import.com",
                                               "50|NULL|ann.example", "51|18|bo.example"}));
    verifyAccounting(r.result);

    // Without enforcement (SQLite without the pragma), AlwaysFollowReferences nullifies all the same.
    if (backend == QLatin1String("sqlite")) {
        cfg = writeConfig(b, "Table=" + clients + "\nSelectBy=SN & GN\nModify=CID\nRelationships=WO=>CID\n"
                             "AlwaysFollowReferences=TRUE", attributes);
        r = import(cfg, "row:\nChangeType: delete\nSN: Brown\nGN: Bo\n");
        QCOMPARE(r.result.exitCode, 0);
        QCOMPARE(tableRows(b, sites).last(), QString("51|NULL|bo.example"));
        QCOMPARE(tableRows(b, clients), QStringList());
    }
}

void TestImport::joinedTables_data()
{
    addBackends();
}

void TestImport::joinedTables()
{
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    const QString products = m_table + "_p";
    const QString suppliers = m_table + "_s";
    {
        test::Sql sql(b);
        QVERIFY(sql.ok());
        QVERIFY(sql.exec(QString("CREATE TABLE %1 (SupplierID INTEGER PRIMARY KEY, CompanyName VARCHAR(40))").arg(suppliers)));
        QVERIFY(sql.exec(QString("CREATE TABLE %1 (ProductID INTEGER PRIMARY KEY, ProductName VARCHAR(40), SupplierID INTEGER, "
                                 "Price NUMERIC(10,2))").arg(products)));
        QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (1, 'Organic Growers Ltd'), (2, 'Tokyo Traders')").arg(suppliers)));
        QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (10, 'Chai', 1, 18.00), (11, 'Chang', 1, 19.00), (12, 'Ikura', 2, 31.00), "
                                 "(13, 'Orphan', NULL, 1.00)").arg(products)));
    }
    const QString attributes = QString("PID=%1.ProductID\nPN=%1.ProductName\nPS=%1.SupplierID\nPR=%1.Price\n"
                                       "SNAME=%2.CompanyName\n").arg(products, suppliers);
    const QString join = QString("%1 INNER JOIN %2 ON %1.SupplierID = %2.SupplierID").arg(products, suppliers);
    const QString cfg = writeConfig(b, "Table=" + join + "\nSelectBy=PN\nModify=PR, SNAME", attributes);
    const Imported r = import(cfg, "row:\nPN: Chai\nPR: 20.5\nSNAME: OGL\n"        // both tables change
                                   "row:\nPID: 13\nPN: Orphan\nPR: 2\n"             // outside the join: absent
                                   "row:\nPID: 14\nPN: Tofu\nPS: 2\nPR: 23.25\nSNAME: ignored\n"  // primary only
                                   "row:\nChangeType: delete\nPN: Ikura\n");
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join('\n')));
    verifyAccounting(r.result);
    QCOMPARE(tableRows(b, suppliers), QStringList({"1|OGL", "2|Tokyo Traders"}));
    const QStringList rows = tableRows(b, products);
    QCOMPARE(rows.size(), 4);  // Ikura deleted; Tofu created; Orphan (outside the inner join) not found
    QVERIFY2(rows.at(0).startsWith("10|Chai|1|20.5"), qPrintable(rows.join(' ')));
    QVERIFY(rows.at(1).startsWith("11|Chang|1|19"));
    QVERIFY(rows.at(2).startsWith("13|Orphan|NULL|1"));
    QVERIFY(rows.at(3).startsWith("14|Tofu|2|23.25"));
    // Orphan is not in the inner join, so it is created in the primary table, which its key refuses.
    QCOMPARE(r.trace.size(), 5);
    QCOMPARE(r.trace.at(0), QString("record Chai at line 1 (updated)"));
    QVERIFY2(r.trace.at(1).startsWith("record Orphan at line 5 (error) #\n\nerror: INSERT failed\n"), qPrintable(r.trace.at(1)));
    QCOMPARE(r.trace.at(2), QString("record Tofu at line 9 (created)"));
    QCOMPARE(r.trace.at(3), QString("record Ikura at line 15 (deleted)"));
}

void TestImport::batchesMatchPerRecord_data()
{
    addBackends();
}

void TestImport::batchesMatchPerRecord()
{
    // Failures at the database (a duplicate primary key) in the middle of batches: the batch is rolled back
    // and replayed, so the rows, the exceptions file and the trace equal those of one transaction per record.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QByteArray data;
    for (int i = 0; i < 60; ++i) {
        const int id = i % 7 == 3 ? 1 : 100 + i;  // every 7th record collides with Nancy's id 1
        data += QString("row:\nEID: %1\nGN: G%2\nSN: S%2\nTI: t%2\n").arg(id).arg(i).toUtf8();
        if (i % 10 == 5 && i != 45)
            data += QString("row:\nGN: G%1\nSN: S%1\nTI: changed%1\n").arg(i).toUtf8();  // updates the row just made
    }
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
    QStringList rows[2];
    QByteArray exceptions[2];
    QStringList traces[2];
    const int batches[2] = {1, 16};
    for (int k = 0; k < 2; ++k) {
        m_table = test::uniqueTable("imp");
        QVERIFY(createTable(b));
        writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
        const Imported r = import(cfg, data, batches[k]);
        verifyAccounting(r.result);
        QCOMPARE(r.result.stats.errors, 9);
        QCOMPARE(r.result.stats.creates, 51);
        QCOMPARE(r.result.stats.updates, 5);
        rows[k] = tableRows(b);
        // The driver's messages name the table, which differs between the two runs.
        exceptions[k] = QByteArray(r.exceptions).replace(m_table.toUtf8(), "T");
        traces[k] = r.trace;
        traces[k].replaceInStrings(m_table, "T");
    }
    QCOMPARE(rows[1], rows[0]);
    QCOMPARE(exceptions[1], exceptions[0]);
    QCOMPARE(traces[1], traces[0]);
    QCOMPARE(rows[0].size(), 5 + 51);
}

void TestImport::exceptionsFileReimports_data()
{
    addBackends();
}

void TestImport::exceptionsFileReimports()
{
    // The exceptions file is itself an import file: fix the values in it and import it again.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b));
    const QString attributes = QString("EID=%1.id\nGN=%1.first\nSN=%1.last\nTI(text[-5])#=%1.title\nCITY=%1.city\n").arg(m_table);
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI, CITY\nExceptions=failed.txt",
                                    attributes);
    Imported r = import(cfg, "row:\nEID: 40\nGN: Ann\nSN: Lee\nTI: Much too long\n\nrow:\nEID: 41\nGN: Bo\nSN: Ek\nTI: ok\n\n"
                             "row:\nEID: 42\nGN: Cy\nSN: Po\nCITY: Oslo\nTI: Way too long\n\n");
    QCOMPARE(r.result.exitCode, 0x3C);
    QCOMPARE(r.result.exceptionsPath, QString("failed.txt"));
    QCOMPARE(r.result.stats.errors, 2);
    QByteArray fixed = r.exceptions;
    fixed.replace("TI: Much too long", "TI: Short").replace("TI: Way too long", "TI: Tiny");
    r = import(cfg, fixed);
    QCOMPARE(r.result.exitCode, 0);
    QCOMPARE(r.result.stats.creates, 2);
    QCOMPARE(r.exceptions, QByteArray());  // the new run's exceptions file is empty
    QVERIFY(tableRows(b).contains("40|Ann|Lee|Short|NULL"));
    QVERIFY(tableRows(b).contains("42|Cy|Po|Tiny|Oslo"));
}

void TestImport::singleStep_data()
{
    addBackends();
}

void TestImport::singleStep()
{
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b));
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
    run::StepController step;
    step.setStepping(true);
    QStringList prompts;
    step.setPrompter([&](const QString &what) {
        prompts << what;
        // Each record is committed before the prompt: the database already shows it.
        if (prompts.size() == 1)
            return run::StepController::decisionForLine("");
        return run::StepController::decisionForLine("q");
    });
    const Imported r = import(cfg, "row:\nGN: Nancy\nSN: Davolio\nTI: one\nrow:\nGN: Andrew\nSN: Fuller\nTI: two\n"
                                   "row:\nGN: Janet\nSN: Leverling\nTI: three\n", 500, &step);
    QCOMPARE(prompts, QStringList({"record Nancy/Davolio at line 1 (updated)", "record Andrew/Fuller at line 5 (updated)"}));
    QVERIFY(r.result.stopped);
    QCOMPARE(r.result.resumeLine, 9);
    QCOMPARE(r.result.exitCode, 0);
    QCOMPARE(tableRows(b).mid(0, 3), QStringList({"1|Nancy|Davolio|one|Seattle", "2|Andrew|Fuller|two|Tacoma",
                                                  "3|Janet|Leverling|Sales Rep|Kirkland"}));
}

void TestImport::fatalErrors_data()
{
    addBackends();
}

void TestImport::fatalErrors()
{
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b));
    QFile old("except.txt");
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("previous run\n");
    old.close();
    // A wrong table: the dummy SELECT fails before any record; exit 1 and the old exceptions file stays.
    QString cfg = writeConfig(b, "Table=" + m_table + "_missing\nSelectBy=GN & SN\nModify=TI");
    Imported r = import(cfg, "row:\nGN: A\nSN: B\n");
    QCOMPARE(r.result.exitCode, 1);
    QVERIFY2(r.result.error.contains("failure\nstate="), qPrintable(r.result.error));
    QCOMPARE(r.result.recordsRead, 0);
    QCOMPARE(test::readAll("except.txt"), QByteArray("previous run\n"));
    // A wrong column in Modify fails in the preparation too.
    cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI, CITY",
                      QString("EID=%1.id\nGN=%1.first\nSN=%1.last\nTI=%1.title\nCITY=%1.town\n").arg(m_table));
    r = import(cfg, "row:\nGN: A\nSN: B\n");
    QCOMPARE(r.result.exitCode, 1);
    QVERIFY(r.result.error.contains("town"));
    // An unreachable database.
    test::Backend broken = b;
    broken.fieldLines = backend == QLatin1String("sqlite")
                            ? QStringList({"DRIVER=SQLite3", "Database=/nonexistent/dir/x.db", "NoCreat=1"})
                            : QStringList({"DRIVER={PostgreSQL Unicode}", "Server=127.0.0.1", "Port=1", "Database=x"});
    cfg = writeConfig(broken, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
    r = import(cfg, "row:\nGN: A\nSN: B\n");
    QCOMPARE(r.result.exitCode, 1);
    QVERIFY2(r.result.error.contains("state="), qPrintable(r.result.error));
    QCOMPARE(test::readAll("except.txt"), QByteArray("previous run\n"));
}

void TestImport::roundTrip_data()
{
    addBackends();
}

void TestImport::roundTrip()
{
    // export -> import into an empty copy -> export again: identical files.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b));
    {
        test::Sql sql(b);
        QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (?, ?, ?, ?, ?)").arg(m_table),
                         {6, QString("Zoë"), QString("Line\nBreak"), QString(" #hash\\back "), QVariant(QMetaType::fromType<QString>())}));
    }
    const QString source = m_table;
    const QString copy = test::uniqueTable("copy");
    {
        test::Sql sql(b);
        QVERIFY(sql.exec(QString("CREATE TABLE %1 (id INTEGER PRIMARY KEY, first VARCHAR(10), last VARCHAR(20), "
                                 "title VARCHAR(30), city VARCHAR(15))").arg(copy)));
    }
    auto exportTable = [&](const QString &table, const QString &out) {
        const QString text = QString("[version]\nVersion=1.06\n[attributes]\nEID=%1.id\nGN=%1.first\nSN=%1.last\n"
                                     "TI=%1.title\nCITY=%1.city\n[database]\n%2\n[export]\nSelect=EID, GN, SN, TI, CITY\n"
                                     "From=%1\nWhere=EID < 4 OR EID > 5\n[control]\nEncoding=UTF-8\n")
                                 .arg(table, b.fieldLines.join('\n'));
        QFile f(m_dir->filePath("export.ini"));
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(text.toUtf8());
        f.close();
        const config::ParseResult parsed = config::parseConfigFile(f.fileName(), config::Operation::Export);
        exporter::ExportRequest request;
        request.config = parsed.config;
        request.outputPath = out;
        request.connectionName = QUuid::createUuid().toString();
        trace::Trace trace(trace::Trace::Options{});
        return exporter::runExport(request, trace).exitCode;
    };
    QCOMPARE(exportTable(source, "first.txt"), 0);
    m_table = copy;
    const QString cfg = writeConfig(b, "Table=" + copy + "\nSelectBy=EID\nModify=GN, SN, TI, CITY");
    const Imported r = import(cfg, test::readAll("first.txt"));
    QCOMPARE(r.result.exitCode, 0);
    QCOMPARE(r.result.stats.creates, 4);
    QCOMPARE(exportTable(copy, "second.txt"), 0);
    QVERIFY(!test::readAll("first.txt").isEmpty());
    QCOMPARE(test::readAll("second.txt"), test::readAll("first.txt"));
}

void TestImport::killedImportConverges()
{
    // SIGKILL in the middle of a large import, then the same import again: the database ends as after one
    // uninterrupted run (adds already done become updates; nothing is lost or doubled).
    const test::Backend b = backend("sqlite");
    auto createIndexedTable = [&] {
        QVERIFY(createTable(b));
        test::Sql sql(b);
        QVERIFY(sql.exec(QString("CREATE INDEX %1_names ON %1 (first, last)").arg(m_table)));
    };
    createIndexedTable();
    QByteArray data;
    for (int i = 0; i < 40000; ++i)
        data += QString("row:\nEID: %1\nGN: G%1\nSN: S%2\nTI: t%1\n").arg(1000 + i).arg(i % 97).toUtf8();
    for (int i = 0; i < 2000; ++i)
        data += QString("row:\nChangeType: delete\nGN: G%1\nSN: S%2\n").arg(1000 + i * 3).arg((i * 3) % 97).toUtf8();
    QFile in(m_dir->filePath("big.txt"));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write(data);
    in.close();
    writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
    const QString program = QStringLiteral(OAS_BIN_DIR "/ODBCAgentImp");
    const QStringList args = {"-f", "import.ini", "-i", "big.txt"};

    QProcess killed;
    killed.setWorkingDirectory(m_dir->path());
    killed.start(program, args);
    QVERIFY(killed.waitForStarted());
    // Kill once some rows are committed (the table grows), well before the end.
    QElapsedTimer timer;
    timer.start();
    int committed = 0;
    while (timer.elapsed() < 20000) {
        QTest::qWait(20);
        committed = int(tableRows(b).size());
        if (committed > 2000 || killed.state() == QProcess::NotRunning)
            break;
    }
    QVERIFY2(killed.state() == QProcess::Running, "the import ended before it could be killed");
    ::kill(pid_t(killed.processId()), SIGKILL);
    killed.waitForFinished();
    QCOMPARE(killed.exitStatus(), QProcess::CrashExit);
    const int afterKillRows = int(tableRows(b).size());
    QVERIFY2(afterKillRows > 5 && afterKillRows < 40005, qPrintable(QString::number(afterKillRows)));
    qInfo("killed with %d rows in the table", afterKillRows);

    QProcess again;
    again.setWorkingDirectory(m_dir->path());
    again.start(program, args);
    QVERIFY(again.waitForFinished(120000));
    QVERIFY2(again.exitCode() == 0, again.readAllStandardError().constData());
    const QStringList afterKill = tableRows(b);

    // The reference: the same import, uninterrupted, into a fresh table.
    m_table = test::uniqueTable("imp");
    createIndexedTable();
    writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
    QProcess clean;
    clean.setWorkingDirectory(m_dir->path());
    clean.start(program, args);
    QVERIFY(clean.waitForFinished(120000));
    QCOMPARE(clean.exitCode(), 0);
    QCOMPARE(afterKill.size(), 5 + 40000 - 2000);
    QCOMPARE(afterKill, tableRows(b));
}

void TestImport::locatingManyAtOnceMatchesOneByOne()
{
    // Batches locate up to 32 records with one SELECT. A column that compares without case (SQLite's
    // COLLATE NOCASE) returns rows the client would not match: the agent falls back to one SELECT per
    // record, so 'ANN' still updates 'Ann' instead of creating a second row. Two records for the same row
    // in one batch still see each other's work.
    const test::Backend b = backend("sqlite");
    {
        test::Sql sql(b);
        QVERIFY(sql.exec(QString("CREATE TABLE %1 (id INTEGER PRIMARY KEY, first VARCHAR(10) COLLATE NOCASE, "
                                 "last VARCHAR(20) COLLATE NOCASE, title VARCHAR(30), city VARCHAR(15))").arg(m_table)));
        QVERIFY(sql.exec(QString("INSERT INTO %1 VALUES (1, 'Ann', 'Lee', 'a', 'b'), (2, 'Bo', 'Ek', 'c', 'd')").arg(m_table)));
    }
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
    QByteArray data = "row:\nGN: ANN\nSN: LEE\nTI: upper\nrow:\nEID: 3\nGN: Cy\nSN: Po\nTI: new\n"
                      "row:\nGN: Cy\nSN: Po\nTI: again\nrow:\nChangeType: delete\nGN: bo\nSN: ek\n";
    for (int batch : {500, 1}) {
        const Imported r = import(cfg, data, batch);
        verifyAccounting(r.result);
        QCOMPARE(tableRows(b), QStringList({"1|Ann|Lee|upper|b", "3|Cy|Po|again|NULL"}));
        QCOMPARE(r.result.stats.creates, 1);
        QCOMPARE(r.result.stats.updates, 2);
        QCOMPARE(r.result.stats.deletes, 1);
        test::Sql(b).exec(QString("INSERT INTO %1 VALUES (2, 'Bo', 'Ek', 'c', 'd')").arg(m_table));
        test::Sql(b).exec(QString("DELETE FROM %1 WHERE id = 3").arg(m_table));
    }
}

void TestImport::groupedWrites_data()
{
    addBackends();
}

void TestImport::groupedWrites()
{
    // Batches write runs of adds, modifies and deletes as one statement each (multi-row INSERT, UPDATE from
    // VALUES, DELETE with OR). When the database refuses one, the run is applied again one statement per
    // record, so only the bad record fails.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b));
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=EID\nModify=GN, SN, TI, CITY", {}, "TraceLevel=Summary Stats SQL\n");
    QByteArray data;
    for (int i = 100; i < 200; ++i)
        data += QString("row:\nChangeType: add\nEID: %1\nGN: G%1\nSN: S%1\nCITY: C%1\n").arg(i).toUtf8();
    for (int i = 100; i < 150; ++i)
        data += QString("row:\nEID: %1\nTI: t%1\nCITY:\n").arg(i).toUtf8();
    for (int i = 150; i < 170; ++i)
        data += QString("row:\nChangeType: delete\nEID: %1\n").arg(i).toUtf8();
    Imported r = import(cfg, data);
    QCOMPARE(r.result.exitCode, 0);
    QCOMPARE(r.result.stats.creates, 100);
    QCOMPARE(r.result.stats.updates, 50);
    QCOMPARE(r.result.stats.deletes, 20);
    QVERIFY(r.sql.filter("at once failed").isEmpty());
    QVERIFY(r.sql.join('\n').contains(QString("SELECT statement for 32 records at once")));
    const QStringList rows = tableRows(b);
    QCOMPARE(rows.size(), 5 + 80);
    QVERIFY(rows.contains("100|G100|S100|t100|NULL"));
    QVERIFY(rows.contains("199|G199|S199|NULL|C199"));
    QVERIFY(!rows.filter(QRegularExpression("^16[0-9]\\|")).size());

    // A run of adds where one breaks a unique index the import cannot know of: the grouped INSERT fails,
    // the run is applied again record by record, and only that record fails.
    QVERIFY(test::Sql(b).exec(QString("CREATE UNIQUE INDEX %1_city ON %1 (city)").arg(m_table)));
    QByteArray clash;
    for (int i = 300; i < 340; ++i)
        clash += QString("row:\nChangeType: add\nEID: %1\nGN: H%1\nSN: S%1\nCITY: %2\n")
                     .arg(i)
                     .arg(i == 320 ? QString("Seattle") : QString("Z%1").arg(i))
                     .toUtf8();
    r = import(cfg, clash);
    verifyAccounting(r.result);
    QCOMPARE(r.result.stats.creates, 39);
    QCOMPARE(r.result.stats.errors, 1);
    QVERIFY2(r.exceptions.startsWith("# record at line 121\nrow:\nChangeType: add\nEID: 320\n"), r.exceptions.left(200));
    QVERIFY2(!r.sql.filter("at once failed").isEmpty(), qPrintable(r.sql.join('\n')));
    QCOMPARE(tableRows(b).filter("|H3").size(), 39);
}

void TestImport::dates_data()
{
    addBackends();
}

void TestImport::dates()
{
    // DateFormat for DATE and TIMESTAMP columns, the ODBC escape, and a date that does not exist.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(test::Sql(b).exec(QString("CREATE TABLE %1 (id INTEGER PRIMARY KEY, born DATE, seen TIMESTAMP)").arg(m_table)));
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=ID\nModify=BORN, SEEN",
                                    QString("ID=%1.id\nBORN=%1.born\nSEEN=%1.seen\n").arg(m_table),
                                    "DateFormat=DD-MON-YYYY\n");
    const Imported r = import(cfg, "row:\nID: 1\nBORN: 8-Dec-1948\nSEEN: 1-may-1992 10:30:00\n"
                                   "row:\nID: 2\nBORN: {d '1995-01-15'}\nSEEN: 02-FEB-2000\n"
                                   "row:\nID: 3\nBORN: 30-Feb-2001\n");
    verifyAccounting(r.result);
    QCOMPARE(r.result.stats.creates, 2);
    QCOMPARE(r.trace.at(2), QString("record 3 at line 9 (error) #\n\nerror: invalid date\n"
                                    "BORN: 30-Feb-2001 (expected DD-MON-YYYY or {d 'YYYY-MM-DD'})"));
    test::Sql sql(b);
    QCOMPARE(sql.rows(QString("SELECT id, CAST(born AS VARCHAR(10)), CAST(seen AS VARCHAR(19)) FROM %1 ORDER BY id").arg(m_table)),
             QStringList({"1|1948-12-08|1992-05-01 10:30:00", "2|1995-01-15|2000-02-02 00:00:00"}));
}

void TestImport::autosFromSequence_data()
{
    addBackends();
}

void TestImport::autosFromSequence()
{
    // Autos: new rows are numbered by the sequence (PostgreSQL nextval); SQLite has no sequences, NULL
    // numbers its INTEGER PRIMARY KEY. The record's own value for the attribute is ignored.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b));
    const QString sequence = m_table + "_seq";
    if (backend == "postgresql")
        QVERIFY(test::Sql(b).exec(QString("CREATE SEQUENCE %1 START 100").arg(sequence)));
    const QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI\nAutos=EID(" + sequence + ")");
    const Imported r = import(cfg, "row:\nEID: 0\nGN: New\nSN: One\nrow:\nEID: 0\nGN: New\nSN: Two\n");
    QCOMPARE(r.result.exitCode, 0);
    const QStringList rows = tableRows(b).filter("|New|");
    const QStringList expected = backend == "postgresql" ? QStringList({"100|New|One|NULL|NULL", "101|New|Two|NULL|NULL"})
                                                         : QStringList({"6|New|One|NULL|NULL", "7|New|Two|NULL|NULL"});
    QCOMPARE(rows, expected);
}

void TestImport::connectionLostMidway()
{
    // The server ends the agent's session in the middle of an import: exit 1, a message saying from which
    // record on nothing was imported, every record before it in the table; the same import run again
    // completes it.
    const test::Backend pg = backend("postgresql");
    if (pg.name.isEmpty())
        QSKIP("PostgreSQL is not configured (OAS_TEST_PG)");
    QVERIFY(createTable(pg, false));
    test::Backend tagged = pg;
    tagged.fieldLines << "pqopt={application_name=" + m_table + "}";
    writeConfig(tagged, "Table=" + m_table + "\nSelectBy=EID\nModify=GN, SN", {}, "TraceLevel=Stats\n");
    QByteArray data;
    const int records = 200000;
    for (int i = 1; i <= records; ++i)
        data += QString("row:\nEID: %1\nGN: G%1\nSN: S%1\n").arg(i).toUtf8();
    QFile in(m_dir->filePath("big.txt"));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write(data);
    in.close();
    QProcess agent;
    agent.setWorkingDirectory(m_dir->path());
    agent.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentImp"), {"-f", "import.ini", "-i", "big.txt"});
    QVERIFY(agent.waitForStarted());
    test::Sql sql(pg);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30000 && agent.state() == QProcess::Running
           && sql.rows(QString("SELECT count(*) FROM %1").arg(m_table)).value(0).toInt() < 2000)
        QTest::qWait(20);
    QVERIFY2(agent.state() == QProcess::Running, "the import ended before the connection could be ended");
    QCOMPARE(sql.rows(QString("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '%1'")
                          .arg(m_table)),
             QStringList({"1"}));
    QVERIFY(agent.waitForFinished(60000));
    const QString err = QString::fromUtf8(agent.readAllStandardError());
    QCOMPARE(agent.exitCode(), 1);
    const QRegularExpressionMatch m = QRegularExpression("import not done from the record at line (\\d+) on").match(err);
    QVERIFY2(m.hasMatch(), qPrintable(err));
    const int resumeLine = m.captured(1).toInt();
    const int imported = (resumeLine - 1) / 4;  // four lines per record
    QVERIFY2(imported > 0 && imported < records, qPrintable(err));
    QCOMPARE(sql.rows(QString("SELECT count(*), max(id) FROM %1").arg(m_table)),
             QStringList({QString("%1|%1").arg(imported)}));

    QProcess again;
    again.setWorkingDirectory(m_dir->path());
    again.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentImp"), {"-f", "import.ini", "-i", "big.txt"});
    QVERIFY(again.waitForFinished(120000));
    QCOMPARE(again.exitCode(), 0);
    QCOMPARE(sql.rows(QString("SELECT count(*) FROM %1").arg(m_table)), QStringList({QString::number(records)}));
}

void TestImport::columnsAndSqlTrace()
{
    // The Columns and SQL trace levels in the manual's formats, with what the SQLite3 driver reports.
    const test::Backend b = backend("sqlite");
    QVERIFY(createTable(b));
    const QString t = m_table;
    const QString attributes = QString("EID=%1.id\nGN=%1.first\nSN(text[2-20])#=%1.last\nTI=%1.title\nCITY=%1.city\n").arg(t);
    const QString cfg = writeConfig(b, "Table=" + t + "\nSelectBy=GN & SN\nModify=TI, CITY", attributes,
                                    "TraceLevel=Columns SQL\n");
    const Imported r = import(cfg, "row:\nGN: Nancy\nSN: Davolio\nTI: x\n");
    QCOMPARE(r.result.exitCode, 0);
    QCOMPARE(r.sql.at(0), QString("dummy SELECT statement\nSELECT %1.id, %1.first, %1.last, %1.title, %1.city FROM %1\n"
                                  "SELECT statement\nSELECT %1.first, %1.last, %1.title, %1.city FROM %1 WHERE (%1.first=?) AND (%1.last=?)\n"
                                  "UPDATE statement\nUPDATE %1 SET title=?, city=? WHERE (%1.first=?) AND (%1.last=?)\n"
                                  "INSERT statement\nINSERT INTO %1 (id, first, last, title, city) VALUES (?, ?, ?, ?, ?)\n"
                                  "DELETE statement\nDELETE FROM %1 WHERE (%1.first=?) AND (%1.last=?)")
                              .arg(t));
    QVERIFY2(r.sql.contains(QString("column info\nattribute=SN\ncolumn-id=last\ncolumn-expansion=%1.last\n"
                                    "configured-data-type=SQL_CHAR\nC-data-type=SQL_C_CHAR\nconfigured-minimum=2\n"
                                    "configured-maximum=20\nfail-if-too-big=true\nSQL-data-type=SQL_VARCHAR\nprecision=20\n"
                                    "scale=0\nnullable=SQL_NULLABLE").arg(t)),
             qPrintable(r.sql.join("\n--\n")));
    QVERIFY(r.sql.join('\n').contains("column info\nattribute=EID\ncolumn-id=id\n"));
}

void TestImport::checkAgainstDatabase_data()
{
    addBackends();
}

void TestImport::checkAgainstDatabase()
{
    // The Studio's "Check against database": the driver describes the import's columns; a column that does
    // not exist is an error on the Table line, with the driver's message.
    QFETCH(QString, backend);
    const test::Backend b = this->backend(backend);
    QVERIFY(createTable(b));
    QString cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI");
    config::ParseResult parsed = config::parseConfigFile(cfg, config::Operation::Import);
    run::DatabaseCheckResult r = run::checkAgainstDatabase(parsed.config, {}, QUuid::createUuid().toString());
    QVERIFY(r.connected);
    QCOMPARE(r.diagnostics.size(), 0);
    QCOMPARE(r.columns.size(), 5);
    QCOMPARE(r.columns.at(2).abbreviation, QString("SN"));
    QCOMPARE(r.columns.at(2).column.size, 20);
    QVERIFY(r.columnsText.contains("attribute=SN\ncolumn-id=last\n"));

    cfg = writeConfig(b, "Table=" + m_table + "\nSelectBy=GN & SN\nModify=TI",
                      QString("EID=%1.id\nGN=%1.first\nSN=%1.last\nTI=%1.nosuchcolumn\n").arg(m_table));
    parsed = config::parseConfigFile(cfg, config::Operation::Import);
    r = run::checkAgainstDatabase(parsed.config, {}, QUuid::createUuid().toString());
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics.at(0).pos.line, parsed.config.importSection.table.pos.line);
    QVERIFY2(r.diagnostics.at(0).message.contains("nosuchcolumn"), qPrintable(r.diagnostics.at(0).message));
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
