// The secret forms without a database: scrambling and encryption round trips and their failures, the
// written forms and how they resolve (env:, file: with its permission check, keychain: outside the Studio),
// key sources, redaction, the job credentials' errors and audit lines, and [EncryptedAttributes] decryption
// of a record.
#include "common/TestSupport.h"
#include "config/ConfigParser.h"
#include "importer/EncryptedValues.h"
#include "run/JobSecrets.h"
#include "secrets/Cipher.h"
#include "secrets/Redact.h"
#include "secrets/SecretFile.h"
#include "secrets/SecretValue.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace oas;

namespace {

const QString kNasty = QStringLiteral("p; } ] = 'x y");

secrets::Key testKey(char fill = 'k')
{
    return {QByteArray(secrets::KeyBytes, fill), QStringLiteral("test")};
}

bool writeFile(const QString &path, const QByteArray &bytes, QFile::Permissions perms)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(bytes);
    f.close();
    return f.setPermissions(perms);
}

const QFile::Permissions kPrivate = QFile::ReadOwner | QFile::WriteOwner;

}  // namespace

class TestSecrets : public QObject {
    Q_OBJECT
private slots:
    void scrambleRoundTrip();
    void encryptRoundTrip();
    void encryptRefusesWrongKeyAndDamage();
    void formatOneStillRead();
    void writtenForms();
    void environmentValues();
    void fileValuesNeedPrivateFiles();
    void keychainOnlyInStudio();
    void keySources();
    void redaction();
    void credentialsNameTheirLine();
    void encryptionModeNeedsProtectedPassword();
    void attributeDecryption();

private:
    QTemporaryDir m_dir;
};

void TestSecrets::scrambleRoundTrip()
{
    const QString s = secrets::scramble(kNasty);
    QVERIFY(s.startsWith("scrambled:"));
    QVERIFY(!s.contains("x y") && !s.contains(kNasty));
    QVERIFY2(s != secrets::scramble(kNasty), "a random salt makes each scrambled form different");
    QCOMPARE(secrets::unscramble(s.mid(10)), std::optional<QString>(kNasty));
    QCOMPARE(secrets::unscramble(QStringLiteral("Zm9v")).has_value(), false);  // 3 bytes: shorter than the salt
    QCOMPARE(secrets::unscramble(QStringLiteral("not base64 !")).has_value(), false);
    QCOMPARE(secrets::unscramble(secrets::scramble(QStringLiteral("Grüße €")).mid(10)), std::optional<QString>("Grüße €"));
}

void TestSecrets::encryptRoundTrip()
{
    const secrets::Key key = testKey();
    const QString e = secrets::encrypt(key, kNasty);
    QVERIFY(e.startsWith("encrypted:"));
    QVERIFY(!e.contains(kNasty));
    QVERIFY(e != secrets::encrypt(key, kNasty));
    const secrets::Decrypted d = secrets::decrypt(key, e.mid(10));
    QVERIFY2(d.value, qPrintable(d.error));
    QCOMPARE(*d.value, kNasty);
    QCOMPARE(*secrets::decrypt(key, secrets::encrypt(key, QString()).mid(10)).value, QString());
    const QString longText(1000, QChar('z'));  // more than one key-stream block
    QCOMPARE(*secrets::decrypt(key, secrets::encrypt(key, longText).mid(10)).value, longText);
    QCOMPARE(key.id().size(), 8);
    QCOMPARE(secrets::encryptedVersion(e.mid(10)), 2);  // libsodium's XChaCha20-Poly1305
}

void TestSecrets::formatOneStillRead()
{
    // A value made by the earlier HMAC-SHA-256 construction (format 1, by the previous release) with the key
    // of 32 'k' bytes: still read, and refused when changed or read with another key.
    const QString v1 = QStringLiteral("AV4xj4zSpfd0mr6ZRCShUphViz0ETi4yqjiJbeI_dVSEN9bcdOTyK_Dupwa9M4OZDzA7RIbdienUI-7Oyjp8ZwcQ");
    QCOMPARE(secrets::encryptedVersion(v1), 1);
    const secrets::Decrypted d = secrets::decrypt(testKey('k'), v1);
    QVERIFY2(d.value, qPrintable(d.error));
    QCOMPARE(*d.value, kNasty);
    QString damaged = v1;
    damaged[40] = damaged[40] == QChar('A') ? QChar('B') : QChar('A');
    QVERIFY(!secrets::decrypt(testKey('k'), damaged).value);
    QVERIFY(secrets::decrypt(testKey('j'), v1).error.contains("another key"));
}

void TestSecrets::encryptRefusesWrongKeyAndDamage()
{
    const QString payload = secrets::encrypt(testKey('a'), QStringLiteral("secret")).mid(10);
    secrets::Decrypted d = secrets::decrypt(testKey('b'), payload);
    QVERIFY(!d.value);
    QVERIFY2(d.error.contains("another key") && d.error.contains(testKey('a').id()) && d.error.contains(testKey('b').id()),
             qPrintable(d.error));
    QString damaged = payload;
    damaged[30] = damaged[30] == QChar('A') ? QChar('B') : QChar('A');
    d = secrets::decrypt(testKey('a'), damaged);
    QVERIFY(!d.value);
    QVERIFY2(d.error.contains("damaged"), qPrintable(d.error));
    d = secrets::decrypt(testKey('a'), payload.left(20));
    QVERIFY(!d.value);
    QVERIFY2(d.error.contains("cut off"), qPrintable(d.error));
}

void TestSecrets::writtenForms()
{
    using secrets::Form;
    const std::pair<QString, secrets::Written> cases[] = {
        {"secret", {Form::Plain, "secret"}},
        {"plain:env:HOME", {Form::Plain, "env:HOME"}},
        {"env:PGPASS", {Form::Env, "PGPASS"}},
        {"file:~/pw", {Form::File, "~/pw"}},
        {"scrambled:abc", {Form::Scrambled, "abc"}},
        {"encrypted:abc", {Form::Encrypted, "abc"}},
        {"keychain:oas/x", {Form::Keychain, "oas/x"}},
        {"Env:X", {Form::Plain, "Env:X"}},  // the words are lower case: anything else is a plain value
        {"a:b", {Form::Plain, "a:b"}},
    };
    for (const auto &[text, expected] : cases) {
        const secrets::Written w = secrets::parseWritten(text);
        QVERIFY2(w.form == expected.form && w.payload == expected.payload, qPrintable(text));
    }
    QVERIFY(!secrets::isProtected(Form::Plain) && !secrets::isProtected(Form::Scrambled));
    QVERIFY(secrets::isProtected(Form::Env) && secrets::isProtected(Form::Encrypted));
}

void TestSecrets::environmentValues()
{
    qputenv("OAS_TST_SECRET", kNasty.toUtf8());
    secrets::Resolver r;
    secrets::Resolved v = r.resolve("env:OAS_TST_SECRET");
    QCOMPARE(v.value, std::optional<QString>(kNasty));
    QCOMPARE(v.origin, QString("env:OAS_TST_SECRET"));
    v = r.resolve("env:OAS_TST_NOT_SET");
    QVERIFY(!v.value);
    QCOMPARE(v.error, QString("the environment variable OAS_TST_NOT_SET is not set"));
    QCOMPARE(*r.resolve("plain:env:OAS_TST_SECRET").value, QString("env:OAS_TST_SECRET"));
    QCOMPARE(*r.resolve(secrets::scramble(kNasty)).value, kNasty);
}

void TestSecrets::fileValuesNeedPrivateFiles()
{
    const QString path = m_dir.filePath("pw.txt");
    QVERIFY(writeFile(path, kNasty.toUtf8() + "\n", kPrivate));
    secrets::Resolver r({}, m_dir.path());
    secrets::Resolved v = r.resolve("file:pw.txt");  // relative to the base folder
    QVERIFY2(v.value, qPrintable(v.error));
    QCOMPARE(*v.value, kNasty);  // one line end taken off, blanks kept
    QVERIFY(QFile::setPermissions(path, kPrivate | QFile::ReadGroup | QFile::ReadOther));
    v = r.resolve("file:" + path);
    QVERIFY(!v.value);
    QCOMPARE(v.error, QString("secret file %1 is open to its group or others (mode 0644); make it private with: chmod 600 %1").arg(path));
    v = r.resolve("file:" + m_dir.filePath("missing.txt"));
    QVERIFY(!v.value);
    QVERIFY2(v.error.contains("missing.txt") && v.error.contains("No such file"), qPrintable(v.error));
    QVERIFY(writeFile(m_dir.filePath("empty.txt"), "\n", kPrivate));
    v = r.resolve("file:empty.txt");
    QVERIFY(v.error.contains("is empty"));
    v = r.resolve("file:" + m_dir.path());
    QVERIFY(v.error.contains("not a regular file"));
}

void TestSecrets::keychainOnlyInStudio()
{
    secrets::Resolver r;
    secrets::Resolved v = r.resolve("keychain:oas/db");
    QVERIFY(!v.value);
    QVERIFY2(v.error.contains("Studio only") && v.error.contains("env:"), qPrintable(v.error));
    r.setKeychainValues({{"oas/db", kNasty}});
    QCOMPARE(*r.resolve("keychain:oas/db").value, kNasty);
}

void TestSecrets::keySources()
{
    const QByteArray keyBytes = secrets::newKeyBytes();
    QCOMPARE(keyBytes.size(), secrets::KeyBytes);
    const QString keyFile = m_dir.filePath("secret.key");
    QString error;
    QVERIFY2(secrets::writeSecretFile(keyFile, secrets::keyText(keyBytes), &error), qPrintable(error));
    QVERIFY(!secrets::writeSecretFile(keyFile, "x", &error));
    QVERIFY2(error.contains("exists already"), qPrintable(error));
    QCOMPARE(QFile::permissions(keyFile) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    std::optional<secrets::Key> key = secrets::loadKey("file:" + keyFile, &error);
    QVERIFY2(key, qPrintable(error));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(key->data()), secrets::KeyBytes), keyBytes);
    qputenv("OAS_TST_KEY", secrets::keyText(keyBytes));
    key = secrets::loadKey("env:OAS_TST_KEY", &error);
    QVERIFY2(key && QByteArray(reinterpret_cast<const char *>(key->data()), secrets::KeyBytes) == keyBytes, qPrintable(error));
    qputenv("OAS_TST_KEY", "c2hvcnQ");
    QVERIFY(!secrets::loadKey("env:OAS_TST_KEY", &error));
    QVERIFY2(error.contains("does not hold a key") && error.contains("odbc-agent secret new-key"), qPrintable(error));
    QVERIFY(!secrets::loadKey("vault:x", &error));
    QVERIFY(error.contains("expected file:PATH or env:NAME"));
    // An encrypted value resolves with the key source's key, once loaded.
    secrets::Resolver r("file:" + keyFile);
    const secrets::Resolved v = r.resolve(secrets::encrypt({keyBytes, {}}, kNasty));
    QVERIFY2(v.value, qPrintable(v.error));
    QCOMPARE(*v.value, kNasty);
    QVERIFY(v.origin.contains(secrets::Key{keyBytes, {}}.id()));
}

void TestSecrets::redaction()
{
    QStringList list;
    secrets::addSecret(list, "ab");  // too short to hide
    secrets::addSecret(list, "pass");
    secrets::addSecret(list, "password1");
    secrets::addSecret(list, "pass");
    QCOMPARE(list, QStringList({"password1", "pass"}));
    QCOMPARE(secrets::redact("password1 and pass and ab", list), QString("*** and *** and ab"));
    QStringList quoted;
    secrets::addSecret(quoted, "O'Neil");
    QCOMPARE(secrets::redact("'O''Neil' or O'Neil", quoted), QString("'***' or ***"));
}

void TestSecrets::credentialsNameTheirLine()
{
    const QString path = m_dir.filePath("db.ini");
    QVERIFY(writeFile(path, "[version]\nVersion=1.06\n[database]\nDSN=x\nUser=env:OAS_TST_USER\nPassword=env:OAS_TST_NOPE\n", kPrivate));
    const config::ParseResult parsed = config::parseConfigFile(path, config::Operation::Any);
    QVERIFY(parsed.ok());
    qputenv("OAS_TST_USER", "nancy");
    run::JobCredentials c = run::resolveCredentials(parsed.config, {}, {});
    QVERIFY(!c.ok);
    QCOMPARE(c.error, QString("db.ini line 6: Password: the environment variable OAS_TST_NOPE is not set"));
    // -p wins over Password=, and is read in the same forms.
    qputenv("OAS_TST_SECRET", kNasty.toUtf8());
    c = run::resolveCredentials(parsed.config, {std::nullopt, QString("env:OAS_TST_SECRET")}, {});
    QVERIFY2(c.ok, qPrintable(c.error));
    QCOMPARE(*c.credentials.user, QString("nancy"));
    QCOMPARE(*c.credentials.password, kNasty);
    QCOMPARE(c.secrets, QStringList({QString("p; } ] = ''x y"), kNasty}));
    QCOMPARE(c.audit, QStringList({"User (db.ini line 5): env:OAS_TST_USER", "Password (-p): env:OAS_TST_SECRET"}));
}

void TestSecrets::encryptionModeNeedsProtectedPassword()
{
    const QString path = m_dir.filePath("enc.ini");
    QVERIFY(writeFile(path, "[version]\nVersion=1.06\n[database]\nDSN=x\nPassword=" + secrets::scramble(kNasty).toUtf8() + "\n", kPrivate));
    const config::ParseResult parsed = config::parseConfigFile(path, config::Operation::Any);
    QVERIFY(parsed.ok());
    run::SecretSettings settings;
    QVERIFY(run::resolveCredentials(parsed.config, {}, settings).ok);
    settings.encryptionMode = "ADMIN_PW";
    run::JobCredentials c = run::resolveCredentials(parsed.config, {}, settings);
    QVERIFY(!c.ok);
    QVERIFY2(c.error.startsWith("enc.ini line 5: Password: -Enc ADMIN_PW needs a protected password, but it is written "
                                "scrambled"), qPrintable(c.error));
    c = run::resolveCredentials(parsed.config, {std::nullopt, kNasty}, settings);
    QVERIFY(!c.ok);
    QVERIFY(c.error.startsWith("-p: Password: -Enc ADMIN_PW needs a protected password, but it is written in clear"));
    QVERIFY(!c.error.contains(kNasty));
    QVERIFY(run::resolveCredentials(parsed.config, {std::nullopt, QString("env:OAS_TST_SECRET")}, settings).ok);
}

void TestSecrets::attributeDecryption()
{
    config::EncryptedAttributesSection section;
    section.attributes.append({QStringLiteral("PW"), {}});
    const importer::AttributeDecryption decryption(section, testKey());
    datafile::Record r;
    r.line = 3;
    r.attributes = {{"GN", "Nancy", 4}, {"pw", secrets::encrypt(testKey(), kNasty), 5}, {"PW", QString(), 6}};
    QCOMPARE(decryption.apply(r), QStringList({QString("p; } ] = ''x y"), kNasty}));  // with its SQL-literal form
    QCOMPARE(r.attributes.at(1).value, kNasty);
    QCOMPARE(r.attributes.at(0).value, QString("Nancy"));
    QVERIFY(r.problems.isEmpty());

    datafile::Record bad;
    bad.line = 10;
    bad.attributes = {{"PW", kNasty, 11}, {"PW", secrets::encrypt(testKey('o'), "x"), 12}};
    QCOMPARE(decryption.apply(bad), QStringList());
    QCOMPARE(bad.problems.size(), 2);
    QCOMPARE(bad.problems.at(0).line, 11);
    QVERIFY2(bad.problems.at(0).message.contains("PW is an encrypted attribute") && !bad.problems.at(0).message.contains(kNasty),
             qPrintable(bad.problems.at(0).message));
    QVERIFY2(bad.problems.at(1).message.contains("PW cannot be decrypted: encrypted with another key"),
             qPrintable(bad.problems.at(1).message));
    QVERIFY(bad.attributes.at(0).value.isEmpty());

    importer::Outcome o;
    o.events.append(importer::Event::error("error: duplicate\nKey (pw)=(" + kNasty + ") already exists"));
    QCOMPARE(importer::redacted(o, {kNasty}).events.at(0).lines.at(1), QString("Key (pw)=(***) already exists"));
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
