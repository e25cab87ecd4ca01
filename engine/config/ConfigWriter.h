#pragma once
// Changes one field of a configuration file in place, as the export does with NewReferenceFile: only that
// field's line changes (or one line is added at the end of the section's fields); comments, order,
// continuation lines, encoding and line endings of everything else stay byte for byte. Written atomically.
#include <QByteArray>
#include <QString>

namespace oas::config {

QByteArray withFieldValue(const QByteArray &text, const QString &section, const QString &field, const QString &value);
bool setFieldValue(const QString &path, const QString &section, const QString &field, const QString &value,
                   QString *error);

}  // namespace oas::config
