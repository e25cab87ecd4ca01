#include "SyncRunner.h"

#include "DeleteGuard.h"

#include "../cli/AgentCommandLine.h"
#include "../cli/AgentRunner.h"
#include "../cli/CliSupport.h"
#include "../cli/ExitCode.h"
#include "../cli/PairCommand.h"
#include "../cli/QueueCommand.h"
#include "../config/ConfigParser.h"
#include "../journal/RunRecorder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>

namespace oas::sync {

namespace {

using cli::DoneWithWarnings;
using cli::NotDone;
using cli::Success;

// Restores the working directory however the sync ends.
class FolderScope {
public:
    explicit FolderScope(const QString &folder) : m_previous(QDir::currentPath()) { m_ok = QDir::setCurrent(folder); }
    ~FolderScope() { QDir::setCurrent(m_previous); }
    bool ok() const { return m_ok; }

private:
    QString m_previous;
    bool m_ok = false;
};

class Runner {
public:
    Runner(const SyncDefinition &sync, const SyncOptions &options, QTextStream &out, QTextStream &err)
        : m_sync(sync), m_options(options), m_out(out), m_err(err)
    {
    }
    SyncResult run();

private:
    int runStep(const SyncStep &step, StepOutcome &outcome);
    int runImport(const SyncStep &step, const QString &input, StepOutcome &outcome);
    bool guardAllows(const SyncStep &step, const QString &input, const config::AgentConfig &config, StepOutcome &outcome);
    QString inputOf(const SyncStep &step) const;
    void report(const SyncResult &result);

    const SyncDefinition &m_sync;
    const SyncOptions &m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    QHash<QString, QString> m_outputs;  // step name (lower case) -> data file written
    // What an export step changed besides its data file, so that a delete guard stopping the import of its
    // output can take it back: the next run then exports the same changes again (nothing lost).
    struct ExportTrail {
        QString config;
        QByteArray configBefore;
        QString referenceWritten;
    };
    QHash<QString, ExportTrail> m_exports;  // by step name (lower case)
    void takeBackExport(const QString &stepName);
    QTemporaryDir m_dryFolder;          // a dry run's data files
};

QString Runner::inputOf(const SyncStep &step) const
{
    const QString from = step.inputStep();
    return from.isEmpty() ? step.input : m_outputs.value(from.toLower());
}

bool Runner::guardAllows(const SyncStep &step, const QString &input, const config::AgentConfig &config, StepOutcome &outcome)
{
    DeleteCheck check = countDeletes(input, config);
    if (!check.ok)
        return true;  // the import itself says what is wrong with its data file
    if (check.deletes > 0 && step.guard.on && !config.usesProcedures()) {
        cli::AgentOptions options;
        options.configFile = step.config;
        trace::Trace::Options quiet;
        quiet.levels = {};
        trace::Trace trace(quiet);
        const auto credentials = cli::jobCredentials(options, config, trace);
        QString error;
        if (credentials)
            check.targetRows = countTargetRows(config, *credentials, &error).value_or(-1);
    }
    judge(check, step.guard, m_options.allowDeletes);
    if (check.allowed)
        return true;
    if (!step.inputStep().isEmpty())
        takeBackExport(step.inputStep());
    outcome.state = StepOutcome::State::Guarded;
    outcome.exitCode = NotDone;
    outcome.counts.read = check.records;
    outcome.counts.deleted = check.deletes;
    outcome.note = check.reason;
    m_err << "sync " << m_sync.name << ": step " << step.name << " stopped by the delete guard: the data file " << input
          << " has " << check.reason << ".\n"
          << "Nothing was changed by this step" << (m_options.dryRun ? " (dry run)" : "")
          << ". If these deletes are intended, let this run through once with:\n"
          << "  odbc-agent sync " << QDir::current().relativeFilePath(m_sync.path) << " --allow-deletes " << check.deletes << '\n'
          << "or change the guard in the sync file (DeleteGuard, MaxDeletes, MaxDeletePercent, MinRows).\n";
    return false;
}

void Runner::takeBackExport(const QString &stepName)
{
    const auto it = m_exports.constFind(stepName.toLower());
    if (it == m_exports.constEnd() || it->referenceWritten.isEmpty() || m_options.dryRun)
        return;
    QSaveFile config(it->config);
    const bool restored = config.open(QIODevice::WriteOnly) && config.write(it->configBefore) == it->configBefore.size() && config.commit();
    if (restored && QFile::remove(it->referenceWritten))
        m_err << "sync " << m_sync.name << ": the new reference file of step " << stepName << " (" << it->referenceWritten
              << ") is taken back and " << it->config << " names the previous one again, so the next run exports these "
              << "changes again\n";
    else
        m_err << "sync " << m_sync.name << ": warning: the new reference file of step " << stepName << " (" << it->referenceWritten
              << ") could not be taken back; the changes of this export are in " << m_outputs.value(stepName.toLower())
              << " only: import that file once the deletes are confirmed\n";
}

int Runner::runImport(const SyncStep &step, const QString &input, StepOutcome &outcome)
{
    const config::ParseResult parsed = config::parseConfigFile(step.config, config::Operation::Import);
    if (parsed.ok() && !guardAllows(step, input, parsed.config, outcome))
        return NotDone;
    QStringList args{QStringLiteral("-f"), step.config, QStringLiteral("-i"), input};
    if (m_options.dryRun)
        args << QStringLiteral("--dry-run");
    return cli::runAgent(cli::AgentKind::Import, args, m_out, m_err);
}

int Runner::runStep(const SyncStep &step, StepOutcome &outcome)
{
    const QString input = inputOf(step);
    switch (step.kind) {
    case StepKind::Export: {
        QString output = step.output;
        if (m_options.dryRun)  // the real data file stays as it is; the dry run's goes to a scratch folder
            output = m_dryFolder.filePath(step.name + QStringLiteral(".txt"));
        m_outputs.insert(step.name.toLower(), output);
        QStringList args{QStringLiteral("-f"), step.config, QStringLiteral("-o"), output};
        if (step.fullExport)
            args << QStringLiteral("-r");
        if (m_options.dryRun)
            args << QStringLiteral("--dry-run");
        ExportTrail trail;
        trail.config = step.config;
        QFile config(step.config);
        if (config.open(QIODevice::ReadOnly))
            trail.configBefore = config.readAll();
        const int code = cli::runAgent(cli::AgentKind::Export, args, m_out, m_err);
        trail.referenceWritten = journal::lastStepEntry().referenceFile;
        m_exports.insert(step.name.toLower(), trail);
        return code;
    }
    case StepKind::Import:
        return runImport(step, input, outcome);
    case StepKind::Pair: {
        if (m_options.dryRun) {
            outcome.state = StepOutcome::State::Skipped;
            outcome.note = QStringLiteral("not run in a dry run: pair events go to another system and cannot be rolled back");
            return Success;
        }
        QStringList args{step.pairs, QStringLiteral("--input"), input, QStringLiteral("--pairs"), step.config};
        if (!step.event.isEmpty())
            args << QStringLiteral("--event") << step.event;
        return cli::pairCommand(args, m_out, m_err);
    }
    case StepKind::Queue:
        if (m_options.dryRun) {
            outcome.state = StepOutcome::State::Skipped;
            outcome.note = QStringLiteral("not run in a dry run: a queue refresh has no dry run");
            return Success;
        }
        return cli::queueCommand({QStringLiteral("refresh"), step.config}, m_out, m_err);
    }
    return NotDone;
}

SyncResult Runner::run()
{
    SyncResult result;
    for (const SyncStep &step : m_sync.steps) {
        StepOutcome o;
        o.name = step.name;
        o.kind = step.kind;
        result.steps.append(o);
    }
    journal::setSyncContext({m_sync.name, QString(), m_options.dryRun});
    journal::RunRecorder record(QStringLiteral("sync"), m_sync.path, QStringLiteral("odbc-agent sync"), m_options.arguments, m_err);
    record.start();
    result.runId = record.id();
    FolderScope folder(m_sync.folder);
    if (!folder.ok() || (m_options.dryRun && !m_dryFolder.isValid())) {
        const QString error = !folder.ok() ? QStringLiteral("cannot change to the sync's folder %1").arg(m_sync.folder)
                                           : QStringLiteral("cannot create a scratch folder for the dry run");
        m_err << "sync " << m_sync.name << ": " << error << '\n';
        journal::setSyncContext({});
        record.finish(NotDone, error);
        return result;
    }
    bool failed = false, warnings = false;
    QString firstError;
    for (int i = 0; i < m_sync.steps.size(); ++i) {
        const SyncStep &step = m_sync.steps.at(i);
        StepOutcome &outcome = result.steps[i];
        m_out << "== sync " << m_sync.name << ", step " << (i + 1) << " of " << m_sync.steps.size() << ": " << step.name << " ("
              << stepKindName(step.kind) << ' ' << step.config << ")" << (m_options.dryRun ? " - dry run" : "") << '\n' << Qt::flush;
        journal::setSyncContext({m_sync.name, step.name, m_options.dryRun});
        outcome.state = StepOutcome::State::Ran;
        const int code = runStep(step, outcome);
        if (outcome.state == StepOutcome::State::Ran) {
            const journal::RunEntry &entry = journal::lastStepEntry();
            outcome.counts = entry.counts;
            outcome.runId = entry.id;
            if (code == NotDone && firstError.isEmpty())
                firstError = QStringLiteral("step %1: %2").arg(step.name, entry.firstError);
        } else if (outcome.state == StepOutcome::State::Guarded && firstError.isEmpty()) {
            firstError = QStringLiteral("step %1: delete guard: %2").arg(step.name, outcome.note);
        }
        outcome.exitCode = code;
        journal::RunCounts &c = record.entry().counts;  // what the sync changed: its imports', pairs' and queues' counts
        if (step.kind != StepKind::Export) {
            c.read += outcome.counts.read;
            c.written += outcome.counts.written;
        }
        if (step.kind != StepKind::Export) {
            c.created += outcome.counts.created;
            c.updated += outcome.counts.updated;
            c.unchanged += outcome.counts.unchanged;
            c.deleted += outcome.counts.deleted;
            c.skipped += outcome.counts.skipped;
        }
        c.errors += outcome.counts.errors;
        if (code == DoneWithWarnings)
            warnings = true;
        if (code != Success && code != DoneWithWarnings) {
            failed = true;
            if (step.stopOnError || outcome.state == StepOutcome::State::Guarded) {
                m_err << "sync " << m_sync.name << ": step " << step.name << " not done; the sync stops here\n";
                break;
            }
            m_err << "sync " << m_sync.name << ": step " << step.name << " not done; OnError=continue goes on\n";
        } else if (code == DoneWithWarnings && step.stopOnWarnings) {
            m_err << "sync " << m_sync.name << ": step " << step.name << " done with warnings; OnWarnings=stop stops the sync here\n";
            break;
        }
    }
    journal::setSyncContext({m_sync.name, QString(), m_options.dryRun});
    result.exitCode = failed ? NotDone : warnings ? DoneWithWarnings : Success;
    report(result);
    record.finish(result.exitCode, firstError);
    journal::setSyncContext({});
    return result;
}

void Runner::report(const SyncResult &result)
{
    m_out << "== sync " << m_sync.name << (m_options.dryRun ? " (dry run: predicted, nothing kept)" : "") << '\n';
    m_out << "step              kind    result        read    created  updated  unchanged  deleted  errors\n";
    for (const StepOutcome &s : result.steps) {
        QString state;
        switch (s.state) {
        case StepOutcome::State::NotRun: state = QStringLiteral("not run"); break;
        case StepOutcome::State::Skipped: state = QStringLiteral("skipped"); break;
        case StepOutcome::State::Guarded: state = QStringLiteral("guarded"); break;
        case StepOutcome::State::Ran:
            state = s.exitCode == Success ? QStringLiteral("done") : s.exitCode == DoneWithWarnings ? QStringLiteral("warnings")
                                                                                                    : QStringLiteral("failed");
            break;
        }
        const auto n = [](qint64 v, int w) { return QString::number(v).leftJustified(w); };
        m_out << s.name.leftJustified(16) << "  " << stepKindName(s.kind).leftJustified(6) << "  " << state.leftJustified(12) << "  "
              << n(s.counts.read, 6) << "  " << n(s.counts.created, 7) << "  " << n(s.counts.updated, 7) << "  "
              << n(s.counts.unchanged, 9) << "  " << n(s.counts.deleted, 7) << "  " << n(s.counts.errors, 6) << '\n';
        if (!s.note.isEmpty())
            m_out << "                  " << s.note << '\n';
    }
    m_out << "sync " << m_sync.name << ": "
          << (result.exitCode == Success ? "done" : result.exitCode == DoneWithWarnings ? "done with warnings" : "not done")
          << " (exit " << result.exitCode << ")\n" << Qt::flush;
}

}  // namespace

SyncResult runSync(const SyncDefinition &sync, const SyncOptions &options, QTextStream &out, QTextStream &err)
{
    Runner runner(sync, options, out, err);
    return runner.run();
}

}  // namespace oas::sync
