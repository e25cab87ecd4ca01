// Property: for any values (any byte as ISO-8859-1, any code point as UTF-8), writing records and reading
// them back gives exactly the same names and values, with every separator and option combination.
#include "datafile/TaggedReader.h"
#include "datafile/TaggedWriter.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

using namespace oas;
using namespace oas::datafile;

namespace {

// Values biased towards the characters that matter: separators, comments, escapes, blanks, line ends.
QString randomValue(QRandomGenerator &rng, config::Encoding encoding)
{
    static const QStringList pieces = {"row:", "end:", "skip:", "#", "\\", "\\x", "\\\\", "\r", "\n", "\r\n",
                                       QString(QChar(0)), " ", "\t", ":", "\f", "ChangeType: add", "\\#"};
    QString v;
    const int n = int(rng.bounded(12));
    for (int i = 0; i < n; ++i) {
        const int kind = int(rng.bounded(4));
        if (kind == 0) {
            v += pieces.at(int(rng.bounded(qsizetype(pieces.size()))));
        } else if (kind == 1 || encoding == config::Encoding::Latin1) {
            v += QChar(char16_t(rng.bounded(256)));
        } else {
            char32_t cp = char32_t(rng.bounded(0x10FFFF));
            if (cp >= 0xD800 && cp <= 0xDFFF)
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

}  // namespace

class TestRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void property_data();
    void property();
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
    QFETCH(int, encoding);
    QFETCH(bool, eightBit);
    QFETCH(QString, separator);
    DataFormat format;
    format.encoding = encoding ? config::Encoding::Utf8 : config::Encoding::Latin1;
    format.eightBit = eightBit;
    format.recordSeparator = separator;
    QRandomGenerator rng(20261123u + uint(encoding * 10 + eightBit * 2) + uint(separator.size()));

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

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
