// Stored-procedure imports through the real ODBCAgentImp against PostgreSQL (psqlODBC) and MariaDB (MariaDB
// Connector/ODBC) with real functions and procedures: the manual's declaration style with RETURNING ranges
// (OK, warning, ! failures inside and outside quotes, out of range, NULL), presets, tags matched
// case-insensitively, a PROCEDURE with an IN OUT RETURN parameter and a date in a configured DateFormat,
// SQLExecDirect, the declaration checked against the driver's metadata, and a clear refusal from the SQLite3
// ODBC driver. MariaDB runs a function only as SELECT f(...), and gives OUT parameters in its own way.
#include "Backend.h"
#include "common/TestSupport.h"

#include <QProcess>
#include <QRegularExpression>

using namespace oas;
using namespace oas::test;

class TestProcedures : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void functionWithReturningRanges_data() { addServerRows(); }
    void functionWithReturningRanges();
    void procedureWithReturnParameter_data();
    void procedureWithReturnParameter();
    void exactValuesThroughProcedures_data() { addServerRows(); }
    void exactValuesThroughProcedures();
    void declarationCheckedAfterConnecting_data() { addServerRows(); }
    void declarationCheckedAfterConnecting();
    void sqliteDriverRefuses();

private:
    struct Run {
        int exitCode = -1;
        QString stderrText;
        QString trace;
        QString exceptions;
    };
    Run import(const Backend &b, const QString &procedures, const QByteArray &data, const QString &control = {});
    QString configText(const Backend &b, const QString &procedures, const QString &control) const;
    static void addServerRows();
    bool createPostgresRoutines(const Backend &b);
    bool createMariaDbRoutines(const Backend &b);
    QTemporaryDir m_dir;
    QString m_suffix;  // the names of this run's table and routines
};

void TestProcedures::addServerRows()
{
    QTest::addColumn<QString>("backend");
    for (const QString &name : backendNames()) {
        if (name != "sqlite")
            QTest::newRow(qPrintable(name)) << name;
    }
}

void TestProcedures::initTestCase()
{
    m_suffix = QUuid::createUuid().toString(QUuid::Id128).left(8);
    const Backend pg = Backend::postgresql();
    if (!pg.name.isEmpty())
        QVERIFY(createPostgresRoutines(pg));
    const Backend maria = Backend::mariadb();
    if (!maria.name.isEmpty())
        QVERIFY(createMariaDbRoutines(maria));
}

bool TestProcedures::createPostgresRoutines(const Backend &b)
{
    Sql sql(b);
    const QString s = m_suffix;
    // The manual's SP_BENUTZERROLLE, as a PostgreSQL function returning an integer code.
    const bool ok = sql.ok()
        && sql.exec(QString("CREATE TABLE roles_%1(op int, rname text, mitarb text, born date, kind text)").arg(s))
        && sql.exec(QString("CREATE FUNCTION sp_rolle_%1(op int, rname text, mitarb text, kind text) RETURNS int AS $$ BEGIN "
                            "IF rname = 'bad' THEN RETURN -1; END IF; IF rname = 'odd' THEN RETURN -3; END IF; "
                            "IF rname = 'many' THEN RETURN 7; END IF; IF rname = 'far' THEN RETURN 12345; END IF; "
                            "IF rname = 'none' THEN RETURN NULL; END IF; "
                            "INSERT INTO roles_%1(op, rname, mitarb, kind) VALUES (op, rname, mitarb, kind); RETURN 0; END $$ "
                            "LANGUAGE plpgsql").arg(s))
        && sql.exec(QString("CREATE PROCEDURE pr_role_%1(IN rname text, IN born date, INOUT res int) AS $$ BEGIN "
                            "IF rname = 'refuse' THEN res := 3; RETURN; END IF; "
                            "INSERT INTO roles_%1(rname, born) VALUES (rname, born); res := 1; END $$ LANGUAGE plpgsql").arg(s))
        && sql.exec(QString("CREATE TABLE blobs_%1(rname text, data bytea)").arg(s))
        && sql.exec(QString("CREATE PROCEDURE pr_blob_%1(IN rname text, IN data bytea, INOUT res int) AS $$ BEGIN "
                            "INSERT INTO blobs_%1 VALUES (rname, data); res := 1; END $$ LANGUAGE plpgsql").arg(s))
        && sql.exec(QString("CREATE FUNCTION fn_big_%1(a int) RETURNS bigint AS $$ SELECT a::bigint $$ LANGUAGE sql").arg(s));
    if (!ok)
        qWarning("%s", qPrintable(sql.error()));
    return ok;
}

bool TestProcedures::createMariaDbRoutines(const Backend &b)
{
    Sql sql(b);
    const QString s = m_suffix;
    // The same routines in MariaDB's dialect: the function modifies data, the procedure has an INOUT result.
    const bool ok = sql.ok()
        && sql.exec(QString("CREATE TABLE roles_%1(op int, rname text, mitarb text, born date, kind text)").arg(s))
        && sql.exec(QString("CREATE FUNCTION sp_rolle_%1(op int, rname text, mitarb text, kind text) RETURNS int MODIFIES SQL DATA "
                            "BEGIN IF rname = 'bad' THEN RETURN -1; END IF; IF rname = 'odd' THEN RETURN -3; END IF; "
                            "IF rname = 'many' THEN RETURN 7; END IF; IF rname = 'far' THEN RETURN 12345; END IF; "
                            "IF rname = 'none' THEN RETURN NULL; END IF; "
                            "INSERT INTO roles_%1(op, rname, mitarb, kind) VALUES (op, rname, mitarb, kind); RETURN 0; END").arg(s))
        && sql.exec(QString("CREATE PROCEDURE pr_role_%1(IN rname text, IN born date, INOUT res int) BEGIN "
                            "IF rname = 'refuse' THEN SET res = 3; ELSE "
                            "INSERT INTO roles_%1(rname, born) VALUES (rname, born); SET res = 1; END IF; END").arg(s))
        && sql.exec(QString("CREATE TABLE blobs_%1(rname text, data longblob)").arg(s))
        && sql.exec(QString("CREATE PROCEDURE pr_blob_%1(IN rname text, IN data longblob, INOUT res int) BEGIN "
                            "INSERT INTO blobs_%1 VALUES (rname, data); SET res = 1; END").arg(s))
        && sql.exec(QString("CREATE FUNCTION fn_big_%1(a int) RETURNS bigint RETURN a").arg(s));
    if (!ok)
        qWarning("%s", qPrintable(sql.error()));
    return ok;
}

QString TestProcedures::configText(const Backend &b, const QString &procedures, const QString &control) const
{
    return "[version]\nVersion=1.06\n[database]\n" + b.fieldLines.join('\n') + "\n[procedures]\n" + procedures
           + "\n[control]\nTrace=1\nTraceFile=trace.txt\nTraceLevel=Summary SQL PR PC Stats\n" + control + "\n";
}

TestProcedures::Run TestProcedures::import(const Backend &b, const QString &procedures, const QByteArray &data, const QString &control)
{
    Run run;
    QFile cfg(m_dir.filePath("proc.ini"));
    QFile in(m_dir.filePath("in.txt"));
    if (!cfg.open(QIODevice::WriteOnly) || !in.open(QIODevice::WriteOnly))
        return run;
    cfg.write(configText(b, procedures, control).toUtf8());
    in.write(data);
    cfg.close();
    in.close();
    QFile::remove(m_dir.filePath("except.txt"));
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentImp"), {"-f", "proc.ini", "-i", "in.txt"});
    if (!p.waitForFinished(60000))
        return run;
    run.exitCode = p.exitCode();
    run.stderrText = QString::fromUtf8(p.readAllStandardError());
    run.trace = QString::fromUtf8(readAll(m_dir.filePath("trace.txt")));
    run.exceptions = QString::fromUtf8(readAll(m_dir.filePath("except.txt")));
    return run;
}

void TestProcedures::functionWithReturningRanges()
{
    QFETCH(QString, backend);
    const Backend b = Backend::named(backend, {});
    const QString decl = QString("Procedure=FullSP\n"
                                 "FullSP =res call SP_ROLLE_%1 (op = 2, rname, mitarb, ChangeType) \\\n"
                                 "returning (0:5),(-1)!\"make it a good error!\", \\\n"
                                 "(-2) ! \"quite extraordinary\", (-3) \"!amazing\", (6:10) \"rather many\"").arg(m_suffix);
    const QByteArray data = "row:\nrname: admin\nmitarb: Nancy\nChangeType: add\n"  // 1: OK, preset op=2, ChangeType tag
                            "row:\nrname: bad\nmitarb: x\n"                          // 5: ! before the string
                            "row:\nrname: odd\n"                                     // 8: ! inside the string
                            "row:\nrname: many\n"                                    // 10: a warning, counted as called
                            "row:\nrname: far\n"                                     // 12: out of range
                            "row:\nrname: none\n"                                    // 14: NULL returned
                            "row:\nRNAME: user\nOP: 7\nMITARB: \n";                  // 16: tags in any case, empty = NULL
    const Run r = import(b, decl, data);
    QCOMPARE(r.exitCode, 0x3C);
    QVERIFY2(r.stderrText.contains("7 records read: 3 called, 4 failed, 0 skipped; 4 records written to except.txt; "
                                   "1 record with warnings"), qPrintable(r.stderrText));
    Sql sql(b);
    QCOMPARE(sql.rows(QString("SELECT op, rname, mitarb, kind FROM roles_%1 WHERE born IS NULL ORDER BY rname").arg(m_suffix)),
             QStringList({"2|admin|Nancy|add", "7|user|NULL|NULL"}));
    QVERIFY2(r.exceptions.contains("# record at line 5\nrow:\nrname: bad\nmitarb: x\n# error: the procedure returned -1\n"
                                   "# make it a good error!\n#\n"), qPrintable(r.exceptions));
    QVERIFY(r.exceptions.contains("# error: the procedure returned -3\n# amazing\n"));
    QVERIFY(r.exceptions.contains("# error: the procedure returned 12345\n# return value 12345 out of range\n"));
    QVERIFY(r.exceptions.contains("# record at line 14\n") && r.exceptions.contains("# error: the procedure returned no value\n"));
    QVERIFY(!r.exceptions.contains("line 10"));
    QVERIFY2(r.trace.contains("record many at line 10 (called)\n\nwarning: the procedure returned 7\nrather many"), qPrintable(r.trace));
    QVERIFY(r.trace.contains("procedure return value at line 1\nresult=0.000000"));
    // MariaDB runs a function only as a SELECT.
    QVERIFY2(r.trace.contains(QString(b.isMariaDb() ? "CALL statement (FullSP)\nSELECT SP_ROLLE_%1(?, ?, ?, ?)"
                                                    : "CALL statement (FullSP)\n{? = CALL SP_ROLLE_%1(?, ?, ?, ?)}").arg(m_suffix)),
             qPrintable(r.trace.left(3000)));
    QVERIFY(r.trace.contains("parameter-type = SQL_RETURN_VALUE\ndata-type = SQL_INTEGER"));
    QVERIFY(r.trace.contains("import statistics:\ncalls: 3\nerrors: 4\ntotal imports: 7"));
    // The exceptions file imports again once corrected: "bad" becomes "good".
    QString again = r.exceptions;
    again.replace("rname: bad", "rname: good");
    const qsizetype cut = again.indexOf("# record at line 8");
    const Run second = import(b, decl, again.left(cut).toUtf8());
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(sql.rows(QString("SELECT mitarb FROM roles_%1 WHERE rname = 'good'").arg(m_suffix)), QStringList{"x"});
}

void TestProcedures::procedureWithReturnParameter_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("direct");
    for (const QString &name : backendNames()) {
        if (name == "sqlite")
            continue;
        QTest::newRow(qPrintable(name + " prepared")) << name << false;
        QTest::newRow(qPrintable(name + " SQLExecDirect")) << name << true;
    }
}

void TestProcedures::procedureWithReturnParameter()
{
    // A PROCEDURE (psqlODBC runs it as a native CALL) whose IN OUT parameter is the RETURN; a date parameter
    // in the configured DateFormat; an invalid date is the record's error naming the tag and the form.
    QFETCH(QString, backend);
    QFETCH(bool, direct);
    const Backend b = Backend::named(backend, {});
    const QString tag = direct ? "direct" : "prepared";
    const QString decl = QString("Procedure=Role\nRole=call pr_role_%1(rname, born, RETURN res = 0) returning (1), (2:5) \"!refused\"\n"
                                 "[import]\nSQLExecDirect=%2").arg(m_suffix, direct ? "TRUE" : "FALSE");
    const QByteArray data = QString("row:\nrname: %1-a\nborn: 3-apr-1999\n"
                                    "row:\nrname: %1-b\nborn: 1999-04-03\n"
                                    "row:\nrname: refuse\nborn: 1-Jan-2000\n"
                                    "row:\nrname: %1-c\n").arg(tag).toUtf8();
    const Run r = import(b, decl, data, "DateFormat=DD-MON-YYYY");
    QVERIFY2(r.exitCode == 0x3C, qPrintable(r.stderrText));
    QVERIFY2(r.stderrText.contains("4 records read: 2 called, 2 failed"), qPrintable(r.stderrText + r.exceptions));
    Sql sql(b);
    QCOMPARE(sql.rows(QString("SELECT rname, born FROM roles_%1 WHERE rname LIKE '%2-%%' ORDER BY rname").arg(m_suffix, tag)),
             QStringList({tag + "-a|1999-04-03", tag + "-c|NULL"}));
    QVERIFY2(r.exceptions.contains("# error: invalid date\n# born: 1999-04-03 (expected the form DD-MON-YYYY)\n"), qPrintable(r.exceptions));
    QVERIFY(r.exceptions.contains("# error: the procedure returned 3\n# refused\n"));
    QVERIFY(r.trace.contains(QString("CALL pr_role_%1(?, ?, ?)").arg(m_suffix)));
    // The PC trace has the manual's lines: sql-datetime-sub in the column info, buffer-width in the bind info.
    QVERIFY2(r.trace.contains(QRegularExpression("\nsql-data-type = \\S+\nsql-datetime-sub = \\S+\nchar-octet-length = ")),
             qPrintable(r.trace.left(3000)));
    QVERIFY2(r.trace.contains(QRegularExpression("parameter bind info\nparameter-number = 3\nparameter-type = SQL_PARAM_INPUT_OUTPUT\n"
                                                 "c-data-type = SQL_C_WCHAR\nsql_type = SQL_INTEGER\nprecision = \\d+\nscale = 0\n"
                                                 "buffer-width = 512")),
             qPrintable(r.trace.left(3000)));
}

void TestProcedures::exactValuesThroughProcedures()
{
    // The values an export writes reach a procedure unchanged: the database's own date forms (PostgreSQL's
    // infinity, BC and far years; MariaDB's zero date), hex digits as bytes; what is not hex fails the record
    // naming the tag (it would otherwise lose its non-hex digits).
    QFETCH(QString, backend);
    const Backend b = Backend::named(backend, {});
    const QString dates = QString("Procedure=Role\nRole=call pr_role_%1(rname, born, RETURN res = 0) returning (1)").arg(m_suffix);
    Run r = import(b, dates, b.isMariaDb() ? QByteArray("row:\nrname: exact-a\nborn: 0000-00-00\nrow:\nrname: exact-b\nborn: 1000-01-01\n"
                                                        "row:\nrname: exact-c\nborn: 9999-12-31\n")
                                            : QByteArray("row:\nrname: exact-a\nborn: infinity\nrow:\nrname: exact-b\nborn: 0044-03-15 BC\n"
                                                        "row:\nrname: exact-c\nborn: 10000-01-01\n"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.stderrText + r.exceptions));
    Sql sql(b);
    QCOMPARE(sql.rows(QString(b.isMariaDb() ? "SELECT rname, CAST(born AS CHAR) FROM roles_%1 WHERE rname LIKE 'exact-%%' ORDER BY rname"
                                            : "SELECT rname, born::text FROM roles_%1 WHERE rname LIKE 'exact-%%' ORDER BY rname").arg(m_suffix)),
             b.isMariaDb() ? QStringList({"exact-a|0000-00-00", "exact-b|1000-01-01", "exact-c|9999-12-31"})
                           : QStringList({"exact-a|infinity", "exact-b|0044-03-15 BC", "exact-c|10000-01-01"}));
    const QString blobs = QString("Procedure=Blob\nBlob=call pr_blob_%1(rname, data, RETURN res = 0) returning (1)").arg(m_suffix);
    r = import(b, blobs, "row:\nrname: good\ndata: 00ff0a\nrow:\nrname: bad\ndata: 0g\n");
    QCOMPARE(r.exitCode, 0x3C);
    QVERIFY2(r.exceptions.contains("# error: invalid binary value\n# data: 0g (an even number of hex digits expected)\n"), qPrintable(r.exceptions));
    QCOMPARE(sql.rows(QString(b.isMariaDb() ? "SELECT rname, lower(hex(data)) FROM blobs_%1" : "SELECT rname, encode(data, 'hex') FROM blobs_%1")
                          .arg(m_suffix)),
             QStringList({"good|00ff0a"}));
}

void TestProcedures::declarationCheckedAfterConnecting()
{
    QFETCH(QString, backend);
    const Backend b = Backend::named(backend, {});
    const QByteArray data = "row:\nrname: never\n";
    struct Case {
        QString decl;
        QString message;
    };
    const QList<Case> cases = {
        {QString("Procedure=P\nP=res call sp_rolle_%1(rname, mitarb) returning (0)").arg(m_suffix),
         "has 5 parameter(s) incl. its return value in the database, the declaration P gives 3"},
        {QString("Procedure=P\nP=call pr_role_%1(RETURN rname, born, res) returning (0)").arg(m_suffix),
         "RETURN rname needs an OUT or IN OUT parameter"},
        {QString("Procedure=P\nP=res call fn_big_%1(a) returning (0)").arg(m_suffix),
         "is SQL_BIGINT, which is not supported"},
        {QString("Procedure=P\nP=res call sp_rolle_%1(op = \"two\", rname, mitarb, kind) returning (0)").arg(m_suffix),
         "the preset of op (\"two\") is not a number, but parameter op is SQL_INTEGER"},
        {"Procedure=P\nP=res call no_such_routine(a) returning (0)", "the database has no procedure or function no_such_routine"},
    };
    for (const Case &c : cases) {
        const Run r = import(b, c.decl, data);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.stderrText.contains(c.message), qPrintable(c.decl + "\n" + r.stderrText));
        QVERIFY2(r.stderrText.contains("ODBCAgentImp: import not done"), qPrintable(r.stderrText));
    }
    Sql sql(b);
    QCOMPARE(sql.rows(QString("SELECT rname FROM roles_%1 WHERE rname = 'never'").arg(m_suffix)), QStringList{});
}

void TestProcedures::sqliteDriverRefuses()
{
    const QString db = m_dir.filePath("lite.db");
    QFile cfg(m_dir.filePath("lite.ini"));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(QString("[version]\nVersion=1.06\n[database]\nDRIVER=SQLite3\nDatabase=%1\n[procedures]\nProcedure=P\n"
                      "P=res call anything(a) returning (0)\n").arg(db).toUtf8());
    cfg.close();
    QFile in(m_dir.filePath("lite.txt"));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("row:\na: 1\n");
    in.close();
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral(OAS_BIN_DIR "/ODBCAgentImp"), {"-f", "lite.ini", "-i", "lite.txt"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 1);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains("stored procedures are not supported by this driver (sqlite3odbc.so, SQLite)"), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestProcedures)
#include "tst_procedures.moc"
