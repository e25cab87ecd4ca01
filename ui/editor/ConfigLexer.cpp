#include "ConfigLexer.h"

#include <QColor>
#include <QFont>
#include <QRegularExpression>
#include <Qsci/qsciscintilla.h>

namespace oas::ui {

ConfigLexer::ConfigLexer(QObject *parent) : QsciLexerCustom(parent)
{
    QFont mono(QStringLiteral("Monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    for (int s = Default; s <= Operator; ++s)
        setFont(mono, s);
    setColor(QColor(0x20, 0x20, 0x20), Default);
    setColor(QColor(0x6a, 0x73, 0x7d), Comment);
    setColor(QColor(0x8a, 0x2b, 0xe2), Section);
    setColor(QColor(0x00, 0x5c, 0xc5), Field);
    setColor(QColor(0x24, 0x29, 0x2e), Value);
    setColor(QColor(0x22, 0x86, 0x3a), Abbreviation);
    setColor(QColor(0xd7, 0x3a, 0x49), Operator);
    QFont bold = mono;
    bold.setBold(true);
    setFont(bold, Section);
}

QString ConfigLexer::description(int style) const
{
    switch (style) {
    case Default: return tr("Default");
    case Comment: return tr("Comment");
    case Section: return tr("Section");
    case Field: return tr("Field name");
    case Value: return tr("Value");
    case Abbreviation: return tr("Attribute abbreviation");
    case Operator: return tr("Operator");
    default: return {};
    }
}

void ConfigLexer::styleText(int start, int end)
{
    QsciScintilla *sci = editor();
    if (!sci)
        return;
    // Restyle whole lines: a field's colours depend on the start of its line.
    int line = 0;
    int index = 0;
    sci->lineIndexFromPosition(start, &line, &index);
    start = int(sci->positionFromLineIndex(line, 0));
    QByteArray bytes = sci->bytes(start, end);
    bytes.truncate(end - start);  // QScintilla includes the terminating NUL
    startStyling(start);
    static const QRegularExpression word(QStringLiteral("[A-Za-z_][\\w-]*"));
    int pos = 0;
    // Folding by section: a section's header line starts a fold, the lines under it are one level deeper.
    auto setFold = [&](bool header) {
        const int level = header ? (QsciScintilla::SC_FOLDLEVELBASE | QsciScintilla::SC_FOLDLEVELHEADERFLAG)
                                 : QsciScintilla::SC_FOLDLEVELBASE + 1;
        sci->SendScintilla(QsciScintilla::SCI_SETFOLDLEVEL, line, level);
        ++line;
    };
    while (pos < bytes.size()) {
        int eol = bytes.indexOf('\n', pos);
        if (eol < 0)
            eol = int(bytes.size());
        const QByteArray raw = bytes.mid(pos, eol - pos + (eol < bytes.size() ? 1 : 0));
        const QString text = QString::fromUtf8(bytes.mid(pos, eol - pos));
        auto styleBytes = [&](const QString &part, int style) { setStyling(int(part.toUtf8().size()), style); };
        const QString trimmed = text.trimmed();
        setFold(!text.startsWith(QLatin1Char('#')) && trimmed.startsWith(QLatin1Char('[')));
        if (text.startsWith(QLatin1Char('#'))) {
            setStyling(int(raw.size()), Comment);
        } else if (trimmed.startsWith(QLatin1Char('['))) {
            setStyling(int(raw.size()), Section);
        } else if (const qsizetype eq = text.indexOf(QLatin1Char('=')); eq >= 0) {
            styleBytes(text.left(eq), Field);
            setStyling(1, Operator);
            // The value: abbreviations stand out, everything else is a value.
            const QString value = text.mid(eq + 1);
            qsizetype done = 0;
            auto it = word.globalMatch(value);
            while (it.hasNext()) {
                const auto m = it.next();
                // A qualified name (Employees.City) is a column, not the abbreviation CITY.
                const bool qualified = m.capturedStart() > 0 && value.at(m.capturedStart() - 1) == QLatin1Char('.');
                if (qualified || !m_abbreviations.contains(m.captured().toUpper()))
                    continue;
                styleBytes(value.mid(done, m.capturedStart() - done), Value);
                styleBytes(m.captured(), Abbreviation);
                done = m.capturedEnd();
            }
            styleBytes(value.mid(done), Value);
            if (eol < bytes.size())
                setStyling(1, Value);
        } else {
            setStyling(int(raw.size()), Default);
        }
        pos = eol + 1;
    }
}

}  // namespace oas::ui
