#pragma once
// The text of a configuration file split into physical lines, joined into logical lines (backslash
// continuation), with the mapping back to physical positions that diagnostics need.
#include "Diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace oas::config {

// A logical line: one or more physical lines joined by backslash continuation. Leading whitespace of a
// continuation line is indentation and is dropped; put a space before the backslash where one is needed.
struct LogicalLine {
    struct Segment {
        int logicalStart;  // offset in text where this physical piece starts
        int line;          // 1-based physical line
        int column0;       // 0-based column in that physical line where the piece starts
    };
    QString text;
    QList<Segment> segments;

    int firstLine() const { return segments.isEmpty() ? 0 : segments.first().line; }
    // The physical position of [offset, offset+length) of text.
    SourcePos posAt(int offset, int length = 0) const;
};

class SourceText {
public:
    // Decodes UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), ISO-8859-1 otherwise.
    static SourceText fromBytes(const QByteArray &bytes);
    static SourceText fromString(const QString &text);

    const QStringList &physicalLines() const { return m_lines; }
    QString physicalLine(int line) const;  // 1-based; empty when out of range
    // Comment lines (first non-blank is '#') and blank lines are left out; continuation is joined.
    QList<LogicalLine> logicalLines() const;
    // The physical line, trimmed, with "??" inserted at pos (the manual's excerpt form).
    QString excerpt(const SourcePos &pos) const;
    Diagnostic diagnostic(Severity severity, const SourcePos &pos, const QString &message,
                          const QString &file = {}) const;

private:
    QStringList m_lines;
};

// The bytes of a configuration-sized file (a configuration, a pair's mapping, a queue configuration, a
// secret): at most maxBytes, read no further, so a huge or endless file (/dev/zero) is refused with a
// message instead of filling memory; nullopt with *error.
constexpr qint64 kMaxConfigBytes = 4 * 1024 * 1024;
std::optional<QByteArray> readBoundedFile(const QString &path, QString *error, qint64 maxBytes = kMaxConfigBytes);

bool isBlank(QChar c);
QString trimBlanks(const QString &s);  // trims spaces and tabs only (a form feed is data)

}  // namespace oas::config
