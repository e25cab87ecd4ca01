// The pure parts of syncs, schedules and the journal: cron expressions (matching, next time, systemd's
// calendar form), --every / --daily, the sync file's parser, and the command line as the journal shows it.
#include "journal/RunRecorder.h"
#include "schedule/Schedule.h"
#include "sync/SyncFile.h"

#include <QTest>

using namespace oas;

class TestSchedule : public QObject {
    Q_OBJECT
private slots:
    void nextCronTime_data();
    void nextCronTime();
    void cronErrors_data();
    void cronErrors();
    void calendarForms();
    void everyAndDaily();
    void syncFileDefaults();
    void maskedCommandLine_data();
    void maskedCommandLine();
};

void TestSchedule::nextCronTime_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("next");
    QTest::newRow("every 15") << "*/15 * * * *" << "2026-12-07 09:14" << "2026-12-07 09:15";
    QTest::newRow("on the mark") << "*/15 * * * *" << "2026-12-07 09:15" << "2026-12-07 09:30";
    QTest::newRow("daily") << "30 2 * * *" << "2026-12-07 09:14" << "2026-12-08 02:30";
    QTest::newRow("weekdays") << "0 6 * * 1-5" << "2026-12-11 07:00" << "2026-12-14 06:00";  // Friday -> Monday
    QTest::newRow("sunday as 7") << "0 0 * * 7" << "2026-12-07 00:00" << "2026-12-13 00:00";
    QTest::newRow("names") << "0 12 * jan mon" << "2026-12-07 00:00" << "2027-01-04 12:00";
    QTest::newRow("dom or dow") << "0 0 1 * 1" << "2026-12-02 00:00" << "2026-12-07 00:00";  // either matches
    QTest::newRow("leap day") << "0 0 29 2 *" << "2026-03-01 00:00" << "2028-02-29 00:00";
}

void TestSchedule::nextCronTime()
{
    QFETCH(QString, cron);
    QFETCH(QString, from);
    QFETCH(QString, next);
    const QDateTime start = QDateTime::fromString(from, QStringLiteral("yyyy-MM-dd HH:mm"));
    const auto t = schedule::nextCronTime(cron, start);
    if (next == QLatin1String("2028-02-29 00:00")) {  // beyond the 366 days looked at
        QVERIFY(!t);
        return;
    }
    QVERIFY(t);
    QCOMPARE(t->toString(QStringLiteral("yyyy-MM-dd HH:mm")), next);
}

void TestSchedule::cronErrors_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<QString>("message");
    QTest::newRow("four fields") << "* * * *" << "has five fields";
    QTest::newRow("minute 60") << "60 * * * *" << "invalid value in the minute field: 60 (0-59)";
    QTest::newRow("range") << "* 5-2 * * *" << "invalid range in the hour field: 5-2";
    QTest::newRow("step") << "*/0 * * * *" << "invalid step in the minute field";
    QTest::newRow("name") << "* * * foo *" << "invalid value in the month field: foo";
}

void TestSchedule::cronErrors()
{
    QFETCH(QString, cron);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!schedule::parseCron(cron, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestSchedule::calendarForms()
{
    QString error;
    const auto daily = schedule::parseDaily(QStringLiteral("2:05"), &error);
    QVERIFY(daily);
    QCOMPARE(*schedule::onCalendar(*daily, &error), QStringLiteral("*-*-* 02:05:00"));
    const auto cron = schedule::parseCron(QStringLiteral("0,30 8-10 1 1,7 *"), &error);
    QCOMPARE(*schedule::onCalendar(*cron, &error), QStringLiteral("*-01,07-01 08,09,10:00,30:00"));
    const auto both = schedule::parseCron(QStringLiteral("0 0 1 * 1"), &error);
    QVERIFY(both);
    QVERIFY(!schedule::onCalendar(*both, &error));
    QCOMPARE(*schedule::cronExpression(*schedule::parseEvery(QStringLiteral("6h"), &error), &error), QStringLiteral("0 */6 * * *"));
    QCOMPARE(schedule::parseEvery(QStringLiteral("6h"), &error)->spec(), QStringLiteral("--every 6h"));
}

void TestSchedule::everyAndDaily()
{
    QString error;
    for (const char *bad : {"7m", "0m", "5h", "48h", "15", "m"})
        QVERIFY2(!schedule::parseEvery(QString::fromLatin1(bad), &error), bad);
    for (const char *good : {"1m", "15m", "30min", "60m", "2h", "24h"})
        QVERIFY2(schedule::parseEvery(QString::fromLatin1(good), &error), good);
    QVERIFY(!schedule::parseDaily(QStringLiteral("25:00"), &error));
    QVERIFY(!schedule::parseDaily(QStringLiteral("noon"), &error));
}

void TestSchedule::syncFileDefaults()
{
    const sync::SyncDefinition def = sync::parseSyncText(QStringLiteral("/x/nightly.sync"),
        "[sync]\nMaxDeletes=100\n[step out]\nKind=export\nConfig=a.ini\nMode=full\n"
        "[step in]\nKind=import\nConfig=b.ini\nInput=@out\nMaxDeletePercent=10\nOnWarnings=stop\n"
        "[step fire]\nKind=pair\nPairs=dialer\nInput=@out\nOnError=continue\nDeleteGuard=off\n");
    QVERIFY2(def.ok(), def.problems.isEmpty() ? "" : qPrintable(def.problems.first().message));
    QCOMPARE(def.name, QStringLiteral("nightly"));
    QCOMPARE(def.folder, QStringLiteral("/x"));
    QCOMPARE(def.steps.size(), 3);
    QCOMPARE(def.steps[0].output, QStringLiteral("out.txt"));
    QVERIFY(def.steps[0].fullExport);
    QCOMPARE(def.steps[1].guard.maxDeletes, 100);  // from [sync]
    QCOMPARE(def.steps[1].guard.maxDeletePercent, 10);  // its own
    QVERIFY(def.steps[1].stopOnError && def.steps[1].stopOnWarnings);
    QCOMPARE(def.steps[2].config, QStringLiteral("odbcsync"));
    QVERIFY(!def.steps[2].guard.on && !def.steps[2].stopOnError);
    const sync::SyncDefinition empty = sync::parseSyncText(QStringLiteral("e.sync"), "[sync]\n");
    QCOMPARE(empty.problems.size(), 1);
    QVERIFY(empty.problems.first().message.contains(QStringLiteral("no steps")));
    QVERIFY(!sync::parseSyncText(QStringLiteral("z.sync"), QByteArray("[sync]\0\n", 8)).ok());
}

void TestSchedule::maskedCommandLine_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("shown");
    QTest::newRow("-p value") << QStringList{"-f", "a.ini", "-p", "s3cret"} << "X -f a.ini -p ***";
    QTest::newRow("-pvalue") << QStringList{"-ps3cret", "-n", "bob"} << "X -p*** -n bob";
    QTest::newRow("--password") << QStringList{"--password", "s3cret"} << "X --password ***";
    QTest::newRow("PWD= in a string") << QStringList{"DRIVER={X};UID=a;PWD=s3cret;DB=d"} << "X 'DRIVER={X};UID=a;PWD=***;DB=d'";
    QTest::newRow("blanks quoted") << QStringList{"-f", "my file.ini"} << "X -f 'my file.ini'";
}

void TestSchedule::maskedCommandLine()
{
    QFETCH(QStringList, args);
    QFETCH(QString, shown);
    QCOMPARE(journal::maskedCommandLine(QStringLiteral("X"), args), shown);
}

QTEST_GUILESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
