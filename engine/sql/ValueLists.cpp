#include "ValueLists.h"

#include <algorithm>

namespace oas::sql {

char16_t *writeQuoted(char16_t *dst, QStringView text, bool arrayElement, bool *nul)
{
    *dst++ = u'"';
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\') {
            *dst++ = c;
        } else if (c == u'"' || c == u'\\' || arrayElement) {
            if (c == 0 && nul)
                *nul = true;
            *dst++ = u'\\';
            *dst++ = c;
        } else {  // a control character in JSON
            if (c == 0 && nul)
                *nul = true;
            static constexpr char16_t hex[] = u"0123456789abcdef";
            *dst++ = u'\\';
            *dst++ = u'u';
            *dst++ = u'0';
            *dst++ = u'0';
            *dst++ = hex[c >> 4];
            *dst++ = hex[c & 0xF];
        }
    }
    *dst++ = u'"';
    return dst;
}

char16_t *grow(QString &out, qsizetype units)
{
    const qsizetype at = out.size();
    if (out.capacity() < at + units)
        out.reserve(std::max(at + units, out.capacity() * 2));
    out.resize(at + units);
    return reinterpret_cast<char16_t *>(out.data()) + at;
}

void finish(QString &out, const char16_t *end)
{
    out.truncate(end - reinterpret_cast<const char16_t *>(out.constData()));
}

void appendList(QString &out, const std::vector<const QString *> &values, bool postgresArray)
{
    qsizetype room = 2;
    for (const QString *v : values)
        room += quotedRoom(*v) + 1;
    char16_t *dst = grow(out, room);
    *dst++ = postgresArray ? u'{' : u'[';
    for (size_t k = 0; k < values.size(); ++k) {
        if (k)
            *dst++ = u',';
        dst = writeQuoted(dst, *values[k], postgresArray);
    }
    *dst++ = postgresArray ? u'}' : u']';
    finish(out, dst);
}

}  // namespace oas::sql
