#pragma once
// The two written forms of a secret that carry the secret itself (docs/credentials.md):
//  - scrambled:  obfuscation only. The bytes are mixed with a fixed, published key stream; anyone with this
//    program can read them back. It keeps a password from being read over a shoulder, nothing more.
//  - encrypted:  authenticated encryption with a 256-bit key from a key source (KeySource.h). Built from
//    Qt's SHA-256 HMAC only (the project's fixed dependencies have no cipher): a random 16-byte nonce, the
//    key stream HMAC(encKey, nonce || counter) XORed with the text, and HMAC(macKey, ...) over the whole,
//    with encKey / macKey derived from the key. A wrong key or a changed character fails the check.
#include <QByteArray>
#include <QString>

#include <optional>

namespace oas::secrets {

inline constexpr int KeyBytes = 32;

struct Key {
    Key() = default;
    Key(QByteArray keyBytes, QString keySource) : bytes(std::move(keyBytes)), source(std::move(keySource)) {}
    QByteArray bytes;  // KeyBytes long
    QString source;    // where it came from, for messages: "file:/root/.config/odbc-agent/secret.key"
    // The first 4 bytes of its SHA-256 as 8 hex digits: names a key without revealing it.
    QString id() const;

    // The sub-keys derived from bytes, made on first use (decrypting many attribute values).
    mutable QByteArray encryptionKey;
    mutable QByteArray authenticationKey;
    mutable QByteArray idBytes;
};

QByteArray newKeyBytes();  // from the system's cryptographically secure generator

QString scramble(const QString &plain);                     // "scrambled:..."
std::optional<QString> unscramble(const QString &payload);  // the part after "scrambled:"; nullopt if damaged

QString encrypt(const Key &key, const QString &plain);  // "encrypted:..."
struct Decrypted {
    std::optional<QString> value;
    QString error;  // why not: damaged, or made with another key (naming both key ids)
};
Decrypted decrypt(const Key &key, const QString &payload);  // the part after "encrypted:"

}  // namespace oas::secrets
