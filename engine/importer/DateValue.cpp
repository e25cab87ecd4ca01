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

// " hh:mm[:ss[.fraction]]" at the end of the value, into value.
bool timeOfDay(const QString &rest, DateValue &value)
{
    static const QRegularExpression form(QStringLiteral("^[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?$"));
    const auto m = form.match(rest);
    if (!m.hasMatch())
        return false;
    const int ms = m.captured(4).isEmpty() ? 0 : m.captured(4).left(3).leftJustified(3, QLatin1Char('0')).toInt();
    const QTime t(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), ms);
    if (!t.isValid())
        return false;
    value.time = t;
    value.fraction = m.captured(4);
    return true;
}

// The forms the export writes from PostgreSQL (its ISO output) that QDate cannot hold or dateParameter
// would change: bound unchanged.
bool isExactForm(const QString &text, bool timestampColumn)
{
    static const QRegularExpression special(QStringLiteral("^-?infinity$"));
    static const QRegularExpression form(QStringLiteral(
        "^(\\d{4,})-(\\d{2})-(\\d{2})(?:([ T])(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,9})?([+-]\\d{2}(?::\\d{2}){0,2}|Z)?)?( BC)?$"));
    if (special.match(text).hasMatch())
        return true;
    const auto m = form.match(text);
    if (!m.hasMatch())
        return false;
    const bool hasTime = m.capturedLength(4) > 0;
    if (hasTime && !timestampColumn)
        return false;  // a DATE column gets the date alone
    const bool bc = m.capturedLength(10) > 0;
    // MariaDB's and MySQL's zero dates (0000-00-00, 2024-05-00): the server decides what it accepts.
    const int month = m.captured(2).toInt();
    const int day = m.captured(3).toInt();
    if (!bc && m.capturedLength(1) == 4 && (month == 0 || day == 0) && month <= 12 && day <= 31)
        return !hasTime || (m.captured(5).toInt() < 24 && m.captured(6).toInt() < 60 && m.captured(7).toInt() < 60);
    if (!bc && m.capturedLength(1) == 4 && !hasTime)
        return false;  // a plain date: read in the format as always
    if (hasTime && (m.captured(5).toInt() > 24 || m.captured(6).toInt() > 59 || m.captured(7).toInt() > 60))
        return false;
    const int year = m.captured(1).toInt();
    return bc || QDate(year, m.captured(2).toInt(), m.captured(3).toInt()).isValid() || year > 9999;
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
    if (pos < text.size() && !timeOfDay(text.mid(pos), value))
        return std::nullopt;
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
        text += t.toString(QStringLiteral(" hh:mm:ss"));
        if (!value.fraction.isEmpty())
            text += QLatin1Char('.') + value.fraction;
    }
    return text;
}

std::optional<QString> dateColumnText(const QString &value, const config::DateFormat &format, bool timestampColumn,
                                      bool enforced)
{
    const bool isoFormat = format.text == config::DateFormat::isoDefault().text;
    if (isoFormat && isExactForm(value, timestampColumn))
        return value;
    if (const std::optional<DateValue> date = parseDateValue(value, format)) {
        // SQLite keeps the text: a value already in the form it would be given is left as it is.
        if (!enforced && isoFormat && (timestampColumn || !date->time))
            return value;
        return dateParameter(*date, timestampColumn);
    }
    if (!enforced && isoFormat)
        return value;
    return std::nullopt;
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
