// The README's main command as a test: the demo workspace is created through the SQLite3 ODBC driver, a
// full export writes the first reference file and fills the empty replica, changed rows give the expected
// delta, and the delta imported into the replica makes it equal to the source.
#include "common/TestSupport.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

static int runIn(const QString &dir, const QString &program, const QStringList &args, QString *err = nullptr)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral(OAS_BIN_DIR "/") + program, args);
    p.waitForFinished(120000);
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

class TestDemo : public QObject {
    Q_OBJECT
private slots:
    void fullThenDelta();
};

void TestDemo::fullThenDelta()
{
    QTemporaryDir tmp;
    const QString ws = tmp.filePath("ws");
    QString err;
    QCOMPARE(runIn(tmp.path(), "odbc-agent", {"demo", "create", ws}, &err), 0);
    QVERIFY(QFile::exists(ws + "/demo.db"));
    QCOMPARE(runIn(ws, "odbc-agent", {"validate", "employees.ini"}), 0);
    QCOMPARE(runIn(ws, "ODBCAgentExp", {"-f", "employees.ini", "-o", "full.txt"}, &err), 0);
    QVERIFY2(err.contains("200 rows read, 200 records written"), qPrintable(err));
    const QByteArray full = oas::test::readAll(ws + "/full.txt");
    QCOMPARE(full.count("row:\n"), 200);
    // UTF-8 with 8bit=TRUE: names with accents as they are; CR/LF in addresses escaped.
    QVERIFY(full.contains("GN: J\xc3\xbcrgen\n"));
    QVERIFY(full.contains("A: 501 - 20th Ave. E.\\x0d\\x0aApt. 2\n"));
    QVERIFY(oas::test::readAll(ws + "/employees.ini").contains("\nNewReferenceFile=R"));

    // The replica: the full export imported into an empty copy of the table.
    QCOMPARE(runIn(ws, "odbc-agent", {"validate", "replica.ini"}), 0);
    QCOMPARE(runIn(ws, "ODBCAgentImp", {"-f", "replica.ini", "-i", "full.txt"}, &err), 0);
    QVERIFY2(err.contains("200 records read: 200 created, 0 updated"), qPrintable(err));

    QCOMPARE(runIn(ws, "odbc-agent", {"demo", "change", "."}), 0);
    QCOMPARE(runIn(ws, "ODBCAgentExp", {"-f", "employees.ini", "-o", "delta.txt"}, &err), 0);
    const QByteArray delta = oas::test::readAll(ws + "/delta.txt");
    QCOMPARE(delta.count("ChangeType: add\n"), 2);
    QCOMPARE(delta.count("ChangeType: modify\n"), 2);
    QCOMPARE(delta.count("ChangeType: delete\nEID: 5\nGN: Steven\nSN: Buchanan\n\n"), 1);
    QVERIFY(QFile::exists(ws + "/trace.txt"));
    QVERIFY(oas::test::readAll(ws + "/trace.txt").contains("delta export with new reference file:"));
    QCOMPARE(QDir(ws + "/refs").entryList(QDir::Files).size(), 2);

    // The delta applied to the replica makes it equal to the source, row for row and byte for byte.
    QCOMPARE(runIn(ws, "ODBCAgentImp", {"-f", "replica.ini", "-i", "delta.txt"}, &err), 0);
    QVERIFY2(err.contains("5 records read: 2 created, 2 updated, 0 unchanged, 1 deleted, 0 failed"), qPrintable(err));
    QVERIFY(oas::test::readAll(ws + "/replica-trace.txt").contains("record 5 at line "));
    QCOMPARE(runIn(ws, "ODBCAgentExp", {"-f", "employees.ini", "-r", "-o", "source.txt"}), 0);
    QCOMPARE(runIn(ws, "ODBCAgentExp", {"-f", "replica.ini", "-o", "replica.txt"}), 0);
    const QByteArray source = oas::test::readAll(ws + "/source.txt");
    QCOMPARE(source.count("row:\n"), 201);
    QCOMPARE(oas::test::readAll(ws + "/replica.txt"), source);

    // Creating it again starts afresh.
    QCOMPARE(runIn(tmp.path(), "odbc-agent", {"demo", "create", ws}), 0);
    QCOMPARE(QDir(ws + "/refs").entryList(QDir::Files).size(), 0);
    QVERIFY(!oas::test::readAll(ws + "/employees.ini").contains("\nNewReferenceFile=R"));
    QVERIFY(!QFile::exists(ws + "/replica.txt"));
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
