#include "Cipher.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace oas::secrets {

namespace {

constexpr int NonceBytes = 16;
constexpr int IdBytes = 4;
constexpr int TagBytes = 32;
constexpr QByteArrayView FormatVersion = "\x01";
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
    QByteArray b(n, '\0');
    QRandomGenerator *g = QRandomGenerator::system();
    for (int i = 0; i < n; ++i)
        b[i] = char(g->bounded(256));
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

QByteArray keyIdBytes(const QByteArray &key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha256).left(IdBytes);
}

void derive(const Key &key)
{
    if (!key.encryptionKey.isEmpty())
        return;
    key.encryptionKey = hmac(key.bytes, "oas encryption key v1");
    key.authenticationKey = hmac(key.bytes, "oas authentication key v1");
    key.idBytes = keyIdBytes(key.bytes);
}

}  // namespace

QString Key::id() const
{
    return QString::fromLatin1(keyIdBytes(bytes).toHex());
}

QByteArray newKeyBytes()
{
    return randomBytes(KeyBytes);
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
    derive(key);
    const QByteArray head = FormatVersion.toByteArray() + key.idBytes + randomBytes(NonceBytes);
    const QByteArray body = head + xorStream(key.encryptionKey, head.mid(1 + IdBytes), plain.toUtf8());
    return QStringLiteral("encrypted:") + QString::fromLatin1((body + hmac(key.authenticationKey, body)).toBase64(B64));
}

Decrypted decrypt(const Key &key, const QString &payload)
{
    Decrypted r;
    const auto bytes = fromBase64(payload);
    if (!bytes || bytes->size() < 1 + IdBytes + NonceBytes + TagBytes || bytes->at(0) != FormatVersion[0]) {
        r.error = QStringLiteral("not a value made by \"odbc-agent secret encrypt\" (damaged or cut off)");
        return r;
    }
    derive(key);
    const QByteArray id = bytes->mid(1, IdBytes);
    if (id != key.idBytes) {
        r.error = QStringLiteral("encrypted with another key (key id %1; the key from %2 has id %3)")
                      .arg(QString::fromLatin1(id.toHex()), key.source, key.id());
        return r;
    }
    const QByteArray body = bytes->left(bytes->size() - TagBytes);
    if (!sameBytes(hmac(key.authenticationKey, body), bytes->right(TagBytes))) {
        r.error = QStringLiteral("the encrypted value is damaged (its check does not match)");
        return r;
    }
    const QByteArray plain = xorStream(key.encryptionKey, body.mid(1 + IdBytes, NonceBytes), body.mid(1 + IdBytes + NonceBytes));
    r.value = QString::fromUtf8(plain);
    return r;
}

}  // namespace oas::secrets
