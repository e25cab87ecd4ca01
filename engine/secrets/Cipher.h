#pragma once
// The two written forms of a secret that carry the secret itself (docs/credentials.md):
//  - scrambled:  obfuscation only. The bytes are mixed with a fixed, published key stream; anyone with this
//    program can read them back. It keeps a password from being read over a shoulder, nothing more.
//  - encrypted:  authenticated encryption with a 256-bit key from a key source (KeySource.h), by libsodium:
//    XChaCha20-Poly1305 (IETF AEAD) with a random 24-byte nonce; the format version and the key's id are the
//    additional data. A wrong key or a changed character fails the check. The key lives in libsodium's
//    guarded memory (locked, between guard pages) and is wiped when the last copy of the Key goes.
//    Format: "encrypted:" + base64url(version 2, key id (4), nonce (24), cipher text + tag (16)).
//    Version 1 values (our earlier HMAC-SHA-256 construction) are still read; `odbc-agent secret
//    reencrypt` turns them into version 2.
#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace oas::secrets {

inline constexpr int KeyBytes = 32;

class Key {
public:
    Key() = default;
    // Copies keyBytes (KeyBytes long) into guarded memory and wipes keyBytes' buffer.
    Key(QByteArray keyBytes, QString keySource);
    bool isValid() const { return m_bytes != nullptr; }
    const unsigned char *data() const { return m_bytes.get(); }
    QString source;  // where it came from, for messages: "file:/root/.config/odbc-agent/secret.key"
    // The first 4 bytes of its SHA-256 as 8 hex digits: names a key without revealing it.
    QString id() const;
    QByteArray idBytes() const { return m_id; }

private:
    std::shared_ptr<unsigned char> m_bytes;  // sodium_malloc'd; sodium_free wipes it
    QByteArray m_id;
};

QByteArray newKeyBytes();  // from the system's cryptographically secure generator

QString scramble(const QString &plain);                     // "scrambled:..."
std::optional<QString> unscramble(const QString &payload);  // the part after "scrambled:"; nullopt if damaged

QString encrypt(const Key &key, const QString &plain);  // "encrypted:...", format version 2
struct Decrypted {
    std::optional<QString> value;
    QString error;  // why not: damaged, or made with another key (naming both key ids)
};
Decrypted decrypt(const Key &key, const QString &payload);  // the part after "encrypted:"
// The format version of an encrypted value's payload (1 or 2), 0 when it is not one.
int encryptedVersion(const QString &payload);

}  // namespace oas::secrets
