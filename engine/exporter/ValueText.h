#pragma once
// Database values as the text the export writes (and the row hash reads): dates yyyy-MM-dd, timestamps
// yyyy-MM-dd hh:mm:ss[.zzz] (the manual's sample), times hh:mm:ss, booleans 0/1, binary data as lowercase
// hex digits, floating point in the shortest form that reads back exactly, everything else as the driver
// gives it. NULL is not a text: callers write it as an empty value.
#include <QString>
#include <QVariant>

namespace oas::exporter {

QString valueText(const QVariant &value, int sqlType);

}  // namespace oas::exporter
