// Writing tagged data files: layout, escapes, the 8bit rule, encodings, and unencodable characters.
#include "datafile/TaggedWriter.h"

#include <QBuffer>
#include <QTest>

using namespace oas;
using namespace oas::datafile;

static QByteArray formatOne(const QList<Attribute> &attrs, DataFormat format = {}, QString *error = nullptr)
{
    TaggedWriter writer(nullptr, format);
    return writer.format(attrs, error).value_or(QByteArray("<failed>"));
}

class TestWriter : public QObject {
    Q_OBJECT
private slots:
    void layout();
    void escapes_data();
    void escapes();
    void eightBitLatin1();
    void eightBitUtf8();
    void unencodableCharacter();
    void byteOrderMarkInsideValues();
    void reservedLinesAreEscaped();
    void writesToDevice();
};

void TestWriter::layout()
{
    QCOMPARE(formatOne({{"GN", "Nancy", 0}, {"SN", "Davolio", 0}, {"REG", "", 0}}),
             QByteArray("row:\nGN: Nancy\nSN: Davolio\nREG:\n\n"));
    DataFormat ff;
    ff.recordSeparator = QStringLiteral("\f");
    QCOMPARE(formatOne({{"GN", "x", 0}}, ff), QByteArray("\f\nGN: x\n\n"));
}

void TestWriter::escapes_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("crlf") << "507 - 20th Ave. E.\r\nApt. 2A" << QByteArray("A: 507 - 20th Ave. E.\\x0d\\x0aApt. 2A\n");
    QTest::newRow("backslash") << "C:\\temp\\" << QByteArray("A: C:\\\\temp\\\\\n");
    QTest::newRow("edge blanks") << "  two  " << QByteArray("A: \\x20 two \\x20\n");
    QTest::newRow("tab and nul") << QString::fromLatin1("a\tb\0c", 5) << QByteArray("A: a\\x09b\\x00c\n");
    QTest::newRow("hash kept inside") << "#1 # 2" << QByteArray("A: #1 # 2\n");
    QTest::newRow("delete char") << "\x7f" << QByteArray("A: \\x7f\n");
    QTest::newRow("row: as value") << "row:" << QByteArray("A: row:\n");
}

void TestWriter::escapes()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, line);
    QCOMPARE(formatOne({{"A", value, 0}}), "row:\n" + line + "\n");
}

void TestWriter::eightBitLatin1()
{
    const QString v = QString::fromLatin1("\x80\x9f\xa0\xe9\xfe\xff");
    QCOMPARE(formatOne({{"A", v, 0}}), QByteArray("row:\nA: \\x80\\x9f\\xa0\\xe9\\xfe\\xff\n\n"));
    DataFormat eight;
    eight.eightBit = true;
    // 0xA0-0xFE go out unchanged; 0x80-0x9F and 0xFF are still escaped.
    QCOMPARE(formatOne({{"A", v, 0}}, eight), QByteArray("row:\nA: \\x80\\x9f\xa0\xe9\xfe\\xff\n\n"));
}

void TestWriter::eightBitUtf8()
{
    DataFormat utf8;
    utf8.encoding = config::Encoding::Utf8;
    const QString v = QStringLiteral("M\u00fcller \u20ac \U0001F600");
    QCOMPARE(formatOne({{"A", v, 0}}, utf8),
             QByteArray("row:\nA: M\\xc3\\xbcller \\xe2\\x82\\xac \\xf0\\x9f\\x98\\x80\n\n"));
    utf8.eightBit = true;
    QCOMPARE(formatOne({{"A", v, 0}}, utf8), "row:\nA: " + v.toUtf8() + "\n\n");
}

void TestWriter::unencodableCharacter()
{
    QString error;
    QCOMPARE(formatOne({{"GN", "ok", 0}, {"SN", QStringLiteral("\u20ac"), 0}}, {}, &error), QByteArray("<failed>"));
    QCOMPARE(error, QStringLiteral("character U+20AC in attribute SN cannot be written in ISO-8859-1"));
}

void TestWriter::byteOrderMarkInsideValues()
{
    // Found by the fuzzer: U+FEFF is data inside a value and must survive writing and reading.
    DataFormat utf8;
    utf8.encoding = config::Encoding::Utf8;
    const QString v = QStringLiteral("\uFEFFa\uFEFF");
    QCOMPARE(formatOne({{"A", v, 0}}, utf8), QByteArray("row:\nA: \\xef\\xbb\\xbfa\\xef\\xbb\\xbf\n\n"));
    utf8.eightBit = true;
    QCOMPARE(formatOne({{"A", v, 0}}, utf8), "row:\nA: " + v.toUtf8() + "\n\n");
}

void TestWriter::reservedLinesAreEscaped()
{
    QCOMPARE(formatOne({{"row", "", 0}, {"end", "", 0}, {"SKIP", "", 0}, {"#x", "1", 0}, {"a:b", "2", 0}}),
             QByteArray("row:\n\\x72ow:\n\\x65nd:\n\\x53KIP:\n\\#x: 1\na\\x3ab: 2\n\n"));
}

void TestWriter::writesToDevice()
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    TaggedWriter writer(&buffer, {});
    QVERIFY(writer.write({{"GN", "a", 0}}));
    QString error;
    QVERIFY(!writer.write({{"GN", QStringLiteral("\u0100"), 0}}, &error));
    QVERIFY(writer.write({{"GN", "b", 0}}));
    QCOMPARE(data, QByteArray("row:\nGN: a\n\nrow:\nGN: b\n\n"));  // nothing of the failed record
}

QTEST_GUILESS_MAIN(TestWriter)
#include "tst_writer.moc"
