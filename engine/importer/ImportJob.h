#pragma once
// One run of the import agent: read the data file record by record, decide for each (create, update,
// delete, leave, or fail) against the table located by SelectBy, apply it, and account for it: trace
// (Summary, FailSummary, Statistics, Columns, SQL), the exceptions file, the statistics. Each record is
// atomic and durable once reported (records are grouped into transactions; a failing record is replayed
// alone and never undoes its neighbours). Fatal problems (config, connection, preparation) give exit 1.
#include "RecordEvents.h"

#include "../config/AgentConfig.h"
#include "../db/ConnectionString.h"
#include "../run/StepController.h"
#include "../trace/Trace.h"

namespace oas::importer {

// Records per transaction unless -Batch says otherwise, and the bytes of the data file after which a batch
// ends early (records with large values): the reading thread keeps up to four batches ahead, so the records
// in memory stay near 16 MiB of the file whatever the records hold. Under the default, a transaction also
// takes about as many records as kTransactionMs of work took the last time (at least kMinTransactionRecords):
// a slow database (a remote server, per-record statements) still commits, reports and releases its row
// locks about every second.
inline constexpr int kDefaultBatchRecords = 2000;
inline constexpr qint64 kBatchFileBytes = 4 * 1024 * 1024;
inline constexpr qint64 kTransactionMs = 1000;
inline constexpr int kMinTransactionRecords = 50;

struct ImportRequest {
    config::AgentConfig config;
    db::Credentials credentials;
    QString inputPath = QStringLiteral("odbc_in.txt");
    QString exceptionsPath;  // empty: the Exceptions field (relative to the working directory)
    // Records per transaction (-Batch), exactly; 1 commits every record on its own. 0: the default (up to
    // kDefaultBatchRecords, about a second of work each).
    int batchSize = 0;
    QString connectionName = QStringLiteral("import");
    // [EncryptedAttributes]: decrypt the listed attributes (false under -Enc ADMIN_PW) with the key from
    // keySource (empty: secrets::defaultKeySource()).
    bool decryptAttributes = true;
    QString keySource;
    // A dry run (--dry-run): every record is applied and accounted for as in a real run, inside one
    // transaction rolled back at the end; no exceptions file is written. Not for [procedures].
    bool dryRun = false;
};

struct ImportResult {
    int exitCode = 1;
    ImportStats stats;
    qint64 recordsRead = 0;  // every record of the input up to end: or the end, skipped ones included
    qint64 exceptions = 0;   // records written to the exceptions file because they failed
    qint64 warningEntries = 0;  // imported records written there for a warning the manual puts there
    qint64 warnings = 0;     // records with warnings
    bool stopped = false;    // stopped in single-step mode or cancelled
    int resumeLine = 0;      // when stopped or failed part-way: the first record not imported
    QString exceptionsPath;
    QString error;  // why it failed
};

ImportResult runImport(const ImportRequest &request, trace::Trace &trace, run::StepController *step = nullptr,
                       run::JobObserver *observer = nullptr);

}  // namespace oas::importer
