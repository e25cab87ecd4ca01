#include "ExportCommand.h"

#include "../exporter/ExportJob.h"
#include "../journal/ResultCounts.h"
#include "../journal/RunRecorder.h"
#include "CliSupport.h"
#include "ExitCode.h"

#include <QFileInfo>

namespace oas::cli {

int runExportCommand(const AgentOptions &options, const config::AgentConfig &config, QTextStream &out, QTextStream &err,
                     journal::RunRecorder *record)
{
    CliJob job(options, config.control, out, err);
    const auto finish = [&](int code, const QString &error) { return job.finish(record, code, error); };
    if (!job.open())
        return finish(NotDone, QStringLiteral("cannot open the trace file"));

    exporter::ExportRequest request;
    request.config = config;
    request.configPath = options.configFile;
    const std::optional<db::Credentials> credentials = jobCredentials(options, config, job.trace);
    if (!credentials) {
        err << "ODBCAgentExp: export not done\n";
        return finish(NotDone, QStringLiteral("cannot get the database credentials"));
    }
    request.credentials = *credentials;
    request.outputPath = options.dataFile;
    request.toStdout = options.toStdout;
    request.referenceFlag = options.referenceFlag;
    request.referenceFile = options.referenceFile;
    request.dryRun = options.dryRun;
    const exporter::ExportResult r = exporter::runExport(request, job.trace, &job.step, &job.observer);
    job.trace.flush();
    if (record)
        journal::recordExport(record->entry(), r);
    if (r.exitCode == NotDone) {
        err << "ODBCAgentExp: export not done\n";
        return finish(NotDone, r.error);
    }
    QString summary = QStringLiteral("ODBCAgentExp: %1 rows read, %2 records written to %3")
                          .arg(r.rows)
                          .arg(r.records)
                          .arg(options.toStdout ? QStringLiteral("standard output") : options.dataFile);
    if (r.delta)
        summary += QStringLiteral(" (delta: %1 add, %2 modify, %3 delete)").arg(r.adds).arg(r.modifies).arg(r.deletes);
    if (!r.referenceWritten.isEmpty())
        summary += QStringLiteral("; reference file %1").arg(r.referenceWritten);
    if (r.warnings)
        summary += QStringLiteral("; %1 warning%2").arg(r.warnings).arg(r.warnings == 1 ? "" : "s");
    if (options.dryRun)
        summary += QStringLiteral("; dry run: no reference file written, the configuration unchanged");
    err << summary << '\n';
    return finish(r.exitCode, r.error);
}

}  // namespace oas::cli
