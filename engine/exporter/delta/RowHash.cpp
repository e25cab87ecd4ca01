#include "RowHash.h"

#include <xxhash.h>

namespace oas::exporter::delta {

QByteArray rowHash(const std::vector<std::optional<QString>> &values, int octets)
{
    XXH3_state_t *state = XXH3_createState();
    XXH3_128bits_reset(state);
    for (const auto &v : values) {
        if (!v) {
            const char null = 0;
            XXH3_128bits_update(state, &null, 1);
            continue;
        }
        const quint32 n = quint32(v->size());
        const unsigned char head[5] = {1, uchar(n), uchar(n >> 8), uchar(n >> 16), uchar(n >> 24)};
        XXH3_128bits_update(state, head, sizeof head);
        static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "the canonical form is UTF-16LE: add a byte swap here");
        XXH3_128bits_update(state, v->constData(), size_t(n) * 2);
    }
    const XXH128_hash_t h = XXH3_128bits_digest(state);
    XXH3_freeState(state);
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, h);
    return QByteArray(reinterpret_cast<const char *>(canonical.digest), std::clamp(octets, 1, 16));
}

}  // namespace oas::exporter::delta
