#pragma once
// A run of mapping-pair events over the records of a tagged data file (odbc-agent pair, the Studio's "Fire"):
// each record's event (given, or from its ChangeType) fired to each pair, failed records to the exceptions
// file with a comment per failed pair, counts per pair. Reports through the trace (Summary: each record,
// FailSummary: failed records, Statistics at the end) and the JobObserver (progress, single step).
#include "PairRunner.h"

#include "../run/StepController.h"
#include "../trace/Trace.h"

#include <optional>

namespace oas::pairs {

struct PairJobRequest {
    QString folder = QStringLiteral("odbcsync");
    QStringList pairs;
    std::optional<sql::PairEvent> event;  // none: each record's ChangeType
    QString inputPath = QStringLiteral("-");  // -: standard input
    QString exceptionsPath;                   // empty: NAME-except.txt of the first pair
    QString debugLogPath;                     // empty: no debug log
    config::Encoding encoding = config::Encoding::Utf8;
    run::SecretSettings secrets;
};

struct PairCounts {
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 deleted = 0;
    qint64 failed = 0;
};

struct PairJobResult {
    int exitCode = 1;  // 0, 0x3C with failed records, 1 not done
    qint64 records = 0;
    qint64 failedRecords = 0;
    QHash<QString, PairCounts> counts;
    QString exceptionsPath;
    QString debugLogPath;  // the file written, when on
    QString error;         // not done: why
    bool stopped = false;
    // "5 records read; dialer: 2 inserted, 1 updated, 1 deleted, 0 failed; ..."
    QString summary(const QStringList &pairs) const;
};

PairJobResult runPairJob(const PairJobRequest &request, trace::Trace &trace, run::StepController *step = nullptr,
                         run::JobObserver *observer = nullptr);

}  // namespace oas::pairs
