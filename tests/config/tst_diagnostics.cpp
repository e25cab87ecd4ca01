// Diagnostics as values: every problem of a file in one pass, sorted, with line, column, length and the
// manual's excerpt. tests/data/diagnostics/<case> holds a file and the report `odbc-agent validate` prints.
#include "common/TestSupport.h"

#include <QDir>
#include <QTest>

using namespace oas;
using namespace oas::config;

class TestDiagnostics : public QObject {
    Q_OBJECT
private slots:
    void reports_data();
    void reports();
    void positionsForTheEditor();
    void neverThrowsOnGarbage();
    void unreadableFile();
};

void TestDiagnostics::reports_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(OAS_TEST_DATA_DIR "/diagnostics"));
    const QStringList cases = dir.entryList({"*.ini", "*.cfg"}, QDir::Files, QDir::Name);
    QVERIFY(cases.size() >= 3);
    for (const QString &c : cases)
        QTest::newRow(qPrintable(c)) << dir.filePath(c);
}

void TestDiagnostics::reports()
{
    QFETCH(QString, path);
    const ParseResult r = parseConfigFile(path);
    const QString report = formatReport(r.diagnostics, QFileInfo(path).fileName());
    QCOMPARE(report, QString::fromUtf8(test::readAll(path + ".expected")));
}

void TestDiagnostics::positionsForTheEditor()
{
    const ParseResult r = parseConfigFile(QStringLiteral(OAS_TEST_DATA_DIR "/diagnostics/many-errors.ini"));
    // "undefined attribute abbreviation MISSING": underline exactly the word.
    const Diagnostic &d = r.diagnostics.at(1);
    QCOMPARE(d.pos.line, 6);
    QCOMPARE(d.pos.column, 16);
    QCOMPARE(d.pos.length, 7);
    QCOMPARE(d.file, QStringLiteral(OAS_TEST_DATA_DIR "/diagnostics/many-errors.ini"));
    QCOMPARE(d.severity, Severity::Error);
    // Sorted by position.
    for (int i = 1; i < r.diagnostics.size(); ++i)
        QVERIFY(r.diagnostics.at(i - 1).pos.line <= r.diagnostics.at(i).pos.line);
}

void TestDiagnostics::neverThrowsOnGarbage()
{
    const QList<QByteArray> inputs = {
        QByteArray(),
        QByteArray("\0\0\0", 3),
        "[", "]", "=", "[]\n=\n", "[export]\n=\n==\n", "\\\\\\\n\\", "[import]\nSelectBy=((((((((((",
        "[procedures]\nP=call", "[procedures]\nProcedure=,,,\nP=r call x(RETURN, =) returning ((",
        "[attributes]\n(text)=x\n#=\n", "[control]\nDateFormat=\"\nRecordSeparator=\\",
    };
    for (const QByteArray &in : inputs) {
        const ParseResult r = parseConfig(in);
        QVERIFY(!r.diagnostics.isEmpty());
        for (const Diagnostic &d : r.diagnostics)
            QVERIFY(!d.message.isEmpty());
    }
}

void TestDiagnostics::unreadableFile()
{
    const ParseResult r = parseConfigFile(QStringLiteral("/nonexistent/dir/x.ini"));
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics.first().toText(),
             QStringLiteral("cannot open configuration file for reading\n/nonexistent/dir/x.ini"));
}

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
