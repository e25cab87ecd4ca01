// Sync jobs through the real programs (docs/sync.md): a source table in SQLite synchronised into a target
// on every backend by `odbc-agent sync`; a failing step stops the next; 0x3C rules; the delete guard and its
// one-time override; a dry run that keeps nothing and predicts the real run's counts exactly.
#include "SyncFixture.h"

using namespace oas;

class TestSync : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QCoreApplication::setApplicationName(QStringLiteral("tst_sync")); }
    void syncKeepsTargetEqual_data() { test::addBackendRows(); }
    void syncKeepsTargetEqual();
    void dryRunKeepsNothing_data() { test::addBackendRows(); }
    void dryRunKeepsNothing();
    void deleteGuard_data() { test::addBackendRows(); }
    void deleteGuard();
    void failingStepStops_data();
    void failingStepStops();
    void warningsRule_data();
    void warningsRule();
    void syncFileProblems();
};

void TestSync::syncKeepsTargetEqual()
{
    QFETCH(QString, backend);
    test::SyncWorld w;
    w.create(backend, 30);
    test::ProgramRun r = w.sync();
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(w.targetRows(), w.sourceRows());
    QVERIFY(w.changeSource(QStringLiteral("UPDATE %1 SET name = 'changed' WHERE id IN (3, 4)")));
    QVERIFY(w.changeSource(QStringLiteral("DELETE FROM %1 WHERE id = 5")));
    QVERIFY(w.changeSource(QStringLiteral("INSERT INTO %1 VALUES (31, 'new', 1)")));
    r = w.sync();
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(w.targetRows(), w.sourceRows());
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("import\\s+import\\s+done\\s+4\\s+1\\s+2\\s+0\\s+1\\s+0"))), qPrintable(r.out));

    // The journal: the sync and each step, the steps named with the sync.
    const QJsonArray runs = w.runs({QStringLiteral("--sync"), QStringLiteral("test")});
    QCOMPARE(runs.size(), 6);
    const QJsonObject sync = runs.at(2).toObject(), exp = runs.at(1).toObject(), imp = runs.at(0).toObject();
    QCOMPARE(sync.value("kind").toString(), QStringLiteral("sync"));
    QCOMPARE(exp.value("kind").toString(), QStringLiteral("export"));
    QCOMPARE(exp.value("step").toString(), QStringLiteral("export"));
    QCOMPARE(imp.value("step").toString(), QStringLiteral("import"));
    QCOMPARE(imp.value("state").toString(), QStringLiteral("succeeded"));
    const QJsonObject c = imp.value("counts").toObject();
    QCOMPARE(c.value("created").toInt(), 1);
    QCOMPARE(c.value("updated").toInt(), 2);
    QCOMPARE(c.value("deleted").toInt(), 1);
    QCOMPARE(c.value("read").toInt(), 4);
    QCOMPARE(sync.value("counts").toObject().value("deleted").toInt(), 1);
    QCOMPARE(imp.value("files").toObject().value("data").toString(), w.path("delta.txt"));
}

void TestSync::dryRunKeepsNothing()
{
    QFETCH(QString, backend);
    test::SyncWorld w;
    w.create(backend, 40);
    QCOMPARE(w.sync().exitCode, 0);
    QVERIFY(w.changeSource(QStringLiteral("UPDATE %1 SET n = n + 1 WHERE id <= 6")));
    QVERIFY(w.changeSource(QStringLiteral("DELETE FROM %1 WHERE id IN (7, 8, 9)")));
    QVERIFY(w.changeSource(QStringLiteral("INSERT INTO %1 VALUES (41, 'new 41', 1), (42, 'new 42', 2)")));
    // A row the target already has under another name: its add fails (a warning, 0x3C), in both runs.
    QVERIFY(test::Sql(w.target).exec(QStringLiteral("INSERT INTO %1 VALUES (42, 'already', 0)").arg(w.table)));

    const QStringList targetBefore = w.targetRows();
    const auto filesBefore = test::SyncWorld::snapshot(w.dir->path());
    const test::ProgramRun dry = w.sync({QStringLiteral("--dry-run")});
    QVERIFY2(dry.exitCode == 0x3C, qPrintable(dry.out + dry.err));
    QCOMPARE(w.targetRows(), targetBefore);
    // The journal and the lock files (which name the last run holding them) are not the sync's data.
    const auto dataFiles = [](QMap<QString, QByteArray> files) {
        for (const QString &name : files.keys()) {
            if (name.startsWith(QLatin1String("journal/")) || name.endsWith(QLatin1String(".lock")))
                files.remove(name);
        }
        return files;
    };
    const auto filesAfter = dataFiles(test::SyncWorld::snapshot(w.dir->path()));
    const auto before = dataFiles(filesBefore);
    QCOMPARE(filesAfter.keys(), before.keys());
    for (const QString &name : before.keys())
        QVERIFY2(filesAfter.value(name) == before.value(name), qPrintable(name + " changed in a dry run"));

    const QJsonArray dryRuns = w.runs({QStringLiteral("--sync"), QStringLiteral("test"), QStringLiteral("--limit"), QStringLiteral("2")});
    const test::ProgramRun real = w.sync();
    QCOMPARE(real.exitCode, 0x3C);
    const QJsonArray realRuns = w.runs({QStringLiteral("--sync"), QStringLiteral("test"), QStringLiteral("--limit"), QStringLiteral("2")});
    for (int i = 0; i < 2; ++i) {
        QVERIFY(dryRuns.at(i).toObject().value("dry_run").toBool());
        QVERIFY(!realRuns.at(i).toObject().value("dry_run").toBool());
        QCOMPARE(dryRuns.at(i).toObject().value("counts").toObject(), realRuns.at(i).toObject().value("counts").toObject());
        QCOMPARE(dryRuns.at(i).toObject().value("exit_code").toInt(), realRuns.at(i).toObject().value("exit_code").toInt());
    }
    const QJsonObject imported = realRuns.at(0).toObject().value("counts").toObject();
    QCOMPARE(imported.value("created").toInt(), 1);
    QCOMPARE(imported.value("updated").toInt(), 6);
    QCOMPARE(imported.value("deleted").toInt(), 3);
    QCOMPARE(imported.value("errors").toInt(), 1);
    // The printed prediction is the real run's table.
    const auto table = [](const QString &out) { return out.mid(out.indexOf(QLatin1String("step              kind"))); };
    QCOMPARE(table(dry.out).section(QLatin1Char('\n'), 0, 2), table(real.out).section(QLatin1Char('\n'), 0, 2));
}

void TestSync::deleteGuard()
{
    QFETCH(QString, backend);
    test::SyncWorld w;
    w.create(backend, 20);
    QCOMPARE(w.sync().exitCode, 0);
    // 12 of 20 rows deleted at the source: 60% of the target, more than half of a table of 10 rows or more.
    QVERIFY(w.changeSource(QStringLiteral("DELETE FROM %1 WHERE id <= 12")));
    const QByteArray configBefore = test::readAll(w.path("export.ini"));
    const QStringList refsBefore = QDir(w.path("refs")).entryList(QDir::Files);
    test::ProgramRun r = w.sync();
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("12 deletes of the target's 20 rows (60%), more than MaxDeletePercent=50")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("odbc-agent sync test.sync --allow-deletes 12")), qPrintable(r.err));
    QCOMPARE(w.targetRows().size(), 20);
    // The export's new reference is taken back: the next run exports the same deletes again.
    QCOMPARE(test::readAll(w.path("export.ini")), configBefore);
    QCOMPARE(QDir(w.path("refs")).entryList(QDir::Files), refsBefore);
    r = w.sync();
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(w.targetRows().size(), 20);
    // An override below the count does not let it through; the count does, once.
    QCOMPARE(w.sync({QStringLiteral("--allow-deletes"), QStringLiteral("11")}).exitCode, 1);
    r = w.sync({QStringLiteral("--allow-deletes"), QStringLiteral("12")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(w.targetRows(), w.sourceRows());
    QCOMPARE(w.targetRows().size(), 8);

    // An empty source (a truncated export) never empties the target; the count rule on its own too.
    QVERIFY(w.changeSource(QStringLiteral("DELETE FROM %1")));
    r = w.sync();
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("8 deletes: every row of the target (8 rows) would be deleted")), qPrintable(r.err));
    QCOMPARE(w.targetRows().size(), 8);
    test::SyncWorld::write(w.path("test.sync"), QString::fromUtf8(test::readAll(w.path("test.sync"))).replace("Name=test\n", "Name=test\nMaxDeletes=3\nMinRows=100\n"));
    r = w.sync();
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("8 deletes, more than MaxDeletes=3")), qPrintable(r.err));
    QCOMPARE(w.targetRows().size(), 8);
}

void TestSync::failingStepStops_data()
{
    QTest::addColumn<QString>("onError");
    QTest::addColumn<bool>("secondRuns");
    QTest::newRow("stop") << "stop" << false;
    QTest::newRow("continue") << "continue" << true;
}

void TestSync::failingStepStops()
{
    QFETCH(QString, onError);
    QFETCH(bool, secondRuns);
    test::SyncWorld w;
    // Step one imports a file that is not there (exit 1); step two is a full export.
    w.create(QStringLiteral("sqlite"), 5, QStringLiteral("[step first]\nKind=import\nConfig=import.ini\nInput=missing.txt\nOnError=%1\n"
                                                         "[step second]\nKind=export\nConfig=export.ini\nOutput=out.txt\n").arg(onError));
    const test::ProgramRun r = w.sync();
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(QFile::exists(w.path("out.txt")), secondRuns);
    QVERIFY2(r.out.contains(QRegularExpression(secondRuns ? QStringLiteral("second\\s+export\\s+done") : QStringLiteral("second\\s+export\\s+not run"))),
             qPrintable(r.out));
    const QJsonArray runs = w.runs();
    QCOMPARE(runs.size(), secondRuns ? 3 : 2);
    const QJsonObject sync = runs.at(runs.size() - 1).toObject();
    QCOMPARE(sync.value("state").toString(), QStringLiteral("failed"));
    QVERIFY2(sync.value("first_error").toString().contains(QStringLiteral("step first: cannot open import data file for reading")),
             qPrintable(sync.value("first_error").toString()));
}

void TestSync::warningsRule_data()
{
    QTest::addColumn<QString>("onWarnings");
    QTest::addColumn<bool>("secondRuns");
    QTest::newRow("continue") << "continue" << true;
    QTest::newRow("stop") << "stop" << false;
}

void TestSync::warningsRule()
{
    QFETCH(QString, onWarnings);
    QFETCH(bool, secondRuns);
    test::SyncWorld w;
    w.create(QStringLiteral("sqlite"), 5, QStringLiteral("[step first]\nKind=import\nConfig=import.ini\nInput=in.txt\nOnWarnings=%1\n"
                                                         "[step second]\nKind=export\nConfig=export.ini\nOutput=out.txt\n").arg(onWarnings));
    // A modify of a row the target does not have, with no add: the record fails, the import ends with 0x3C.
    test::SyncWorld::write(w.path("in.txt"), QStringLiteral("row:\nChangeType: modify\nID: 99\nNAME: x\n"));
    QVERIFY(test::Sql(w.target).exec(QStringLiteral("INSERT INTO %1 VALUES (1, 'one', 1)").arg(w.table)));
    test::SyncWorld::write(w.path("import.ini"), QString::fromUtf8(test::readAll(w.path("import.ini"))) + "CreateIfAbsent=FALSE\n");
    const test::ProgramRun r = w.sync();
    QVERIFY2(r.exitCode == 0x3C, qPrintable(r.out + r.err));
    QCOMPARE(QFile::exists(w.path("out.txt")), secondRuns);
}

void TestSync::syncFileProblems()
{
    test::WorkDir dir;
    test::SyncWorld::write(dir.filePath("bad.sync"), QStringLiteral("[sync]\nMaxDeletes=lots\n[step a]\nKind=import\nConfig=x.ini\nInput=@b\n"
                                                                    "[step b]\nKind=export\nConfig=y.ini\nColour=blue\n[other]\n"));
    const test::ProgramRun r = test::runProgram(QStringLiteral("odbc-agent"), {QStringLiteral("validate"), QStringLiteral("bad.sync")}, dir.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("bad.sync:2: MaxDeletes takes a whole number")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("bad.sync:3: step a: Input=@b names no earlier step")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("bad.sync:10: unknown key Colour in a step")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("bad.sync:11: unknown section [other]")), qPrintable(r.out));
    const test::ProgramRun s = test::runProgram(QStringLiteral("odbc-agent"), {QStringLiteral("sync"), QStringLiteral("bad.sync")}, dir.path());
    QCOMPARE(s.exitCode, 1);
    QVERIFY2(s.err.contains(QStringLiteral("bad.sync:2: MaxDeletes")) && s.err.contains(QStringLiteral("not done")), qPrintable(s.err));
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
