#include "KeyOrder.h"

#include <optional>

namespace oas::exporter::delta {

qint64 RefElement::approximateBytes() const
{
    qint64 n = 96 + hash.size();
    for (const auto &v : keys)
        n += 32 + (v ? v->size() * 2 : 0);
    for (const auto &v : saved)
        n += 32 + (v ? v->size() * 2 : 0);
    return n;
}

// Integers as databases write them ("-12", "0", "42": no sign for positives, no leading zeros) compare by
// sign, length and then digits, without parsing. nullopt when either is written otherwise.
static std::optional<int> compareCanonicalIntegers(const QString &a, const QString &b)
{
    auto canonical = [](const QString &s) {
        const qsizetype start = s.startsWith(QLatin1Char('-')) ? 1 : 0;
        if (s.size() == start || s.size() > start + 18 || (s.at(start) == QLatin1Char('0') && s.size() > start + 1))
            return false;
        for (qsizetype i = start; i < s.size(); ++i) {
            if (s.at(i) < QLatin1Char('0') || s.at(i) > QLatin1Char('9'))
                return false;
        }
        return !(start == 1 && s == QLatin1String("-0"));
    };
    if (!canonical(a) || !canonical(b))
        return std::nullopt;
    const bool negA = a.startsWith(QLatin1Char('-'));
    const bool negB = b.startsWith(QLatin1Char('-'));
    if (negA != negB)
        return negA ? -1 : 1;
    int c = a.size() != b.size() ? (a.size() < b.size() ? -1 : 1) : a.compare(b);
    return negA ? -c : c;
}

int KeyOrder::compareValue(config::SortForm form, const QString &a, const QString &b)
{
    switch (form) {
    case config::SortForm::Integer: {
        if (const auto fast = compareCanonicalIntegers(a, b))
            return *fast;
        bool okA = false;
        bool okB = false;
        const qint64 x = a.toLongLong(&okA);
        const qint64 y = b.toLongLong(&okB);
        if (okA && okB)
            return x < y ? -1 : x > y ? 1 : 0;
        if (okA != okB)
            return okA ? -1 : 1;  // numbers before anything else
        return a.compare(b);
    }
    case config::SortForm::Numeric: {
        const qsizetype width = std::max(a.size(), b.size());
        return a.rightJustified(width, QLatin1Char(' ')).compare(b.rightJustified(width, QLatin1Char(' ')));
    }
    case config::SortForm::CaseIgnore: return a.compare(b, Qt::CaseInsensitive);
    case config::SortForm::CaseSensitive:
    case config::SortForm::Default: return a.compare(b);
    }
    return 0;
}

int KeyOrder::compare(const Values &a, const Values &b) const
{
    const size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        if (!a[i] || !b[i]) {
            if (a[i].has_value() != b[i].has_value())
                return a[i] ? 1 : -1;
            continue;
        }
        const config::SortForm form = i < size_t(m_forms.size()) ? m_forms.at(qsizetype(i)) : config::SortForm::CaseSensitive;
        const int c = compareValue(form, *a[i], *b[i]);
        if (c != 0)
            return c < 0 ? -1 : 1;
    }
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    // Keys the rules call equal ("abc" / "ABC", "7" / "007", "5" / " 5") are ordered by their exact values:
    // two different key values are never one entry (DECISIONS.md 6).
    for (size_t i = 0; i < n; ++i) {
        if (a[i] && b[i]) {
            const int c = a[i]->compare(*b[i]);
            if (c != 0)
                return c < 0 ? -1 : 1;
        }
    }
    return 0;
}

}  // namespace oas::exporter::delta
