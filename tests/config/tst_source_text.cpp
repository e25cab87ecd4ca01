// Lexical rules of configuration files: line endings, comments, continuation, encodings, positions.
#include "common/TestSupport.h"
#include "config/SourceText.h"

#include <QTest>

using namespace oas;
using namespace oas::config;

class TestSourceText : public QObject {
    Q_OBJECT
private slots:
    void crlfAndLf();
    void commentsOnlyAtLineStart();
    void continuation();
    void continuationPositions();
    void unlimitedLineLength();
    void encodings();
    void excerpt();
    void caseInsensitiveNames();
};

void TestSourceText::crlfAndLf()
{
    const QString lf = test::baseConfig() + "[export]\nSelect=GN\nFrom=Employees\n";
    QString crlf = lf;
    crlf.replace("\n", "\r\n");
    const ParseResult a = test::parse(lf);
    const ParseResult b = test::parse(crlf);
    QVERIFY(a.ok());
    QVERIFY(b.ok());
    QCOMPARE(b.config.exportSection.from.value, QStringLiteral("Employees"));
    QCOMPARE(b.config.exportSection.from.pos.line, 12);
}

void TestSourceText::commentsOnlyAtLineStart()
{
    const ParseResult r = test::parse(test::baseConfig()
                                      + "# [export] commented out\n[export]\n  # indented comment\nSelect=GN\n"
                                        "From=Employees # not a comment\nWhere=Notes LIKE '%#%'\n");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    QCOMPARE(r.config.exportSection.from.value, QStringLiteral("Employees # not a comment"));
    QCOMPARE(r.config.exportSection.where.value, QStringLiteral("Notes LIKE '%#%'"));
}

void TestSourceText::continuation()
{
    const SourceText s = SourceText::fromString(QStringLiteral("A=one \\\n   two\\\nthree\nB=x\n"));
    const QList<LogicalLine> lines = s.logicalLines();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).text, QStringLiteral("A=one twothree"));
    QCOMPARE(lines.at(0).firstLine(), 1);
    QCOMPARE(lines.at(1).firstLine(), 4);
    // A backslash on the last line continues into nothing: the line is still read.
    QCOMPARE(SourceText::fromString(QStringLiteral("A=x\\")).logicalLines().first().text, QStringLiteral("A=x"));
}

void TestSourceText::continuationPositions()
{
    // An error on a continuation line is reported on that physical line, at its own column.
    const ParseResult r = test::parse(test::baseConfig() + "[export]\nSelect=GN, \\\n    SN, XX\nFrom=E\n");
    QCOMPARE(r.diagnostics.size(), 1);
    const Diagnostic &d = r.diagnostics.first();
    QCOMPARE(d.pos.line, 12);
    QCOMPARE(d.pos.column, 9);
    QCOMPARE(d.pos.length, 2);
    QCOMPARE(d.excerpt, QStringLiteral("SN, ??XX"));
}

void TestSourceText::unlimitedLineLength()
{
    QString where = QStringLiteral("GN IN (");
    for (int i = 0; i < 20000; ++i)
        where += QStringLiteral("'name%1',").arg(i);
    where += QStringLiteral("'last')");
    const ParseResult r = test::parse(test::baseConfig() + "[export]\nSelect=GN\nFrom=E\nWhere=" + where + "\n");
    QVERIFY(r.ok());
    QCOMPARE(r.config.exportSection.where.value.size(), where.size());
}

void TestSourceText::encodings()
{
    // UTF-8 (with or without BOM) is read as UTF-8; anything else as ISO-8859-1.
    const QByteArray utf8 = (test::baseConfig() + "[import]\nTable=E\nSelectBy=GN\nModify=T\nRelationships=T\u21D2EID\n").toUtf8();
    QVERIFY(parseConfig(utf8).ok());
    QVERIFY(parseConfig("\xEF\xBB\xBF" + utf8).ok());
    const QByteArray latin1 = test::baseConfig().toLatin1() + "[export]\nSelect=GN\nFrom=E\nWhere=GN = 'M\xFCller'\n";
    const ParseResult r = parseConfig(latin1);
    QVERIFY(r.ok());
    QCOMPARE(r.config.exportSection.where.value, QStringLiteral("GN = 'M\u00FCller'"));
}

void TestSourceText::excerpt()
{
    const SourceText s = SourceText::fromString(QStringLiteral("   From Employees   \n"));
    QCOMPARE(s.excerpt(SourcePos{1, 9, 0}), QStringLiteral("From ??Employees"));
    QCOMPARE(s.excerpt(SourcePos{1, 1, 0}), QStringLiteral("??From Employees"));
    QCOMPARE(s.excerpt(SourcePos{1, 40, 0}), QStringLiteral("From Employees??"));
}

void TestSourceText::caseInsensitiveNames()
{
    const ParseResult r = test::parse("[VERSION]\nversion = 1.06\n[Attributes]\ngn=Employees.FirstName\n"
                                      "[DataBase]\nDSN=x\n[EXPORT]\n  sElEcT  =  GN  \nFROM=Employees\n");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    QCOMPARE(r.config.exportSection.select.value.first().name, QStringLiteral("GN"));
    QCOMPARE(r.config.version.value, 106);
}

QTEST_GUILESS_MAIN(TestSourceText)
#include "tst_source_text.moc"
