#include "ConfigWriter.h"

#include <QFile>
#include <QSaveFile>

namespace oas::config {

namespace {

struct RawLine {
    QByteArray content;  // without the line ending
    QByteArray ending;   // "\r\n", "\n" or "" for a last line without one
};

QList<RawLine> splitLines(const QByteArray &text)
{
    QList<RawLine> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype nl = text.indexOf('\n', start);
        if (nl < 0) {
            lines.append({text.mid(start), {}});
            break;
        }
        const bool cr = nl > start && text.at(nl - 1) == '\r';
        lines.append({text.mid(start, nl - start - (cr ? 1 : 0)), cr ? QByteArray("\r\n") : QByteArray("\n")});
        start = nl + 1;
    }
    return lines;
}

QByteArray trimmed(const QByteArray &s)
{
    return s.trimmed();
}

bool isComment(const QByteArray &content)
{
    return trimmed(content).startsWith('#');
}

}  // namespace

QByteArray withFieldValue(const QByteArray &text, const QString &section, const QString &field, const QString &value)
{
    QList<RawLine> lines = splitLines(text);
    const QByteArray eol = !lines.isEmpty() && !lines.first().ending.isEmpty() ? lines.first().ending : QByteArray("\n");
    const QByteArray wantSection = section.toLatin1().toLower();
    const QByteArray wantField = field.toLatin1().toLower();
    const QByteArray newValue = value.toUtf8();
    bool inSection = false;
    int sectionHeader = -1;
    int lastFieldEnd = -1;  // index of the last physical line of the section's last field
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray t = trimmed(lines[i].content);
        if (t.isEmpty() || isComment(lines[i].content))
            continue;
        if (t.startsWith('[')) {
            if (inSection)
                break;
            const qsizetype close = t.indexOf(']');
            inSection = trimmed(t.mid(1, close < 0 ? -1 : close - 1)).toLower() == wantSection;
            if (inSection)
                sectionHeader = i;
            continue;
        }
        int last = i;  // follow backslash continuation
        while (last + 1 < lines.size() && lines[last].content.endsWith('\\'))
            ++last;
        if (inSection) {
            const qsizetype eq = lines[i].content.indexOf('=');
            if (eq >= 0 && trimmed(lines[i].content.left(eq)).toLower() == wantField) {
                qsizetype keep = eq + 1;
                while (keep < lines[i].content.size() && (lines[i].content.at(keep) == ' ' || lines[i].content.at(keep) == '\t'))
                    ++keep;
                lines[i].content = lines[i].content.left(keep) + newValue;
                lines[i].ending = lines[last].ending.isEmpty() ? lines[i].ending : lines[last].ending;
                lines.remove(i + 1, last - i);
                QByteArray out;
                for (const RawLine &l : lines)
                    out += l.content + l.ending;
                return out;
            }
            lastFieldEnd = last;
        }
        i = last;
    }
    const QByteArray added = field.toLatin1() + '=' + newValue;
    if (sectionHeader < 0) {
        QByteArray out = text;
        if (!out.isEmpty() && !out.endsWith('\n'))
            out += eol;
        return out + '[' + section.toLatin1() + ']' + eol + added + eol;
    }
    const int at = (lastFieldEnd >= 0 ? lastFieldEnd : sectionHeader);
    if (lines[at].ending.isEmpty())
        lines[at].ending = eol;
    lines.insert(at + 1, RawLine{added, eol});
    QByteArray out;
    for (const RawLine &l : lines)
        out += l.content + l.ending;
    return out;
}

bool setFieldValue(const QString &path, const QString &section, const QString &field, const QString &value,
                   QString *error)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read configuration file\n%1").arg(path);
        return false;
    }
    const QByteArray updated = withFieldValue(in.readAll(), section, field, value);
    in.close();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(updated) != updated.size() || !out.commit()) {
        *error = QStringLiteral("cannot write configuration file\n%1").arg(path);
        return false;
    }
    return true;
}

}  // namespace oas::config
