#include "PackedRows.h"

#include "ValueRead.h"

#include <QSet>

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <type_traits>

#include <sql.h>
#include <sqlext.h>

namespace oas::db {

namespace {

// PostgreSQL types whose text psqlODBC hands out unchanged (integers are read as numbers and printed the
// same way): the composite value carries the very same text.
bool packable(const QString &typeName)
{
    static const QSet<QString> names{QStringLiteral("int2"), QStringLiteral("int4"), QStringLiteral("int8"),
                                     QStringLiteral("varchar"), QStringLiteral("text"), QStringLiteral("bpchar"),
                                     QStringLiteral("char")};  // psqlODBC names CHAR(n) "char"
    return names.contains(typeName.toLower());
}

}  // namespace

PackedSelect packedSelect(const QString &sql, const QList<ColumnInfo> &columns, const std::vector<bool> &castToText)
{
    PackedSelect packed;
    if (columns.isEmpty())
        return packed;
    QStringList names;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const bool cast = size_t(i) < castToText.size() && castToText[size_t(i)];
        if (!cast && !packable(columns.at(i).typeName))
            return packed;
        names.append(QStringLiteral("c%1").arg(i + 1));
    }
    packed.columns = columns;
    const QString list = names.join(QStringLiteral(", "));
    packed.sql = QStringLiteral("SELECT CAST(ROW(%1) AS text) FROM (%2) AS packed(%1)").arg(list, withoutTrailingSemicolons(sql));
    return packed;
}

namespace {

// A row's strings are reused for the next row, but not a large buffer for a short text: rows come in
// batches that circulate, and each string would otherwise keep the largest text it ever held.
void letGoOfLargeBuffer(QString &value, qsizetype n)
{
    if (value.capacity() > 16384 && value.capacity() > 4 * n)
        value = QString();
}

// A piece of a field's text into value: in place of its content (the first piece) or after it.
void putPiece(QString &value, bool first, const char16_t *p, qsizetype n)
{
    if (first) {
        letGoOfLargeBuffer(value, n);
        value.setUnicode(reinterpret_cast<const QChar *>(p), n);
    } else {
        value.append(reinterpret_cast<const QChar *>(p), n);
    }
}

void putPiece(QString &value, bool first, const char *p, qsizetype n)
{
    if (first) {
        letGoOfLargeBuffer(value, n);
        setUtf8(value, p, n);
    } else {
        appendUtf8(value, p, n);
    }
}

// The first of a or b from p on, or end.
const char16_t *findEither(const char16_t *p, const char16_t *end, char a, char b)
{
    while (p != end && *p != char16_t(a) && *p != char16_t(b))
        ++p;
    return p;
}

const char *findEither(const char *p, const char *end, char a, char b)
{
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a);
    const __m128i vb = _mm_set1_epi8(b);
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const int hits = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)));
        if (hits)
            return p + __builtin_ctz(unsigned(hits));
    }
#endif
    while (p != end && *p != a && *p != b)
        ++p;
    return p;
}

// The record syntax is ASCII, so one parser serves UTF-16 and UTF-8: text between the syntax characters is
// copied in pieces, as long as possible.
template <typename Unit>
bool unpackFields(const Unit *p, const Unit *const end, std::vector<std::optional<QString>> &row)
{
    if (p == end || *p != Unit('('))
        return false;
    ++p;
    for (size_t i = 0; i < row.size(); ++i) {
        if (i > 0) {
            if (p == end || *p != Unit(','))
                return false;
            ++p;
        }
        if (p == end)
            return false;
        if (*p == Unit(',') || *p == Unit(')')) {  // nothing: NULL
            row[i].reset();
            continue;
        }
        if (!row[i])
            row[i].emplace();
        QString &value = *row[i];  // its buffer is reused from the previous row
        if (*p != Unit('"')) {  // unquoted: no quote, backslash, comma, parenthesis or space inside
            const Unit *start = p;
            p = findEither(p, end, ',', ')');
            putPiece(value, true, start, p - start);
            continue;
        }
        ++p;
        for (bool first = true;; first = false) {
            const Unit *start = p;
            p = findEither(p, end, '"', '\\');
            putPiece(value, first, start, p - start);
            if (p == end)
                return false;
            if (*p == Unit('\\')) {  // escapes the next character (ASCII or the first unit of one)
                if (++p == end)
                    return false;
                start = p++;
                while (p != end && (std::is_same_v<Unit, char> ? (uchar(*p) & 0xC0) == 0x80 : QChar::isLowSurrogate(*p)))
                    ++p;  // the rest of that character
                putPiece(value, false, start, p - start);
            } else if (p + 1 != end && p[1] == Unit('"')) {  // "" inside quotes
                value.append(QLatin1Char('"'));
                p += 2;
            } else {
                ++p;  // the closing quote
                break;
            }
        }
    }
    return p != end && *p == Unit(')') && p + 1 == end;
}

}  // namespace

bool unpackRow(QStringView text, std::vector<std::optional<QString>> &row)
{
    const char16_t *p = text.utf16();
    return unpackFields(p, p + text.size(), row);
}

bool unpackRow(QByteArrayView utf8, std::vector<std::optional<QString>> &row)
{
    return unpackFields(utf8.data(), utf8.data() + utf8.size(), row);
}

qsizetype packedRowBytes(const QList<ColumnInfo> &columns)
{
    qsizetype units = 2;  // the parentheses
    for (const ColumnInfo &c : columns)
        units += 3 + (c.size > 0 ? std::min<qint64>(c.size, 2000) : 256);  // quotes and comma
    return std::clamp<qsizetype>(units * 2 + 16, 1024, 65536);  // UTF-16 units, or UTF-8 with room to spare
}

}  // namespace oas::db
