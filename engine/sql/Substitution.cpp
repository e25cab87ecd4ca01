#include "Substitution.h"

#include <QRegularExpression>

#include <algorithm>

namespace oas::sql {

namespace {

// What may stand right before a correlation name: AS, or a table reference after FROM, JOIN or a comma
// ("JOIN Employees AS Boss", "JOIN Employees Boss", "FROM Orders o, [Order Details] od").
const QRegularExpression &correlationLead()
{
    static const QRegularExpression lead(QStringLiteral("(?:\\bAS|(?:\\bFROM|\\bJOIN|,)\\s*(?:[\\w.]+|\\[[^\\]]*\\]|\"[^\"]*\"|`[^`]*`))\\s+$"),
                                         QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return lead;
}

// Whether the word at `at` of text is a correlation name (never substituted).
bool correlationPosition(const QString &text, qsizetype at)
{
    const qsizetype from = std::max<qsizetype>(0, at - 300);
    return correlationLead().match(text.mid(from, at - from)).hasMatch();
}

// The plain part [start, end) of text with its abbreviations replaced.
QString replaceInPlainText(const QString &text, qsizetype start, qsizetype end, const QRegularExpression &pattern,
                           const config::AttributesSection &attributes)
{
    QString out;
    qsizetype last = start;
    auto it = pattern.globalMatch(text.left(end), start);
    while (it.hasNext()) {
        const auto m = it.next();
        if (correlationPosition(text, m.capturedStart()))
            continue;
        out += text.mid(last, m.capturedStart() - last);
        out += attributes.find(m.captured())->column.text;
        last = m.capturedEnd();
    }
    out += text.mid(last, end - last);
    return out;
}

}  // namespace

QString substituteAbbreviations(const QString &text, const config::AttributesSection &attributes)
{
    if (attributes.attributes.isEmpty() || text.isEmpty())
        return text;
    QStringList names;
    for (const config::AttributeDef &a : attributes.attributes)
        names.append(QRegularExpression::escape(a.abbreviation));
    std::stable_sort(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    const QRegularExpression pattern(QStringLiteral("(?<![\\w.])(?:%1)(?![\\w.])").arg(names.join(QLatin1Char('|'))),
                                     QRegularExpression::CaseInsensitiveOption
                                         | QRegularExpression::UseUnicodePropertiesOption);
    QString out;
    qsizetype plainStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        QChar close;
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`'))
            close = c;
        else if (c == QLatin1Char('['))
            close = QLatin1Char(']');
        else
            continue;
        qsizetype end = text.indexOf(close, i + 1);
        if (end < 0)
            end = text.size() - 1;
        out += replaceInPlainText(text, plainStart, i, pattern, attributes);
        out += text.mid(i, end - i + 1);
        plainStart = end + 1;
        i = end;
    }
    out += replaceInPlainText(text, plainStart, text.size(), pattern, attributes);
    return out;
}

QStringList fromNames(const QString &from)
{
    static const QRegularExpression reference(
        QStringLiteral("(?:\\bFROM|\\bJOIN|^|,)\\s*([\\w.]+)(?:\\s+(?:AS\\s+)?(?!(?:ON|JOIN|LEFT|RIGHT|INNER|OUTER|CROSS|FULL|NATURAL|"
                       "USING|WHERE|GROUP|ORDER)\\b)(\\w+))?"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    QStringList names;
    auto it = reference.globalMatch(from);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString table = m.captured(1).section(QLatin1Char('.'), -1);
        for (const QString &name : {table, m.captured(2)}) {
            if (!name.isEmpty() && !names.contains(name, Qt::CaseInsensitive))
                names.append(name);
        }
    }
    return names;
}

}  // namespace oas::sql
