#pragma once
// Escaping a value that is ASCII bytes (a row read as UTF-8 without decoding), inline for the export's hot
// path: the same bytes escapeText() gives for that text in any encoding and format (Escaping.h).
#include <QByteArrayView>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace oas::datafile {

// dst needs room for kMaxEscapedBytesPerAsciiByte bytes a byte of text; the end of what was written, or
// nullptr at the first byte that is not ASCII.
constexpr qsizetype kMaxEscapedBytesPerAsciiByte = 4;

inline char *escapeAscii(char *dst, QByteArrayView text)
{
    const char *data = text.data();
    const qsizetype n = text.size();
    // One byte the long way; false when it is not ASCII.
    auto one = [&](qsizetype i) {
        const uchar c = uchar(data[i]);
        if ((c > 0x20 && c < 0x7F && c != '\\') || (c == ' ' && i != 0 && i != n - 1)) {
            *dst++ = char(c);
        } else if (c == '\\') {
            *dst++ = '\\';
            *dst++ = '\\';
        } else if (c < 0x80) {  // control characters, DEL, a blank at either end
            *dst++ = '\\';
            *dst++ = 'x';
            *dst++ = "0123456789abcdef"[c >> 4];
            *dst++ = "0123456789abcdef"[c & 0xF];
        } else {
            return false;
        }
        return true;
    };
    if (n == 0)
        return dst;
    if (!one(0))
        return nullptr;
    const qsizetype last = n - 1;  // the bytes between the first and the last: blanks there are plain
    qsizetype i = 1;
    while (i < last) {
#if defined(__SSE2__)
        // Sixteen or eight bytes at a time where they are all plain: above the blank and below DEL (signed
        // compares: bytes with bit 8 set are negative), not the backslash, or blanks.
        const qsizetype left = last - i;
        if (left >= 8) {
            const bool wide = left >= 16;
            const __m128i v = wide ? _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i))
                                   : _mm_loadl_epi64(reinterpret_cast<const __m128i *>(data + i));
            const __m128i plain = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
                                                   _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)),
                                                                 _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F))));
            const unsigned mask = unsigned(_mm_movemask_epi8(plain));
            if (wide && mask == 0xFFFF) {
                _mm_storeu_si128(reinterpret_cast<__m128i *>(dst), v);
                dst += 16;
                i += 16;
                continue;
            }
            if (!wide && (mask & 0xFF) == 0xFF) {
                _mm_storel_epi64(reinterpret_cast<__m128i *>(dst), v);
                dst += 8;
                i += 8;
                continue;
            }
        }
#endif
        if (!one(i++))
            return nullptr;
    }
    if (n > 1 && !one(last))
        return nullptr;
    return dst;
}

}  // namespace oas::datafile
