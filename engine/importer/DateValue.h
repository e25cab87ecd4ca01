#pragma once
// Date values of import records in the configured DateFormat ([control], default YYYY-MM-DD): literal text
// around YYYY (four digits), MM or DD (one or two digits) and MON (jan ... dec in any case); or the ODBC
// escape {d '1995-01-15'}. A time of day may follow (" 00:00:00", as exports write timestamps). Only the date
// itself goes to a DATE column; a TIMESTAMP column gets the date and the time (midnight when none).
#include "../config/AgentConfig.h"

#include <QDateTime>

#include <optional>

namespace oas::importer {

struct DateValue {
    QDate date;
    std::optional<QTime> time;
};

std::optional<DateValue> parseDateValue(const QString &text, const config::DateFormat &format);
// The text bound for a DATE column ("1995-01-15") or a TIMESTAMP column ("1995-01-15 00:00:00").
QString dateParameter(const DateValue &value, bool withTime);
bool isDateColumn(int sqlType);
bool isTimestampColumn(int sqlType);

}  // namespace oas::importer
