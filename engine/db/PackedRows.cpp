#include "PackedRows.h"

#include "ValueRead.h"

#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cstring>
#include <iterator>
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

// U+0001 and three other control characters: the separator cannot overlap itself, so the first place it
// starts at is where a value ends (PackedRows.h).
QByteArray randomSeparator()
{
    QByteArray separator(kSeparatorBytes, '\x01');
    for (qsizetype i = 1; i < separator.size(); ++i)
        separator[i] = char(QRandomGenerator::global()->bounded(2, 32));
    return separator;
}

bool usableSeparator(const QByteArray &separator)
{
    return separator.size() == kSeparatorBytes && separator.at(0) == '\x01'
           && std::all_of(separator.begin() + 1, separator.end(), [](char c) { return c >= 2 && c < 32; });
}

}  // namespace

PackedSelect packedSelect(const QString &sql, const QList<ColumnInfo> &columns, const std::vector<bool> &castToText,
                          const QByteArray &separator)
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
    packed.separator = usableSeparator(separator) ? separator : randomSeparator();
    QStringList chars;
    for (const char c : packed.separator)
        chars.append(QStringLiteral("chr(%1)").arg(int(c)));
    const QString sep = chars.join(QStringLiteral(" || "));
    // The masks: bit i of mask k is column k * kMaskColumns + i being NULL; worked out only for rows with a
    // NULL among those columns (num_nulls is cheaper than the sum: 1M rows of 15 columns 0.87 s against 0.94 s).
    QStringList masks;
    for (qsizetype first = 0; first < columns.size(); first += kMaskColumns) {
        QStringList bits;
        const qsizetype end = std::min<qsizetype>(first + kMaskColumns, columns.size());
        for (qsizetype i = first; i < end; ++i)
            bits.append(QStringLiteral("CASE WHEN %1 IS NULL THEN %2 ELSE 0 END").arg(names.at(i)).arg(qint64(1) << (i - first)));
        masks.append(QStringLiteral("CASE WHEN num_nulls(%1) = 0 THEN 0 ELSE %2 END")
                         .arg(names.mid(first, end - first).join(QStringLiteral(", ")), bits.join(QStringLiteral(" + "))));
    }
    packed.columns = columns;
    const QString list = names.join(QStringLiteral(", "));
    const QString from = withoutTrailingSemicolons(sql);
    QString values = list;
    if (columns.size() > kGroupColumns) {
        QStringList groups;
        for (qsizetype first = 0; first < columns.size(); first += kGroupColumns)
            groups.append(QStringLiteral("concat_ws(%1, %2)").arg(sep, names.mid(first, kGroupColumns).join(QStringLiteral(", "))));
        values = groups.join(QStringLiteral(", "));
    }
    const QString separated = QStringLiteral("concat_ws(%1, %2, %3)").arg(sep, masks.join(QStringLiteral(", ")), values);
    packed.sql = QStringLiteral("SELECT %1 FROM (%2) AS packed(%3)").arg(separated, from, list);
    packed.recoverSql = QStringLiteral("SELECT DISTINCT CAST(ROW(%1) AS text) COLLATE \"C\" FROM (%2) AS packed(%1) "
                                       "WHERE %3 COLLATE \"C\" = CAST(? AS text) LIMIT 2")
                            .arg(list, from, separated);
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

// UTF-8 bytes as the whole of value.
void putUtf8(QString &value, const char *p, qsizetype n)
{
    letGoOfLargeBuffer(value, n);
    setUtf8(value, p, n);
}

// The first of a or b from p on, or end.
const char16_t *findEither(const char16_t *p, const char16_t *end, char a, char b)
{
    while (p != end && *p != char16_t(a) && *p != char16_t(b))
        ++p;
    return p;
}

// Where the separator sep (kSeparatorBytes, the first U+0001, the others not) next starts at or after p, or
// end: a U+0001 that does not start the whole separator is part of the value. Also whether the bytes before
// it are all ASCII: one pass, sixteen bytes at a time, where a search and then a check were two.
const char *fieldEnd(const char *p, const char *const end, const char *sep, bool *ascii)
{
    unsigned high = 0;
    auto startsHere = [&](const char *at) { return end - at >= kSeparatorBytes && std::memcmp(at, sep, kSeparatorBytes) == 0; };
#if defined(__SSE2__)
    const __m128i first = _mm_set1_epi8(1);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const unsigned hits = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, first)));
        const unsigned top = unsigned(_mm_movemask_epi8(v));  // bytes with bit 8 set
        if (!hits) {
            high |= top;
            p += 16;
            continue;
        }
        const int at = __builtin_ctz(hits);
        high |= top & ((1u << at) - 1);  // those before the U+0001
        if (startsHere(p + at)) {
            *ascii = high == 0;
            return p + at;
        }
        p += at + 1;  // a U+0001 of the value (ASCII)
    }
#endif
    for (; p != end && !(*p == 1 && startsHere(p)); ++p)
        high |= uchar(*p) & 0x80;
    *ascii = high == 0;
    return p;
}

// The same in UTF-16 (without the check for ASCII).
const char16_t *fieldEnd(const char16_t *p, const char16_t *const end, const char16_t *sep)
{
    return std::search(p, end, sep, sep + kSeparatorBytes);
}

// ASCII bytes as the whole of value: each byte is its UTF-16 unit.
void putAscii(QString &value, const char *p, qsizetype n)
{
    letGoOfLargeBuffer(value, n);
    value.resize(n);
    char16_t *out = reinterpret_cast<char16_t *>(value.data());
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i), _mm_unpacklo_epi8(v, zero));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i + 8), _mm_unpackhi_epi8(v, zero));
    }
#endif
    for (; i < n; ++i)
        out[i] = uchar(p[i]);
}

// The packed text: the masks' digits, separated, then a separator and the text of each column that is not
// NULL (in groups: see PackedRows.h). The masks come first, so a separator inside a value cannot move them:
// it leaves text over at the end, false. Each of the columns' fields goes to field(i, start, size, ascii)
// (start nullptr: NULL; ascii: UTF-8 bytes that are all ASCII, always false for UTF-16), in order.
template <typename Unit, typename Field>
bool splitSeparated(const Unit *p, const Unit *const end, const Unit *sep, size_t columns, Field &&field)
{
    auto separatorAt = [&](const Unit *at) { return end - at >= kSeparatorBytes && std::equal(sep, sep + kSeparatorBytes, at); };
    quint64 masks[32];  // enough for the 1600 columns a PostgreSQL row can have
    const size_t maskCount = (columns + kMaskColumns - 1) / kMaskColumns;
    if (maskCount > std::size(masks))
        return false;
    for (size_t k = 0; k < maskCount; ++k) {
        if (k > 0) {
            if (!separatorAt(p))
                return false;
            p += kSeparatorBytes;
        }
        const Unit *digits = p;
        quint64 mask = 0;
        for (; p != end && *p >= Unit('0') && *p <= Unit('9') && p - digits < 19; ++p)
            mask = mask * 10 + quint64(*p - Unit('0'));
        if (p == digits)
            return false;
        masks[k] = mask;
    }
    const bool grouped = columns > size_t(kGroupColumns);
    bool firstOfGroup = false;
    for (size_t i = 0; i < columns; ++i) {
        if (grouped && i % kGroupColumns == 0) {  // a group's text starts after a separator, maybe empty
            if (!separatorAt(p))
                return false;
            p += kSeparatorBytes;
            firstOfGroup = true;
        }
        if (masks[i / kMaskColumns] & (quint64(1) << (i % kMaskColumns))) {
            field(i, static_cast<const Unit *>(nullptr), 0, false);
            continue;
        }
        if (!firstOfGroup) {  // each value after a separator, but the first in its group
            if (!separatorAt(p))
                return false;
            p += kSeparatorBytes;
        }
        firstOfGroup = false;
        const Unit *start = p;
        bool ascii = false;
        if constexpr (std::is_same_v<Unit, char>)
            p = fieldEnd(p, end, sep, &ascii);
        else
            p = fieldEnd(p, end, sep);
        field(i, start, p - start, ascii);
    }
    return p == end;
}

// The record syntax (read for rows whose values hold the separator): text between the syntax characters is
// copied in pieces, as long as possible.
bool unpackFields(const char16_t *p, const char16_t *const end, std::vector<std::optional<QString>> &row)
{
    using Unit = char16_t;
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
                while (p != end && QChar::isLowSurrogate(*p))
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

bool unpackRow(QStringView text, QByteArrayView separator, std::vector<std::optional<QString>> &row)
{
    if (separator.size() != kSeparatorBytes)
        return false;
    char16_t sep[kSeparatorBytes];
    std::copy(separator.begin(), separator.end(), sep);
    const char16_t *p = text.utf16();
    return splitSeparated(p, p + text.size(), sep, row.size(), [&](size_t i, const char16_t *start, qsizetype n, bool) {
        if (!start)
            return row[i].reset();
        if (!row[i])
            row[i].emplace();
        putPiece(*row[i], true, start, n);
    });
}

bool unpackRow(QByteArrayView utf8, QByteArrayView separator, std::vector<std::optional<QString>> &row)
{
    if (separator.size() != kSeparatorBytes)
        return false;
    return splitSeparated(utf8.data(), utf8.data() + utf8.size(), separator.data(), row.size(),
                          [&](size_t i, const char *start, qsizetype n, bool ascii) {
                              if (!start)
                                  return row[i].reset();
                              if (!row[i])
                                  row[i].emplace();
                              if (ascii)
                                  putAscii(*row[i], start, n);
                              else
                                  putUtf8(*row[i], start, n);
                          });
}

bool splitRow(QByteArrayView utf8, QByteArrayView separator, std::vector<std::optional<QByteArrayView>> &fields)
{
    if (separator.size() != kSeparatorBytes)
        return false;
    return splitSeparated(utf8.data(), utf8.data() + utf8.size(), separator.data(), fields.size(),
                          [&](size_t i, const char *start, qsizetype n, bool) {
                              if (start)
                                  fields[i].emplace(start, n);
                              else
                                  fields[i].reset();
                          });
}

bool unpackRecord(QStringView text, std::vector<std::optional<QString>> &row)
{
    const char16_t *p = text.utf16();
    return unpackFields(p, p + text.size(), row);
}

qsizetype packedRowBytes(const QList<ColumnInfo> &columns)
{
    qsizetype units = 20 * ((columns.size() + kMaskColumns - 1) / kMaskColumns);  // the masks' digits
    for (const ColumnInfo &c : columns)
        units += kSeparatorBytes + (c.size > 0 ? std::min<qint64>(c.size, 2000) : 256);
    return std::clamp<qsizetype>(units * 2 + 16, 1024, 65536);  // UTF-16 units, or UTF-8 with room to spare
}

}  // namespace oas::db
