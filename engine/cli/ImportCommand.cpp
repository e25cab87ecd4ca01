#include "ImportCommand.h"

#include "../importer/ImportJob.h"
#include "../journal/ResultCounts.h"
#include "../journal/RunRecorder.h"
#include "CliSupport.h"
#include "ExitCode.h"

#include <QFileInfo>

namespace oas::cli {

int runImportCommand(const AgentOptions &options, const config::AgentConfig &config, QTextStream &out, QTextStream &err,
                     journal::RunRecorder *record)
{
    CliJob job(options, config.control, out, err);
    const auto finish = [&](int code, const QString &error) { return job.finish(record, code, error); };
    if (!job.open())
        return finish(NotDone, QStringLiteral("cannot open the trace file"));

    importer::ImportRequest request;
    request.config = config;
    const std::optional<db::Credentials> credentials = jobCredentials(options, config, job.trace);
    if (!credentials) {
        err << "ODBCAgentImp: import not done\n";
        return finish(NotDone, QStringLiteral("cannot get the database credentials"));
    }
    request.credentials = *credentials;
    request.inputPath = options.dataFile;
    request.keySource = options.security.keySource;
    // ADMIN_PW protects only the password: the attributes arrive as they are.
    request.decryptAttributes = options.security.encryptionMode.value_or(QString()) != QLatin1String("ADMIN_PW");
    if (options.batchSize)
        request.batchSize = *options.batchSize;
    request.dryRun = options.dryRun;
    const importer::ImportResult r = importer::runImport(request, job.trace, &job.step, &job.observer);
    job.trace.flush();
    const importer::ImportStats &s = r.stats;
    if (record)
        journal::recordImport(record->entry(), r, config.usesProcedures(), options.dryRun);
    QString summary = config.usesProcedures()
                          ? QStringLiteral("ODBCAgentImp: %1 records read: %2 called, %3 failed, %4 skipped")
                                .arg(r.recordsRead)
                                .arg(s.calls)
                                .arg(s.errors)
                                .arg(s.skips)
                          : QStringLiteral("ODBCAgentImp: %1 records read: %2 created, %3 updated, %4 unchanged, %5 deleted, "
                                           "%6 failed, %7 skipped")
                                .arg(r.recordsRead)
                                .arg(s.creates)
                                .arg(s.updates)
                                .arg(s.unchanged)
                                .arg(s.deletes)
                                .arg(s.errors)
                                .arg(s.skips);
    if (r.exceptions)
        summary += options.dryRun ? QStringLiteral("; %1 record%2 for the exceptions file (not written in a dry run)").arg(r.exceptions).arg(r.exceptions == 1 ? "" : "s")
                                  : QStringLiteral("; %1 record%2 written to %3").arg(r.exceptions).arg(r.exceptions == 1 ? "" : "s").arg(r.exceptionsPath);
    if (r.warningEntries)
        summary += QStringLiteral("; %1 imported record%2 with a warning listed in %3")
                       .arg(r.warningEntries).arg(r.warningEntries == 1 ? "" : "s").arg(r.exceptionsPath);
    if (r.warnings)
        summary += QStringLiteral("; %1 record%2 with warnings").arg(r.warnings).arg(r.warnings == 1 ? "" : "s");
    if (options.dryRun)
        summary += QStringLiteral("; dry run: every change rolled back");
    if (r.stopped)
        summary += r.resumeLine ? QStringLiteral("; stopped before the record at line %1").arg(r.resumeLine)
                                : QStringLiteral("; stopped");
    if (r.exitCode == NotDone) {
        if (r.recordsRead)
            err << summary << '\n';
        err << "ODBCAgentImp: import not done";
        if (r.resumeLine)
            err << " from the record at line " << r.resumeLine << " on (the records before it are imported)";
        err << '\n';
        return finish(NotDone, r.error);
    }
    err << summary << '\n';
    return finish(r.exitCode, r.error);
}

}  // namespace oas::cli
