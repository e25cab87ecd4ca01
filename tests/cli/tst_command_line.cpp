// The agents' command lines, as tables: every accepted form and every error message.
#include "cli/AgentCommandLine.h"

#include <QTest>

using namespace oas::cli;

Q_DECLARE_METATYPE(AgentKind)

// A compact description of the parsed options for table comparison.
static QString describe(const CommandLineResult &r)
{
    if (r.kind == CommandLineResult::Kind::Help)
        return QStringLiteral("help");
    if (r.kind == CommandLineResult::Kind::Error)
        return QStringLiteral("error: ") + r.error;
    const AgentOptions &o = r.options;
    QStringList parts{"f=" + o.configFile, "data=" + o.dataFile + (o.dataFileGiven ? "" : "(default)")};
    if (o.toStdout)
        parts << "stdout";
    if (o.user)
        parts << "n=" + *o.user;
    if (o.password)
        parts << "p=" + *o.password;
    if (o.referenceFlag)
        parts << "r=" + (o.referenceFile.isEmpty() ? QStringLiteral("(none)") : o.referenceFile);
    if (o.singleStep)
        parts << "s";
    if (o.verbose)
        parts << "v";
    if (o.security.encryptionMode)
        parts << "enc=" + *o.security.encryptionMode;
    if (o.security.timeoutMicroseconds)
        parts << "timeout=" + QString::number(*o.security.timeoutMicroseconds);
    if (o.security.auditLevel)
        parts << "audit=" + QString::number(*o.security.auditLevel);
    if (o.security.cryptLogLevel)
        parts << "crypt=" + QString::number(*o.security.cryptLogLevel);
    if (o.batchSize)
        parts << "batch=" + QString::number(*o.batchSize);
    return parts.join(' ');
}

class TestCommandLine : public QObject {
    Q_OBJECT
private slots:
    void table_data();
    void table();
    void helpTexts();
};

void TestCommandLine::table_data()
{
    QTest::addColumn<AgentKind>("kind");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    const AgentKind imp = AgentKind::Import;
    const AgentKind exp = AgentKind::Export;

    QTest::newRow("imp bare") << imp << QStringList{} << "help";
    QTest::newRow("imp hash") << imp << QStringList{"#"} << "help";
    QTest::newRow("exp bare") << exp << QStringList{} << "help";
    QTest::newRow("imp minimal") << imp << QStringList{"-f", "c.ini"} << "f=c.ini data=odbc_in.txt(default)";
    QTest::newRow("exp minimal") << exp << QStringList{"-f", "c.ini"} << "f=c.ini data=odbc_out.txt(default)";
    QTest::newRow("attached value") << imp << QStringList{"-imy_import_file.txt", "-fc.ini"}
                                    << "f=c.ini data=my_import_file.txt";
    QTest::newRow("any order") << imp << QStringList{"-v", "-s", "-p", "secret", "-n", "Scott", "-f", "c.ini", "-i", "in.txt"}
                               << "f=c.ini data=in.txt n=Scott p=secret s v";
    QTest::newRow("hash ends line") << imp << QStringList{"-f", "c.ini", "#", "-s", "garbage"} << "f=c.ini data=odbc_in.txt(default)";
    QTest::newRow("hash attached ends line") << imp << QStringList{"-f", "c.ini", "#-v"} << "f=c.ini data=odbc_in.txt(default)";
    QTest::newRow("stdout") << exp << QStringList{"-f", "c.ini", "-o", "+"} << "f=c.ini data=+ stdout";
    QTest::newRow("stdout attached") << exp << QStringList{"-f", "c.ini", "-o+"} << "f=c.ini data=+ stdout";
    QTest::newRow("r alone") << exp << QStringList{"-f", "c.ini", "-r"} << "f=c.ini data=odbc_out.txt(default) r=(none)";
    QTest::newRow("r then option") << exp << QStringList{"-r", "-f", "c.ini"} << "f=c.ini data=odbc_out.txt(default) r=(none)";
    QTest::newRow("r with file") << exp << QStringList{"-f", "c.ini", "-r", "..\\reference\\fred.ref"}
                                 << "f=c.ini data=odbc_out.txt(default) r=..\\reference\\fred.ref";
    QTest::newRow("r attached") << exp << QStringList{"-rR9122200", "-f", "c.ini"} << "f=c.ini data=odbc_out.txt(default) r=R9122200";
    QTest::newRow("security switches") << imp << QStringList{"-f", "c.ini", "-Enc", "ADMIN_PW", "-Timeout", "5000",
                                                             "-AuditLevel", "4", "-CryptLogLevel", "2"}
                                       << "f=c.ini data=odbc_in.txt(default) enc=ADMIN_PW timeout=5000 audit=4 crypt=2";
    QTest::newRow("security case-insensitive") << imp << QStringList{"-f", "c.ini", "-ENC", "attrib_admin_pw", "-auditlevel0"}
                                               << "f=c.ini data=odbc_in.txt(default) enc=ATTRIB_ADMIN_PW audit=0";
    QTest::newRow("dash file name") << imp << QStringList{"-f", "c.ini", "-i", "-"} << "f=c.ini data=-";

    QTest::newRow("no -f") << imp << QStringList{"-i", "x"} << "error: missing configuration file name";
    QTest::newRow("-f without value") << imp << QStringList{"-f"} << "error: missing configuration file name";
    QTest::newRow("-f then option") << imp << QStringList{"-f", "-v"} << "error: missing configuration file name";
    QTest::newRow("-i without value") << imp << QStringList{"-f", "c", "-i"} << "error: missing value for parameter -i";
    QTest::newRow("twice") << imp << QStringList{"-f", "a", "-f", "b"} << "error: parameter -f given more than once";
    QTest::newRow("v twice") << imp << QStringList{"-f", "a", "-v", "-v"} << "error: parameter -v given more than once";
    QTest::newRow("unknown") << imp << QStringList{"-f", "a", "-x"} << "error: unknown parameter -x";
    QTest::newRow("-o on import") << imp << QStringList{"-f", "a", "-o", "x"} << "error: unknown parameter -o";
    QTest::newRow("-i on export") << exp << QStringList{"-f", "a", "-i", "x"} << "error: unknown parameter -i";
    QTest::newRow("-r on import") << imp << QStringList{"-f", "a", "-r"} << "error: unknown parameter -r";
    QTest::newRow("stray word") << imp << QStringList{"-f", "a", "extra"} << "error: unexpected argument extra";
    QTest::newRow("-s with value") << imp << QStringList{"-f", "a", "-sx"} << "error: parameter -s takes no value";
    QTest::newRow("bad enc") << imp << QStringList{"-f", "a", "-Enc", "NONE"}
                             << "error: invalid encryption mode NONE, expected ATTRIB_ADMIN_PW or ADMIN_PW";
    QTest::newRow("bad timeout") << imp << QStringList{"-f", "a", "-Timeout", "-5"}
                                 << "error: missing value for parameter -Timeout";
    QTest::newRow("bad timeout text") << imp << QStringList{"-f", "a", "-Timeout", "soon"}
                                      << "error: invalid timeout value soon, expected microseconds (0 or more)";
    QTest::newRow("audit out of range") << imp << QStringList{"-f", "a", "-AuditLevel", "5"}
                                        << "error: invalid audit level 5, expected 0 to 4";
    QTest::newRow("batch") << imp << QStringList{"-f", "a", "-Batch", "1"} << "f=a data=odbc_in.txt(default) batch=1";
    QTest::newRow("batch attached") << imp << QStringList{"-f", "a", "-batch250"} << "f=a data=odbc_in.txt(default) batch=250";
    QTest::newRow("batch zero") << imp << QStringList{"-f", "a", "-Batch", "0"}
                                << "error: invalid batch size 0, expected 1 to 100000 records per transaction";
    QTest::newRow("batch on export") << exp << QStringList{"-f", "a", "-Batch", "5"} << "error: unknown parameter -B";
    QTest::newRow("crypt negative") << exp << QStringList{"-f", "a", "-CryptLogLevel-1"}
                                    << "error: invalid crypt log level -1, expected 0 or more";
}

void TestCommandLine::table()
{
    QFETCH(AgentKind, kind);
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QCOMPARE(describe(parseAgentCommandLine(kind, args)), expected);
}

void TestCommandLine::helpTexts()
{
    QVERIFY(agentHelp(AgentKind::Import).startsWith("usage: ODBCAgentImp -f configuration_file [-i data_file]"));
    QVERIFY(agentHelp(AgentKind::Export).contains("[-o data_file | +]"));
    QVERIFY(agentHelp(AgentKind::Export).contains("[-r [ref_file]]"));
    QVERIFY(agentHelp(AgentKind::Export).contains("-CryptLogLevel crypt_level"));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_command_line.moc"
