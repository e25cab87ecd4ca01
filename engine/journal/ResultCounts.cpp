#include "ResultCounts.h"

#include <QFile>
#include <QFileInfo>

namespace oas::journal {

QString firstExceptionMessage(const QString &exceptionsFile)
{
    QFile f(exceptionsFile);
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    QString record;
    for (int n = 0; n < 2000 && !f.atEnd(); ++n) {
        const QString line = QString::fromUtf8(f.readLine(4096)).trimmed();
        if (line.startsWith(QLatin1String("# record at line ")))
            record = line.mid(2);
        else if (line.startsWith(QLatin1String("# ")) && !record.isEmpty())
            return QStringLiteral("%1: %2").arg(record, line.mid(2));
    }
    return QString();
}

void recordExport(RunEntry &entry, const exporter::ExportResult &r)
{
    RunCounts &c = entry.counts;
    c.read = r.rows;
    c.written = r.records;
    c.created = r.adds;
    c.updated = r.modifies;
    c.deleted = r.deletes;
    entry.referenceFile = r.referenceWritten.isEmpty() ? QString() : QFileInfo(r.referenceWritten).absoluteFilePath();
}

void recordImport(RunEntry &entry, const importer::ImportResult &r, bool procedures, bool dryRun)
{
    const importer::ImportStats &s = r.stats;
    RunCounts &c = entry.counts;
    c.read = r.recordsRead;
    c.created = s.creates;
    c.updated = s.updates;
    c.unchanged = s.unchanged;
    c.deleted = s.deletes;
    c.errors = s.errors;
    c.skipped = s.skips;
    c.written = procedures ? s.calls : s.creates + s.updates + s.deletes;
    entry.exceptionsFile = r.exceptionsPath.isEmpty() || dryRun ? QString() : QFileInfo(r.exceptionsPath).absoluteFilePath();
    entry.resumeLine = r.resumeLine;
    // A run done with failed records has no fatal error: its first error is the first failed record's.
    if (r.exceptions > 0 && !entry.exceptionsFile.isEmpty())
        entry.firstError = firstExceptionMessage(entry.exceptionsFile);
}

void recordPairs(RunEntry &entry, const pairs::PairJobResult &r)
{
    RunCounts &c = entry.counts;
    c.read = r.records;
    c.errors = r.failedRecords;
    c.created = c.updated = c.deleted = 0;
    for (const pairs::PairCounts &p : r.counts) {
        c.created += p.inserted;
        c.updated += p.updated;
        c.deleted += p.deleted;
    }
    c.written = c.created + c.updated + c.deleted;
    if (r.failedRecords) {
        entry.exceptionsFile = QFileInfo(r.exceptionsPath).absoluteFilePath();
        entry.firstError = firstExceptionMessage(entry.exceptionsFile);
    }
}

}  // namespace oas::journal
