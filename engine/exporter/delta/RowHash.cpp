#include "RowHash.h"

#include "../../datafile/SmallCopy.h"

#include <xxhash.h>

#include <cstring>

namespace oas::exporter::delta {

// The canonical form is laid out in one buffer and hashed in one call: feeding XXH3 a few bytes at a time
// costs more than the hashing itself. (XXH3 gives the same digest either way.) Values are copied with
// copySmall: a memcpy call for each was a tenth of a delta export's time.
QByteArray rowHash(const std::vector<std::optional<QString>> &values, int octets)
{
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "the canonical form is UTF-16LE: add a byte swap here");
    thread_local std::vector<char> canonical;
    size_t size = 0;
    for (const auto &v : values)
        size += v ? 5 + size_t(v->size()) * 2 : 1;
    if (canonical.size() < size)
        canonical.resize(size * 2);
    char *p = canonical.data();
    for (const auto &v : values) {
        if (!v) {
            *p++ = 0;
            continue;
        }
        const quint32 n = quint32(v->size());
        *p++ = 1;
        *p++ = char(n);
        *p++ = char(n >> 8);
        *p++ = char(n >> 16);
        *p++ = char(n >> 24);
        datafile::copySmall(p, reinterpret_cast<const char *>(v->constData()), size_t(n) * 2);
        p += size_t(n) * 2;
    }
    const XXH128_hash_t h = XXH3_128bits(canonical.data(), size);
    XXH128_canonical_t digest;
    XXH128_canonicalFromHash(&digest, h);
    return QByteArray(reinterpret_cast<const char *>(digest.digest), std::clamp(octets, 1, 16));
}

}  // namespace oas::exporter::delta
