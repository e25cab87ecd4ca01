#include "RecordEvents.h"

namespace oas::importer {

QString dispositionText(Disposition disposition)
{
    switch (disposition) {
    case Disposition::Created: return QStringLiteral("created");
    case Disposition::Updated: return QStringLiteral("updated");
    case Disposition::Unchanged: return QStringLiteral("unchanged");
    case Disposition::Deleted: return QStringLiteral("deleted");
    case Disposition::AlreadyAbsent: return QStringLiteral("already absent");
    case Disposition::Absent: return QStringLiteral("absent");
    case Disposition::Exists: return QStringLiteral("exists");
    case Disposition::Ambiguous: return QStringLiteral("ambiguous");
    case Disposition::Called: return QStringLiteral("called");
    case Disposition::Error: break;
    }
    return QStringLiteral("error");
}

bool isFailure(Disposition disposition)
{
    return disposition == Disposition::Absent || disposition == Disposition::Exists
           || disposition == Disposition::Ambiguous || disposition == Disposition::Error;
}

void ImportStats::count(const Outcome &outcome)
{
    switch (outcome.disposition) {
    case Disposition::Created: ++creates; break;
    case Disposition::Updated: ++updates; break;
    case Disposition::Unchanged:
    case Disposition::AlreadyAbsent: ++unchanged; break;
    case Disposition::Deleted: ++deletes; break;
    case Disposition::Called: ++calls; break;
    default: ++errors; break;
    }
    updatedAttributes += outcome.attributesUpdated;
    unnecessaryUpdates += outcome.attributesUnchanged;
}

QString ImportStats::text() const
{
    QString out = QStringLiteral("import statistics:");
    auto line = [&](const char *name, qint64 value) {
        if (value)
            out += QStringLiteral("\n%1: %2").arg(QLatin1String(name)).arg(value);
    };
    line("creates", creates);
    line("updates", updates);
    line("updates (attr)", updatedAttributes);
    line("updates (not necess.)", unnecessaryUpdates);
    line("unchanged", unchanged);
    line("deletes", deletes);
    line("calls", calls);
    line("errors", errors);
    line("total imports", totalImports());
    line("skips", skips);
    return out;
}

QString summaryLine(const QString &label, int line, const Outcome &outcome)
{
    QString text = QStringLiteral("record %1 at line %2 (%3)").arg(label).arg(line).arg(dispositionText(outcome.disposition));
    if (outcome.failed())
        text += QStringLiteral(" #");
    return text;
}

QString eventsText(const Outcome &outcome)
{
    QStringList blocks;
    for (const Event &e : outcome.events) {
        if (!e.quiet || outcome.failed())
            blocks.append(e.lines.join(QLatin1Char('\n')));
    }
    return blocks.join(QStringLiteral("\n\n"));
}

QByteArray exceptionEntry(int line, const QByteArray &rawRecord, const QList<Event> &events,
                          const datafile::DataFormat &format)
{
    auto encode = [&](const QString &text) {
        if (format.encoding == config::Encoding::Utf8)
            return text.toUtf8();
        QByteArray bytes = text.toLatin1();  // characters beyond Latin-1 become '?' in comments only
        return bytes;
    };
    QByteArray out = encode(QStringLiteral("# record at line %1\n").arg(line));
    // Every entry starts with the separator, so the file reads back as one record per entry even when
    // the first record of the input had none.
    const QByteArray separator = encode(format.recordSeparator);
    const qsizetype firstEnd = rawRecord.indexOf('\n');
    const QByteArray firstLine = rawRecord.left(firstEnd < 0 ? rawRecord.size() : firstEnd).trimmed();
    if (firstLine != separator.trimmed())
        out += separator + '\n';
    out += rawRecord;
    if (!rawRecord.isEmpty() && !rawRecord.endsWith('\n'))
        out += '\n';
    for (const Event &e : events) {
        for (const QString &l : e.lines) {
            // A multi-line driver message stays inside the comment.
            for (const QString &part : l.split(QLatin1Char('\n')))
                out += encode(QStringLiteral("# ") + QString(part).remove(QLatin1Char('\r')) + QLatin1Char('\n'));
        }
        out += "#\n";
    }
    return out;
}

QString recordBlock(const QString &summary, const Outcome &outcome)
{
    const QString events = eventsText(outcome);
    return events.isEmpty() ? summary : summary + QStringLiteral("\n\n") + events;
}

run::RecordStep recordStep(const datafile::Record &record, datafile::ChangeType change, const QString &summary,
                           const Outcome &outcome)
{
    run::RecordStep step;
    step.line = record.line;
    step.summary = summary;
    step.failed = outcome.failed();
    step.changeType = datafile::changeTypeName(change);
    for (const datafile::Attribute &a : record.attributes)
        step.attributes.append(a.name + QStringLiteral(": ") + a.value);
    for (const Event &e : outcome.events)
        step.events.append(e.lines.join(QLatin1Char('\n')));
    return step;
}

}  // namespace oas::importer
