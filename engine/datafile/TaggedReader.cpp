#include "TaggedReader.h"

#include "Escaping.h"

#include <cstring>

namespace oas::datafile {

namespace {

constexpr qsizetype kBlock = 256 * 1024;
constexpr size_t kMaxNames = 256;

QByteArrayView trimBlanks(QByteArrayView s)
{
    qsizetype b = 0;
    qsizetype e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        --e;
    return s.sliced(b, e - b);
}

bool sameLine(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

// An odd number of trailing backslashes continues the line (an even number are escaped backslashes).
bool continues(QByteArrayView line)
{
    qsizetype n = 0;
    while (n < line.size() && line[line.size() - 1 - n] == '\\')
        ++n;
    return n % 2 == 1;
}

bool isAscii(QByteArrayView s)
{
    for (char c : s) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

// Escapes resolved and bytes decoded; without a backslash and with plain ASCII, directly.
QString decodeValue(QByteArrayView text, config::Encoding encoding, QString *problem, bool *ok)
{
    *ok = true;
    if (text.isEmpty())
        return decodeBytes(QByteArray(), encoding, ok);
    if (!text.contains('\\')) {
        if (encoding == config::Encoding::Latin1 || isAscii(text))
            return QString::fromLatin1(text);
        return decodeBytes(text.toByteArray(), encoding, ok);
    }
    Unescaped u = unescapeBytes(text.toByteArray());
    *problem = u.problem;
    return decodeBytes(u.bytes, encoding, ok);
}

}  // namespace

TaggedReader::TaggedReader(QIODevice *device, DataFormat format)
    : m_device(device), m_format(std::move(format)), m_separator(encodeSeparator(m_format.recordSeparator, m_format.encoding))
{
}

// More bytes after the unread ones; false at the end of the input.
bool TaggedReader::fill()
{
    if (m_eof || !m_device)
        return false;
    const qsizetype left = m_buffer.size() - m_at;
    if (m_at > 0) {
        std::memmove(m_buffer.data(), m_buffer.constData() + m_at, size_t(left));
        m_at = 0;
    }
    const qsizetype room = std::max(kBlock, left);  // a line longer than a block doubles the buffer
    m_buffer.resize(left + room);
    const qint64 got = m_device->read(m_buffer.data() + left, room);
    m_buffer.resize(left + std::max<qint64>(got, 0));
    if (got <= 0) {
        m_eof = true;
        return false;
    }
    return true;
}

bool TaggedReader::readPhysical(Line &line)
{
    if (m_finished || !m_device)
        return false;
    qsizetype end = -1;
    for (qsizetype from = m_at;;) {
        const void *nl = std::memchr(m_buffer.constData() + from, '\n', size_t(m_buffer.size() - from));
        if (nl) {
            end = static_cast<const char *>(nl) - m_buffer.constData() + 1;
            break;
        }
        from = m_buffer.size() - m_at;  // after the move fill() makes
        if (!fill()) {
            end = m_buffer.size();
            break;
        }
    }
    if (end <= m_at)
        return false;
    QByteArrayView raw(m_buffer.constData() + m_at, end - m_at);
    m_at = end;
    m_bytesRead += raw.size();
    ++m_lineNo;
    line.raw = raw;
    line.number = m_lineNo;
    if (raw.endsWith('\n'))
        raw.chop(1);
    if (raw.endsWith('\r'))
        raw.chop(1);
    if (m_lineNo == 1 && raw.startsWith("\xEF\xBB\xBF") && m_format.encoding == config::Encoding::Utf8)
        raw = raw.sliced(3);
    line.text = raw;
    return true;
}

bool TaggedReader::isEmpty(const Record &record)
{
    return record.attributes.isEmpty() && !record.skipped && record.problems.isEmpty();
}

QString TaggedReader::attributeName(QByteArrayView bytes, bool *ok)
{
    for (const auto &[known, name] : m_names) {
        if (known == bytes)
            return *ok = true, name;
    }
    const QByteArray copy = bytes.toByteArray();
    const QString name = decodeBytes(copy, m_format.encoding, ok);
    if (*ok && m_names.size() < kMaxNames)
        m_names.emplace_back(copy, name);
    return name;
}

void TaggedReader::addAttribute(Record &record, QByteArrayView logical, int line)
{
    const qsizetype colon = logical.indexOf(':');
    if (colon < 0) {
        record.problems.append({line, QStringLiteral("missing colon in attribute line")});
        return;
    }
    // A name without a backslash (nearly all) is looked up as it stands, without a copy.
    const QByteArrayView nameText = trimBlanks(logical.first(colon));
    const Unescaped name = nameText.contains('\\') ? unescapeBytes(nameText.toByteArray()) : Unescaped();
    const QByteArrayView valueText = trimBlanks(logical.sliced(colon + 1));
    const bool emptyString = m_format.keepEmptyStrings && valueText == QByteArrayView("\\E");
    bool nameOk = true;
    bool valueOk = true;
    QString valueProblem;
    Attribute a;
    a.name = attributeName(name.bytes.isNull() ? nameText : QByteArrayView(name.bytes), &nameOk);
    if (!emptyString)
        a.value = decodeValue(valueText, m_format.encoding, &valueProblem, &valueOk);
    a.line = line;
    a.emptyString = emptyString;
    if (a.name.isEmpty()) {
        record.problems.append({line, QStringLiteral("missing attribute name")});
        return;
    }
    for (const QString &problem : {name.problem, valueProblem}) {
        if (!problem.isEmpty())
            record.problems.append({line, QStringLiteral("%1 in attribute %2").arg(problem, a.name)});
    }
    if (!nameOk || !valueOk)
        record.problems.append({line, QStringLiteral("invalid UTF-8 in attribute %1").arg(a.name)});
    record.attributes.append(std::move(a));
}

std::optional<Record> TaggedReader::next()
{
    Record record;
    record.attributes.reserve(16);
    if (m_hasPending) {
        record.line = m_pendingLine;
        record.rawText.reserve(512);
        record.rawText.append(m_pendingRaw);
        m_hasPending = false;
    }
    Line line;
    while (readPhysical(line)) {
        if (line.text.startsWith('#')) {
            if (record.line)
                record.rawText += line.raw;
            continue;
        }
        const int firstLine = line.number;
        QByteArrayView logical = line.text;
        QByteArrayView raw = line.raw;
        // Join continuation lines into one logical line; comment lines in between are skipped.
        QByteArray joined;
        QByteArray joinedRaw;
        if (continues(logical)) {
            joined = logical.toByteArray();
            joinedRaw = raw.toByteArray();
            while (continues(joined)) {
                joined.chop(1);
                Line more;
                if (!readPhysical(more))
                    break;
                joinedRaw += more.raw;
                if (!more.text.startsWith('#'))
                    joined += more.text;
                else
                    joined += '\\';  // keep continuing past the comment
            }
            logical = joined;
            raw = joinedRaw;
        }
        const QByteArrayView trimmed = trimBlanks(logical);
        if (sameLine(trimmed, m_separator)) {
            if (!isEmpty(record)) {
                m_hasPending = true;
                m_pendingRaw.truncate(0);
                m_pendingRaw.append(raw);
                m_pendingLine = firstLine;
                return record;
            }
            record = Record();
            record.attributes.reserve(16);
            record.line = firstLine;
            record.rawText.reserve(512);
            record.rawText.append(raw);
            continue;
        }
        if (sameLine(trimmed, "end:")) {
            m_endSeen = true;
            m_finished = true;
            break;
        }
        if (trimmed.isEmpty()) {
            if (record.line)
                record.rawText += raw;
            continue;
        }
        if (!record.line)
            record.line = firstLine;
        record.rawText += raw;
        if (sameLine(trimmed, "skip:"))
            record.skipped = true;
        else
            addAttribute(record, logical, firstLine);
    }
    m_finished = true;
    if (isEmpty(record))
        return std::nullopt;
    return record;
}

}  // namespace oas::datafile
