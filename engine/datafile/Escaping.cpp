#include "Escaping.h"

#include <QStringDecoder>

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace oas::datafile {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

char *putHex(char *dst, uchar byte)
{
    *dst++ = '\\';
    *dst++ = 'x';
    *dst++ = kHexDigits[byte >> 4];
    *dst++ = kHexDigits[byte & 0xF];
    return dst;
}

// UTF-8 bytes of one code point into b; their number. (QString::fromUcs4() would drop a lone U+FEFF as a
// byte-order mark.)
int utf8Of(char32_t cp, uchar b[4])
{
    if (cp < 0x80) {
        b[0] = uchar(cp);
        return 1;
    }
    if (cp < 0x800) {
        b[0] = uchar(0xC0 | (cp >> 6));
        b[1] = uchar(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        b[0] = uchar(0xE0 | (cp >> 12));
        b[1] = uchar(0x80 | ((cp >> 6) & 0x3F));
        b[2] = uchar(0x80 | (cp & 0x3F));
        return 3;
    }
    b[0] = uchar(0xF0 | (cp >> 18));
    b[1] = uchar(0x80 | ((cp >> 12) & 0x3F));
    b[2] = uchar(0x80 | ((cp >> 6) & 0x3F));
    b[3] = uchar(0x80 | (cp & 0x3F));
    return 4;
}

// Text is escaped in slices of this many units, so that a long value needs no buffer twelve times its size.
constexpr qsizetype kSliceUnits = 16384;

// Units [from, to) of a text of n units (the edge rule looks at units 0 and n - 1) escaped into dst, which
// has room for kMaxEscapedBytesPerUnit bytes a unit; the end of what was written, or nullptr when a character
// cannot be written in the encoding (*badChar). A surrogate pair must not straddle `to`.
char *escapeUnits(char *dst, const char16_t *data, qsizetype from, qsizetype to, qsizetype n, const DataFormat &format,
                  char32_t *badChar)
{
#if defined(__SSE2__)
    const __m128i beforeBlank = _mm_set1_epi16(0x1F);
    const __m128i del = _mm_set1_epi16(0x7F);
    const __m128i backslash = _mm_set1_epi16('\\');
#endif
    for (qsizetype i = from; i < to; ++i) {
#if defined(__SSE2__)
        // Eight units at a time, away from both ends (where blanks are escaped): as many as are plain.
        if (i > 0 && i + 9 <= n && i + 8 <= to) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
            const __m128i plain = _mm_andnot_si128(_mm_cmpeq_epi16(v, backslash),
                                                   _mm_and_si128(_mm_cmpgt_epi16(v, beforeBlank), _mm_cmplt_epi16(v, del)));
            const unsigned mask = unsigned(_mm_movemask_epi8(plain));
            _mm_storel_epi64(reinterpret_cast<__m128i *>(dst), _mm_packus_epi16(v, v));  // room: 12 bytes a unit
            const int count = mask == 0xFFFF ? 8 : __builtin_ctz(~mask) / 2;
            dst += count;
            i += count;
            if (count == 8) {
                --i;
                continue;
            }
        }
#endif
        const char16_t c = data[i];
        // Printable ASCII other than the backslash, and blanks not at either end, go out as they are.
        if ((c > 0x20 && c < 0x7F && c != u'\\') || (c == u' ' && i != 0 && i != n - 1)) {
            *dst++ = char(c);
            continue;
        }
        const qsizetype start = i;
        char32_t cp = c;
        if (QChar::isSurrogate(cp)) {
            if (QChar::isHighSurrogate(cp) && i + 1 < n && QChar::isLowSurrogate(data[i + 1]))
                cp = QChar::surrogateToUcs4(char16_t(cp), data[++i]);
            else
                cp = QChar::ReplacementCharacter;  // a lone surrogate is no character
        }
        const bool edge = start == 0 || i == n - 1;
        if (cp == U'\\') {
            *dst++ = '\\';
            *dst++ = '\\';
        } else if (cp < 0x20 || cp == 0x7F || (cp == U' ' && edge)) {
            dst = putHex(dst, uchar(cp));
        } else if (cp < 0x80) {
            *dst++ = char(cp);
        } else if (format.encoding == config::Encoding::Latin1) {
            if (cp > 0xFF) {
                if (badChar)
                    *badChar = cp;
                return nullptr;
            }
            if (format.eightBit && cp >= 0xA0 && cp <= 0xFE)
                *dst++ = char(cp);
            else
                dst = putHex(dst, uchar(cp));
        } else {
            uchar bytes[4];
            const int count = utf8Of(cp, bytes);
            for (int k = 0; k < count; ++k) {
                if (format.eightBit && cp >= 0xA0)
                    *dst++ = char(bytes[k]);
                else
                    dst = putHex(dst, bytes[k]);
            }
        }
    }
    return dst;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

}  // namespace

std::optional<QByteArray> escapeText(const QString &text, const DataFormat &format, char32_t *badChar)
{
    QByteArray out;
    out.reserve(text.size() + 8);
    if (!appendEscaped(out, text, format, badChar))
        return std::nullopt;
    return out;
}

char *escapeInto(char *dst, QStringView text, const DataFormat &format, char32_t *badChar)
{
    return escapeUnits(dst, text.utf16(), 0, text.size(), text.size(), format, badChar);
}

bool appendEscaped(QByteArray &out, const QString &text, const DataFormat &format, char32_t *badChar)
{
    const char16_t *data = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype n = text.size();
    for (qsizetype from = 0; from < n;) {
        qsizetype to = std::min(n, from + kSliceUnits);
        if (to < n && QChar::isHighSurrogate(data[to - 1]))
            ++to;  // the pair stays in one slice
        const qsizetype at = out.size();
        out.resize(at + (to - from) * kMaxEscapedBytesPerUnit);
        char *end = escapeUnits(out.data() + at, data, from, to, n, format, badChar);
        out.truncate(end ? end - out.constData() : at);
        if (!end)
            return false;
        from = to;
    }
    return true;
}

Unescaped unescapeBytes(const QByteArray &text)
{
    Unescaped result;
    if (!text.contains('\\')) {  // nothing to undo (nearly always): the same bytes, shared
        result.bytes = text;
        return result;
    }
    result.bytes.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c != '\\' || i + 1 == text.size()) {
            result.bytes += c;
            continue;
        }
        const char next = text.at(i + 1);
        if (next == '\\' || next == '#') {
            result.bytes += next;
            ++i;
        } else if (next == 'x' && i + 3 < text.size() && hexValue(text.at(i + 2)) >= 0
                   && hexValue(text.at(i + 3)) >= 0) {
            result.bytes += char(hexValue(text.at(i + 2)) * 16 + hexValue(text.at(i + 3)));
            i += 3;
        } else {
            if (result.problem.isEmpty())
                result.problem = QStringLiteral("invalid escape \\%1 (write a backslash as \\\\)")
                                     .arg(QString::fromLatin1(text.mid(i + 1, next == 'x' ? 3 : 1)));
            result.bytes += c;  // kept as written
        }
    }
    return result;
}

QString decodeBytes(const QByteArray &bytes, config::Encoding encoding, bool *ok)
{
    *ok = true;
    if (encoding == config::Encoding::Latin1)
        return QString::fromLatin1(bytes);
    // Keep a leading U+FEFF: inside a value it is data, not a byte-order mark.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    *ok = !decoder.hasError();
    return text;
}

QByteArray encodeSeparator(const QString &separator, config::Encoding encoding)
{
    return encoding == config::Encoding::Latin1 ? separator.toLatin1() : separator.toUtf8();
}

}  // namespace oas::datafile
