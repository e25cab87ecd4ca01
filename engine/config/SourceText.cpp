#include "SourceText.h"

#include <QFile>

#include <QStringDecoder>

namespace oas::config {

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

QString trimBlanks(const QString &s)
{
    qsizetype begin = 0;
    qsizetype end = s.size();
    while (begin < end && isBlank(s.at(begin)))
        ++begin;
    while (end > begin && isBlank(s.at(end - 1)))
        --end;
    return s.mid(begin, end - begin);
}

SourcePos LogicalLine::posAt(int offset, int length) const
{
    if (segments.isEmpty())
        return {};
    const Segment *seg = &segments.first();
    for (const Segment &s : segments) {
        if (s.logicalStart <= offset)
            seg = &s;
        else
            break;
    }
    return SourcePos{seg->line, seg->column0 + (offset - seg->logicalStart) + 1, length};
}

SourceText SourceText::fromBytes(const QByteArray &bytes)
{
    QByteArray data = bytes;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(data);
    if (utf8.hasError())
        text = QString::fromLatin1(data);
    return fromString(text);
}

SourceText SourceText::fromString(const QString &text)
{
    SourceText source;
    source.m_lines = text.split(QLatin1Char('\n'));
    for (QString &line : source.m_lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    if (source.m_lines.size() > 1 && source.m_lines.last().isEmpty())
        source.m_lines.removeLast();  // the newline that ends the last line starts no new line
    return source;
}

QString SourceText::physicalLine(int line) const
{
    return line >= 1 && line <= m_lines.size() ? m_lines.at(line - 1) : QString();
}

static bool isCommentLine(const QString &line)
{
    for (QChar c : line) {
        if (!isBlank(c))
            return c == QLatin1Char('#');
    }
    return false;
}

QList<LogicalLine> SourceText::logicalLines() const
{
    QList<LogicalLine> result;
    LogicalLine current;
    bool continuing = false;
    for (int i = 0; i < m_lines.size(); ++i) {
        const QString &raw = m_lines.at(i);
        if (!continuing && (isCommentLine(raw) || trimBlanks(raw).isEmpty()))
            continue;
        int start = 0;
        if (continuing) {
            while (start < raw.size() && isBlank(raw.at(start)))
                ++start;
        }
        QString piece = raw.mid(start);
        const bool continues = piece.endsWith(QLatin1Char('\\'));
        if (continues)
            piece.chop(1);
        current.segments.append({int(current.text.size()), i + 1, start});
        current.text += piece;
        continuing = continues;
        if (!continuing) {
            result.append(current);
            current = LogicalLine();
        }
    }
    if (continuing)  // a backslash on the last line continues into nothing
        result.append(current);
    return result;
}

std::optional<QByteArray> readBoundedFile(const QString &path, QString *error, qint64 maxBytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1 for reading: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    QByteArray bytes = f.read(maxBytes + 1);
    if (bytes.size() > maxBytes) {
        *error = QStringLiteral("%1 is too large: more than %2 MiB (a configuration is a few kilobytes)").arg(path).arg(maxBytes / (1024 * 1024));
        return std::nullopt;
    }
    return bytes;
}

QString SourceText::excerpt(const SourcePos &pos) const
{
    const QString line = physicalLine(pos.line);
    int lead = 0;
    while (lead < line.size() && isBlank(line.at(lead)))
        ++lead;
    QString trimmed = trimBlanks(line);
    const int at = std::clamp(pos.column - 1 - lead, 0, int(trimmed.size()));
    trimmed.insert(at, QStringLiteral("??"));
    // A very long line (hostile or generated) is shown around the mark only: a diagnostic stays readable.
    constexpr int kAround = 100;
    if (trimmed.size() > 2 * kAround + 2) {
        const int from = std::max(0, at - kAround);
        const int to = std::min(int(trimmed.size()), at + 2 + kAround);
        trimmed = (from > 0 ? QStringLiteral("...") : QString()) + trimmed.mid(from, to - from)
                  + (to < trimmed.size() ? QStringLiteral("...") : QString());
    }
    return trimmed;
}

Diagnostic SourceText::diagnostic(Severity severity, const SourcePos &pos, const QString &message,
                                  const QString &file) const
{
    Diagnostic d;
    d.severity = severity;
    d.file = file;
    d.pos = pos;
    d.message = message;
    if (pos.isValid())
        d.excerpt = excerpt(pos);
    return d;
}

}  // namespace oas::config
