#pragma once
// Copying the few bytes of a short value or name: most are under 32 bytes, and on the export's hot paths
// (a record's lines, a row's canonical form for hashing) a call to memcpy for each cost more than the copy.
// Up to 32 bytes go as two fixed-size copies that may overlap, which compile to a few moves.
#include <cstddef>
#include <cstring>

namespace oas::datafile {

inline void copySmall(char *dst, const char *src, size_t n)
{
    if (n >= 16 && n <= 32) {
        std::memcpy(dst, src, 16);
        std::memcpy(dst + n - 16, src + n - 16, 16);
    } else if (n >= 8 && n < 16) {
        std::memcpy(dst, src, 8);
        std::memcpy(dst + n - 8, src + n - 8, 8);
    } else if (n >= 4 && n < 8) {
        std::memcpy(dst, src, 4);
        std::memcpy(dst + n - 4, src + n - 4, 4);
    } else if (n < 4) {
        for (size_t i = 0; i < n; ++i)
            dst[i] = src[i];
    } else {
        std::memcpy(dst, src, n);
    }
}

}  // namespace oas::datafile
