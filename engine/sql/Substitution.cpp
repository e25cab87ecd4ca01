#include "Substitution.h"

#include <QRegularExpression>

#include <algorithm>

namespace oas::sql {

namespace {

QString replaceInPlainText(const QString &text, const QRegularExpression &pattern,
                           const config::AttributesSection &attributes)
{
    QString out;
    qsizetype last = 0;
    auto it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += attributes.find(m.captured())->column.text;
        last = m.capturedEnd();
    }
    out += text.mid(last);
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
        if (c == QLatin1Char('\'') || c == QLatin1Char('"'))
            close = c;
        else if (c == QLatin1Char('['))
            close = QLatin1Char(']');
        else
            continue;
        qsizetype end = text.indexOf(close, i + 1);
        if (end < 0)
            end = text.size() - 1;
        out += replaceInPlainText(text.mid(plainStart, i - plainStart), pattern, attributes);
        out += text.mid(i, end - i + 1);
        plainStart = end + 1;
        i = end;
    }
    out += replaceInPlainText(text.mid(plainStart), pattern, attributes);
    return out;
}

}  // namespace oas::sql
