// A randomized property of the delta, through the built programs: rounds of random inserts, updates (to and
// from NULL, changes only in case or blanks), deletes and key changes (also only in case or blanks) on a
// table with a two-column key; after each round ODBCAgentExp's delta must hold exactly the changes computed
// from the table before and after (add / modify / delete per exact key), and a replica fed only by
// ODBCAgentImp with those deltas must equal the source, compared in SQL. Run with the default key order and
// with SortControl forms. The seed is printed on failure; OAS_SEED=n repeats a run.
#include "Backend.h"
#include "ProgramRun.h"
#include "common/TestSupport.h"
#include "datafile/TaggedReader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace oas;

namespace {

using Key = QPair<QString, qint64>;
using Values = QStringList;  // a, b, c as text, "\x01" for NULL

const QString kNull = QStringLiteral("\x01");

struct Table {
    QMap<Key, Values> rows;
};

}  // namespace

class TestDeltaProperty : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void rounds_data();
    void rounds();

private:
    Table read(test::Sql &sql, const QString &table);
    QString randomText(QRandomGenerator &rng, const QStringList &pool);
    bool mutate(test::Sql &sql, QRandomGenerator &rng, Table &now, QString *log);
    void writeConfigs(const test::Backend &b, const QString &sortControl);
    QStringList deltaChanges(const QByteArray &file, QString *problem);

    std::unique_ptr<test::WorkDir> m_dir;
    QString m_source;
    QString m_replica;
    bool m_mariadb = false;
};

void TestDeltaProperty::init()
{
    m_dir = std::make_unique<test::WorkDir>();
    QVERIFY(m_dir->dir.isValid());
    m_source = test::uniqueTable("dpsrc");
    m_replica = test::uniqueTable("dprep");
}

void TestDeltaProperty::cleanup()
{
    m_dir.reset();
}

void TestDeltaProperty::rounds_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("sortControl");  // empty: the default order for the columns' types
    for (const QString &b : test::backendNames()) {
        QTest::newRow(qPrintable(b + " default order")) << b << QString();
        QTest::newRow(qPrintable(b + " CI,Int")) << b << QStringLiteral("CI,Int");
        QTest::newRow(qPrintable(b + " CS,Num")) << b << QStringLiteral("CS,Num");
    }
}

Table TestDeltaProperty::read(test::Sql &sql, const QString &table)
{
    Table t;
    // Each value with a marker, so that NULL, '' and blanks stay apart through QODBC's text.
    // (MariaDB: || is OR, CONCAT joins.)
    const QString select = m_mariadb ? QStringLiteral("SELECT CONCAT('[', k1, ']'), k2, CASE WHEN a IS NULL THEN 'N' ELSE CONCAT('[', a, ']') END, "
                                                      "CASE WHEN b IS NULL THEN 'N' ELSE CONCAT('[', b, ']') END, "
                                                      "CASE WHEN c IS NULL THEN 'N' ELSE CONCAT('[', c, ']') END FROM %1")
                                     : QStringLiteral("SELECT '[' || k1 || ']', k2, CASE WHEN a IS NULL THEN 'N' ELSE '[' || a || ']' END, "
                                                      "CASE WHEN b IS NULL THEN 'N' ELSE '[' || CAST(b AS VARCHAR(20)) || ']' END, "
                                                      "CASE WHEN c IS NULL THEN 'N' ELSE '[' || c || ']' END FROM %1");
    for (const QString &line : sql.rows(select.arg(table))) {
        const QStringList f = line.split(QLatin1Char('|'));
        auto value = [](const QString &v) { return v == QLatin1String("N") ? kNull : v.mid(1, v.size() - 2); };
        t.rows.insert({value(f.value(0)), f.value(1).toLongLong()}, {value(f.value(2)), value(f.value(3)), value(f.value(4))});
    }
    return t;
}

QString TestDeltaProperty::randomText(QRandomGenerator &rng, const QStringList &pool)
{
    return pool.at(int(rng.bounded(quint32(pool.size()))));
}

// One random change, applied to the database and to `now`; false when the database refused it (a key that
// exists already), which changes nothing.
bool TestDeltaProperty::mutate(test::Sql &sql, QRandomGenerator &rng, Table &now, QString *log)
{
    // Keys and values that differ only in case, blanks or leading digits, and plain ones.
    static const QStringList keys{"abc", "ABC", "Abc", "abc ", " abc", "x", "X", "x y", "x  y", "Zoë", "ZOË", "k1", "K1", "007", "7"};
    static const QStringList texts{"Smith", "SMITH", "smith", "Smith ", " Smith", "a b", "a  b", "Müller", "MÜLLER", "x"};
    auto sqlValue = [](const QString &v) { return v == kNull ? QStringLiteral("NULL") : "'" + v + "'"; };
    auto randomValues = [&] {
        Values v;
        v << (rng.bounded(5) == 0 ? kNull : randomText(rng, texts));
        v << (rng.bounded(5) == 0 ? kNull : QString::number(int(rng.bounded(20)) - 5));
        v << (rng.bounded(5) == 0 ? kNull : randomText(rng, texts).left(4));
        return v;
    };
    const QList<Key> existing = now.rows.keys();
    const int kind = existing.isEmpty() ? 0 : int(rng.bounded(4));
    if (kind == 0) {  // insert
        const Key k{randomText(rng, keys), qint64(rng.bounded(3))};
        if (now.rows.contains(k))
            return false;
        const Values v = randomValues();
        if (!sql.exec(QStringLiteral("INSERT INTO %1 VALUES (%2, %3, %4, %5, %6)").arg(m_source, sqlValue(k.first)).arg(k.second)
                          .arg(sqlValue(v[0]), sqlValue(v[1]), sqlValue(v[2]))))
            return false;
        now.rows.insert(k, v);
        *log += QStringLiteral("insert [%1]/%2; ").arg(k.first).arg(k.second);
        return true;
    }
    const Key k = existing.at(int(rng.bounded(quint32(existing.size()))));
    const QString where = QStringLiteral("k1 = %1 AND k2 = %2").arg(sqlValue(k.first)).arg(k.second);
    if (kind == 1) {  // update one value: to or from NULL, or a case / blank variant
        const int column = int(rng.bounded(3));
        const QString value = randomValues().at(column);
        if (!sql.exec(QStringLiteral("UPDATE %1 SET %2 = %3 WHERE %4").arg(m_source, QString("abc").mid(column, 1), sqlValue(value), where)))
            return false;
        now.rows[k][column] = value;
        *log += QStringLiteral("update [%1]/%2; ").arg(k.first).arg(k.second);
        return true;
    }
    if (kind == 2) {  // delete
        if (!sql.exec(QStringLiteral("DELETE FROM %1 WHERE %2").arg(m_source, where)))
            return false;
        now.rows.remove(k);
        *log += QStringLiteral("delete [%1]/%2; ").arg(k.first).arg(k.second);
        return true;
    }
    // A key change, often only in case or blanks.
    const Key to{randomText(rng, keys), rng.bounded(4) == 0 ? qint64(rng.bounded(3)) : k.second};
    if (now.rows.contains(to))
        return false;
    if (!sql.exec(QStringLiteral("UPDATE %1 SET k1 = %2, k2 = %3 WHERE %4").arg(m_source, sqlValue(to.first)).arg(to.second).arg(where)))
        return false;
    now.rows.insert(to, now.rows.take(k));
    *log += QStringLiteral("rekey [%1]/%2 -> [%3]/%4; ").arg(k.first).arg(k.second).arg(to.first).arg(to.second);
    return true;
}

void TestDeltaProperty::writeConfigs(const test::Backend &b, const QString &sortControl)
{
    auto write = [&](const QString &name, const QString &table, const QString &section) {
        QFile f(m_dir->filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QStringLiteral("[version]\nVersion=1.06\n[attributes]\nK1=%1.k1\nK2=%1.k2\nA=%1.a\nB=%1.b\nC=%1.c\n"
                               "[database]\n%2\n%3[control]\nEncoding=UTF-8\nTraceLevel=Summary Stats Warnings\n")
                    .arg(table, b.fieldLines.join(QLatin1Char('\n')), section)
                    .toUtf8());
    };
    write(QStringLiteral("export.ini"), m_source,
          QStringLiteral("[export]\nMode=delta-or-full\nFrom=%1\nSelect=K1,K2,A,B,C\nKeys=K1,K2\nReferencePath=refs\n%2")
              .arg(m_source, sortControl.isEmpty() ? QString() : QStringLiteral("SortControl=%1\n").arg(sortControl)));
    write(QStringLiteral("import.ini"), m_replica, QStringLiteral("[import]\nTable=%1\nSelectBy=K1 & K2\nModify=A,B,C\n").arg(m_replica));
}

// The changes of a delta file as "add [k1]/k2" lines, sorted.
QStringList TestDeltaProperty::deltaChanges(const QByteArray &file, QString *problem)
{
    QBuffer buffer;
    buffer.setData(file);
    buffer.open(QIODevice::ReadOnly);
    datafile::DataFormat format;
    format.encoding = config::Encoding::Utf8;
    datafile::TaggedReader reader(&buffer, format);
    QStringList changes;
    while (const std::optional<datafile::Record> r = reader.next()) {
        if (!r->problems.isEmpty())
            *problem += QStringLiteral("unreadable record at line %1; ").arg(r->line);
        const datafile::Attribute *type = r->find(QStringLiteral("ChangeType"));
        const datafile::Attribute *k1 = r->find(QStringLiteral("K1"));
        const datafile::Attribute *k2 = r->find(QStringLiteral("K2"));
        changes.append(QStringLiteral("%1 [%2]/%3").arg(type ? type->value : QStringLiteral("full"), k1 ? k1->value : "?", k2 ? k2->value : "?"));
    }
    changes.sort();
    return changes;
}

void TestDeltaProperty::rounds()
{
    QFETCH(QString, backend);
    QFETCH(QString, sortControl);
    const quint32 seed = qEnvironmentVariableIsSet("OAS_SEED") ? quint32(qEnvironmentVariableIntValue("OAS_SEED"))
                                                                : QRandomGenerator::system()->generate();
    QRandomGenerator rng(seed);
    const QString context = QStringLiteral("seed %1 (OAS_SEED=%1 repeats it)").arg(seed);
    const test::Backend b = test::backendNamed(backend, m_dir->path());
    m_mariadb = b.isMariaDb();
    test::Sql sql(b);
    QVERIFY2(sql.ok(), qPrintable(sql.error()));
    for (const QString &t : {m_source, m_replica})
        QVERIFY2(sql.exec(QStringLiteral("CREATE TABLE %1 (k1 VARCHAR(10) NOT NULL, k2 INTEGER NOT NULL, a VARCHAR(20), b INTEGER, "
                                         "c VARCHAR(10), PRIMARY KEY (k1, k2))").arg(t)),
                 qPrintable(sql.error()));
    writeConfigs(b, sortControl);
    Table now;
    QString log;
    for (int i = 0; i < 25; ++i)
        mutate(sql, rng, now, &log);

    const int rounds = 12;
    for (int round = 0; round <= rounds; ++round) {
        Table before = now;
        log.clear();
        if (round > 0) {
            const int changes = 1 + int(rng.bounded(12));
            for (int i = 0; i < changes; ++i)
                mutate(sql, rng, now, &log);
        }
        const QString what = QStringLiteral("%1, round %2: %3").arg(context).arg(round).arg(log);
        QCOMPARE(read(sql, m_source).rows, now.rows);  // the model follows the table

        const QString out = QStringLiteral("delta%1.txt").arg(round);
        const test::ProgramRun exp = test::runProgram(QStringLiteral("ODBCAgentExp"), {"-f", "export.ini", "-o", out}, m_dir->path());
        QVERIFY2(exp.exitCode == 0, qPrintable(QStringLiteral("%1\nexport exit %2: %3%4").arg(what).arg(exp.exitCode).arg(exp.out, exp.err)));

        QStringList expected;
        if (round == 0) {
            for (auto it = now.rows.cbegin(); it != now.rows.cend(); ++it)
                expected.append(QStringLiteral("full [%1]/%2").arg(it.key().first).arg(it.key().second));
        } else {
            for (auto it = now.rows.cbegin(); it != now.rows.cend(); ++it) {
                if (!before.rows.contains(it.key()))
                    expected.append(QStringLiteral("add [%1]/%2").arg(it.key().first).arg(it.key().second));
                else if (before.rows.value(it.key()) != it.value())
                    expected.append(QStringLiteral("modify [%1]/%2").arg(it.key().first).arg(it.key().second));
            }
            for (auto it = before.rows.cbegin(); it != before.rows.cend(); ++it) {
                if (!now.rows.contains(it.key()))
                    expected.append(QStringLiteral("delete [%1]/%2").arg(it.key().first).arg(it.key().second));
            }
        }
        expected.sort();
        QString problem;
        const QStringList got = deltaChanges(test::readAll(m_dir->filePath(out)), &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(what + "\n" + problem));
        QVERIFY2(got == expected, qPrintable(QStringLiteral("%1\ndelta:    %2\nexpected: %3").arg(what, got.join(QLatin1String("; ")),
                                                                                              expected.join(QLatin1String("; ")))));

        const test::ProgramRun imp = test::runProgram(QStringLiteral("ODBCAgentImp"), {"-f", "import.ini", "-i", out}, m_dir->path());
        QVERIFY2(imp.exitCode == 0, qPrintable(QStringLiteral("%1\nimport exit %2: %3%4\n%5").arg(what).arg(imp.exitCode)
                                                   .arg(imp.out, imp.err, QString::fromUtf8(test::readAll(m_dir->filePath("except.txt"))))));
        const Table replica = read(sql, m_replica);
        QString diff;
        for (auto it = now.rows.cbegin(); it != now.rows.cend(); ++it) {
            if (replica.rows.value(it.key()) != it.value())
                diff += QStringLiteral("[%1]/%2: source %3, replica %4\n").arg(it.key().first).arg(it.key().second)
                            .arg(it.value().join(QLatin1Char('|')), replica.rows.contains(it.key()) ? replica.rows.value(it.key()).join(QLatin1Char('|')) : QStringLiteral("absent"));
        }
        for (auto it = replica.rows.cbegin(); it != replica.rows.cend(); ++it) {
            if (!now.rows.contains(it.key()))
                diff += QStringLiteral("[%1]/%2: only in the replica\n").arg(it.key().first).arg(it.key().second);
        }
        QVERIFY2(replica.rows == now.rows, qPrintable(QStringLiteral("%1\nthe replica differs from the source:\n%2delta:\n%3")
                                                          .arg(what, diff, QString::fromUtf8(test::readAll(m_dir->filePath(out))))));
        const QString differ = QStringLiteral("SELECT count(*) FROM (SELECT * FROM %1 EXCEPT SELECT * FROM %2) AS d");
        QCOMPARE(sql.rows(differ.arg(m_source, m_replica)), QStringList{"0"});
        QCOMPARE(sql.rows(differ.arg(m_replica, m_source)), QStringList{"0"});
    }
}

QTEST_GUILESS_MAIN(TestDeltaProperty)
#include "tst_delta_property.moc"
