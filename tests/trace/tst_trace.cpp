// Trace output: one file or rotating prefixNNN.txt files kept a little under MaxTraceFileSize, levels,
// flow lines, -v echo and delivery to the JobObserver.
#include "trace/Trace.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace oas;
using config::TraceLevel;

struct Recorder : run::JobObserver {
    QStringList lines;
    void traceLine(run::TraceKind kind, config::TraceLevel, const QString &text) override
    {
        lines << QStringLiteral("%1:%2").arg(int(kind)).arg(text);
    }
};

class TestTrace : public QObject {
    Q_OBJECT
private slots:
    void rotation();
    void singleFile();
    void levelsFlowEchoObserver();
};

void TestTrace::rotation()
{
    QTemporaryDir dir;
    const QString prefix = dir.filePath("imp_trace");
    trace::TraceFile file(prefix, 3, 1024);
    QVERIFY(file.open(nullptr));
    const QByteArray line = QByteArray(99, 'x') + '\n';  // 100 bytes
    for (int i = 0; i < 25; ++i)
        file.write(line);
    file.flush();
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), (QStringList{"imp_trace000.txt", "imp_trace001.txt", "imp_trace002.txt"}));
    for (const QString &f : QDir(dir.path()).entryList(QDir::Files)) {
        const qint64 size = QFileInfo(dir.filePath(f)).size();
        QVERIFY2(size <= 1024 - trace::TraceFile::Margin, qPrintable(QString::number(size)));
    }
    // 25 lines of 100 bytes, 7 per file (8 would pass 1024 - 256): 000, 001 and 002 get 7 each, then the
    // rotation wraps to 000, truncates it and writes the last 4 there.
    QCOMPARE(QFileInfo(prefix + "001.txt").size(), 700);
    QCOMPARE(QFileInfo(prefix + "002.txt").size(), 700);
    QCOMPARE(QFileInfo(prefix + "000.txt").size(), 400);
    QCOMPARE(file.currentPath(), prefix + "000.txt");
    // A new run continues the most recently written file.
    trace::TraceFile again(prefix, 3, 1024);
    QVERIFY(again.open(nullptr));
    QCOMPARE(again.currentPath(), prefix + "000.txt");
}

void TestTrace::singleFile()
{
    QTemporaryDir dir;
    trace::TraceFile file(dir.filePath("trace.txt"), 3, 1024);
    QVERIFY(file.open(nullptr));
    for (int i = 0; i < 30; ++i)
        file.write(QByteArray(99, 'y') + '\n');
    file.flush();
    QCOMPARE(QFileInfo(dir.filePath("trace.txt")).size(), 3000);  // one file: no rotation
    QString error;
    trace::TraceFile bad("/nonexistent/dir/t.txt", 3, 1024);
    QVERIFY(!bad.open(&error));
    QCOMPARE(error, QStringLiteral("cannot open trace file for writing\n/nonexistent/dir/t.txt"));
}

void TestTrace::levelsFlowEchoObserver()
{
    QTemporaryDir dir;
    QString echoed;
    QTextStream echo(&echoed);
    Recorder recorder;
    trace::Trace::Options o;
    o.toFile = true;
    o.fileName = dir.filePath("t.txt");
    o.levels = TraceLevel::Sql | TraceLevel::RefData;
    o.flow = 1;
    o.echo = &echo;
    o.observer = &recorder;
    {
        trace::Trace t(o);
        QVERIFY(t.open(nullptr));
        trace::FlowScope scope(t, "odbc_export");
        t.write(TraceLevel::Sql, "SELECT statement\nSELECT 1");
        t.write(TraceLevel::Summary, "not traced");
        t.error("SQLExecDirect failure\nstate=42S02");
        t.flush();
    }
    QFile f(dir.filePath("t.txt"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString expected = "entering odbc_export()\nSELECT statement\nSELECT 1\nSQLExecDirect failure\nstate=42S02\n"
                             "exiting odbc_export()\n";
    QCOMPARE(QString::fromUtf8(f.readAll()), expected);
    QCOMPARE(echoed, expected);
    QCOMPARE(recorder.lines, (QStringList{"1:entering odbc_export()", "2:SELECT statement\nSELECT 1",
                                          "0:SQLExecDirect failure\nstate=42S02", "1:exiting odbc_export()"}));
}

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_trace.moc"
