#include "Cipher.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <sodium.h>

#include <cstring>

namespace oas::secrets {

namespace {

constexpr int NonceBytes = 16;  // version 1
constexpr int IdBytes = 4;
constexpr int TagBytes = 32;     // version 1
constexpr char Version1 = 1;
constexpr char Version2 = 2;
constexpr int NonceBytes2 = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr int TagBytes2 = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == KeyBytes);

void ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        qFatal("libsodium cannot be initialised");
}
const auto B64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray counterBytes(quint64 counter)
{
    QByteArray b(8, '\0');
    for (int i = 7; i >= 0; --i, counter >>= 8)
        b[i] = char(counter & 0xff);
    return b;
}

// data XOR HMAC(streamKey, nonce || 0), HMAC(streamKey, nonce || 1), ...
QByteArray xorStream(const QByteArray &streamKey, const QByteArray &nonce, QByteArray data)
{
    quint64 counter = 0;
    for (qsizetype at = 0; at < data.size(); ++counter) {
        const QByteArray block = hmac(streamKey, nonce + counterBytes(counter));
        for (qsizetype i = 0; i < block.size() && at < data.size(); ++i, ++at)
            data[at] = char(data[at] ^ block[i]);
    }
    return data;
}

bool sameBytes(const QByteArray &a, const QByteArray &b)  // in constant time for equal lengths
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QByteArray randomBytes(int n)
{
    ensureSodium();
    QByteArray b(n, '\0');
    randombytes_buf(b.data(), size_t(n));
    return b;
}

std::optional<QByteArray> fromBase64(const QString &text)
{
    const auto r = QByteArray::fromBase64Encoding(text.trimmed().toLatin1(), B64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return std::nullopt;
    return *r;
}

// The published scrambling key: it is no secret, which is the point of calling it obfuscation.
const QByteArray &scrambleKey()
{
    static const QByteArray key = QCryptographicHash::hash("ODBC Agent Studio scrambling, not encryption",
                                                           QCryptographicHash::Sha256);
    return key;
}

QByteArray keyIdBytes(QByteArrayView key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha256).left(IdBytes);
}

// Version 1's sub-keys, made for one value and wiped after it.
struct Version1Keys {
    QByteArray encryption;
    QByteArray authentication;
    explicit Version1Keys(const Key &key)
    {
        const QByteArray bytes(reinterpret_cast<const char *>(key.data()), KeyBytes);
        encryption = hmac(bytes, "oas encryption key v1");
        authentication = hmac(bytes, "oas authentication key v1");
        sodium_memzero(const_cast<char *>(bytes.constData()), size_t(bytes.size()));
    }
    ~Version1Keys()
    {
        sodium_memzero(encryption.data(), size_t(encryption.size()));
        sodium_memzero(authentication.data(), size_t(authentication.size()));
    }
};

}  // namespace

Key::Key(QByteArray keyBytes, QString keySource) : source(std::move(keySource))
{
    ensureSodium();
    if (keyBytes.size() != KeyBytes)
        return;
    auto *guarded = static_cast<unsigned char *>(sodium_malloc(KeyBytes));
    if (!guarded)
        return;
    std::memcpy(guarded, keyBytes.constData(), KeyBytes);
    m_id = keyIdBytes(QByteArrayView(keyBytes));
    sodium_memzero(keyBytes.data(), size_t(keyBytes.size()));
    m_bytes = std::shared_ptr<unsigned char>(guarded, [](unsigned char *p) { sodium_free(p); });
}

QString Key::id() const
{
    return QString::fromLatin1(m_id.toHex());
}

QByteArray newKeyBytes()
{
    ensureSodium();
    QByteArray key(KeyBytes, '\0');
    crypto_aead_xchacha20poly1305_ietf_keygen(reinterpret_cast<unsigned char *>(key.data()));
    return key;
}

QString scramble(const QString &plain)
{
    const QByteArray salt = randomBytes(4);
    return QStringLiteral("scrambled:")
           + QString::fromLatin1((salt + xorStream(scrambleKey(), salt, plain.toUtf8())).toBase64(B64));
}

std::optional<QString> unscramble(const QString &payload)
{
    const auto bytes = fromBase64(payload);
    if (!bytes || bytes->size() < 4)
        return std::nullopt;
    const QByteArray plain = xorStream(scrambleKey(), bytes->left(4), bytes->mid(4));
    const QString text = QString::fromUtf8(plain);
    if (text.toUtf8() != plain)
        return std::nullopt;  // not UTF-8: damaged
    return text;
}

QString encrypt(const Key &key, const QString &plain)
{
    ensureSodium();
    const QByteArray text = plain.toUtf8();
    const QByteArray head = QByteArray(1, Version2) + key.idBytes() + randomBytes(NonceBytes2);
    QByteArray sealed(text.size() + TagBytes2, '\0');
    unsigned long long sealedLength = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(sealed.data()), &sealedLength, reinterpret_cast<const unsigned char *>(text.constData()),
        quint64(text.size()), reinterpret_cast<const unsigned char *>(head.constData()), 1 + IdBytes, nullptr,
        reinterpret_cast<const unsigned char *>(head.constData()) + 1 + IdBytes, key.data());
    sealed.truncate(qsizetype(sealedLength));
    return QStringLiteral("encrypted:") + QString::fromLatin1((head + sealed).toBase64(B64));
}

int encryptedVersion(const QString &payload)
{
    const auto bytes = fromBase64(payload);
    if (!bytes || bytes->isEmpty())
        return 0;
    if (bytes->at(0) == Version1 && bytes->size() >= 1 + IdBytes + NonceBytes + TagBytes)
        return 1;
    if (bytes->at(0) == Version2 && bytes->size() >= 1 + IdBytes + NonceBytes2 + TagBytes2)
        return 2;
    return 0;
}

Decrypted decrypt(const Key &key, const QString &payload)
{
    ensureSodium();
    Decrypted r;
    const int version = encryptedVersion(payload);
    if (version == 0 || !key.isValid()) {
        r.error = QStringLiteral("not a value made by \"odbc-agent secret encrypt\" (damaged or cut off)");
        return r;
    }
    const QByteArray bytes = *fromBase64(payload);
    const QByteArray id = bytes.mid(1, IdBytes);
    if (id != key.idBytes()) {
        r.error = QStringLiteral("encrypted with another key (key id %1; the key from %2 has id %3)")
                      .arg(QString::fromLatin1(id.toHex()), key.source, key.id());
        return r;
    }
    const QString damaged = QStringLiteral("the encrypted value is damaged (its check does not match)");
    if (version == 1) {
        const Version1Keys keys(key);
        const QByteArray body = bytes.left(bytes.size() - TagBytes);
        if (!sameBytes(hmac(keys.authentication, body), bytes.right(TagBytes))) {
            r.error = damaged;
            return r;
        }
        r.value = QString::fromUtf8(xorStream(keys.encryption, body.mid(1 + IdBytes, NonceBytes), body.mid(1 + IdBytes + NonceBytes)));
        return r;
    }
    const QByteArray sealed = bytes.mid(1 + IdBytes + NonceBytes2);
    QByteArray text(sealed.size(), '\0');
    unsigned long long textLength = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(text.data()), &textLength, nullptr, reinterpret_cast<const unsigned char *>(sealed.constData()),
            quint64(sealed.size()), reinterpret_cast<const unsigned char *>(bytes.constData()), 1 + IdBytes,
            reinterpret_cast<const unsigned char *>(bytes.constData()) + 1 + IdBytes, key.data())
        != 0) {
        r.error = damaged;
        return r;
    }
    r.value = QString::fromUtf8(text.constData(), qsizetype(textLength));
    sodium_memzero(text.data(), size_t(text.size()));
    return r;
}

}  // namespace oas::secrets
