// Secrets in the Studio: an import with Password=env:... and an encrypted attribute run with single step
// shows neither the password nor the decrypted value (step view, trace, summary, SQL preview) while the
// database receives the value; a keychain: password that cannot be read stops the run before it starts,
// saying why; Edit > Protect password writes the scrambled / encrypted form into [database] with one undo
// step; and the dialog's keychain choice either stores the entry or names the other forms.
#include "MainWindow.h"
#include "StudioSupport.h"
#include "common/TestSupport.h"
#include "demo/DemoWorkspace.h"
#include "editor/ConfigEditor.h"
#include "editor/SqlPreview.h"
#include "run/RunPanel.h"
#include "secrets/Cipher.h"
#include "secrets/Keychain.h"
#include "secrets/PasswordDialog.h"
#include "secrets/SecretFile.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace oas;
using oas::test::readAll;

namespace {

const QString kPassword = QStringLiteral("p; } ] = 'x y");
const QString kNotes = QStringLiteral("Open Sesame; } ] = '42");

QAction *findAction(QWidget *w, const QString &text)
{
    for (QAction *a : w->findChildren<QAction *>()) {
        if (a->text().remove('&') == text)
            return a;
    }
    return nullptr;
}

}  // namespace

class TestStudioCredentials : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void importHidesSecrets();
    void unreadableKeychainStopsRun();
    void protectPasswordWritesForm();
    void passwordInsertedOrReplaced();
    void keychainChoice();

private:
    QString writeConfig(const QString &name, const QString &database, const QString &extra);
    QTemporaryDir m_dir;
    QString m_ws;
    secrets::Key m_key;
};

void TestStudioCredentials::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir.path());
    m_ws = m_dir.filePath("ws");
    QString error;
    QVERIFY2(demo::createWorkspace(m_ws, 20, &error), qPrintable(error));
    const QString keyFile = m_dir.filePath("studio.key");
    QVERIFY2(secrets::writeSecretFile(keyFile, secrets::keyText(secrets::newKeyBytes()), &error), qPrintable(error));
    qputenv("OAS_KEY_SOURCE", ("file:" + keyFile).toUtf8());
    const auto key = secrets::loadKey("file:" + keyFile, &error);
    QVERIFY2(key, qPrintable(error));
    m_key = *key;
    qputenv("OAS_UI_PW", kPassword.toUtf8());
}

QString TestStudioCredentials::writeConfig(const QString &name, const QString &database, const QString &extra)
{
    QString text = QString::fromUtf8(readAll(m_ws + "/replica.ini"));
    text.replace("[database]\nDRIVER=SQLite3\nDatabase=replica.db\n", "[database]\nDRIVER=SQLite3\nDatabase=replica.db\n" + database);
    text.replace("TraceLevel=Summary Stats", "TraceLevel=Summary Stats SQL ODBC ConnectAttributes Warnings FailSummary");
    text += extra;
    QFile f(m_ws + "/" + name);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text.toUtf8());
    return m_ws + "/" + name;
}

void TestStudioCredentials::importHidesSecrets()
{
    const QString cfg = writeConfig("secret.ini", "Password=env:OAS_UI_PW\n", "[EncryptedAttributes]\nDESC=1\n");
    QVERIFY(!cfg.isEmpty());
    QFile data(m_ws + "/secret-in.txt");
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write(("EID: 701\nGN: Ann\nSN: Secretary\nDESC: " + secrets::encrypt(m_key, kNotes) + "\n"
                "row:\nEID: 702\nGN: Bob\nSN: Clear\nDESC: not encrypted\n").toUtf8());
    data.close();

    ui::MainWindow w;
    QVERIFY(test::showWorkspaceFile(w, m_ws, cfg));
    ui::RunPanel *run = w.runPanel();
    run->setJobKind(2);
    run->setDataFile("secret-in.txt");
    run->setStepping(true);
    QVERIFY(run->run());
    QTRY_VERIFY_WITH_TIMEOUT(run->currentRecord().startsWith("record 701 at line 1 (created)"), 10000);
    const QString step = run->currentRecord();
    QVERIFY2(step.contains("DESC: ***") && step.contains("'***'"), qPrintable(step));
    run->go();
    QTRY_VERIFY_WITH_TIMEOUT(!run->isRunning(), 20000);
    QVERIFY2(run->summary().contains("2 records read: 1 created"), qPrintable(run->summary()));

    const QStringList shown = {step, run->traceText(), run->summary(), run->statistics(), w.sqlPreview()->text()};
    for (const QString &text : shown) {
        QVERIFY2(!text.contains(kNotes), qPrintable(text));
        QVERIFY2(!text.contains(kPassword), qPrintable(text));
    }
    QVERIFY2(run->traceText().contains("DESC is an encrypted attribute"), qPrintable(run->traceText()));
    QVERIFY(w.sqlPreview()->text().contains("PWD=***"));
    const QByteArray exceptions = readAll(m_ws + "/replica-except.txt");
    QVERIFY2(exceptions.contains("DESC: not encrypted") && !exceptions.contains(kNotes.toUtf8()), exceptions.constData());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "check");
        db.setDatabaseName(m_ws + "/replica.db");
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec("SELECT Notes FROM Employees WHERE EmployeeID = 701") && q.next());
        QCOMPARE(q.value(0).toString(), kNotes);
    }
    QSqlDatabase::removeDatabase("check");
}

void TestStudioCredentials::unreadableKeychainStopsRun()
{
    const QString cfg = writeConfig("keychain.ini", "Password=keychain:oas/no-such-entry-" + QString::number(QDateTime::currentMSecsSinceEpoch()) + "\n", {});
    ui::MainWindow w;
    QVERIFY(test::showWorkspaceFile(w, m_ws, cfg));
    ui::RunPanel *run = w.runPanel();
    run->setJobKind(0);
    run->setDataFile("keychain-out.txt");
    QVERIFY(!run->run());
    QVERIFY2(run->summary().startsWith("not started: keychain:oas/no-such-entry-"), qPrintable(run->summary()));
    QVERIFY(!QFile::exists(m_ws + "/keychain-out.txt"));
}

void TestStudioCredentials::protectPasswordWritesForm()
{
    const QString cfg = writeConfig("protect.ini", {}, {});
    ui::MainWindow w;
    QVERIFY(test::showWorkspaceFile(w, m_ws, cfg));
    QAction *protect = findAction(&w, "Protect password...");
    QVERIFY(protect);
    for (const auto form : {ui::PasswordDialog::Form::Scrambled, ui::PasswordDialog::Form::Encrypted}) {
        QTimer::singleShot(0, [form] {
            auto *dialog = qobject_cast<ui::PasswordDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->setPassword(kPassword);
            dialog->setForm(form);
            dialog->accept();
        });
        protect->trigger();
        ui::ConfigEditor *e = nullptr;
        for (ui::ConfigEditor *candidate : w.findChildren<ui::ConfigEditor *>()) {
            if (candidate->filePath() == cfg)
                e = candidate;
        }
        QVERIFY(e);
        const QString text = e->text();
        QVERIFY(!text.contains(kPassword));
        QCOMPARE(text.count("Password="), 1);
        const QString value = text.section("Password=", 1).section('\n', 0, 0);
        if (form == ui::PasswordDialog::Form::Scrambled) {
            QVERIFY2(value.startsWith("scrambled:"), qPrintable(value));
            QCOMPARE(*secrets::unscramble(value.mid(10)), kPassword);
        } else {
            QVERIFY2(value.startsWith("encrypted:"), qPrintable(value));
            QCOMPARE(*secrets::decrypt(m_key, value.mid(10)).value, kPassword);
        }
        QVERIFY(text.contains("[database]\nPassword=" + value + "\nDRIVER=SQLite3\n"));
    }
}

void TestStudioCredentials::passwordInsertedOrReplaced()
{
    QCOMPARE(*ui::withDatabasePassword("[version]\r\nVersion=1.06\r\n[database]\r\nDSN=x\r\npassword = old\r\n[import]\r\n", "env:PW"),
             QString("[version]\r\nVersion=1.06\r\n[database]\r\nDSN=x\r\nPassword=env:PW\r\n[import]\r\n"));
    QCOMPARE(*ui::withDatabasePassword("[ Database ]\nDSN=x\n[import]\nPassword=not this one\n", "env:PW"),
             QString("[ Database ]\nPassword=env:PW\nDSN=x\n[import]\nPassword=not this one\n"));
    QVERIFY(!ui::withDatabasePassword("[import]\nTable=x\n", "env:PW"));
}

void TestStudioCredentials::keychainChoice()
{
    ui::PasswordDialog dialog("oas/test");
    dialog.setPassword(kPassword);
    dialog.setForm(ui::PasswordDialog::Form::Keychain);
    const QString name = "oas/test-" + QString::number(QDateTime::currentMSecsSinceEpoch());
    dialog.setEntryName(name);
    QString error;
    const QString written = dialog.writtenForm(&error);
    if (written.isEmpty()) {
        // No keychain here (a server, CI): the message says which forms to use instead.
        QVERIFY2(error.contains("env:NAME") && error.contains("file:PATH") && error.contains("encrypted"), qPrintable(error));
        return;
    }
    QCOMPARE(written, "keychain:" + name);
    const ui::KeychainRead read = ui::readKeychain({name});
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.values.value(name), kPassword);
}

QTEST_MAIN(TestStudioCredentials)
#include "tst_credentials.moc"
