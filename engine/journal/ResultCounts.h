#pragma once
// A run's result as the journal counts it, for every caller of the agents (the commands, the Studio).
#include "RunEntry.h"

#include "../exporter/ExportJob.h"
#include "../importer/ImportJob.h"
#include "../pairs/PairJob.h"

namespace oas::journal {

// Rows read, records written, the delta's adds / modifies / deletes as created / updated / deleted, and the
// reference file written (absolute).
void recordExport(RunEntry &entry, const exporter::ExportResult &result);
// Records read, created, updated, unchanged, deleted, failed, skipped; written: the changes (or calls of a
// [procedures] import); the exceptions file when one was kept.
void recordImport(RunEntry &entry, const importer::ImportResult &result, bool procedures, bool dryRun);
// "record at line 9: the value of SN is too long ..." from an exceptions file: its first failed record.
QString firstExceptionMessage(const QString &exceptionsFile);
// Records read, the pairs' inserts / updates / deletes as created / updated / deleted, failed records.
void recordPairs(RunEntry &entry, const pairs::PairJobResult &result);

}  // namespace oas::journal
