#pragma once
// Date values of import records in the configured DateFormat ([control], default YYYY-MM-DD): literal text
// around YYYY (four digits), MM or DD (one or two digits) and MON (jan ... dec in any case); or the ODBC
// escape {d '1995-01-15'}. A time of day may follow (" 00:00:00", as exports write timestamps), with its
// fraction (up to nanoseconds, kept digit for digit). Only the date itself goes to a DATE column; a
// TIMESTAMP column gets the date and the time (midnight when none).
// With the default format, the forms the export writes from PostgreSQL are bound as they are, so they come
// back unchanged: 'infinity' / '-infinity', years past 9999, ' BC', a time zone offset, a 'T' between date
// and time (DECISIONS.md 15); so are MariaDB's zero dates (0000-00-00, 2024-05-00).
#include "../config/AgentConfig.h"

#include <QDateTime>

#include <optional>

namespace oas::importer {

struct DateValue {
    QDate date;
    std::optional<QTime> time;
    QString fraction;  // the fraction's digits as written ("123456"), empty for none
};

std::optional<DateValue> parseDateValue(const QString &text, const config::DateFormat &format);
// The text bound for a DATE column ("1995-01-15") or a TIMESTAMP column ("1995-01-15 00:00:00").
QString dateParameter(const DateValue &value, bool withTime);
// The text to bind for value in a DATE (or, timestampColumn, TIMESTAMP) column: an exact form as it is,
// else the value read in format; nullopt when it is not a date. Where the database keeps any text in a date
// column (SQLite: enforced false), a value of the default format that is not a date is bound as it is.
std::optional<QString> dateColumnText(const QString &value, const config::DateFormat &format, bool timestampColumn,
                                      bool enforced = true);
bool isDateColumn(int sqlType);
bool isTimestampColumn(int sqlType);

}  // namespace oas::importer
