// [attributes]: abbreviation[(text[min-max])[#]] = column identifier.
#include "SectionParsers.h"

#include <QRegularExpression>

namespace oas::config {

const AttributeDef *AttributesSection::find(const QString &abbreviation) const
{
    for (const AttributeDef &a : attributes) {
        if (a.abbreviation.compare(abbreviation, Qt::CaseInsensitive) == 0)
            return &a;
    }
    return nullptr;
}

namespace {

// Finds the end of a quoted part starting at i ("...", `...` or [...]); -1 when it is not closed.
int closingOf(const QString &text, int i)
{
    const QChar open = text.at(i);
    const QChar close = open == QLatin1Char('[') ? QLatin1Char(']') : open;
    const int end = int(text.indexOf(close, i + 1));
    return end;
}

// Checks that (), [], "", `` and '' are balanced; returns the offset of the first problem or -1.
int unbalancedAt(const QString &text, QString *what)
{
    QList<int> opens;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('[')) {
            const int end = closingOf(text, i);
            if (end < 0) {
                *what = QStringLiteral("unclosed %1").arg(c);
                return i;
            }
            i = end;
        } else if (c == QLatin1Char('(')) {
            opens.append(i);
        } else if (c == QLatin1Char(')')) {
            if (opens.isEmpty()) {
                *what = QStringLiteral("unmatched closing parenthesis");
                return i;
            }
            opens.removeLast();
        }
    }
    if (!opens.isEmpty()) {
        *what = QStringLiteral("missing closing parenthesis");
        return opens.last();
    }
    return -1;
}

// Splits "HR.Employees.[Last Name]" into its parts; false when the text is not a plain dotted name.
bool splitDottedName(const QString &text, QStringList *parts)
{
    int i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        int end;
        if (c == QLatin1Char('[') || c == QLatin1Char('"') || c == QLatin1Char('`')) {  // `...`: MariaDB / MySQL
            end = closingOf(text, i);
            if (end < 0)
                return false;
            ++end;
        } else {
            end = i;
            while (end < text.size() && (text.at(end).isLetterOrNumber() || text.at(end) == QLatin1Char('_')
                                         || text.at(end) == QLatin1Char('$') || text.at(end) == QLatin1Char('#')))
                ++end;
            if (end == i)
                return false;
        }
        parts->append(text.mid(i, end - i));
        if (end == text.size())
            return true;
        if (text.at(end) != QLatin1Char('.'))
            return false;
        i = end + 1;
        if (i == text.size())
            return false;
    }
    return false;
}

bool parseQualifier(const QString &text, const FieldLine &field, int offset, ParseContext &ctx, Qualifier *q)
{
    // text is "(type[min-max])" optionally followed by '#'
    static const QRegularExpression form(
        QStringLiteral("^\\(\\s*([A-Za-z]+)\\s*(?:\\[\\s*(?:(\\d*)\\s*-\\s*)?(\\d+)\\s*\\])?\\s*\\)\\s*(#?)$"));
    const auto m = form.match(text);
    if (!m.hasMatch()) {
        ctx.error(field.line->posAt(field.nameOffset + offset, int(text.size())),
                  QStringLiteral("invalid attribute qualifier, expected (text[min-max]) optionally followed by #"));
        return false;
    }
    if (m.captured(1).compare(QLatin1String("text"), Qt::CaseInsensitive) != 0) {
        ctx.error(field.line->posAt(field.nameOffset + offset + int(m.capturedStart(1)), int(m.capturedLength(1))),
                  QStringLiteral("unsupported data type %1, only text is permitted").arg(m.captured(1)));
        return false;
    }
    q->present = true;
    q->dataType = QStringLiteral("text");
    q->failIfTooBig = !m.captured(4).isEmpty();
    bool ok = true;
    if (!m.captured(3).isEmpty()) {
        q->maximum = m.captured(3).toInt(&ok);
        if (!ok) {
            ctx.error(field.line->posAt(field.nameOffset + offset + int(m.capturedStart(3)), int(m.capturedLength(3))),
                      QStringLiteral("attribute maximum length too large"));
            return false;
        }
    }
    if (!m.captured(2).isEmpty()) {
        q->minimum = m.captured(2).toInt(&ok);
        if (!ok || q->minimum > q->maximum) {
            ctx.error(field.line->posAt(field.nameOffset + offset + int(m.capturedStart(2)), int(m.capturedLength(2))),
                      QStringLiteral("attribute minimum length greater than maximum"));
            return false;
        }
    }
    return true;
}

}  // namespace

void parseAttributeField(const FieldLine &field, ParseContext &ctx, AttributesSection &section)
{
    AttributeDef def;
    const int paren = int(field.name.indexOf(QLatin1Char('(')));
    const QString hashless = field.name.endsWith(QLatin1Char('#')) && paren < 0 ? field.name.chopped(1) : field.name;
    def.abbreviation = trimBlanks(paren < 0 ? hashless : field.name.left(paren));
    def.pos = field.line->posAt(field.nameOffset, int(def.abbreviation.size()));
    if (!isAbbreviation(def.abbreviation)) {
        ctx.error(def.pos, QStringLiteral("invalid attribute abbreviation %1").arg(def.abbreviation));
        return;
    }
    if (paren < 0 && hashless != field.name) {
        ctx.error(field.line->posAt(field.nameOffset + int(hashless.size()), 1),
                  QStringLiteral("the # flag must follow a qualifier such as (text[1-64])"));
        return;
    }
    if (paren >= 0 && !parseQualifier(field.name.mid(paren), field, paren, ctx, &def.qualifier))
        return;
    if (section.find(def.abbreviation)) {
        ctx.error(def.pos, QStringLiteral("duplicate attribute abbreviation %1").arg(def.abbreviation));
        return;
    }
    if (field.value.isEmpty()) {
        ctx.error(field.valuePos(0, 0), QStringLiteral("missing column identifier for %1").arg(def.abbreviation));
        return;
    }
    QString problem;
    const int bad = unbalancedAt(field.value, &problem);
    if (bad >= 0) {
        ctx.error(field.valuePos(bad, 1), problem);
        return;
    }
    def.column.text = field.value;
    def.columnPos = field.valuePos();
    QStringList parts;
    if (splitDottedName(field.value, &parts))
        def.column.parts = parts;
    else
        def.column.isExpression = true;
    section.attributes.append(def);
}

}  // namespace oas::config
