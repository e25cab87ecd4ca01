// Credentials and encrypted attributes through the real agents (ODBCAgentExp, ODBCAgentImp, odbc-agent):
// a PostgreSQL role and a MariaDB user whose password holds `; } ] = '` and blanks log in with the password
// written in each form (plain, scrambled, encrypted, env:, file:) and -p; wrong and unreadable passwords fail clearly;
// -Enc, -AuditLevel, -Timeout, -CryptLogLevel; [EncryptedAttributes] imports on SQLite and PostgreSQL with
// good, clear, foreign-key-encrypted and duplicate values. After every run, every output (standard output
// and error, trace files, data, reference and exceptions files) is searched for the literal secrets.
#include "Backend.h"
#include "ProgramRun.h"
#include "common/TestSupport.h"

#include <QHash>
#include <QDirIterator>
#include <QProcess>

using namespace oas;
using namespace oas::test;

namespace {

const QString kPassword = QStringLiteral("p; } ] = 'x y");  // the PostgreSQL role's
const QString kAttributeSecret = QStringLiteral("Open Sesame; } ] = '42");  // an encrypted attribute's value
const char kAllLevels[] = "TraceLevel=ConnectAttributes FailSummary ODBC SQL Summary Warnings Columns RefData Statistics\n";

using Run = ProgramRun;

}  // namespace

class TestCredentials : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void passwordForms_data();
    void passwordForms();
    void commandLinePassword();
    void wrongOrUnreadablePassword();
    void securitySwitches();
    void encryptedAttributes_data();
    void encryptedAttributes();
    void attributesLeftEncryptedUnderAdminPw();
    void encryptedProcedureParameter();
    void passwordQuotedByTheDatabase_data();
    void passwordQuotedByTheDatabase();
    void driverLogAskedFor();

private:
    Run run(const QString &program, const QStringList &args, const QByteArray &input = {});
    QString secretForm(const QString &command, const QString &secret);
    QString writeConfig(const QString &name, const QString &attributes, const QStringList &database, const QString &body);
    int lineOf(const QString &config, const QString &start);
    // Every output file of the working folder (not configurations, keys or password files) and the given
    // runs' streams: none may contain any of the secrets.
    void verifyNoSecretIn(const QList<Run> &runs, const QStringList &secrets);
    QStringList pgDatabase(const QString &passwordLine) const { return serverDatabase(m_pg, passwordLine); }
    // The [database] lines of a server backend, logging in as this run's role / user.
    QStringList serverDatabase(const Backend &b, const QString &passwordLine) const;
    Backend server(const QString &name) const { return name == "mariadb" ? m_maria : m_pg; }
    // psqlODBC's logs written for the run's process (named by program, user and pid; older ones with a
    // reused pid are not the run's).
    QFileInfoList driverLogsOf(const Run &r) const;

    QTemporaryDir m_dir;
    QHash<QString, qint64> m_logsBefore;
    QProcessEnvironment m_env;
    Backend m_pg;
    Backend m_maria;
    QString m_role;
    QString m_table;
};

Run TestCredentials::run(const QString &program, const QStringList &args, const QByteArray &input)
{
    return runProgram(program, args, m_dir.path(), m_env, input, 60000);
}

QString TestCredentials::secretForm(const QString &command, const QString &secret)
{
    const Run r = run("odbc-agent", {"secret", command}, secret.toUtf8() + "\n");
    if (r.exitCode != 0)
        return "FAILED: " + r.err;
    return r.out.trimmed();
}

void TestCredentials::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert("OAS_KEY_SOURCE", "file:" + m_dir.filePath("keys/agent.key"));
    m_env.remove("OAS_SEC_PW");
    const Run key = run("odbc-agent", {"secret", "new-key", m_dir.filePath("keys/agent.key")});
    QVERIFY2(key.exitCode == 0 && key.out.contains("key id"), qPrintable(key.err));
    QCOMPARE(QFile::permissions(m_dir.filePath("keys/agent.key")) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_role = "oas_sec_" + suffix;
    m_table = "sec_" + suffix;
    m_maria = Backend::mariadb();
    if (!m_maria.name.isEmpty()) {
        Sql sql(m_maria);
        QVERIFY2(sql.ok(), qPrintable(sql.error()));
        QString quoted = kPassword;
        quoted.replace("'", "''");
        QVERIFY2(sql.exec(QString("CREATE USER '%1'@'127.0.0.1' IDENTIFIED BY '%2'").arg(m_role, quoted)), qPrintable(sql.error()));
        QVERIFY2(sql.exec(QString("CREATE TABLE %1(id int PRIMARY KEY, name text, pw varchar(100) UNIQUE)").arg(m_table)), qPrintable(sql.error()));
        QVERIFY2(sql.exec(QString("INSERT INTO %1 VALUES (1, 'Nancy', NULL), (2, 'Andrew', NULL), (3, 'Janet', NULL)").arg(m_table)),
                 qPrintable(sql.error()));
        QVERIFY2(sql.exec(QString("GRANT ALL ON %1 TO '%2'@'127.0.0.1'").arg(m_table, m_role)), qPrintable(sql.error()));
    }
    m_pg = Backend::postgresql();
    if (m_pg.name.isEmpty())
        return;  // the PostgreSQL cases skip; the SQLite ones run
    Sql sql(m_pg);
    QVERIFY2(sql.ok(), qPrintable(sql.error()));
    QString quoted = kPassword;
    quoted.replace("'", "''");
    QVERIFY2(sql.exec(QString("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(m_role, quoted)), qPrintable(sql.error()));
    QVERIFY2(sql.exec(QString("CREATE TABLE %1(id int PRIMARY KEY, name text, pw text UNIQUE)").arg(m_table)), qPrintable(sql.error()));
    QVERIFY2(sql.exec(QString("INSERT INTO %1 VALUES (1, 'Nancy', NULL), (2, 'Andrew', NULL), (3, 'Janet', NULL)").arg(m_table)),
             qPrintable(sql.error()));
    QVERIFY2(sql.exec(QString("GRANT ALL ON %1 TO %2").arg(m_table, m_role)), qPrintable(sql.error()));
}

QStringList TestCredentials::serverDatabase(const Backend &b, const QString &passwordLine) const
{
    QStringList lines;
    for (const QString &f : b.fieldLines) {
        if (!f.startsWith("UID=", Qt::CaseInsensitive) && !f.startsWith("PWD=", Qt::CaseInsensitive))
            lines.append(f);
    }
    lines.append("User=" + m_role);
    if (!passwordLine.isEmpty())
        lines.append(passwordLine);
    return lines;
}

QString TestCredentials::writeConfig(const QString &name, const QString &attributes, const QStringList &database,
                                     const QString &body)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(("[version]\nVersion=1.06\n[attributes]\n" + attributes + "[database]\n" + database.join('\n') + "\n" + body).toUtf8());
    return name;
}

QFileInfoList TestCredentials::driverLogsOf(const Run &r) const
{
    QFileInfoList logs;
    for (const QFileInfo &log : QDir(QStringLiteral("/tmp")).entryInfoList({QString("psqlodbc_*[!0-9]%1.log").arg(r.pid)}, QDir::Files)) {
        if (log.size() > m_logsBefore.value(log.filePath(), -1))
            logs.append(log);
    }
    return logs;
}

// The psqlODBC logs in /tmp before each test, with their sizes: a log of an earlier process with the same pid
// is not the run's (the agents give such a file back its earlier size).
void TestCredentials::init()
{
    m_logsBefore.clear();
    for (const QFileInfo &log : QDir(QStringLiteral("/tmp")).entryInfoList({QStringLiteral("psqlodbc_*.log")}, QDir::Files))
        m_logsBefore.insert(log.filePath(), log.size());
}

int TestCredentials::lineOf(const QString &config, const QString &start)
{
    const QStringList lines = QString::fromUtf8(readAll(m_dir.filePath(config))).split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).startsWith(start))
            return i + 1;
    }
    return 0;
}

void TestCredentials::verifyNoSecretIn(const QList<Run> &runs, const QStringList &secrets)
{
    QStringList texts;
    QStringList names;
    for (const Run &r : runs) {
        texts << r.out << r.err;
        names << "stdout" << "stderr";
    }
    // psqlODBC's communication log (psqlodbc_PROGRAM_USERPID.log): Debian's global CommLog=1 makes psqlODBC
    // log the last disconnect of a process although the agents pass CommLog=0; the agents remove that log.
    for (const Run &r : runs) {
        const QFileInfoList left = driverLogsOf(r);
        QVERIFY2(left.isEmpty(), qPrintable("psqlODBC's log was left behind: " + (left.isEmpty() ? QString() : left.first().filePath())));
    }
    QDirIterator it(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.endsWith(".ini") || path.endsWith(".db") || path.endsWith(".key") || path.endsWith(".secret") || path.endsWith("in.txt"))
            continue;  // what the test wrote: configurations, keys, password files, import data
        texts << QString::fromUtf8(readAll(path));
        names << path;
    }
    QVERIFY(texts.size() > 2);
    for (int i = 0; i < texts.size(); ++i) {
        for (const QString &s : secrets)
            QVERIFY2(!texts.at(i).contains(s), qPrintable(QString("the secret %1 appears in %2:\n%3").arg(s, names.at(i), texts.at(i).mid(std::max<qsizetype>(0, texts.at(i).indexOf(s) - 600), 900))));
    }
}

void TestCredentials::passwordForms_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("form");
    for (const QString &b : backendNames()) {
        if (b == "sqlite")
            continue;
        for (const char *form : {"plain", "scrambled", "encrypted", "env", "file"})
            QTest::newRow(qPrintable(b + " " + form)) << b << QString(form);
    }
}

void TestCredentials::passwordForms()
{
    QFETCH(QString, backend);
    QFETCH(QString, form);
    const Backend b = server(backend);
    QString written = kPassword;
    if (form == "scrambled")
        written = secretForm("scramble", kPassword);
    else if (form == "encrypted")
        written = secretForm("encrypt", kPassword);
    else if (form == "env")
        written = "env:OAS_SEC_PW";
    else if (form == "file")
        written = "file:db.secret";
    QVERIFY2(!written.startsWith("FAILED"), qPrintable(written));
    if (form != "plain")
        QVERIFY(!written.contains(kPassword));
    m_env.insert("OAS_SEC_PW", kPassword);
    QFile pw(m_dir.filePath("db.secret"));
    QVERIFY(pw.open(QIODevice::WriteOnly));
    pw.write(kPassword.toUtf8() + "\n");
    pw.close();
    QVERIFY(pw.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    const QString cfg = writeConfig(backend + "-" + form + ".ini", QString("ID=%1.id\nNM=%1.name\n").arg(m_table),
                                    serverDatabase(b, "Password=" + written),
                                    QString("[export]\nMode=full\nSelect=ID, NM\nFrom=%1\n"
                                            "[control]\nTrace=1\nTraceFile=trace-%2.txt\n%3TraceFlow=1\n")
                                        .arg(m_table, backend + "-" + form, kAllLevels));
    const Run exported = run("ODBCAgentExp", {"-f", cfg, "-o", form + "-out.txt", "-v", "-AuditLevel", "1"});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QCOMPARE(readAll(m_dir.filePath(form + "-out.txt")), QByteArray("row:\nID: 1\nNM: Nancy\n\nrow:\nID: 2\nNM: Andrew\n\nrow:\nID: 3\nNM: Janet\n\n"));
    const QString origin = form == "env" ? "env:OAS_SEC_PW" : form == "file" ? "file:" + m_dir.filePath("db.secret") : form;
    QVERIFY2(exported.err.contains(QString("audit: database credentials\nUser (%1 line %3): plain\nPassword (%1 line %4): %2")
                                       .arg(cfg, origin).arg(lineOf(cfg, "User=")).arg(lineOf(cfg, "Password="))),
             qPrintable(exported.err));
    const Run checked = run("odbc-agent", {"secret", "check", cfg});
    QVERIFY2(checked.exitCode == 0 && checked.out.contains(QString("Password (%1 line %3): %2").arg(cfg, origin).arg(lineOf(cfg, "Password="))), qPrintable(checked.out + checked.err));
    const Run sql = run("odbc-agent", {"sql", cfg});
    QCOMPARE(sql.exitCode, 0);
    verifyNoSecretIn({exported, checked, sql}, {kPassword});
}

void TestCredentials::commandLinePassword()
{
    if (m_pg.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    m_env.insert("OAS_SEC_PW", kPassword);
    const QString cfg = writeConfig("cmdline.ini", QString("ID=%1.id\n").arg(m_table), pgDatabase({}),
                                    QString("[export]\nSelect=ID\nFrom=%1\n[control]\nTrace=1\nTraceFile=trace-cmdline.txt\n%2")
                                        .arg(m_table, kAllLevels));
    // -p in clear (as the manual has it), and -p env:NAME, which keeps it out of the process list.
    const Run clear = run("ODBCAgentExp", {"-f", cfg, "-o", "cmd-out.txt", "-p", kPassword, "-v"});
    QVERIFY2(clear.exitCode == 0, qPrintable(clear.err));
    const Run env = run("ODBCAgentExp", {"-f", cfg, "-o", "cmd-out.txt", "-p", "env:OAS_SEC_PW", "-v"});
    QVERIFY2(env.exitCode == 0, qPrintable(env.err));
    QCOMPARE(readAll(m_dir.filePath("cmd-out.txt")), QByteArray("row:\nID: 1\n\nrow:\nID: 2\n\nrow:\nID: 3\n\n"));
    verifyNoSecretIn({clear, env}, {kPassword});
}

void TestCredentials::wrongOrUnreadablePassword()
{
    if (m_pg.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    const QString wrong = QStringLiteral("wrong; } pass = 'word'");
    m_env.insert("OAS_SEC_WRONG", wrong);
    const QString attributes = QString("ID=%1.id\n").arg(m_table);
    const QString body = QString("[export]\nSelect=ID\nFrom=%1\n[control]\nTrace=1\nTraceFile=trace-wrong.txt\n%2").arg(m_table, kAllLevels);
    const QString cfg = writeConfig("wrong.ini", attributes, pgDatabase("Password=env:OAS_SEC_WRONG"), body);
    const Run refused = run("ODBCAgentExp", {"-f", cfg, "-o", "wrong-out.txt", "-v"});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("password authentication failed for user \"" + m_role + "\""), qPrintable(refused.err));
    QVERIFY(!QFile::exists(m_dir.filePath("wrong-out.txt")));

    m_env.remove("OAS_SEC_UNSET");
    const QString unset = writeConfig("unset.ini", attributes, pgDatabase("Password=env:OAS_SEC_UNSET"), body);
    const Run noVariable = run("ODBCAgentExp", {"-f", unset, "-o", "wrong-out.txt"});
    QCOMPARE(noVariable.exitCode, 1);
    QVERIFY2(noVariable.err.contains(QString("cannot get the database credentials\nunset.ini line %1: Password: the environment "
                                             "variable OAS_SEC_UNSET is not set").arg(lineOf(unset, "Password="))),
             qPrintable(noVariable.err));

    QFile open(m_dir.filePath("open.secret"));
    QVERIFY(open.open(QIODevice::WriteOnly));
    open.write(kPassword.toUtf8());
    open.close();
    QVERIFY(open.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    const QString shared = writeConfig("shared.ini", attributes, pgDatabase("Password=file:open.secret"), body);
    const Run openFile = run("ODBCAgentExp", {"-f", shared, "-o", "wrong-out.txt"});
    QCOMPARE(openFile.exitCode, 1);
    QVERIFY2(openFile.err.contains(QString("shared.ini line %1: Password: secret file ").arg(lineOf(shared, "Password=")) + m_dir.filePath("open.secret")
                                   + " is open to its group or others (mode 0644); make it private with: chmod 600"),
             qPrintable(openFile.err));

    const QString foreign = writeConfig("foreign.ini", attributes, pgDatabase("Password=encrypted:AQID"), body);
    const Run damaged = run("ODBCAgentImp", {"-f", foreign, "-i", "none.txt"});
    QCOMPARE(damaged.exitCode, 1);
    verifyNoSecretIn({refused, noVariable, openFile, damaged}, {kPassword, wrong});
}

void TestCredentials::securitySwitches()
{
    if (m_pg.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    m_env.insert("OAS_SEC_PW", kPassword);
    const QString attributes = QString("ID=%1.id\n").arg(m_table);
    const QString body = QString("[export]\nSelect=ID\nFrom=%1\n").arg(m_table);
    const QString clear = writeConfig("clear.ini", attributes, pgDatabase("Password=" + kPassword), body);
    const Run refused = run("ODBCAgentExp", {"-f", clear, "-o", "sw-out.txt", "-Enc", "ADMIN_PW"});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QString("clear.ini line %1: Password: -Enc ADMIN_PW").arg(lineOf(clear, "Password=")) + QString(" needs a protected password, but it is written in clear")),
             qPrintable(refused.err));
    const QString env = writeConfig("envpw.ini", attributes, pgDatabase("Password=env:OAS_SEC_PW"), body);
    const Run accepted = run("ODBCAgentExp", {"-f", env, "-o", "sw-out.txt", "-Enc", "ATTRIB_ADMIN_PW", "-Timeout", "5000000",
                                              "-AuditLevel", "2", "-CryptLogLevel", "3"});
    QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.err));
    QVERIFY2(accepted.err.contains("ODBCAgentExp: note: -Timeout 5000000 is not applicable")
                 && accepted.err.contains("ODBCAgentExp: note: -CryptLogLevel 3 is not applicable")
                 && accepted.err.contains(QString("Password (envpw.ini line %1): env:OAS_SEC_PW").arg(lineOf(env, "Password="))),
             qPrintable(accepted.err));
    const Run quiet = run("ODBCAgentExp", {"-f", env, "-o", "sw-out.txt", "-AuditLevel", "0"});
    QVERIFY2(quiet.exitCode == 0 && !quiet.err.contains("audit"), qPrintable(quiet.err));
    verifyNoSecretIn({refused, accepted, quiet}, {kPassword});
}

void TestCredentials::encryptedAttributes_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << "sqlite";
    QTest::newRow("postgresql") << "postgresql";
}

void TestCredentials::encryptedAttributes()
{
    QFETCH(QString, backend);
    Backend b;
    QString table;
    if (backend == "sqlite") {
        b = Backend::sqlite(m_dir.filePath("attrs.db"));
        table = "users";
        Sql sql(b);
        QVERIFY2(sql.exec("CREATE TABLE IF NOT EXISTS users(id int PRIMARY KEY, name text, pw text UNIQUE)"), qPrintable(sql.error()));
        QVERIFY(sql.exec("DELETE FROM users"));
    } else {
        if (m_pg.name.isEmpty())
            QSKIP("OAS_TEST_PG is not set");
        b = m_pg;
        table = m_table;
        Sql sql(b);
        QVERIFY2(sql.exec(QString("DELETE FROM %1 WHERE id >= 10").arg(table)), qPrintable(sql.error()));
    }
    const QString secret = kAttributeSecret;
    const QString mine = secretForm("encrypt", secret);
    QVERIFY2(mine.startsWith("encrypted:"), qPrintable(mine));
    // A value encrypted with another key.
    const Run otherKey = run("odbc-agent", {"secret", "new-key", m_dir.filePath("keys/other-" + backend + ".key")});
    QCOMPARE(otherKey.exitCode, 0);
    const Run foreign = run("odbc-agent", {"secret", "encrypt", "--key-source", "file:" + m_dir.filePath("keys/other-" + backend + ".key")},
                            "another secret value\n");
    QCOMPARE(foreign.exitCode, 0);
    const QString cfg = writeConfig("attrs-" + backend + ".ini", QString("ID=%1.id\nNM=%1.name\nPW=%1.pw\n").arg(table), b.fieldLines,
                                    QString("[import]\nTable=%1\nSelectBy=ID\nModify=NM, PW\nExceptions=except-%2.txt\n"
                                            "[EncryptedAttributes]\nPW=1\n"
                                            "[control]\nTrace=1\nTraceFile=trace-attrs-%2.txt\n%3TraceFlow=1\n")
                                        .arg(table, backend, kAllLevels));
    const QByteArray data = ("ID: 10\nNM: Steven\nPW: " + mine + "\n"
                             "row:\nID: 11\nNM: Laura\nPW: " + mine + "\n"       // the same value again: UNIQUE refuses it
                             "row:\nID: 12\nNM: Anne\nPW: clear text\n"          // not encrypted
                             "row:\nID: 13\nNM: Robert\nPW: " + foreign.out.trimmed() + "\n"
                             "row:\nID: 14\nNM: Michael\nPW: \n").toUtf8();       // empty: NULL, nothing to decrypt
    QFile in(m_dir.filePath("in.txt"));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write(data);
    in.close();
    const Run imported = run("ODBCAgentImp", {"-f", cfg, "-i", "in.txt", "-v", "-AuditLevel", "1"});
    QVERIFY2(imported.exitCode == 0x3C || imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY2(imported.err.contains("5 records read: 2 created, 0 updated, 0 unchanged, 0 deleted, 3 failed"), qPrintable(imported.err));
    Sql sql(b);
    QCOMPARE(sql.rows(QString("SELECT id, name, pw FROM %1 WHERE id >= 10 ORDER BY id").arg(table)),
             QStringList({"10|Steven|" + secret, "14|Michael|NULL"}));
    const QString exceptions = QString::fromUtf8(readAll(m_dir.filePath("except-" + backend + ".txt")));
    // The exceptions file keeps the records as supplied (encrypted), with the reasons.
    QVERIFY2(exceptions.contains("ID: 11\nNM: Laura\nPW: " + mine + "\n"), qPrintable(exceptions));
    QVERIFY2(exceptions.contains("PW is an encrypted attribute ([EncryptedAttributes]) but its value is not in the encrypted form"),
             qPrintable(exceptions));
    QVERIFY2(exceptions.contains("PW cannot be decrypted: encrypted with another key"), qPrintable(exceptions));
    verifyNoSecretIn({imported}, {secret, "another secret value"});
}

void TestCredentials::attributesLeftEncryptedUnderAdminPw()
{
    const Backend b = Backend::sqlite(m_dir.filePath("adminpw.db"));
    Sql sql(b);
    QVERIFY2(sql.exec("CREATE TABLE users(id int PRIMARY KEY, pw text)"), qPrintable(sql.error()));
    const QString mine = secretForm("encrypt", kAttributeSecret);
    const QString cfg = writeConfig("adminpw.ini", "ID=users.id\nPW=users.pw\n", b.fieldLines + QStringList{"Password=env:OAS_SEC_PW"},
                                    "[import]\nTable=users\nSelectBy=ID\nModify=PW\n[EncryptedAttributes]\nPW=1\n");
    m_env.insert("OAS_SEC_PW", "unused by SQLite");
    QFile in(m_dir.filePath("in.txt"));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write(("ID: 1\nPW: " + mine + "\n").toUtf8());
    in.close();
    const Run r = run("ODBCAgentImp", {"-f", cfg, "-i", "in.txt", "-Enc", "ADMIN_PW"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("-Enc ADMIN_PW: the attributes of [EncryptedAttributes] are used as they are"), qPrintable(r.err));
    QCOMPARE(sql.rows("SELECT pw FROM users"), QStringList{mine});
}

void TestCredentials::encryptedProcedureParameter()
{
    if (m_pg.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    Sql sql(m_pg);
    const QString fn = "sec_fn_" + m_table.mid(4);
    QVERIFY2(sql.exec(QString("CREATE FUNCTION %1(id int, pw text) RETURNS int AS $$ BEGIN "
                              "IF pw LIKE 'refuse%' THEN RAISE EXCEPTION 'refused value %', pw; END IF; "
                              "INSERT INTO %2(id, pw) VALUES (id, pw); RETURN 0; END $$ LANGUAGE plpgsql").arg(fn, m_table)),
             qPrintable(sql.error()));
    QVERIFY2(sql.exec(QString("DELETE FROM %1 WHERE id >= 20").arg(m_table)), qPrintable(sql.error()));
    const QString refused = "refuse me; } ] = 'now'";
    const QString stored = "procedure " + kAttributeSecret;  // pw is UNIQUE: not the value the other tests stored
    m_env.insert("OAS_SEC_PW", kPassword);
    const QString cfg = writeConfig("proc.ini", {}, pgDatabase("Password=env:OAS_SEC_PW"),
                                    QString("[procedures]\nProcedure=Store\nStore =res call %1 (id, pw) returning (0:0)\n"
                                            "[import]\nExceptions=except-proc.txt\n[EncryptedAttributes]\nPW=1\n"
                                            "[control]\nTrace=1\nTraceFile=trace-proc.txt\n%2 PR PC\n")
                                        .arg(fn, QString(kAllLevels).trimmed()));
    QFile in(m_dir.filePath("in.txt"));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write(("ID: 20\nPW: " + secretForm("encrypt", stored) + "\nrow:\nID: 21\nPW: " + secretForm("encrypt", refused) + "\n").toUtf8());
    in.close();
    const Run r = run("ODBCAgentImp", {"-f", cfg, "-i", "in.txt", "-v"});
    QVERIFY2(r.err.contains("2 records read: 1 called, 1 failed"), qPrintable(r.err + readAll(m_dir.filePath("except-proc.txt"))));
    QCOMPARE(sql.rows(QString("SELECT id, pw FROM %1 WHERE id >= 20").arg(m_table)), QStringList{"20|" + stored});
    // The function's own message quotes the value: hidden too.
    QVERIFY2(readAll(m_dir.filePath("except-proc.txt")).contains("refused value ***"), readAll(m_dir.filePath("except-proc.txt")).constData());
    verifyNoSecretIn({r}, {stored, refused, kPassword});
}

void TestCredentials::passwordQuotedByTheDatabase_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &b : backendNames()) {
        if (b != "sqlite")
            QTest::newRow(qPrintable(b)) << b;
    }
}

// The database's message may quote a value equal to the password (PostgreSQL: DETAIL: Key (pw)=(...) already
// exists; MariaDB: Duplicate entry '...' for key): the exceptions file's comments hide it as ***, as the
// trace and stderr do. The record itself stays as supplied, so that it can be imported again.
void TestCredentials::passwordQuotedByTheDatabase()
{
    QFETCH(QString, backend);
    const Backend b = server(backend);
    m_env.insert("OAS_SEC_PW", kPassword);
    const QString cfg = writeConfig("quoted.ini", QString("ID=%1.id\nPW=%1.pw\n").arg(m_table), serverDatabase(b, "Password=env:OAS_SEC_PW"),
                                    QString("[import]\nTable=%1\nSelectBy=ID\nModify=PW\nExceptions=except-quoted.txt\n"
                                            "[control]\nEncoding=UTF-8\nTrace=1\nTraceFile=trace-quoted.txt\n%2")
                                        .arg(m_table, kAllLevels));
    QFile in(m_dir.filePath("quoted-in.txt"));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("row:\nID: 11\nPW: " + kPassword.toUtf8() + "\nrow:\nID: 12\nPW: " + kPassword.toUtf8() + "\n");
    in.close();
    const Run r = run("ODBCAgentImp", {"-f", cfg, "-i", "quoted-in.txt", "-v"});
    QCOMPARE(r.exitCode, 0x3C);  // the second violates the UNIQUE pw
    const QString exceptions = QString::fromUtf8(readAll(m_dir.filePath("except-quoted.txt")));
    QStringList comments;
    for (const QString &line : exceptions.split('\n'))
        if (line.startsWith('#'))
            comments << line;
    QVERIFY2(comments.join('\n').contains(b.isMariaDb() ? "Duplicate entry" : "already exists"), qPrintable(exceptions));
    QVERIFY2(comments.join('\n').contains("***"), qPrintable(exceptions));
    QVERIFY2(!comments.join('\n').contains(kPassword), qPrintable(exceptions));
    QVERIFY2(exceptions.contains("PW: " + kPassword), qPrintable(exceptions));  // the record, for a re-import
    QVERIFY(!r.err.contains(kPassword) && !r.out.contains(kPassword));
    QVERIFY(!QString::fromUtf8(readAll(m_dir.filePath("trace-quoted.txt"))).contains(kPassword));
    Sql(b).exec(QString("DELETE FROM %1 WHERE id > 10").arg(m_table));
}


// A communication log the configuration asks for (CommLog=1) is psqlODBC's to write and is kept: only the
// disconnect lines Debian's global setting makes psqlODBC write are removed. psqlODBC writes the password
// into it in clear: the agents have it created owner-only.
void TestCredentials::driverLogAskedFor()
{
    if (m_pg.name.isEmpty())
        QSKIP("OAS_TEST_PG is not set");
    QStringList database = pgDatabase("Password=" + kPassword);
    database.append("CommLog=1");
    const QString cfg = writeConfig("commlog.ini", QString("ID=%1.id\n").arg(m_table), database,
                                    QString("[export]\nSelect=ID\nFrom=%1\n").arg(m_table));
    const Run exported = run("ODBCAgentExp", {"-f", cfg, "-o", "commlog-out.txt"});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    const QFileInfoList logs = driverLogsOf(exported);
    QCOMPARE(logs.size(), 1);
    const QByteArray text = readAll(logs.first().filePath());
    QFile::remove(logs.first().filePath());
    QVERIFY2(text.contains("PQconnectdbParams") && text.contains("PQfinish"), text.left(2000).constData());
    QCOMPARE(logs.first().permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
}

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
