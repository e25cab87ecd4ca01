#pragma once
// A value written where a secret may stand (User / Password of [database], -n / -p, a mapping pair's INI)
// and what it stands for (docs/credentials.md):
//   text               the value itself
//   plain:text         the value itself, for one that starts with a form's word ("plain:env:x" is "env:x")
//   scrambled:...      obfuscated (odbc-agent secret scramble); not protection
//   encrypted:...      encrypted with the key from the key source (odbc-agent secret encrypt)
//   env:NAME           the environment variable NAME
//   file:PATH          the text of a file only its owner can read (relative to the configuration's folder)
//   keychain:NAME      the desktop keychain's entry NAME (the Studio only)
#include "Cipher.h"

#include <QHash>
#include <QString>

#include <optional>

namespace oas::secrets {

enum class Form { Plain, Scrambled, Encrypted, Env, File, Keychain };

struct Written {
    Form form = Form::Plain;
    QString payload;  // the value, the variable's name, the path, ...
};
Written parseWritten(const QString &text);
QString formName(Form form);  // "plain", "scrambled", ...
// Whether the form keeps the secret out of the file: encrypted, env, file, keychain.
bool isProtected(Form form);

struct Resolved {
    std::optional<QString> value;
    QString error;   // why not, without the secret
    QString origin;  // for audit lines: "env:PGPASS", "file:/etc/x", "encrypted (key id 1a2b3c4d)", "plain"
};

// Resolves written values; loads the key once, when the first encrypted value needs it.
class Resolver {
public:
    explicit Resolver(QString keySource = QString(), QString baseDir = QString());
    Resolved resolve(const QString &written);
    // Keychain entries the Studio read beforehand (the engine has no keychain of its own).
    void setKeychainValues(QHash<QString, QString> values) { m_keychain = std::move(values); }
    // The key, loaded from the key source on first use; nullptr with *error when it cannot be.
    const Key *key(QString *error);
    QString keySource() const { return m_keySource; }

private:
    QString m_keySource;
    QString m_baseDir;
    std::optional<Key> m_key;
    QString m_keyError;
    bool m_keyTried = false;
    QHash<QString, QString> m_keychain;
};

}  // namespace oas::secrets
