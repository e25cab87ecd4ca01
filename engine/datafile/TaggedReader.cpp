#include "TaggedReader.h"

#include "Escaping.h"

namespace oas::datafile {

namespace {

QByteArray trimBlanks(const QByteArray &s)
{
    qsizetype b = 0;
    qsizetype e = s.size();
    while (b < e && (s.at(b) == ' ' || s.at(b) == '\t'))
        ++b;
    while (e > b && (s.at(e - 1) == ' ' || s.at(e - 1) == '\t'))
        --e;
    return s.mid(b, e - b);
}

bool sameLine(const QByteArray &a, const QByteArray &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// An odd number of trailing backslashes continues the line (an even number are escaped backslashes).
bool continues(const QByteArray &line)
{
    qsizetype n = 0;
    while (n < line.size() && line.at(line.size() - 1 - n) == '\\')
        ++n;
    return n % 2 == 1;
}

}  // namespace

TaggedReader::TaggedReader(QIODevice *device, DataFormat format)
    : m_device(device), m_format(std::move(format)), m_separator(encodeSeparator(m_format.recordSeparator, m_format.encoding))
{
}

bool TaggedReader::readPhysical(Line &line)
{
    if (m_finished || !m_device)
        return false;
    QByteArray raw = m_device->readLine();
    if (raw.isEmpty())
        return false;
    m_bytesRead += raw.size();
    ++m_lineNo;
    line.raw = raw;
    line.number = m_lineNo;
    if (raw.endsWith('\n'))
        raw.chop(1);
    if (raw.endsWith('\r'))
        raw.chop(1);
    if (m_lineNo == 1 && raw.startsWith("\xEF\xBB\xBF") && m_format.encoding == config::Encoding::Utf8)
        raw.remove(0, 3);
    line.text = raw;
    return true;
}

bool TaggedReader::isEmpty(const Record &record)
{
    return record.attributes.isEmpty() && !record.skipped && record.problems.isEmpty();
}

void TaggedReader::addAttribute(Record &record, const QByteArray &logical, int line)
{
    const qsizetype colon = logical.indexOf(':');
    if (colon < 0) {
        record.problems.append({line, QStringLiteral("missing colon in attribute line")});
        return;
    }
    const Unescaped name = unescapeBytes(trimBlanks(logical.left(colon)));
    const QByteArray valueText = trimBlanks(logical.mid(colon + 1));
    const bool emptyString = m_format.keepEmptyStrings && valueText == QByteArrayLiteral("\\E");
    const Unescaped value = emptyString ? Unescaped() : unescapeBytes(valueText);
    bool nameOk = true;
    bool valueOk = true;
    Attribute a;
    a.name = decodeBytes(name.bytes, m_format.encoding, &nameOk);
    a.value = decodeBytes(value.bytes, m_format.encoding, &valueOk);
    a.line = line;
    a.emptyString = emptyString;
    if (a.name.isEmpty()) {
        record.problems.append({line, QStringLiteral("missing attribute name")});
        return;
    }
    for (const QString &problem : {name.problem, value.problem}) {
        if (!problem.isEmpty())
            record.problems.append({line, QStringLiteral("%1 in attribute %2").arg(problem, a.name)});
    }
    if (!nameOk || !valueOk)
        record.problems.append({line, QStringLiteral("invalid UTF-8 in attribute %1").arg(a.name)});
    record.attributes.append(a);
}

std::optional<Record> TaggedReader::next()
{
    Record record;
    if (m_pendingSeparator) {
        record.line = m_pendingSeparator->number;
        record.rawText = m_pendingSeparator->raw;
        m_pendingSeparator.reset();
    }
    Line line;
    while (readPhysical(line)) {
        if (line.text.startsWith('#')) {
            if (record.line)
                record.rawText += line.raw;
            continue;
        }
        // Join continuation lines into one logical line; comment lines in between are skipped.
        QByteArray logical = line.text;
        QByteArray raw = line.raw;
        const int firstLine = line.number;
        while (continues(logical)) {
            logical.chop(1);
            Line more;
            if (!readPhysical(more))
                break;
            raw += more.raw;
            if (!more.text.startsWith('#'))
                logical += more.text;
            else
                logical += '\\';  // keep continuing past the comment
        }
        const QByteArray trimmed = trimBlanks(logical);
        if (sameLine(trimmed, m_separator)) {
            if (!isEmpty(record)) {
                m_pendingSeparator = Line{line.text, raw, firstLine};
                return record;
            }
            record = Record();
            record.line = firstLine;
            record.rawText = raw;
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
