#include "ReferenceNaming.h"

#include <QDir>
#include <QRegularExpression>

#include <algorithm>

namespace oas::exporter::delta {

std::optional<ReferenceName> ReferenceName::parse(const QString &fileName)
{
    static const QRegularExpression form(QStringLiteral("^R(\\d)(\\d\\d)(\\d\\d)(\\d\\d)$"));
    const auto m = form.match(fileName);
    if (!m.hasMatch())
        return std::nullopt;
    ReferenceName n{m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt()};
    if (n.month < 1 || n.month > 12 || n.day < 1 || n.day > 31)
        return std::nullopt;
    return n;
}

QString ReferenceName::toString() const
{
    return QStringLiteral("R%1%2%3%4")
        .arg(yearDigit)
        .arg(month, 2, 10, QLatin1Char('0'))
        .arg(day, 2, 10, QLatin1Char('0'))
        .arg(sequence, 2, 10, QLatin1Char('0'));
}

QDate ReferenceName::dateNear(const QDate &today) const
{
    const int ahead = ((yearDigit - today.year() % 10) % 10 + 10) % 10;
    const int year = ahead <= 4 ? today.year() + ahead : today.year() - (10 - ahead);
    QDate d(year, month, 1);
    return QDate(year, month, std::min(day, d.daysInMonth()));
}

static ReferenceName nameFor(const QDate &date, int sequence)
{
    return {date.year() % 10, date.month(), date.day(), sequence};
}

// One past (date, sequence): sequence + 1, or sequence 00 of the next day after 99.
static ReferenceName after(const QDate &date, int sequence)
{
    return sequence >= 99 ? nameFor(date.addDays(1), 0) : nameFor(date, sequence + 1);
}

QString nextReferenceName(const QString &previous, const QStringList &existing, const QDate &today)
{
    if (const auto prev = ReferenceName::parse(previous)) {
        const QDate prevDate = prev->dateNear(today);
        if (prevDate == today)
            return after(today, prev->sequence).toString();
        if (prevDate < today)
            return nameFor(today, 0).toString();
        return after(prevDate, prev->sequence).toString();  // the clock went back: stay monotonic
    }
    // No usable previous name: the next sequence above the largest of today, or 00.
    int largest = -1;
    for (const QString &e : existing) {
        const auto n = ReferenceName::parse(e);
        if (n && n->dateNear(today) == today)
            largest = std::max(largest, n->sequence);
    }
    return largest < 0 ? nameFor(today, 0).toString() : after(today, largest).toString();
}

QStringList referenceFilesIn(const QString &directory, const QDate &today)
{
    QStringList names;
    for (const QString &f : QDir(directory).entryList(QDir::Files)) {
        if (ReferenceName::parse(f))
            names.append(f);
    }
    std::sort(names.begin(), names.end(), [&](const QString &a, const QString &b) {
        const ReferenceName x = *ReferenceName::parse(a);
        const ReferenceName y = *ReferenceName::parse(b);
        const QDate dx = x.dateNear(today);
        const QDate dy = y.dateNear(today);
        return dx != dy ? dx > dy : x.sequence > y.sequence;
    });
    return names;
}

}  // namespace oas::exporter::delta
