// The configuration editor's tools, driven for real (offscreen): folding by section, find / replace in the
// current tab, and the SQL preview's connection line with every password masked.
#include "MainWindow.h"
#include "StudioSupport.h"
#include "common/TestSupport.h"
#include "editor/ConfigEditor.h"
#include "editor/FindBar.h"
#include "editor/SqlPreview.h"
#include "sql/StatementBuilder.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace oas;
using ui::ConfigEditor;

class TestEditor : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void foldsBySection();
    void findAndReplace();
    void previewMasksPasswords();
    void previewDialectFollowsDriver();

private:
    ConfigEditor *open(ui::MainWindow &w, const QByteArray &text);
    QTemporaryDir m_dir;
    int m_files = 0;
};

static const QByteArray kConfig = "# a comment before the first section\n"
                                  "[version]\nVersion=1.06\n"
                                  "[attributes]\nEID=Employees.EmployeeID\nGN=Employees.FirstName\n"
                                  "[database]\nDRIVER=SQLite3\nDatabase=x.db\nUser=admin\nPassword=s3cret; } ] = ' x\n"
                                  "[export]\nSelect=EID, GN\nFrom=Employees\n";

void TestEditor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir.path());
}

ConfigEditor *TestEditor::open(ui::MainWindow &w, const QByteArray &text)
{
    const QString path = m_dir.filePath(QString("cfg%1.ini").arg(++m_files));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return nullptr;
    f.close();
    if (!test::showWorkspaceFile(w, m_dir.path(), path, {1200, 800}))
        return nullptr;
    return w.currentEditor();
}

void TestEditor::foldsBySection()
{
    ui::MainWindow w;
    ConfigEditor *e = open(w, kConfig);
    QVERIFY(e);
    e->recolor();  // style (and so fold) the whole document now
    auto level = [e](int line) { return int(e->SendScintilla(QsciScintilla::SCI_GETFOLDLEVEL, line)); };
    const int header = QsciScintilla::SC_FOLDLEVELHEADERFLAG;
    for (int line : {1, 3, 6, 11})
        QVERIFY2(level(line) & header, qPrintable(e->text(line)));
    for (int line : {0, 2, 4, 5, 7, 12})
        QVERIFY2(!(level(line) & header), qPrintable(e->text(line)));
    // Folding [attributes] hides its two lines, and only them.
    e->foldLine(3);
    QVERIFY(!e->SendScintilla(QsciScintilla::SCI_GETLINEVISIBLE, 4));
    QVERIFY(!e->SendScintilla(QsciScintilla::SCI_GETLINEVISIBLE, 5));
    QVERIFY(e->SendScintilla(QsciScintilla::SCI_GETLINEVISIBLE, 6));
    w.grab().save(QStringLiteral(OAS_BUILD_DIR "/studio-folded.png"));
}

void TestEditor::findAndReplace()
{
    ui::MainWindow w;
    ConfigEditor *e = open(w, kConfig);
    QVERIFY(e);
    ui::FindBar *find = w.findBar();
    find->showFind(true);
    QVERIFY(find->isVisible());
    find->setSearch("employees.");  // case-insensitive by default
    e->setCursorPosition(0, 0);
    QVERIFY(find->findNext());
    QCOMPARE(e->selectedText(), QString("Employees."));
    int line = 0;
    int index = 0;
    e->getCursorPosition(&line, &index);
    QCOMPARE(line, 4);
    QVERIFY(find->findNext());
    e->getCursorPosition(&line, &index);
    QCOMPARE(line, 5);
    find->setSearch("NoSuchText");
    QVERIFY(!find->findNext());
    QCOMPARE(find->message(), QString("not found"));

    // Replace all: a replacement that contains the searched text is not replaced again; one undo step.
    find->setSearch("Employees", true);
    find->setReplacement("Employees2Employees");
    QCOMPARE(find->replaceAll(), 3);
    QCOMPARE(find->message(), QString("3 replaced"));
    QCOMPARE(e->text().count("Employees2Employees"), 3);
    QTRY_VERIFY_WITH_TIMEOUT(!e->lastResult().diagnostics.isEmpty() || e->lastResult().ok(), 2000);
    e->undo();
    QCOMPARE(e->text().toUtf8(), kConfig);
    e->setModified(false);
}

void TestEditor::previewMasksPasswords()
{
    ui::MainWindow w;
    ConfigEditor *e = open(w, kConfig);
    QVERIFY(e);
    const QString preview = w.sqlPreview()->text();
    QVERIFY2(preview.contains("-- connection\n-- DRIVER=SQLite3;Database=x.db;UID=admin;PWD=***;"), qPrintable(preview));
    QVERIFY(!preview.contains("s3cret"));
    // A PWD written as a driver field is masked too, and the preview follows the edit.
    e->setText(QString::fromUtf8(kConfig).replace("Password=s3cret; } ] = ' x", "PWD=other s3cret"));
    e->validateNow();
    QTRY_VERIFY_WITH_TIMEOUT(w.sqlPreview()->text().contains("-- DRIVER=SQLite3;Database=x.db;PWD=***;UID=admin;"), 2000);
    QVERIFY(!w.sqlPreview()->text().contains("s3cret"));
    e->setModified(false);
}

void TestEditor::previewDialectFollowsDriver()
{
    // The preview shows what the engine will run with the configuration's driver: PostgreSQL's UPDATE, not
    // the manual's generic form; a DSN alone gives the generic form.
    const QByteArray pg = "[version]\nVersion=1.06\n[attributes]\nEID=Employees.EmployeeID\nGN=Employees.FirstName\n"
                          "[database]\nDRIVER=PostgreSQL Unicode\nServer=127.0.0.1\n"
                          "[import]\nTable=Employees\nSelectBy=EID\nModify=GN\n";
    ui::MainWindow w;
    ConfigEditor *e = open(w, pg);
    QVERIFY(e);
    const config::AgentConfig &config = e->lastResult().config;
    const QString postgres = sql::describeStatements(config, sql::SqlDialect::postgresql());
    QVERIFY(postgres != sql::describeStatements(config, sql::SqlDialect::generic()));
    QVERIFY2(w.sqlPreview()->text().startsWith(postgres), qPrintable(w.sqlPreview()->text()));

    ConfigEditor *dsn = open(w, QByteArray(pg).replace("DRIVER=PostgreSQL Unicode\nServer=127.0.0.1", "DSN=payroll"));
    QVERIFY(dsn);
    QVERIFY(w.sqlPreview()->text().startsWith(sql::describeStatements(dsn->lastResult().config, sql::SqlDialect::generic())));
}

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
