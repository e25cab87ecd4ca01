#include "ExceptionsFile.h"

#include <QRegularExpression>

namespace oas::importer {

QList<ExceptionEntry> readExceptions(QIODevice *device)
{
    static const QRegularExpression header(QStringLiteral("^# record at line (\\d+)$"));
    QList<ExceptionEntry> entries;
    ExceptionEntry *current = nullptr;
    QStringList event;
    auto closeEvent = [&] {
        if (current && !event.isEmpty())
            current->events.append(QStringList(event));
        event.clear();
    };
    while (!device->atEnd()) {
        const QByteArray raw = device->readLine();
        QByteArray line = raw;
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        const QString text = QString::fromUtf8(line);
        if (const auto m = header.match(text); m.hasMatch()) {
            closeEvent();
            entries.append(ExceptionEntry());
            current = &entries.last();
            current->line = m.captured(1).toInt();
            continue;
        }
        if (!current)
            continue;
        if (line == "#") {
            closeEvent();
        } else if (line.startsWith("# ")) {
            event.append(QString::fromUtf8(line.mid(2)));
        } else if (current->events.isEmpty() && event.isEmpty()) {
            current->record += raw;
        }
    }
    closeEvent();
    return entries;
}

}  // namespace oas::importer
