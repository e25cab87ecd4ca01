#include "ExportCommand.h"

#include "../exporter/ExportJob.h"
#include "CliSupport.h"
#include "ExitCode.h"

namespace oas::cli {

int runExportCommand(const AgentOptions &options, const config::AgentConfig &config, QTextStream &out, QTextStream &err)
{
    CliJob job(options, config.control, out, err);
    if (!job.open())
        return NotDone;

    exporter::ExportRequest request;
    request.config = config;
    request.configPath = options.configFile;
    const std::optional<db::Credentials> credentials = jobCredentials(options, config, job.trace);
    if (!credentials) {
        err << "ODBCAgentExp: export not done\n";
        return NotDone;
    }
    request.credentials = *credentials;
    request.outputPath = options.dataFile;
    request.toStdout = options.toStdout;
    request.referenceFlag = options.referenceFlag;
    request.referenceFile = options.referenceFile;
    const exporter::ExportResult r = exporter::runExport(request, job.trace, &job.step, &job.observer);
    job.trace.flush();
    if (r.exitCode == NotDone) {
        err << "ODBCAgentExp: export not done\n";
        return NotDone;
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
    err << summary << '\n';
    return r.exitCode;
}

}  // namespace oas::cli
