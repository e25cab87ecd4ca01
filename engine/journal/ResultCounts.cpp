#include "ResultCounts.h"

#include <QFileInfo>

namespace oas::journal {

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
    if (r.failedRecords)
        entry.exceptionsFile = QFileInfo(r.exceptionsPath).absoluteFilePath();
}

}  // namespace oas::journal
