// The schedule's times: parsing --every / --daily / --cron, cron's matching, and systemd's OnCalendar=.
#include "Schedule.h"

#include <QRegularExpression>

#include <bitset>

namespace oas::schedule {

namespace {

struct Field {
    std::bitset<64> values;
    bool any = true;  // written as * (for the day-of-month / day-of-week rule)
};

struct Cron {
    Field minute, hour, dom, month, dow;
};

int nameValue(const QString &text, const char *const *names, int count, int first)
{
    for (int i = 0; i < count; ++i) {
        if (text.compare(QLatin1String(names[i]), Qt::CaseInsensitive) == 0)
            return first + i;
    }
    return -1;
}

std::optional<Field> parseField(const QString &text, int low, int high, const char *const *names, int nameCount,
                                const char *what, QString *error)
{
    Field f;
    f.any = text == QLatin1String("*") || text.startsWith(QLatin1String("*/"));
    const auto number = [&](const QString &s, int *out) {
        bool ok = false;
        int v = s.toInt(&ok);
        if (!ok && names) {  // jan..dec from 1, sun..sat from 0: the field's lowest value
            v = nameValue(s, names, nameCount, low);
            ok = v >= 0;
        }
        if (!ok || v < low || v > high)
            return false;
        *out = v;
        return true;
    };
    for (const QString &item : text.split(QLatin1Char(','))) {
        QString range = item;
        int step = 1;
        const qsizetype slash = item.indexOf(QLatin1Char('/'));
        if (slash >= 0) {
            bool ok = false;
            step = item.mid(slash + 1).toInt(&ok);
            if (!ok || step < 1 || step > high) {
                *error = QStringLiteral("invalid step in the %1 field: %2").arg(QLatin1String(what), item);
                return std::nullopt;
            }
            range = item.left(slash);
        }
        int from = low, to = high;
        if (range != QLatin1String("*")) {
            const qsizetype dash = range.indexOf(QLatin1Char('-'));
            if (dash > 0) {
                if (!number(range.left(dash), &from) || !number(range.mid(dash + 1), &to) || from > to) {
                    *error = QStringLiteral("invalid range in the %1 field: %2 (%3-%4)").arg(QLatin1String(what), item).arg(low).arg(high);
                    return std::nullopt;
                }
            } else {
                if (!number(range, &from)) {
                    *error = QStringLiteral("invalid value in the %1 field: %2 (%3-%4)").arg(QLatin1String(what), item).arg(low).arg(high);
                    return std::nullopt;
                }
                to = slash >= 0 ? high : from;
            }
        }
        for (int v = from; v <= to; v += step)
            f.values.set(size_t(v));
    }
    return f;
}

std::optional<Cron> parse(const QString &text, QString *error)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    static const char *const days[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    const QStringList parts = text.simplified().split(QLatin1Char(' '));
    if (parts.size() != 5) {
        *error = QStringLiteral("a cron expression has five fields (minute hour day-of-month month day-of-week), not: %1").arg(text);
        return std::nullopt;
    }
    Cron c;
    const auto m = parseField(parts[0], 0, 59, nullptr, 0, "minute", error);
    const auto h = m ? parseField(parts[1], 0, 23, nullptr, 0, "hour", error) : std::nullopt;
    const auto dom = h ? parseField(parts[2], 1, 31, nullptr, 0, "day-of-month", error) : std::nullopt;
    const auto mon = dom ? parseField(parts[3], 1, 12, months, 12, "month", error) : std::nullopt;
    auto dow = mon ? parseField(parts[4], 0, 7, days, 7, "day-of-week", error) : std::nullopt;
    if (!dow)
        return std::nullopt;
    if (dow->values.test(7))
        dow->values.set(0);  // 7 is Sunday too
    c.minute = *m;
    c.hour = *h;
    c.dom = *dom;
    c.month = *mon;
    c.dow = *dow;
    return c;
}

bool matches(const Cron &c, const QDateTime &t)
{
    const QDate d = t.date();
    if (!c.minute.values.test(size_t(t.time().minute())) || !c.hour.values.test(size_t(t.time().hour()))
        || !c.month.values.test(size_t(d.month())))
        return false;
    const bool domOk = c.dom.values.test(size_t(d.day()));
    const bool dowOk = c.dow.values.test(size_t(d.dayOfWeek() % 7));
    if (c.dom.any || c.dow.any)
        return domOk && dowOk;
    return domOk || dowOk;  // cron: both restricted, either matches
}

QString listOf(const Field &f, int low, int high, bool names = false)
{
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    bool all = true;
    for (int v = low; v <= high; ++v)
        all = all && f.values.test(size_t(v));
    if (all)
        return QStringLiteral("*");
    QStringList out;
    for (int v = low; v <= high; ++v) {
        if (f.values.test(size_t(v)))
            out << (names ? QLatin1String(days[v]) : QString::number(v).rightJustified(2, QLatin1Char('0')));
    }
    return out.join(QLatin1Char(','));
}

}  // namespace

QString When::spec() const
{
    switch (kind) {
    case Kind::Every:
        return everyMinutes % 60 == 0 ? QStringLiteral("--every %1h").arg(everyMinutes / 60) : QStringLiteral("--every %1m").arg(everyMinutes);
    case Kind::Daily:
        return QStringLiteral("--daily %1:%2").arg(hour, 2, 10, QLatin1Char('0')).arg(minute, 2, 10, QLatin1Char('0'));
    case Kind::Cron:
        return QStringLiteral("--cron \"%1\"").arg(cron);
    }
    return QString();
}

std::optional<When> parseEvery(const QString &text, QString *error)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{1,4})\\s*(m|min|h)$"), QRegularExpression::CaseInsensitiveOption);
    const auto m = form.match(text.trimmed());
    When w;
    if (m.hasMatch())
        w.everyMinutes = m.captured(1).toInt() * (m.captured(2).compare(QLatin1String("h"), Qt::CaseInsensitive) == 0 ? 60 : 1);
    const bool divides = w.everyMinutes > 0
                         && ((w.everyMinutes <= 60 && 60 % w.everyMinutes == 0)
                             || (w.everyMinutes % 60 == 0 && w.everyMinutes <= 24 * 60 && 24 % (w.everyMinutes / 60) == 0));
    if (!divides) {
        *error = QStringLiteral("--every takes minutes that divide an hour (1m, 5m, 15m, 30m, 60m) or hours that divide a day "
                                "(1h, 2h, 6h, 12h, 24h), not %1; use --cron for other times").arg(text);
        return std::nullopt;
    }
    return w;
}

std::optional<When> parseDaily(const QString &text, QString *error)
{
    const QTime t = QTime::fromString(text.trimmed(), QStringLiteral("H:mm"));
    if (!t.isValid()) {
        *error = QStringLiteral("--daily takes a time of day such as 02:30, not %1").arg(text);
        return std::nullopt;
    }
    When w;
    w.kind = When::Kind::Daily;
    w.hour = t.hour();
    w.minute = t.minute();
    return w;
}

std::optional<When> parseCron(const QString &text, QString *error)
{
    if (!parse(text, error))
        return std::nullopt;
    When w;
    w.kind = When::Kind::Cron;
    w.cron = text.simplified();
    return w;
}

std::optional<QString> cronExpression(const When &when, QString *error)
{
    switch (when.kind) {
    case When::Kind::Every:
        if (when.everyMinutes < 60)
            return QStringLiteral("*/%1 * * * *").arg(when.everyMinutes);
        if (when.everyMinutes == 60)
            return QStringLiteral("0 * * * *");
        if (when.everyMinutes % 60 == 0 && 24 % (when.everyMinutes / 60) == 0)
            return QStringLiteral("0 */%1 * * *").arg(when.everyMinutes / 60);
        *error = QStringLiteral("--every %1m has no cron form").arg(when.everyMinutes);
        return std::nullopt;
    case When::Kind::Daily:
        return QStringLiteral("%1 %2 * * *").arg(when.minute).arg(when.hour);
    case When::Kind::Cron:
        return when.cron;
    }
    return std::nullopt;
}

std::optional<QString> onCalendar(const When &when, QString *error)
{
    const auto expr = cronExpression(when, error);
    if (!expr)
        return std::nullopt;
    const auto c = parse(*expr, error);
    if (!c)
        return std::nullopt;
    if (!c->dom.any && !c->dow.any) {
        *error = QStringLiteral("a cron expression that restricts both the day of the month and the day of the week (either "
                                "one matches, in cron) has no systemd calendar form; schedule it as two syncs, or with cron "
                                "(OAS_SCHEDULER=cron)");
        return std::nullopt;
    }
    const QString dow = listOf(c->dow, 0, 6, true);
    QString out = dow == QLatin1String("*") ? QString() : dow + QLatin1Char(' ');
    out += QStringLiteral("*-%1-%2 %3:%4:00").arg(listOf(c->month, 1, 12), listOf(c->dom, 1, 31), listOf(c->hour, 0, 23), listOf(c->minute, 0, 59));
    return out;
}

std::optional<QDateTime> nextCronTime(const QString &cron, const QDateTime &from)
{
    QString error;
    const auto c = parse(cron, &error);
    if (!c)
        return std::nullopt;
    QDateTime t = from.addSecs(60);
    t.setTime(QTime(t.time().hour(), t.time().minute()));
    for (int i = 0; i < 366 * 24 * 60; ++i, t = t.addSecs(60)) {
        if (matches(*c, t))
            return t;
    }
    return std::nullopt;
}

}  // namespace oas::schedule
