// The Studio's pair editor and change-queue panel, offscreen, on SQLite: a pair opens from the workspace as
// a table and a form, validates live (an unknown type, a case mismatch against the real columns after
// "Test connection"), previews the three statements, saves both files, and fires for a data file's records
// through the run panel (rows in the target, the run's summary and trace); the queue panel lists the
// workspace's queue, refreshes it with and without a "since" date and shows rows and refresh times.
#include "MainWindow.h"
#include "StudioSupport.h"
#include "common/TestSupport.h"
#include "journal/RunJournal.h"
#include "pairs/PairEditor.h"
#include "queue/QueuePanel.h"
#include "run/RunPanel.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QComboBox>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace oas;
using oas::test::readAll;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QStringList query(const QString &db, const QString &sql)
{
    QStringList rows;
    {
        QSqlDatabase d = QSqlDatabase::addDatabase("QSQLITE", "q");
        d.setDatabaseName(db);
        if (d.open()) {
            QSqlQuery q(d);
            q.exec(sql);
            while (q.next()) {
                QStringList cells;
                for (int i = 0; i < q.record().count(); ++i)
                    cells.append(q.value(i).isNull() ? "NULL" : q.value(i).toString());
                rows.append(cells.join('|'));
            }
        }
    }
    QSqlDatabase::removeDatabase("q");
    return rows;
}

}  // namespace

class TestPairsQueue : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void pairEditor();
    void firePair();
    void queuePanel();

private:
    ui::PairEditor *openPair(ui::MainWindow &w);
    QTemporaryDir m_dir;
    QString m_ws;
};

void TestPairsQueue::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir.path());
    m_ws = m_dir.filePath("ws");
    QVERIFY(QDir().mkpath(m_ws + "/odbcsync"));
    const QString db = m_ws + "/target.db";
    {
        QSqlDatabase d = QSqlDatabase::addDatabase("QSQLITE", "setup");
        d.setDatabaseName(db);
        QVERIFY(d.open());
        QSqlQuery q(d);
        QVERIFY(q.exec("CREATE TABLE Customers(FileNo TEXT PRIMARY KEY, LastName TEXT, Balance NUMERIC)"));
        QVERIFY(q.exec("CREATE TABLE Shop(id INT PRIMARY KEY, name TEXT, modified TEXT)"));
        QVERIFY(q.exec("INSERT INTO Shop VALUES (1, 'a', '2024-01-01 10:00:00'), (2, 'b', '2024-01-02 10:00:00')"));
    }
    QSqlDatabase::removeDatabase("setup");
    QVERIFY(writeFile(m_ws + "/odbcsync/customers.csv", "ODBC Field Name,Field Code,ODBC Data Type\nFileNo,DFN,CHAR\n"
                                                       "lastname,NAME,CHAR\nBalance,BAL,STRING\n"));
    QVERIFY(writeFile(m_ws + "/odbcsync/customers.ini", QString("# the demo target\n[database]\nDRIVER=SQLite3\nDatabase=" + db
                                                                + "\n[target]\nTable=Customers\n").toUtf8()));
    QVERIFY(writeFile(m_ws + "/queue.ini", "[database]\nDRIVER=SQLite3\nDatabase=target.db\n[Shop]\nKey=id\nChanged=modified\n"));
    QVERIFY(writeFile(m_ws + "/accounts.txt", "DFN: 1001\nNAME: Ann\nBAL: 12.5\nrow:\nDFN: 1002\nNAME: Bob\nBAL: x\nrow:\nDFN: 1003\nNAME: Cy\n"));
}

ui::PairEditor *TestPairsQueue::openPair(ui::MainWindow &w)
{
    w.resize(1400, 900);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w) || !w.openWorkspace(m_ws) || !w.openFile(m_ws + "/odbcsync/customers.csv"))
        return nullptr;
    return w.findChild<ui::PairEditor *>();
}

void TestPairsQueue::pairEditor()
{
    ui::MainWindow w;
    ui::PairEditor *e = openPair(w);
    QVERIFY(e);
    // The file's problem is shown, and the preview has the three statements.
    QVERIFY2(e->problems().join('\n').contains("customers.csv line 4: unknown ODBC data type STRING for Balance, expected CHAR, "
                                               "TYPE_DATE, DECIMAL, NUMERIC"), qPrintable(e->problems().join('\n')));
    QCOMPARE(e->sqlPreview(), QString("-- insert\nINSERT INTO Customers (\"FileNo\", \"lastname\") VALUES (?, ?);\n"
                                      "-- update\nUPDATE Customers SET \"lastname\" = ? WHERE \"FileNo\" = ?;\n"
                                      "-- delete\nDELETE FROM Customers WHERE \"FileNo\" = ?;\n"));
    // Mend the type with the drop-down; the problem goes at the next validation.
    auto *table = e->findChild<QTableWidget *>();
    QVERIFY(table);
    auto *type = qobject_cast<QComboBox *>(table->cellWidget(2, 2));
    QVERIFY(type);
    type->setCurrentText("DECIMAL");
    QTRY_VERIFY_WITH_TIMEOUT(!e->problems().join('\n').contains("STRING"), 30000);
    QVERIFY(e->isModified());
    // Test connection saves, connects, and checks the names against the real columns.
    QSignalSpy tested(e, &ui::PairEditor::connectionTested);
    e->testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(tested.count() >= 1 && e->connectionResult().startsWith("connected"), 30000);
    QVERIFY2(e->problems().join('\n').contains("customers.csv line 3: the table Customers has no field lastname, but has LastName "
                                               "(target field names are case-sensitive)"), qPrintable(e->problems().join('\n')));
    QVERIFY(table->item(1, 0)->toolTip().contains("but has LastName"));
    QVERIFY(!e->isModified());
    QCOMPARE(QString::fromUtf8(readAll(m_ws + "/odbcsync/customers.csv")),
             QString("ODBC Field Name,Field Code,ODBC Data Type\nFileNo,DFN,CHAR\nlastname,NAME,CHAR\nBalance,BAL,DECIMAL\n"));
    QVERIFY(readAll(m_ws + "/odbcsync/customers.ini").startsWith("# the demo target\n[database]\nDRIVER=SQLite3\n"));
    // Mend the name; the key row is marked.
    table->item(1, 0)->setText("LastName");
    QTRY_VERIFY_WITH_TIMEOUT(!e->problems().join('\n').contains("case-sensitive"), 30000);
    QCOMPARE(table->verticalHeaderItem(0)->text(), QString("key"));
    QString error;
    QVERIFY2(e->save(&error), qPrintable(error));
    w.grab().save(QString(OAS_BUILD_DIR) + "/studio-pair-editor.png");
    // At 1024x700 the window keeps its size, and the Fire file field has room.
    w.resize(1024, 700);
    QTest::qWait(100);
    QCOMPARE(w.size(), QSize(1024, 700));
    w.grab().save(QString(OAS_BUILD_DIR) + "/screenshots/pair-editor-1024x700.png");
    auto *dataFile = e->findChild<QLineEdit *>("FireDataFile");
    QVERIFY(dataFile);
    QVERIFY2(dataFile->width() >= 150, qPrintable(QString::number(dataFile->width())));
}

void TestPairsQueue::firePair()
{
    ui::MainWindow w;
    ui::PairEditor *e = openPair(w);
    QVERIFY(e);
    // Named relative to the workspace, as the user sees it (not to the pairs folder).
    e->setFireInput("accounts.txt", "insert");
    QPushButton *fire = nullptr;
    for (QPushButton *b : e->findChildren<QPushButton *>()) {
        if (b->text() == "Fire")
            fire = b;
    }
    QVERIFY(fire);
    fire->click();
    ui::RunPanel *run = w.runPanel();
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning() && run->summary().contains("records read"), 60000);
    QVERIFY2(run->summary().contains("3 records read; customers: 2 inserted, 0 updated, 0 deleted, 1 failed"), qPrintable(run->summary()));
    // The statistics say the same as the summary.
    QVERIFY2(run->statistics().startsWith("3 records, 2 added/created, 0 modified/updated, 0 deleted, 1 errors"), qPrintable(run->statistics()));
    QVERIFY2(run->traceText().contains("record at line 1: customers inserted")
                 && run->traceText().contains("record at line 4: customers failed #"),
             qPrintable(run->traceText()));
    QCOMPARE(query(m_ws + "/target.db", "SELECT FileNo, LastName FROM Customers ORDER BY FileNo"), QStringList({"1001|Ann", "1003|Cy"}));
    QVERIFY(readAll(m_ws + "/customers-except.txt").contains("\"x\" is not a number"));
}

void TestPairsQueue::queuePanel()
{
    ui::MainWindow w;
    QVERIFY(test::showWorkspaceFile(w, m_ws, m_ws + "/queue.ini"));
    ui::QueuePanel *panel = w.queuePanel();
    QCOMPARE(panel->configurations(), QStringList{m_ws + "/queue.ini"});
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy() && panel->rows().size() == 1, 30000);
    QCOMPARE(panel->rows().first(), QString("Shop|queue_Shop|none yet|never|Changed=modified"));
    QVERIFY2(panel->procedure().contains("SQLite"), qPrintable(panel->procedure()));  // no SQL procedure on SQLite
    panel->setSince(QDate(2024, 1, 1));
    panel->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy() && panel->message().startsWith("Refreshed at") && panel->rows().value(0).contains("|2|"), 30000);
    QVERIFY2(panel->message().contains("2 rows frozen"), qPrintable(panel->message()));
    QVERIFY2(!panel->rows().first().contains("never"), qPrintable(panel->rows().first()));
    // The next refresh, without a date: nothing new.
    panel->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy() && panel->message().contains("0 rows frozen") && panel->rows().value(0).contains("|0|"), 30000);
    w.grab().save(QString(OAS_BUILD_DIR) + "/studio-queue.png");

    // A snapshot table: what a refresh froze, and the keys it found gone, can be looked at.
    const auto target = [&](const QStringList &statements) {
        bool ok = true;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "stock");
            db.setDatabaseName(m_ws + "/target.db");
            ok = db.open();
            QSqlQuery q(db);
            for (const QString &sql : statements)
                ok = ok && q.exec(sql);
        }
        QSqlDatabase::removeDatabase("stock");
        return ok;
    };
    QVERIFY(target({"CREATE TABLE Stock(sku INT PRIMARY KEY, qty INT)", "INSERT INTO Stock VALUES (10, 1), (11, 2), (12, 3)"}));
    QVERIFY(writeFile(m_ws + "/stock-queue.ini", "[database]\nDRIVER=SQLite3\nDatabase=target.db\n[queue]\nTablePrefix=sq_\n[Stock]\nKey=sku\n"));
    panel->setWorkspace(m_ws);
    panel->setConfiguration(m_ws + "/stock-queue.ini");
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), 30000);
    panel->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy() && panel->message().contains("3 rows frozen"), 30000);
    QVERIFY(target({"DELETE FROM Stock WHERE sku = 11", "UPDATE Stock SET qty = 9 WHERE sku = 12"}));
    panel->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy() && panel->message().contains("1 rows frozen"), 30000);
    QSignalSpy shown(panel, &ui::QueuePanel::rowsShown);
    panel->showRows("Stock");
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 30000);
    QCOMPARE(panel->shownRows(false), QStringList{"12|9"});
    QCOMPARE(panel->shownRows(true), QStringList{"11"});
    // The panel's refreshes are in the run journal, as odbc-agent queue refresh's are.
    journal::RunFilter filter;
    filter.config = m_ws + "/stock-queue.ini";
    QString error;
    const auto all = journal::RunJournal().list(filter, &error);  // this file's name, in any folder
    QVERIFY2(all, qPrintable(error));
    QList<journal::RunEntry> entries;
    for (const journal::RunEntry &e : *all)
        if (e.config == QFileInfo(m_ws + "/stock-queue.ini").absoluteFilePath())
            entries << e;
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.first().kind, QStringLiteral("queue"));
    QCOMPARE(entries.first().counts.written, 1);
    QCOMPARE(entries.last().counts.written, 3);
}

QTEST_MAIN(TestPairsQueue)
#include "tst_pairs_queue.moc"
