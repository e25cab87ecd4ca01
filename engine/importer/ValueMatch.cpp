#include "ValueMatch.h"

#include <sql.h>
#include <sqlext.h>

namespace oas::importer {

namespace {

// A decimal number in a canonical text form: sign, digits without leading zeros, fraction without trailing
// zeros ("-0012.500" -> "-12.5", "0.0" -> "0"); nullopt when the text is not a plain decimal number.
std::optional<QString> canonicalDecimal(QString text)
{
    text = text.trimmed();
    bool negative = false;
    if (text.startsWith(QLatin1Char('+')) || text.startsWith(QLatin1Char('-'))) {
        negative = text.startsWith(QLatin1Char('-'));
        text.remove(0, 1);
    }
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    QString whole = dot < 0 ? text : text.left(dot);
    QString fraction = dot < 0 ? QString() : text.mid(dot + 1);
    if (whole.isEmpty() && fraction.isEmpty())
        return std::nullopt;
    for (const QString *part : {&whole, &fraction}) {
        for (QChar c : *part) {
            if (!c.isDigit() || c.unicode() > 127)
                return std::nullopt;
        }
    }
    while (whole.size() > 1 && whole.startsWith(QLatin1Char('0')))
        whole.remove(0, 1);
    if (whole.isEmpty())
        whole = QStringLiteral("0");
    while (fraction.endsWith(QLatin1Char('0')))
        fraction.chop(1);
    QString out = whole;
    if (!fraction.isEmpty())
        out += QLatin1Char('.') + fraction;
    if (negative && out != QLatin1String("0"))
        out.prepend(QLatin1Char('-'));
    return out;
}

}  // namespace

MatchRule matchRuleFor(int sqlType)
{
    switch (sqlType) {
    case SQL_BIGINT:
    case SQL_INTEGER:
    case SQL_SMALLINT:
    case SQL_TINYINT:
    case SQL_VARBINARY:  // the manual's table says integer form
        return MatchRule::Integer;
    case SQL_BINARY:
    case SQL_BIT:
    case SQL_DECIMAL:
    case SQL_NUMERIC: return MatchRule::Numeric;
    case SQL_DATE:
    case SQL_TIME:
    case SQL_TIMESTAMP:
    case SQL_TYPE_DATE:
    case SQL_TYPE_TIME:
    case SQL_TYPE_TIMESTAMP: return MatchRule::CaseIgnore;
    case SQL_DOUBLE:
    case SQL_FLOAT:
    case SQL_REAL:
    case SQL_LONGVARBINARY:
    case SQL_LONGVARCHAR: return MatchRule::None;
    default: return MatchRule::CaseSensitive;  // CHAR, VARCHAR, WCHAR, WVARCHAR, WLONGVARCHAR, others
    }
}

bool valuesMatch(MatchRule rule, const std::optional<QString> &stored, const QString &incoming)
{
    if (!stored || incoming.isEmpty())
        return !stored && incoming.isEmpty();
    switch (rule) {
    case MatchRule::Integer: {
        bool a = false;
        bool b = false;
        const qlonglong x = stored->trimmed().toLongLong(&a);
        const qlonglong y = incoming.trimmed().toLongLong(&b);
        return a && b && x == y;
    }
    case MatchRule::Numeric: {
        const auto x = canonicalDecimal(*stored);
        const auto y = canonicalDecimal(incoming);
        return x && y && *x == *y;
    }
    case MatchRule::CaseSensitive: return *stored == incoming;
    case MatchRule::CaseIgnore: return stored->compare(incoming, Qt::CaseInsensitive) == 0;
    case MatchRule::None: break;
    }
    return false;
}

}  // namespace oas::importer
