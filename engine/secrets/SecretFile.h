#pragma once
// Files that hold a secret (a password for file:PATH, a key for the key source): read only when nobody but
// their owner can read them, as ssh does for its keys.
#include "Cipher.h"

#include <QString>

#include <optional>

namespace oas::secrets {

// "~/x" -> home; a relative path -> against baseDir (the configuration file's folder), else as given.
QString expandPath(const QString &path, const QString &baseDir);

// The file's text without one trailing line end. nullopt, with *error naming the file, when it is missing,
// not a regular file, empty, or open to its group or others (the message says how to mend it).
std::optional<QString> readSecretFile(const QString &path, QString *error);

// Writes a new file only its owner can read (0600); refuses to replace an existing one.
bool writeSecretFile(const QString &path, const QByteArray &contents, QString *error);

// The key source: "file:PATH" (a key file) or "env:NAME" (a variable holding the key). The default is
// $OAS_KEY_SOURCE, else file:$XDG_CONFIG_HOME/odbc-agent/secret.key (~/.config/... without XDG_CONFIG_HOME).
QString defaultKeySource();
std::optional<Key> loadKey(const QString &keySource, QString *error);
// The text a key file or key variable holds for a key: its bytes in base64url.
QByteArray keyText(const QByteArray &keyBytes);

}  // namespace oas::secrets
