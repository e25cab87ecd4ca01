// The delta machinery without a database: key order per SortControl form, row hashes, reference files
// (round trip, damage detection, specification changes), the external sorter and the snapshot merge.
#include "exporter/delta/DeltaMerge.h"
#include "exporter/delta/ExternalSorter.h"
#include "exporter/delta/ReferenceFile.h"
#include "exporter/delta/RowHash.h"

#include <QRandomGenerator>

#include <algorithm>
#include <QTemporaryDir>
#include <QTest>

#include <xxhash.h>

using namespace oas;
using namespace oas::exporter::delta;
using config::SortForm;

static RefElement element(std::initializer_list<const char *> keys, const char *hash = "h", const char *saved = nullptr)
{
    RefElement e;
    for (const char *k : keys)
        e.keys.push_back(k ? std::optional<QString>(QString::fromUtf8(k)) : std::nullopt);
    e.hash = QByteArray(hash).leftJustified(8, '.');
    if (saved)
        e.saved.push_back(QString::fromUtf8(saved));
    return e;
}

class TestDeltaCore : public QObject {
    Q_OBJECT
private slots:
    void keyOrderForms_data();
    void keyOrderForms();
    void nullKeys();
    void rowHash();
    void referenceRoundTrip();
    void referenceDamageDetected();
    void specificationDifferences();
    void externalSortMatchesInMemory();
    void mergeProducesChanges();
    void keysEqualByRuleAreDistinct_data();
    void keysEqualByRuleAreDistinct();
};

void TestDeltaCore::keyOrderForms_data()
{
    QTest::addColumn<int>("form");
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");
    QTest::newRow("int numeric order") << int(SortForm::Integer) << "9" << "10" << -1;
    QTest::newRow("int leading zero equal") << int(SortForm::Integer) << "007" << "7" << 0;
    QTest::newRow("int negative") << int(SortForm::Integer) << "-5" << "3" << -1;
    QTest::newRow("int both negative") << int(SortForm::Integer) << "-12" << "-5" << -1;
    QTest::newRow("int longer is larger") << int(SortForm::Integer) << "123456789012" << "99" << 1;
    QTest::newRow("int mixed forms") << int(SortForm::Integer) << "007" << "10" << -1;
    QTest::newRow("int plus sign") << int(SortForm::Integer) << "+8" << "9" << -1;
    QTest::newRow("int not a number last") << int(SortForm::Integer) << "x" << "9" << 1;
    QTest::newRow("numeric right-justified (manual)") << int(SortForm::Numeric) << "39" << "0040" << -1;
    QTest::newRow("numeric same width") << int(SortForm::Numeric) << "0041" << "0040" << 1;
    QTest::newRow("case ignore equal") << int(SortForm::CaseIgnore) << "Smith" << "SMITH" << 0;
    QTest::newRow("case sensitive differ") << int(SortForm::CaseSensitive) << "Smith" << "SMITH" << 1;
}

void TestDeltaCore::keyOrderForms()
{
    QFETCH(int, form);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    const int c = KeyOrder::compareValue(SortForm(form), a, b);
    QCOMPARE(c < 0 ? -1 : c > 0 ? 1 : 0, expected);
}

void TestDeltaCore::nullKeys()
{
    const KeyOrder order({SortForm::CaseSensitive, SortForm::Integer});
    QVERIFY(order.compare(element({nullptr, "1"}).keys, element({"", "1"}).keys) < 0);
    QCOMPARE(order.compare(element({nullptr, "1"}).keys, element({nullptr, "1"}).keys), 0);
    QVERIFY(order.compare(element({"a", "2"}).keys, element({"a", "10"}).keys) < 0);
}

void TestDeltaCore::rowHash()
{
    using V = std::vector<std::optional<QString>>;
    const QByteArray h = oas::exporter::delta::rowHash(V{QString("a"), QString("b")}, 8);
    QCOMPARE(h.size(), 8);
    QCOMPARE(oas::exporter::delta::rowHash(V{QString("a"), QString("b")}, 16).left(8), h);  // truncation
    QVERIFY(oas::exporter::delta::rowHash(V{QString("ab"), QString("")}, 8) != h);   // no shifting between columns
    QVERIFY(oas::exporter::delta::rowHash(V{QString("a"), std::nullopt}, 8)
            != oas::exporter::delta::rowHash(V{QString("a"), QString("")}, 8));  // NULL is not ""
    QCOMPARE(oas::exporter::delta::rowHash(V{QString("a"), QString("b")}, 4).size(), 4);
    // The digests reference files already hold (made by the first implementation, which fed XXH3 piece by
    // piece): a faster hashing must give exactly these, or every row of an existing reference would look
    // modified.
    QCOMPARE(oas::exporter::delta::rowHash(V{QString("a"), QString("b")}, 16).toHex(), QByteArray("035b43e3d86c50ba53c3a208aa6bcb95"));
    QCOMPARE(oas::exporter::delta::rowHash(V{std::nullopt, QString(""), QString::fromUtf8("Zo\u00eb M\u00fcller \u20ac"),
                                             QString::fromUtf8("\U0001F600")}, 16).toHex(),
             QByteArray("08c8c35940d1f2123f3d6f2fa1187c87"));
    QCOMPARE(oas::exporter::delta::rowHash(V{QString(5000, 'x'), QString("1")}, 16).toHex(), QByteArray("1c26d71a10acaf53fe775098857918ae"));
    // Values of every length up to 80 units, alone and side by side (the canonical form is copied in pieces
    // sized by length): the digest of the canonical form laid out here one byte at a time.
    auto reference = [](const V &values) {
        QByteArray canonical;
        for (const auto &v : values) {
            if (!v) {
                canonical.append('\0');
                continue;
            }
            const quint32 n = quint32(v->size());
            canonical.append('\1');
            for (int shift = 0; shift < 32; shift += 8)
                canonical.append(char(n >> shift));
            for (const QChar c : *v) {
                canonical.append(char(c.unicode() & 0xFF));
                canonical.append(char(c.unicode() >> 8));
            }
        }
        XXH128_canonical_t digest;
        XXH128_canonicalFromHash(&digest, XXH3_128bits(canonical.constData(), size_t(canonical.size())));
        return QByteArray(reinterpret_cast<const char *>(digest.digest), 16);
    };
    for (int n = 0; n <= 80; ++n) {
        QString value;
        for (int i = 0; i < n; ++i)
            value.append(QChar(char16_t(0x41 + (i * 7 + n) % 26 + (i % 5 == 0 ? 0x100 : 0))));
        const V one{value};
        QCOMPARE(oas::exporter::delta::rowHash(one, 16), reference(one));
        const V several{value, std::nullopt, value.left(n / 2), QString(), value.right(n / 3)};
        QCOMPARE(oas::exporter::delta::rowHash(several, 16), reference(several));
    }
}

static ReferenceHeader header()
{
    ReferenceHeader h;
    h.timestamp = QDateTime(QDate(1999, 12, 22), QTime(16, 47, 42), Qt::UTC);
    h.hashSize = 8;
    h.selection = "Employees.FirstName, Employees.LastName";
    h.keys = "Employees.FirstName";
    h.from = "Employees";
    h.sortForms = {SortForm::CaseIgnore};
    h.savedColumns = {"Employees.LastName"};
    return h;
}

void TestDeltaCore::referenceRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("R9122200");
    ReferenceWriter w;
    QString error;
    QVERIFY(w.open(path, header(), &error));
    QVERIFY(w.append(element({"Andrew"}, "h1", "Fuller")));
    QVERIFY(w.append(element({nullptr}, "h2", "Null")));
    QVERIFY(w.append(element({"Zoë"}, "h3", "Müller")));
    QVERIFY(w.commit(&error));
    ReferenceReader r;
    QVERIFY2(r.open(path, &error), qPrintable(error));
    QCOMPARE(r.header().recordCount, 3);
    QCOMPARE(r.header().keyDataWidth, QString("Andrew").size());
    QCOMPARE(r.header().selection, header().selection);
    QCOMPARE(r.header().sortForms, header().sortForms);
    QCOMPARE(r.header().timestamp, header().timestamp);
    QVERIFY(r.header().describe().startsWith("reference info:\ntime-stamp=Wed Dec 22 16:47:42 1999\nrecord count=3\n"));
    RefElement e;
    QVERIFY(r.next(e));
    QCOMPARE(*e.keys[0], QStringLiteral("Andrew"));
    QCOMPARE(*e.saved[0], QStringLiteral("Fuller"));
    QVERIFY(r.next(e));
    QVERIFY(!e.keys[0]);
    QVERIFY(r.next(e));
    QCOMPARE(*e.saved[0], QStringLiteral("Müller"));
    QVERIFY(!r.next(e));

    // Many elements (written in blocks), keys in UTF-8 measured in bytes, a lone surrogate as '?'.
    const QString many = dir.filePath("R9122201");
    ReferenceWriter big;
    QVERIFY(big.open(many, header(), &error));
    const QString wide = QStringLiteral("\u20ac\u20ac\u20ac");  // 9 UTF-8 bytes
    for (int i = 0; i < 20000; ++i) {
        RefElement el = element({qPrintable(QString::number(i))}, "hash", "saved value of some length");
        if (i == 777)
            el.keys[0] = wide;
        if (i == 778)
            el.keys[0] = QStringLiteral("a") + QChar(0xD800);
        QVERIFY(big.append(el));
    }
    QVERIFY(big.commit(&error));
    ReferenceReader back;
    QVERIFY2(back.open(many, &error), qPrintable(error));
    QCOMPARE(back.header().recordCount, 20000);
    QCOMPARE(back.header().keyDataWidth, 9);
    for (int i = 0; i < 20000; ++i) {
        QVERIFY(back.next(e));
        QCOMPARE(*e.keys[0], i == 777 ? wide : i == 778 ? QStringLiteral("a?") : QString::number(i));
        QCOMPARE(*e.saved[0], QStringLiteral("saved value of some length"));
    }
    QVERIFY(!back.next(e));
}

void TestDeltaCore::referenceDamageDetected()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("R9122200");
    ReferenceWriter w;
    QString error;
    QVERIFY(w.open(path, header(), &error));
    for (int i = 0; i < 100; ++i)
        QVERIFY(w.append(element({qPrintable(QString::number(i))})));
    QVERIFY(w.commit(&error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray good = f.readAll();
    f.close();
    auto check = [&](const QByteArray &bytes, const char *why) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(bytes);
        out.close();
        ReferenceReader r;
        QString e;
        QVERIFY2(!r.open(path, &e), why);
        QVERIFY2(e.startsWith("reference file " + path + " is not usable: "), qPrintable(e));
    };
    check(good.left(good.size() / 2), "truncated");
    QByteArray flipped = good;
    flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x40);
    check(flipped, "one bit flipped");
    check("not a reference file at all, just some text", "text");
    check(QByteArray(), "empty");
    ReferenceWriter abandoned;
    QVERIFY(abandoned.open(dir.filePath("R9122201"), header(), &error));
    abandoned.append(element({"x"}));
    abandoned.abandon();
    QVERIFY(!QFile::exists(dir.filePath("R9122201")));  // never appears under its name
}

void TestDeltaCore::specificationDifferences()
{
    ReferenceHeader a = header();
    QCOMPARE(a.differenceFrom(header()), QString());
    ReferenceHeader b = header();
    b.where = "x > 1";
    QCOMPARE(a.differenceFrom(b), QStringLiteral("the Where field changed"));
    b = header();
    b.hashSize = 16;
    QCOMPARE(a.differenceFrom(b), QStringLiteral("DataHash changed"));
    b = header();
    b.sortForms = {SortForm::CaseSensitive};
    QCOMPARE(a.differenceFrom(b), QStringLiteral("the key sort order changed"));
    b = header();
    b.recordCount = 99;  // not part of the specification
    QCOMPARE(a.differenceFrom(b), QString());
}

void TestDeltaCore::externalSortMatchesInMemory()
{
    QTemporaryDir dir;
    const KeyOrder order({SortForm::Integer, SortForm::CaseIgnore});
    QRandomGenerator rng(42);
    std::vector<RefElement> all;
    for (int i = 0; i < 5000; ++i) {
        RefElement e = element({qPrintable(QString::number(rng.bounded(300))), qPrintable(QString::number(i))});
        e.dataOffset = i;
        e.dataLength = i * 2;
        all.push_back(e);
    }
    ExternalSorter small(order, 2, 8, 0, dir.path(), 20000);  // a tiny budget: many runs
    ExternalSorter big(order, 2, 8, 0, dir.path(), 1 << 30);
    QString error;
    for (const RefElement &e : all) {
        QVERIFY(small.add(e, &error));
        QVERIFY(big.add(e, &error));
    }
    QVERIFY(small.finish(&error));
    QVERIFY(big.finish(&error));
    QVERIFY(small.runCount() > 10);
    QCOMPARE(big.runCount(), 0);
    RefElement a;
    RefElement b;
    int n = 0;
    RefElement previous;
    while (big.next(b)) {
        QVERIFY(small.next(a));
        QCOMPARE(a.keys, b.keys);
        QCOMPARE(a.dataOffset, b.dataOffset);  // positions survive the run files
        QCOMPARE(a.dataLength, b.dataLength);
        if (n > 0)
            QVERIFY(order.compare(previous.keys, b.keys) <= 0);
        previous = b;
        ++n;
    }
    QVERIFY(!small.next(a));
    QCOMPARE(n, 5000);
}

void TestDeltaCore::mergeProducesChanges()
{
    const KeyOrder order({SortForm::Integer});
    std::vector<RefElement> oldList = {element({"1"}, "a"), element({"2"}, "b"), element({"3"}, "c"), element({"5"}, "e")};
    std::vector<RefElement> newList = {element({"1"}, "a"), element({"2"}, "B"), element({"4"}, "d"),
                                       element({"4"}, "dup"), element({"5"}, "e"), element({"6"}, "f")};
    size_t io = 0;
    size_t in = 0;
    QStringList events;
    QStringList kept;
    MergeHandlers h;
    h.nextOld = [&](RefElement &e) { return io < oldList.size() ? (e = oldList[io++], true) : false; };
    h.nextNew = [&](RefElement &e) { return in < newList.size() ? (e = newList[in++], true) : false; };
    h.change = [&](Change c, const RefElement &e) {
        events << QStringLiteral("%1:%2").arg(c == Change::Add ? "add" : c == Change::Modify ? "modify" : "delete", *e.keys[0]);
        return true;
    };
    h.keep = [&](const RefElement &e) {
        kept << *e.keys[0];
        return true;
    };
    QStringList duplicates;
    h.duplicate = [&](const RefElement &e) { duplicates << *e.keys[0]; };
    QVERIFY(mergeSnapshots(order, h));
    QCOMPARE(events, (QStringList{"modify:2", "delete:3", "add:4", "add:6"}));
    QCOMPARE(kept, (QStringList{"1", "2", "4", "5", "6"}));
    QCOMPARE(duplicates, QStringList{"4"});
}

// Keys that a matching rule calls equal are still two keys (DECISIONS.md 6): both exported, never a
// "duplicate", and a key changed only in case, blanks or leading zeros is a delete of the old + an add.
void TestDeltaCore::keysEqualByRuleAreDistinct_data()
{
    QTest::addColumn<int>("form");
    QTest::addColumn<QString>("oldKey");
    QTest::addColumn<QString>("newKey");
    QTest::newRow("case ignore, case") << int(SortForm::CaseIgnore) << "abc" << "ABC";
    QTest::newRow("numeric, blanks") << int(SortForm::Numeric) << "5" << " 5";
    QTest::newRow("integer, leading zeros") << int(SortForm::Integer) << "7" << "007";
    QTest::newRow("case ignore, trailing blank") << int(SortForm::CaseIgnore) << "x" << "x ";
}

void TestDeltaCore::keysEqualByRuleAreDistinct()
{
    QFETCH(int, form);
    QFETCH(QString, oldKey);
    QFETCH(QString, newKey);
    const KeyOrder order({SortForm(form), SortForm::Integer});
    const QByteArray o = oldKey.toUtf8();
    const QByteArray n = newKey.toUtf8();
    QVERIFY(order.compare(element({o.constData(), "1"}).keys, element({n.constData(), "1"}).keys) != 0);
    QCOMPARE(order.compare(element({o.constData(), "1"}).keys, element({o.constData(), "1"}).keys), 0);
    QVERIFY(order.compare(element({o.constData(), "1"}).keys, element({n.constData(), "1"}).keys)
            == -order.compare(element({n.constData(), "1"}).keys, element({o.constData(), "1"}).keys));

    auto merge = [&](std::vector<RefElement> oldList, std::vector<RefElement> newList, QStringList *events, QStringList *duplicates) {
        auto byOrder = [&](const RefElement &a, const RefElement &b) { return order.less(a, b); };
        std::sort(oldList.begin(), oldList.end(), byOrder);
        std::sort(newList.begin(), newList.end(), byOrder);
        size_t io = 0;
        size_t in = 0;
        MergeHandlers h;
        h.nextOld = [&](RefElement &e) { return io < oldList.size() ? (e = oldList[io++], true) : false; };
        h.nextNew = [&](RefElement &e) { return in < newList.size() ? (e = newList[in++], true) : false; };
        h.change = [&](Change c, const RefElement &e) {
            *events << QStringLiteral("%1:[%2]").arg(c == Change::Add ? "add" : c == Change::Modify ? "modify" : "delete", *e.keys[0]);
            return true;
        };
        h.keep = [](const RefElement &) { return true; };
        h.duplicate = [&](const RefElement &e) { *duplicates << *e.keys[0]; };
        return mergeSnapshots(order, h);
    };
    // The key changed only by the rule's blind spot: delete + add, not a modify.
    QStringList events;
    QStringList duplicates;
    QVERIFY(merge({element({o.constData(), "1"}, "h")}, {element({n.constData(), "1"}, "h")}, &events, &duplicates));
    events.sort();
    QCOMPARE(events, (QStringList{QStringLiteral("add:[%1]").arg(newKey), QStringLiteral("delete:[%1]").arg(oldKey)}));
    QVERIFY(duplicates.isEmpty());
    // Both keys in one table: two rows, both added, neither dropped as a duplicate.
    events.clear();
    QVERIFY(merge({}, {element({o.constData(), "1"}, "h"), element({n.constData(), "1"}, "h")}, &events, &duplicates));
    events.sort();
    QStringList both{QStringLiteral("add:[%1]").arg(newKey), QStringLiteral("add:[%1]").arg(oldKey)};
    both.sort();
    QCOMPARE(events, both);
    QVERIFY(duplicates.isEmpty());
}

QTEST_GUILESS_MAIN(TestDeltaCore)
#include "tst_delta_core.moc"
