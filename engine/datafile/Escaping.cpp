#include "Escaping.h"

#include <QStringDecoder>

namespace oas::datafile {

namespace {

void appendHex(QByteArray &out, uchar byte)
{
    static const char digits[] = "0123456789abcdef";
    out += "\\x";
    out += digits[byte >> 4];
    out += digits[byte & 0xF];
}

// UTF-8 bytes of one code point. (QString::fromUcs4() would drop a lone U+FEFF as a byte-order mark.)
QByteArray utf8Of(char32_t cp)
{
    QByteArray b;
    if (cp < 0x80) {
        b += char(cp);
    } else if (cp < 0x800) {
        b += char(0xC0 | (cp >> 6));
        b += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        b += char(0xE0 | (cp >> 12));
        b += char(0x80 | ((cp >> 6) & 0x3F));
        b += char(0x80 | (cp & 0x3F));
    } else {
        b += char(0xF0 | (cp >> 18));
        b += char(0x80 | ((cp >> 12) & 0x3F));
        b += char(0x80 | ((cp >> 6) & 0x3F));
        b += char(0x80 | (cp & 0x3F));
    }
    return b;
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

bool appendEscaped(QByteArray &out, const QString &text, const DataFormat &format, char32_t *badChar)
{
    const QChar *data = text.constData();
    const qsizetype n = text.size();
    out.reserve(out.size() + n + 16);
    // Printable ASCII other than the backslash (and blanks not at either end) goes out as it is: copy such
    // runs in one step.
    auto plain = [&](qsizetype i) {
        const char16_t c = data[i].unicode();
        return (c > 0x20 && c < 0x7F && c != u'\\') || (c == u' ' && i != 0 && i != n - 1);
    };
    for (qsizetype i = 0; i < n; ++i) {
        if (plain(i)) {
            qsizetype end = i + 1;
            while (end < n && plain(end))
                ++end;
            const qsizetype at = out.size();
            out.resize(at + (end - i));
            char *dst = out.data() + at;
            for (qsizetype k = i; k < end; ++k)
                *dst++ = char(data[k].unicode());
            i = end - 1;
            continue;
        }
        const qsizetype start = i;
        char32_t cp = data[i].unicode();
        if (QChar::isSurrogate(cp)) {
            if (QChar::isHighSurrogate(cp) && i + 1 < n && data[i + 1].isLowSurrogate())
                cp = QChar::surrogateToUcs4(char16_t(cp), data[++i].unicode());
            else
                cp = QChar::ReplacementCharacter;  // a lone surrogate is no character
        }
        const bool edge = start == 0 || i == n - 1;
        if (cp >= 0x21 && cp < 0x7F && cp != U'\\') {
            out += char(cp);  // the common case: printable ASCII
        } else if (cp == U'\\') {
            out += "\\\\";
        } else if (cp < 0x20 || cp == 0x7F || (cp == U' ' && edge)) {
            appendHex(out, uchar(cp));
        } else if (cp < 0x80) {
            out += char(cp);
        } else if (format.encoding == config::Encoding::Latin1) {
            if (cp > 0xFF) {
                if (badChar)
                    *badChar = cp;
                return false;
            }
            if (format.eightBit && cp >= 0xA0 && cp <= 0xFE)
                out += char(cp);
            else
                appendHex(out, uchar(cp));
        } else {
            const QByteArray utf8 = utf8Of(cp);
            if (format.eightBit && cp >= 0xA0) {
                out += utf8;
            } else {
                for (char b : utf8)
                    appendHex(out, uchar(b));
            }
        }
    }
    return true;
}

Unescaped unescapeBytes(const QByteArray &text)
{
    Unescaped result;
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
