#include "ElementCodec.h"

#include <QtEndian>

#include <algorithm>

namespace oas::exporter::delta {

void appendU32(QByteArray &out, quint32 v)
{
    const quint32 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), 4);
}

void appendU64(QByteArray &out, quint64 v)
{
    const quint64 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), 8);
}

void appendString(QByteArray &out, const std::optional<QString> &s)
{
    if (!s) {
        appendU32(out, 0xFFFFFFFFu);
        return;
    }
    // Plain ASCII, the usual key, is narrowed in place; anything else through toUtf8() (whose bytes for a
    // lone surrogate, '?', earlier reference files hold).
    const char16_t *units = reinterpret_cast<const char16_t *>(s->constData());
    const qsizetype n = s->size();
    if (std::all_of(units, units + n, [](char16_t c) { return c < 0x80; })) {
        appendU32(out, quint32(n));
        const qsizetype at = out.size();
        out.resize(at + n);
        std::transform(units, units + n, out.data() + at, [](char16_t c) { return char(c); });
        return;
    }
    const QByteArray utf8 = s->toUtf8();
    appendU32(out, quint32(utf8.size()));
    out += utf8;
}

qint64 appendElement(QByteArray &out, const RefElement &e, bool withDataPosition)
{
    qint64 keyBytes = 0;
    for (const auto &k : e.keys) {
        const qsizetype before = out.size();
        appendString(out, k);
        if (k)
            keyBytes += out.size() - before - 4;
    }
    out += e.hash;
    for (const auto &s : e.saved)
        appendString(out, s);
    if (withDataPosition) {
        appendU64(out, quint64(e.dataOffset));
        appendU64(out, quint64(e.dataLength));
    }
    return keyBytes;
}

void ElementReader::reset(QIODevice *device)
{
    m_device = device;
    m_buffer.clear();
    m_pos = 0;
}

bool ElementReader::ensure(qint64 n)
{
    const qint64 left = m_buffer.size() - m_pos;
    if (left >= n)
        return true;
    QByteArray refill = m_buffer.mid(m_pos);
    refill += m_device->read(std::max<qint64>(n - left, 64 * 1024));
    m_buffer = std::move(refill);
    m_pos = 0;
    return m_buffer.size() >= n;
}

bool ElementReader::bytes(QByteArray &b, qint64 n)
{
    if (!ensure(n))
        return false;
    b = m_buffer.mid(m_pos, n);
    m_pos += n;
    return true;
}

// Takes a little-endian T at pos, which ensure() has made available.
template <typename T>
static T take(const QByteArray &buffer, qint64 &pos)
{
    const T v = qFromLittleEndian<T>(buffer.constData() + pos);
    pos += qint64(sizeof(T));
    return v;
}

bool ElementReader::u32(quint32 &v)
{
    if (!ensure(4))
        return false;
    v = take<quint32>(m_buffer, m_pos);
    return true;
}

bool ElementReader::u64(quint64 &v)
{
    if (!ensure(8))
        return false;
    v = take<quint64>(m_buffer, m_pos);
    return true;
}

bool ElementReader::string(std::optional<QString> &s)
{
    quint32 n = 0;
    if (!u32(n))
        return false;
    if (n == 0xFFFFFFFFu) {
        s.reset();
        return true;
    }
    if (n > (1u << 30) || !ensure(n))
        return false;
    s = QString::fromUtf8(m_buffer.constData() + m_pos, qsizetype(n));
    m_pos += n;
    return true;
}

bool ElementReader::element(RefElement &e, int keyCount, int hashSize, int savedCount, bool withDataPosition)
{
    e.keys.resize(size_t(keyCount));
    for (auto &k : e.keys) {
        if (!string(k))
            return false;
    }
    if (!bytes(e.hash, hashSize))
        return false;
    e.saved.resize(size_t(savedCount));
    for (auto &s : e.saved) {
        if (!string(s))
            return false;
    }
    if (withDataPosition) {
        quint64 offset = 0;
        quint64 length = 0;
        if (!u64(offset) || !u64(length))
            return false;
        e.dataOffset = qint64(offset);
        e.dataLength = qint64(length);
    }
    return true;
}

}  // namespace oas::exporter::delta
