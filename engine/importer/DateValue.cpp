#include "DateValue.h"

#include <QRegularExpression>

#include <sql.h>
#include <sqlext.h>

namespace oas::importer {

namespace {

using Part = config::DateFormat::Part;

// Reads 1-2 digits (or exactly 4 for a year) at pos.
std::optional<int> digits(const QString &text, qsizetype &pos, int minimum, int maximum)
{
    qsizetype end = pos;
    while (end < text.size() && end - pos < maximum && text.at(end).isDigit() && text.at(end).unicode() < 128)
        ++end;
    if (end - pos < minimum)
        return std::nullopt;
    const int value = text.mid(pos, end - pos).toInt();
    pos = end;
    return value;
}

std::optional<int> monthName(const QString &text, qsizetype &pos)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    const QString word = text.mid(pos, 3);
    for (int m = 0; m < 12; ++m) {
        if (word.compare(QLatin1String(names[m]), Qt::CaseInsensitive) == 0) {
            pos += 3;
            return m + 1;
        }
    }
    return std::nullopt;
}

// " hh:mm[:ss[.fraction]]" at the end of the value.
std::optional<QTime> timeOfDay(const QString &rest)
{
    static const QRegularExpression form(QStringLiteral("^[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?$"));
    const auto m = form.match(rest);
    if (!m.hasMatch())
        return std::nullopt;
    const int ms = m.captured(4).isEmpty() ? 0 : m.captured(4).left(3).leftJustified(3, QLatin1Char('0')).toInt();
    const QTime t(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), ms);
    return t.isValid() ? std::optional<QTime>(t) : std::nullopt;
}

std::optional<DateValue> parseWith(const QString &text, const config::DateFormat &format)
{
    qsizetype pos = 0;
    int year = 0;
    int month = 0;
    int day = 0;
    for (const config::DateFormat::Piece &piece : format.pieces) {
        std::optional<int> v;
        switch (piece.part) {
        case Part::Literal:
            if (!text.mid(pos, piece.literal.size()).startsWith(piece.literal, Qt::CaseInsensitive)
                || pos + piece.literal.size() > text.size())
                return std::nullopt;
            pos += piece.literal.size();
            continue;
        case Part::Year: v = digits(text, pos, 4, 4); if (v) year = *v; break;
        case Part::Month: v = digits(text, pos, 1, 2); if (v) month = *v; break;
        case Part::MonthName: v = monthName(text, pos); if (v) month = *v; break;
        case Part::Day: v = digits(text, pos, 1, 2); if (v) day = *v; break;
        }
        if (!v)
            return std::nullopt;
    }
    DateValue value;
    value.date = QDate(year, month, day);
    if (!value.date.isValid())
        return std::nullopt;
    if (pos < text.size()) {
        value.time = timeOfDay(text.mid(pos));
        if (!value.time)
            return std::nullopt;
    }
    return value;
}

}  // namespace

std::optional<DateValue> parseDateValue(const QString &text, const config::DateFormat &format)
{
    static const QRegularExpression escape(QStringLiteral("^\\{\\s*d\\s*'([^']*)'\\s*\\}$"), QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = text.trimmed();
    const auto m = escape.match(trimmed);
    if (m.hasMatch())
        return parseWith(m.captured(1).trimmed(), config::DateFormat::isoDefault());
    return parseWith(trimmed, format);
}

QString dateParameter(const DateValue &value, bool withTime)
{
    QString text = value.date.toString(QStringLiteral("yyyy-MM-dd"));
    if (withTime) {
        const QTime t = value.time.value_or(QTime(0, 0));
        text += t.toString(t.msec() ? QStringLiteral(" hh:mm:ss.zzz") : QStringLiteral(" hh:mm:ss"));
    }
    return text;
}

bool isDateColumn(int sqlType)
{
    return sqlType == SQL_TYPE_DATE || sqlType == SQL_DATE;
}

bool isTimestampColumn(int sqlType)
{
    return sqlType == SQL_TYPE_TIMESTAMP || sqlType == SQL_TIMESTAMP;
}

}  // namespace oas::importer
