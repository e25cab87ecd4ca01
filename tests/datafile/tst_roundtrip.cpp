// Property: for any values (any byte as ISO-8859-1, any code point as UTF-8), writing records and reading
// them back gives exactly the same names and values, with every separator and option combination.
#include "datafile/Escaping.h"
#include "datafile/TaggedReader.h"
#include "datafile/TaggedWriter.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

using namespace oas;
using namespace oas::datafile;

namespace {

// Values biased towards the characters that matter: separators, comments, escapes, blanks, line ends.
QString randomValue(QRandomGenerator &rng, config::Encoding encoding, int maxPieces = 12, bool loneSurrogates = false)
{
    static const QStringList pieces = {"row:", "end:", "skip:", "#", "\\", "\\x", "\\\\", "\r", "\n", "\r\n",
                                       QString(QChar(0)), " ", "\t", ":", "\f", "ChangeType: add", "\\#",
                                       "plain text of some length", "   "};
    QString v;
    const int n = int(rng.bounded(maxPieces));
    for (int i = 0; i < n; ++i) {
        const int kind = int(rng.bounded(4));
        if (kind == 0) {
            v += pieces.at(int(rng.bounded(qsizetype(pieces.size()))));
        } else if (kind == 1 || encoding == config::Encoding::Latin1) {
            v += QChar(char16_t(rng.bounded(256)));
        } else {
            char32_t cp = char32_t(rng.bounded(0x10FFFF));
            if (cp >= 0xD800 && cp <= 0xDFFF && !loneSurrogates)
                cp = 0xFEFF;  // never a lone surrogate; and U+FEFF, which Qt likes to drop as a BOM
            if (QChar::requiresSurrogates(cp)) {
                v += QChar(QChar::highSurrogate(cp));
                v += QChar(QChar::lowSurrogate(cp));
            } else {
                v += QChar(char16_t(cp));
            }
        }
    }
    return v;
}

QString randomName(QRandomGenerator &rng)
{
    static const QStringList names = {"GN", "SN", "row", "end", "skip", "#hash", "a:b", " spaced ", "x\\y", "T", "\f"};
    return names.at(int(rng.bounded(qsizetype(names.size()))));
}

// The data row's format (columns encoding, eightBit, separator).
DataFormat rowFormat()
{
    QFETCH(int, encoding);
    QFETCH(bool, eightBit);
    QFETCH(QString, separator);
    DataFormat format;
    format.encoding = encoding ? config::Encoding::Utf8 : config::Encoding::Latin1;
    format.eightBit = eightBit;
    format.recordSeparator = separator;
    return format;
}

}  // namespace

class TestRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void property_data();
    void property();
    void exportRowsLikeRecords_data() { property_data(); }
    void exportRowsLikeRecords();
    void utf8RowsLikeRows_data() { property_data(); }
    void utf8RowsLikeRows();
    void emptyStringsKept();
};

void TestRoundTrip::property_data()
{
    QTest::addColumn<int>("encoding");
    QTest::addColumn<bool>("eightBit");
    QTest::addColumn<QString>("separator");
    for (int enc : {0, 1}) {
        for (bool eight : {false, true}) {
            for (const QString &sep : {QStringLiteral("row:"), QStringLiteral("\f"), QStringLiteral("--next--")}) {
                const QString name = QStringLiteral("%1 8bit=%2 sep=%3")
                                         .arg(enc ? "utf8" : "latin1")
                                         .arg(eight)
                                         .arg(sep == "\f" ? QStringLiteral("\\f") : sep);
                QTest::newRow(qPrintable(name)) << enc << eight << sep;
            }
        }
    }
}

void TestRoundTrip::property()
{
    const DataFormat format = rowFormat();
    QRandomGenerator rng(20261123u + uint(int(format.encoding) * 10 + format.eightBit * 2) + uint(format.recordSeparator.size()));

    for (int round = 0; round < 300; ++round) {
        QList<QList<Attribute>> records;
        const int count = 1 + int(rng.bounded(5));
        for (int r = 0; r < count; ++r) {
            QList<Attribute> attrs;
            const int n = 1 + int(rng.bounded(6));
            for (int i = 0; i < n; ++i)
                attrs.append({randomName(rng), randomValue(rng, format.encoding), 0});
            records.append(attrs);
        }
        QByteArray data;
        QBuffer out(&data);
        out.open(QIODevice::WriteOnly);
        TaggedWriter writer(&out, format);
        for (const auto &attrs : records) {
            QString error;
            QVERIFY2(writer.write(attrs, &error), qPrintable(error));
        }
        out.close();

        QBuffer in(&data);
        in.open(QIODevice::ReadOnly);
        TaggedReader reader(&in, format);
        for (const auto &expected : records) {
            const std::optional<Record> got = reader.next();
            QVERIFY2(got.has_value(), data.toPercentEncoding().constData());
            QVERIFY2(got->problems.isEmpty(),
                     got->problems.isEmpty() ? "" : qPrintable(got->problems.first().message));
            QCOMPARE(got->attributes.size(), expected.size());
            for (int i = 0; i < expected.size(); ++i) {
                QCOMPARE(got->attributes[i].name, expected[i].name);
                QCOMPARE(got->attributes[i].value, expected[i].value);
            }
        }
        QVERIFY(!reader.next().has_value());
    }
}

// The export formats rows (names and values side by side, NULL as nothing) on its own hot path, and checks
// rows with canWrite() without formatting them: both must agree with the record writer, byte for byte and
// message for message, for values long and short (the escaping works on eight units at a time away from
// the ends, on slices of 16384 units, and a value over 65536 units takes the line-by-line way).
void TestRoundTrip::exportRowsLikeRecords()
{
    const DataFormat format = rowFormat();
    QRandomGenerator rng(20261202u + uint(int(format.encoding) * 10 + format.eightBit * 2) + uint(format.recordSeparator.size()));
    const TaggedWriter writer(nullptr, format);
    const QStringList writable{"EID", "GN", "#x", "a:b", "row"};
    // Names the file cannot take: U+20AC in ISO-8859-1, an empty name in either.
    const QStringList unwritableNames{"EID", "N\u20AC", "", "GN", "T"};
    int unwritable = 0;
    for (int round = 0; round < 400; ++round) {
        const QStringList &names = round % 10 == 9 ? unwritableNames : writable;
        std::vector<std::optional<QString>> row;
        QList<Attribute> attrs;
        for (const QString &name : names) {
            std::optional<QString> v;
            if (rng.bounded(6) != 0) {
                // Unicode beyond ISO-8859-1 now and then even for it: such rows cannot be written.
                const bool wide = format.encoding == config::Encoding::Utf8 || rng.bounded(20) == 0;
                v = randomValue(rng, wide ? config::Encoding::Utf8 : config::Encoding::Latin1, round % 7 == 0 ? 60 : 12,
                                rng.bounded(10) == 0);
                if (round == 5)
                    *v = QString(16383, QLatin1Char('a')) + QStringLiteral("\U0001F600 tail") + *v;  // a pair on a slice edge
                if (round == 6)
                    *v = QString(70000, QLatin1Char(' ')) + *v;  // over 65536 units
            }
            row.push_back(v);
            attrs.append({name, v.value_or(QString()), 0});
        }
        QString recordError;
        const std::optional<QByteArray> expected = writer.formatBody(attrs, &recordError);
        QByteArray got("prefix");
        QString rowError;
        const bool ok = writer.appendBody(got, names, row, &rowError);
        QString checkError;
        QCOMPARE(writer.canWrite(names, row, &checkError), expected.has_value());
        QCOMPARE(ok, expected.has_value());
        if (!ok) {
            ++unwritable;
            QCOMPARE(rowError, recordError);
            QCOMPARE(checkError, recordError);
            continue;
        }
        QCOMPARE(got, "prefix" + *expected);
    }
    if (format.encoding == config::Encoding::Latin1)
        QVERIFY(unwritable > 0);  // the failing side was exercised too
}

namespace {

// ASCII text biased towards what escaping looks at: blanks (at the ends, where they are escaped, and
// inside), backslashes, control characters, DEL, and runs of plain letters of every length around the 8-
// and 16-byte steps of the fast path.
QByteArray randomAscii(QRandomGenerator &rng)
{
    static const char specials[] = {' ', '\\', '\t', '\x01', '\x7f', '\n', ':', '#', '\0', '\x1f', '~', '!'};
    QByteArray v;
    const int n = int(rng.bounded(rng.bounded(4) == 0 ? 80 : 24));
    for (int i = 0; i < n; ++i)
        v += rng.bounded(5) == 0 ? specials[rng.bounded(int(sizeof specials))] : char('a' + rng.bounded(26));
    return v;
}

}  // namespace

// Rows read without decoding (packed PostgreSQL rows, as UTF-8 bytes) are formatted from their bytes: the
// same bytes and messages as the row of decoded strings, for ASCII of every length, any text, bytes that
// are not UTF-8, empty and NULL values, KeepEmptyStrings, long values, and a writer that formats rows of
// another list of names in between (its names' forms by position change).
void TestRoundTrip::utf8RowsLikeRows()
{
    DataFormat format = rowFormat();
    QRandomGenerator rng(20261207u + uint(int(format.encoding) * 10 + format.eightBit * 2) + uint(format.recordSeparator.size()));
    qInfo("seed %u", 20261207u + uint(int(format.encoding) * 10 + format.eightBit * 2) + uint(format.recordSeparator.size()));
    const QStringList names{"EID", "GN", "#x", "a:b", "row", "T"};
    const QStringList others{"ChangeType", "SN"};
    const QStringList unwritableNames{"EID", "N\u20AC", ""};  // U+20AC: not in ISO-8859-1; "": in no encoding
    int viaBytes = 0;
    int unwritable = 0;
    for (const bool keep : {false, true}) {
        format.keepEmptyStrings = keep;
        const TaggedWriter writer(nullptr, format);
        for (int round = 0; round < 1500; ++round) {
            const QStringList &list = round % 5 == 4 ? others : round % 11 == 10 ? unwritableNames : names;
            std::vector<QByteArray> bytes(size_t(list.size()));
            std::vector<std::optional<QByteArrayView>> views;
            std::vector<std::optional<QString>> row;
            bool ascii = true;
            for (size_t i = 0; i < bytes.size(); ++i) {
                const int kind = int(rng.bounded(16));
                if (kind == 0) {
                    views.push_back(std::nullopt);
                    row.push_back(std::nullopt);
                    continue;
                }
                if (kind == 1)
                    bytes[i] = QByteArray("");
                else if (kind == 2)
                    bytes[i] = randomValue(rng, config::Encoding::Utf8, 12, rng.bounded(4) == 0).toUtf8();
                else if (kind == 3)
                    bytes[i] = randomValue(rng, config::Encoding::Latin1).toUtf8();
                else if (kind == 4)
                    for (int k = int(rng.bounded(12)); k > 0; --k)
                        bytes[i] += char(rng.bounded(256));  // mostly not UTF-8
                else
                    bytes[i] = randomAscii(rng);
                if (round == 7 && i == 1)
                    bytes[i] = QByteArray(70000, 'x') + bytes[i];  // over 65536 bytes: line by line
                if (round == 8 && i == 2)
                    bytes[i] = QByteArray(16383, 'a') + "\xf0\x9f\x98\x80" + bytes[i];
                for (const char c : bytes[i])
                    ascii = ascii && uchar(c) < 0x80;
                views.emplace_back(bytes[i]);
                bool ok = true;
                row.push_back(decodeBytes(bytes[i], config::Encoding::Utf8, &ok));  // as BlockFetch decodes
            }
            viaBytes += ascii;
            QString utf8Error;
            QByteArray got("prefix");
            const bool ok = writer.appendBody(got, list, views, &utf8Error);
            QString rowError;
            QByteArray expected("prefix");
            const bool expectedOk = writer.appendBody(expected, list, row, &rowError);
            if (round % 7 == 3)  // a delta's change line in between (another name at position 0)
                QVERIFY(writer.formatBody({{"ChangeType", "add", 0}}).has_value());
            QCOMPARE(ok, expectedOk);
            if (!ok) {
                ++unwritable;
                QCOMPARE(utf8Error, rowError);
                QCOMPARE(got, QByteArray("prefix"));
                continue;
            }
            QCOMPARE(got, expected);
        }
    }
    QVERIFY(viaBytes > 100);  // rows that never left the fast path
    if (format.encoding == config::Encoding::Latin1)
        QVERIFY(unwritable > 0);
}

// KeepEmptyStrings (ours): an empty string is written as \E and read back as one, NULL stays the manual's
// empty value; without the option \E is an invalid escape (a file made with it is never read as text "E").
void TestRoundTrip::emptyStringsKept()
{
    const QStringList names{"N", "E", "V", "L"};
    const std::vector<std::optional<QString>> row{std::nullopt, QString(""), QStringLiteral("\\E"), QString(70000, 'x')};
    for (const bool keep : {false, true}) {
        DataFormat format;
        format.encoding = config::Encoding::Utf8;
        format.keepEmptyStrings = keep;
        const TaggedWriter writer(nullptr, format);
        QByteArray fast;
        QVERIFY(writer.appendBody(fast, names, {row[0], row[1], row[2]}));
        QCOMPARE(fast, keep ? QByteArray("N:\nE: \\E\nV: \\\\E\n") : QByteArray("N:\nE:\nV: \\\\E\n"));
        QByteArray body;
        QVERIFY(writer.appendBody(body, names, row));  // a value over 64k units: the line-by-line way
        QVERIFY(body.startsWith(fast));
        QBuffer buffer;
        buffer.setData(writer.separatorLine() + body + "\n");
        buffer.open(QIODevice::ReadOnly);
        TaggedReader reader(&buffer, format);
        const std::optional<Record> r = reader.next();
        QVERIFY(r);
        QVERIFY(r->problems.isEmpty());
        QCOMPARE(r->attributes.size(), 4);
        QCOMPARE(r->attributes.at(0).value, QString());
        QVERIFY(!r->attributes.at(0).emptyString);
        QCOMPARE(r->attributes.at(1).value, QString());
        QCOMPARE(r->attributes.at(1).emptyString, keep);
        QCOMPARE(r->attributes.at(2).value, QStringLiteral("\\E"));
        QVERIFY(!r->attributes.at(2).emptyString);
        QCOMPARE(r->attributes.at(3).value.size(), 70000);
        // The record as attributes writes the same bytes.
        QCOMPARE(writer.formatBody(r->attributes).value_or("?"), body);
    }
    DataFormat manual;
    QBuffer buffer;
    buffer.setData("row:\nE: \\E\n\n");
    buffer.open(QIODevice::ReadOnly);
    TaggedReader reader(&buffer, manual);
    const std::optional<Record> r = reader.next();
    QVERIFY(r);
    QCOMPARE(r->problems.size(), 1);
    QVERIFY2(r->problems.first().message.contains("invalid escape \\E"), qPrintable(r->problems.first().message));
}

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
