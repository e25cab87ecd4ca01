#include "DebugLog.h"

#include <QDateTime>

namespace oas::pairs {

DebugLog::DebugLog(const QString &fileName, int maxFiles, qint64 maxFileSize) : m_file(fileName, maxFiles, maxFileSize) {}

bool DebugLog::open(QString *error)
{
    return m_file.open(error);
}

void DebugLog::write(const QString &block)
{
    QString text = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + QLatin1Char(' ') + block;
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    m_file.write(text.toUtf8());
}

}  // namespace oas::pairs
