// The built programs end to end: exit codes, where messages go, and the manual's texts.
#include "common/TestSupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

static Run run(const QString &program, const QStringList &args, const QString &cwd = {})
{
    QProcess p;
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(QStringLiteral(OAS_BIN_DIR "/") + program, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

class TestPrograms : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void helpWhenBare();
    void commandLineErrors();
    void configErrorsExitOne();
    void importDataFileMissing();
    void validateCommand();
    void hostileConfigurations();
    void secretReencrypt();
    void sqlCommand();
    void odbcAgentUsage();

private:
    QTemporaryDir m_dir;
    QString m_good;
};

void TestPrograms::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_good = m_dir.filePath("good.ini");
    QFile f(m_good);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(oas::test::readAll(QStringLiteral(OAS_TEST_DATA_DIR "/manual/employees.ini")));
}

void TestPrograms::helpWhenBare()
{
    const Run imp = run("ODBCAgentImp", {});
    QCOMPARE(imp.exitCode, 0);
    QVERIFY(imp.out.startsWith("usage: ODBCAgentImp"));
    const Run exp = run("ODBCAgentExp", {"#", "-f", "x"});
    QCOMPARE(exp.exitCode, 0);
    QVERIFY(exp.out.startsWith("usage: ODBCAgentExp"));
}

void TestPrograms::commandLineErrors()
{
    const Run r = run("ODBCAgentImp", {"-i", "x.txt"});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringLiteral("missing configuration file name\n"));
    QVERIFY(r.out.isEmpty());
    const Run secret = run("ODBCAgentExp", {"-f", "a", "-p", "hunter2", "-p", "again"});
    QCOMPARE(secret.exitCode, 1);
    QVERIFY(!secret.err.contains("hunter2"));
}

void TestPrograms::configErrorsExitOne()
{
    const Run r = run("ODBCAgentExp", {"-f", QStringLiteral(OAS_TEST_DATA_DIR "/diagnostics/transfer.cfg")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("missing equals sign at line 34\nFrom ??Employees\n"), qPrintable(r.err));
    QVERIFY(r.err.contains("duplicate SelectBy setting at line 45\nSelectBy=??GN\n"));
    const Run missing = run("ODBCAgentImp", {"-f", "no-such.ini"}, m_dir.path());
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.startsWith("cannot open configuration file for reading\nno-such.ini\n"));
    // An export config without an [export] section cannot run an export.
    const Run noExport = run("ODBCAgentExp", {"-f", QStringLiteral(OAS_TEST_DATA_DIR "/manual/procedures.ini")});
    QCOMPARE(noExport.exitCode, 1);
    QVERIFY(noExport.err.contains("missing export section"));
}

void TestPrograms::importDataFileMissing()
{
    const Run r = run("ODBCAgentImp", {"-f", m_good}, m_dir.path());
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringLiteral("cannot open import data file for reading\nodbc_in.txt\n"));
}

void TestPrograms::validateCommand()
{
    const Run ok = run("odbc-agent", {"validate", m_good});
    QCOMPARE(ok.exitCode, 0);
    QCOMPARE(ok.out, m_good + ": no problems found\n");
    const QString bad = QStringLiteral(OAS_TEST_DATA_DIR "/diagnostics/many-errors.ini");
    const Run r = run("odbc-agent", {"validate", bad});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.endsWith(bad + ": 14 errors, 0 warnings\n"));
    const Run forImport = run("odbc-agent", {"validate", "--for", "import",
                                             QStringLiteral(OAS_TEST_DATA_DIR "/manual/orders.ini")});
    QCOMPARE(forImport.exitCode, 1);
    QVERIFY(forImport.out.contains("missing import section (or procedures section)"));
}

// Hostile configurations end with a diagnostic and exit code 1: never a crash (exit -2), a hang (-1) or
// memory without bound.
void TestPrograms::hostileConfigurations()
{
    QTemporaryDir dir;
    auto write = [&](const QString &name, const QByteArray &text) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    const QByteArray head = "[version]\nVersion=1.06\n[attributes]\nA=T.a\nB=T.b\n[database]\nDRIVER=SQLite3\nDatabase="
                            + dir.filePath("x.db").toUtf8() + "\n";
    // SelectBy nested 10,000 deep (it overflowed the stack): refused, the line shown around the mark only.
    write("deep.ini", head + "[import]\nTable=T\nSelectBy=" + QByteArray(10000, '(') + "A" + QByteArray(10000, ')') + "\nModify=B\n");
    for (const QString &program : {QStringLiteral("odbc-agent"), QStringLiteral("ODBCAgentImp")}) {
        const Run r = program == "odbc-agent" ? run(program, {"validate", dir.filePath("deep.ini")})
                                              : run(program, {"-f", dir.filePath("deep.ini"), "-i", dir.filePath("deep.ini")});
        QCOMPARE(r.exitCode, 1);
        const QString text = r.out + r.err;
        QVERIFY2(text.contains("SelectBy nested more than 100 deep (parentheses and !) at line 11"), qPrintable(text.left(500)));
        QVERIFY2(text.size() < 2000, qPrintable(QString::number(text.size())));
    }
    // An endless file and a 5 MiB one: refused before they are read whole.
    for (const QString &path : {QStringLiteral("/dev/zero"), dir.filePath("big.ini")}) {
        if (path.endsWith("big.ini"))
            write("big.ini", head + "[export]\nFrom=T\nSelect=" + QByteArray(5 * 1024 * 1024, 'A') + "\n");
        const Run r = run("odbc-agent", {"validate", path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(path + " is too large: more than 4 MiB (a configuration is a few kilobytes)"), qPrintable(r.out.left(500)));
    }
    // 300,000 unknown abbreviations in Select (3 MiB; it took 22 GB): the first 200 problems and a count.
    QByteArray select = "Select=";
    for (int i = 0; i < 300000; ++i)
        select += "X" + QByteArray::number(i) + ",";
    select.chop(1);
    write("many.ini", head + "[export]\nFrom=T\n" + select + "\n");
    const Run many = run("odbc-agent", {"validate", dir.filePath("many.ini")});
    QCOMPARE(many.exitCode, 1);
    QVERIFY2(many.out.contains("299800 more problems not shown (the first 200 are)"), qPrintable(many.out.right(500)));
    QVERIFY(many.out.size() < 200000);
}

void TestPrograms::secretReencrypt()
{
    // A value of format 1 (the earlier construction) becomes format 2 (libsodium), the same secret; a
    // damaged value is refused.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("OAS_KEY_SOURCE", "env:OAS_TST_K");
    env.insert("OAS_TST_K", QString::fromLatin1(QByteArray(32, 'k').toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    auto secret = [&](const QStringList &args, const QByteArray &input) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(OAS_BIN_DIR "/odbc-agent"), QStringList{"secret"} + args);
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()).trimmed(), QString::fromUtf8(p.readAllStandardError())};
    };
    const Run re = secret({"reencrypt"}, "encrypted:AV4xj4zSpfd0mr6ZRCShUphViz0ETi4yqjiJbeI_dVSEN9bcdOTyK_Dupwa9M4OZDzA7RIbdienUI-7Oyjp8ZwcQ\n");
    QCOMPARE(re.exitCode, 0);
    QVERIFY2(re.out.startsWith("encrypted:Al"), qPrintable(re.out));  // version byte 2
    // Its secret is the same: encrypting that secret again and re-encrypting both agree on the text.
    const Run again = secret({"reencrypt"}, re.out.toUtf8() + "\n");
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out != re.out);  // a new nonce every time
    const Run bad = secret({"reencrypt"}, "encrypted:AV4xj4zSpfd0mr6ZRCShUphViz0ETi4yqjiJbeI_dVSEN9bcdOTyK_Dupwa9M4OZDzA7RIbdienUI-7Oyjp8ZwcR\n");
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("damaged"), qPrintable(bad.err));
}

void TestPrograms::sqlCommand()
{
    const Run r = run("odbc-agent", {"sql", m_good});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString::fromUtf8(oas::test::readAll(QStringLiteral(OAS_TEST_DATA_DIR "/manual/employees.sql.expected"))));
    const Run pg = run("odbc-agent", {"sql", m_good, "--dialect", "postgresql"});
    QVERIFY(pg.out.contains("UPDATE Employees SET Title=?, TitleOfCourtesy=?"));
    const Run bad = run("odbc-agent", {"sql", QStringLiteral(OAS_TEST_DATA_DIR "/diagnostics/transfer.cfg")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.out.isEmpty());
    QVERIFY(bad.err.contains("missing equals sign at line 34"));
}

void TestPrograms::odbcAgentUsage()
{
    QCOMPARE(run("odbc-agent", {"--help"}).exitCode, 0);
    const Run unknown = run("odbc-agent", {"frobnicate"});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.err.startsWith("odbc-agent: unknown command frobnicate"));
    QCOMPARE(run("odbc-agent", {"validate"}).err, QStringLiteral("missing configuration file name\n"));
}

QTEST_GUILESS_MAIN(TestPrograms)
#include "tst_programs.moc"
