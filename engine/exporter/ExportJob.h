#pragma once
// One run of the export agent: connect, run the one SELECT, write a full export or the delta against the
// previous reference file, write the new reference file and record its name in the configuration. Every
// failure becomes a message and exit code 1; nothing half-written is left under a final name.
#include "../config/AgentConfig.h"
#include "../db/ConnectionString.h"
#include "../run/StepController.h"
#include "../trace/Trace.h"

#include <QDate>

namespace oas::exporter {

struct ExportRequest {
    config::AgentConfig config;
    QString configPath;  // where NewReferenceFile is written back; empty: not written
    db::Credentials credentials;
    QString outputPath = QStringLiteral("odbc_out.txt");
    bool toStdout = false;
    bool referenceFlag = false;  // -r
    QString referenceFile;       // -r FILE
    QDate todayUtc;              // for reference names; invalid: today
    qint64 sortMemoryBytes = 40ll * 1024 * 1024;  // estimated element bytes; real use is about 2x
    QString connectionName = QStringLiteral("export");
    // A full export of a PostgreSQL table at least this large (8 KiB pages) reads its two halves on two
    // connections in parallel; 0 never splits.
    qint64 splitMinimumPages = 1024;
    // An export in key order (one integer key) of such a table reads the keys in ranges of about this many
    // rows, alternately on two connections; 0 never does.
    qint64 rowsPerKeyRange = 8192;
    // A dry run (--dry-run): the data file is written, the new reference file is not, and the configuration
    // keeps naming the previous one, so the next real run exports the same changes.
    bool dryRun = false;
    // A full export without a reference file or Summary trace formats PostgreSQL's packed rows on the fetch
    // threads straight from their UTF-8 bytes (RowSource::formatRecords); false: from decoded values (tests
    // compare the two).
    bool recordsFromBytes = true;
};

struct ExportResult {
    int exitCode = 1;
    bool delta = false;
    qint64 rows = 0;     // rows read from the database
    qint64 records = 0;  // records written
    qint64 adds = 0;
    qint64 modifies = 0;
    qint64 deletes = 0;
    qint64 warnings = 0;
    qint64 recordsFromBytes = 0;  // of records, those formatted straight from the rows' bytes
    bool stopped = false;      // stopped in single-step mode
    QString referenceWritten;  // path of the new reference file, if any
    QString error;             // why it failed
};

ExportResult runExport(const ExportRequest &request, trace::Trace &trace, run::StepController *step = nullptr,
                       run::JobObserver *observer = nullptr);

}  // namespace oas::exporter
