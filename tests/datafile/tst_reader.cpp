// Reading tagged data files: separators, end:, skip:, comments, escapes, continuation, trimming, change
// types, repeated attributes, line numbers, encodings, and that nothing is dropped without a problem.
#include "datafile/TaggedReader.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

using namespace oas;
using namespace oas::datafile;

static QList<Record> readAllRecords(const QByteArray &bytes, DataFormat format = {}, bool *endSeen = nullptr)
{
    QByteArray data = bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    TaggedReader reader(&buffer, format);
    QList<Record> records;
    while (auto r = reader.next())
        records.append(*r);
    if (endSeen)
        *endSeen = reader.endMarkerSeen();
    return records;
}

class TestReader : public QObject {
    Q_OBJECT
private slots:
    void manualExample();
    void separatorsOptionalAtStartAndEnd();
    void endStopsReading();
    void skipMarksRecord();
    void commentsAndHashEscape();
    void escapes();
    void continuation();
    void trimming();
    void changeType();
    void repeatedAttributes();
    void problemsAreKept();
    void customSeparatorFormFeed();
    void crlf();
    void utf8AndLatin1();
    void rawTextIsAsSupplied();
    void emptyRecordsBetweenSeparators();
    void blockBoundaries();
};

void TestReader::manualExample()
{
    const QByteArray file =
        "row:\nGN:  Nancy\nSN:  Davolio\nA:   507 - 20th Ave. E.\\x0d\\x0aApt. 2A\nCITY:  Seattle\n\n"
        "row:\nGN: Andrew\nSN: Fuller\n";
    const QList<Record> records = readAllRecords(file);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[0].line, 1);
    QCOMPARE(records[0].attributes.size(), 4);
    QCOMPARE(records[0].find("gn")->value, QStringLiteral("Nancy"));
    QCOMPARE(records[0].find("A")->value, QStringLiteral("507 - 20th Ave. E.\r\nApt. 2A"));
    QCOMPARE(records[0].find("CITY")->line, 5);
    QCOMPARE(records[1].line, 7);
    QCOMPARE(records[1].find("SN")->value, QStringLiteral("Fuller"));
}

void TestReader::separatorsOptionalAtStartAndEnd()
{
    const QList<Record> records = readAllRecords("GN: a\nrow:\nGN: b\nrow:\n");
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[0].line, 1);
    QCOMPARE(records[1].line, 2);
    QCOMPARE(records[1].find("GN")->value, QStringLiteral("b"));
    QCOMPARE(readAllRecords("").size(), 0);
    QCOMPARE(readAllRecords("row:\n\n# only a comment\n").size(), 0);
}

void TestReader::endStopsReading()
{
    bool endSeen = false;
    const QList<Record> records = readAllRecords("row:\nGN: a\nend:\nGN: never\nrow:\nGN: never\n", {}, &endSeen);
    QCOMPARE(records.size(), 1);
    QVERIFY(endSeen);
    QCOMPARE(records[0].find("GN")->value, QStringLiteral("a"));
    QCOMPARE(readAllRecords("END:\nrow:\nGN: x\n").size(), 0);
}

void TestReader::skipMarksRecord()
{
    const QList<Record> records = readAllRecords("row:\nGN: a\nskip:\nrow:\nGN: b\n");
    QCOMPARE(records.size(), 2);
    QVERIFY(records[0].skipped);
    QVERIFY(!records[1].skipped);
    QCOMPARE(records[0].find("GN")->value, QStringLiteral("a"));  // kept, so it can be counted as a skip
}

void TestReader::commentsAndHashEscape()
{
    const QList<Record> records = readAllRecords("# header comment\nrow:\n#GN: commented out\n\\#tag: hash name\n"
                                                 "GN: value # not a comment\n");
    QCOMPARE(records.size(), 1);
    QCOMPARE(records[0].attributes.size(), 2);
    QCOMPARE(records[0].attributes[0].name, QStringLiteral("#tag"));
    QCOMPARE(records[0].find("GN")->value, QStringLiteral("value # not a comment"));
}

void TestReader::escapes()
{
    const QList<Record> records = readAllRecords("row:\nA: C:\\\\temp\\\\\nB: \\x41\\x4a\\x00z\nC: \\#1\n");
    QCOMPARE(records[0].find("A")->value, QStringLiteral("C:\\temp\\"));
    QCOMPARE(records[0].find("B")->value, QString::fromLatin1("AJ\0z", 4));
    QCOMPARE(records[0].find("C")->value, QStringLiteral("#1"));
    QVERIFY(records[0].problems.isEmpty());
}

void TestReader::continuation()
{
    const QList<Record> records = readAllRecords("row:\nDESC: first part \\\nsecond part\nGN: x\n");
    QCOMPARE(records[0].find("DESC")->value, QStringLiteral("first part second part"));
    QCOMPARE(records[0].find("GN")->line, 4);
}

void TestReader::trimming()
{
    const QList<Record> records = readAllRecords("row:\n  SN :   Lowell Jr.   \t\nX: \\x20padded\\x20\n");
    QCOMPARE(records[0].find("SN")->value, QStringLiteral("Lowell Jr."));
    QCOMPARE(records[0].find("X")->value, QStringLiteral(" padded "));
}

void TestReader::changeType()
{
    const QList<Record> records = readAllRecords("row:\nChangeType: DELETE\nrow:\nchange_it: Add\nrow:\nchangetype: "
                                                 "rename\nrow:\nGN: x\n");
    QCOMPARE(changeTypeOf(records[0], "ChangeType"), ChangeType::Delete);
    QCOMPARE(changeTypeOf(records[1], "change_it"), ChangeType::Add);
    QCOMPARE(changeTypeOf(records[1], "ChangeType"), ChangeType::Unspecified);
    QString raw;
    QCOMPARE(changeTypeOf(records[2], "ChangeType", &raw), ChangeType::Invalid);
    QCOMPARE(raw, QStringLiteral("rename"));
    QCOMPARE(changeTypeOf(records[3], "ChangeType"), ChangeType::Unspecified);
}

void TestReader::repeatedAttributes()
{
    const QList<Record> records = readAllRecords("row:\nGN: first\nGN: second\n");
    QCOMPARE(records[0].count("gn"), 2);
    QCOMPARE(records[0].find("GN")->value, QStringLiteral("first"));
    QCOMPARE(records[0].attributes[1].value, QStringLiteral("second"));
}

void TestReader::problemsAreKept()
{
    const QList<Record> records = readAllRecords("row:\nno colon here\n: no name\nA: bad \\q escape\nB: ok\n");
    QCOMPARE(records.size(), 1);
    QCOMPARE(records[0].problems.size(), 3);
    QCOMPARE(records[0].problems[0].line, 2);
    QCOMPARE(records[0].problems[0].message, QStringLiteral("missing colon in attribute line"));
    QCOMPARE(records[0].problems[1].message, QStringLiteral("missing attribute name"));
    QCOMPARE(records[0].problems[2].message,
             QStringLiteral("invalid escape \\q (write a backslash as \\\\) in attribute A"));
    QCOMPARE(records[0].find("A")->value, QStringLiteral("bad \\q escape"));
    QCOMPARE(records[0].find("B")->value, QStringLiteral("ok"));
    // A record made only of bad lines is still returned.
    QCOMPARE(readAllRecords("row:\ngarbage\n").size(), 1);
}

void TestReader::customSeparatorFormFeed()
{
    DataFormat f;
    f.recordSeparator = QStringLiteral("\f");
    const QList<Record> records = readAllRecords("GN: a\n\f\nGN: b\nrow:\n", f);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[1].attributes.size(), 2);  // "row:" is an ordinary (empty) attribute here
    QCOMPARE(records[1].attributes[1].name, QStringLiteral("row"));
}

void TestReader::crlf()
{
    const QList<Record> records = readAllRecords("row:\r\nGN: a\r\nSN: b \\\r\nc\r\n");
    QCOMPARE(records[0].find("GN")->value, QStringLiteral("a"));
    QCOMPARE(records[0].find("SN")->value, QStringLiteral("b c"));
}

void TestReader::utf8AndLatin1()
{
    const QByteArray latin = "row:\nGN: M\xfcller\nSN: \\xfc\n";
    const QList<Record> l = readAllRecords(latin);
    QCOMPARE(l[0].find("GN")->value, QStringLiteral("M\u00fcller"));
    QCOMPARE(l[0].find("SN")->value, QStringLiteral("\u00fc"));
    DataFormat utf8;
    utf8.encoding = config::Encoding::Utf8;
    const QList<Record> u = readAllRecords("row:\nGN: M\xc3\xbcller\nSN: \\xc3\\xbc\nX: \xff\n", utf8);
    QCOMPARE(u[0].find("GN")->value, QStringLiteral("M\u00fcller"));
    QCOMPARE(u[0].find("SN")->value, QStringLiteral("\u00fc"));
    QCOMPARE(readAllRecords("row:\nA: \\xef\\xbb\\xbfx\nB: \xef\xbb\xbfy\n", utf8)[0].find("B")->value,
             QStringLiteral("\uFEFFy"));
    QCOMPARE(readAllRecords("row:\nA: \\xef\\xbb\\xbfx\n", utf8)[0].find("A")->value, QStringLiteral("\uFEFFx"));
    QCOMPARE(u[0].problems.size(), 1);
    QCOMPARE(u[0].problems[0].message, QStringLiteral("invalid UTF-8 in attribute X"));
}

void TestReader::rawTextIsAsSupplied()
{
    const QByteArray file = "row:\nGN: Nancy\nSurname:   Davolio  \n\nrow:\nGN: x\n";
    const QList<Record> records = readAllRecords(file);
    QCOMPARE(records[0].rawText, QByteArray("row:\nGN: Nancy\nSurname:   Davolio  \n\n"));
    QCOMPARE(records[1].rawText, QByteArray("row:\nGN: x\n"));
}

void TestReader::emptyRecordsBetweenSeparators()
{
    const QList<Record> records = readAllRecords("row:\nrow:\n\nrow:\nGN: a\n");
    QCOMPARE(records.size(), 1);
    QCOMPARE(records[0].line, 4);
}

QTEST_GUILESS_MAIN(TestReader)

void TestReader::blockBoundaries()
{
    // The reader takes its input in blocks of 256 KiB: lines that straddle blocks, lines longer than a
    // block (600,000 characters), continuation lines across blocks, CRLF and LF, and a last line without an
    // ending all read as written, and the records' raw texts put together give the input back exactly.
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator g(seed);
    auto text = [&](int n) {
        QByteArray t(n, 'x');
        for (int i = 0; i < n; ++i)
            t[i] = "abcdefghij0123456789 "[g.bounded(i == 0 || i == n - 1 ? 20 : 21)];
        return t;
    };
    QByteArray input;
    QList<QList<QPair<QByteArray, QByteArray>>> expected;
    for (int r = 0; r < 2500; ++r) {
        const QByteArray eol = g.bounded(3) ? "\n" : "\r\n";
        input += "row:" + eol;
        QList<QPair<QByteArray, QByteArray>> attributes;
        const int count = int(g.bounded(1, 5));
        for (int a = 0; a < count; ++a) {
            const int length = g.bounded(200) == 0 ? int(g.bounded(100000, 600000)) : int(g.bounded(1, 60));
            const QByteArray value = text(length);
            const QByteArray name = "A" + QByteArray::number(a);
            if (length > 10 && g.bounded(4) == 0) {  // continued on the next line
                const int cut = int(g.bounded(1, length - 1));
                input += name + ": " + value.left(cut) + "\\" + eol + value.mid(cut) + eol;
            } else {
                input += name + ": " + value + eol;
            }
            attributes.append({name, value});
        }
        expected.append(attributes);
    }
    input.chop(input.endsWith("\r\n") ? 2 : 1);  // the last line has no ending
    QByteArray data = input;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    TaggedReader reader(&buffer, DataFormat());
    QByteArray raw;
    int r = 0;
    while (auto record = reader.next()) {
        QVERIFY(r < expected.size());
        QVERIFY2(record->problems.isEmpty(), qPrintable(record->problems.isEmpty() ? QString() : record->problems.first().message));
        QCOMPARE(record->attributes.size(), expected[r].size());
        for (qsizetype a = 0; a < record->attributes.size(); ++a) {
            QCOMPARE(record->attributes[a].name.toUtf8(), expected[r][a].first);
            QVERIFY2(record->attributes[a].value.toUtf8() == expected[r][a].second,
                     qPrintable(QString("record %1 attribute %2: %3 characters read, %4 written").arg(r).arg(a)
                                    .arg(record->attributes[a].value.size()).arg(expected[r][a].second.size())));
        }
        raw += record->rawText;
        ++r;
    }
    QCOMPARE(r, expected.size());
    QCOMPARE(raw.size(), input.size());
    QVERIFY(raw == input);
    QCOMPARE(reader.bytesRead(), qint64(input.size()));

    // Line endings exactly at and around the block edges (256 KiB, 512 KiB).
    for (int edge : {256 * 1024, 512 * 1024}) {
        for (int shift = -2; shift <= 2; ++shift) {
            // "row:\nA: <value>\nB: b\n": the newline after the value at byte edge + shift.
            const int valueLength = edge + shift - 8;
            const QByteArray exact = "row:\nA: " + QByteArray(valueLength, 'v') + "\nB: b\n";
            const QList<Record> records = readAllRecords(exact);
            QCOMPARE(records.size(), 1);
            QCOMPARE(records[0].attributes.size(), 2);
            QCOMPARE(records[0].attributes[0].value.size(), valueLength);
            QCOMPARE(records[0].attributes[1].value, QString("b"));
            QVERIFY(records[0].rawText == exact);
        }
    }
}

#include "tst_reader.moc"
