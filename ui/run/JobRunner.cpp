#include "JobRunner.h"

#include "journal/ResultCounts.h"
#include "journal/RunRecorder.h"

#include "config/ConfigParser.h"
#include "exporter/ExportJob.h"
#include "importer/ImportJob.h"
#include "pairs/PairJob.h"
#include "run/JobSecrets.h"

#include <QDir>
#include <QFileInfo>
#include <QUuid>

namespace oas::ui {

namespace {
constexpr size_t kMaxPending = 20000;  // trace blocks waiting for the GUI thread
constexpr int kDrainMs = 50;
}  // namespace

class JobRunner::Observer : public run::JobObserver {
public:
    void traceLine(run::TraceKind kind, config::TraceLevel level, const QString &text) override
    {
        std::lock_guard lock(mutex);
        pending.push_back({kind, level, text});
        if (pending.size() > kMaxPending) {
            pending.pop_front();
            ++dropped;
        }
    }
    void progress(const run::JobProgress &p) override
    {
        std::lock_guard lock(mutex);
        last = p;
        changed = true;
    }
    void recordStepped(const run::RecordStep &s) override
    {
        std::lock_guard lock(mutex);
        step = s;
        stepChanged = true;
    }

    std::mutex mutex;
    std::deque<TraceBlock> pending;
    qint64 dropped = 0;
    run::JobProgress last;
    bool changed = false;
    run::RecordStep step;
    bool stepChanged = false;
};

JobRunner::JobRunner(QObject *parent) : QObject(parent), m_observer(std::make_unique<Observer>())
{
    m_timer.setInterval(kDrainMs);
    connect(&m_timer, &QTimer::timeout, this, &JobRunner::drain);
}

JobRunner::~JobRunner()
{
    if (m_step)
        m_step->stop();
    if (m_thread.joinable())
        m_thread.join();
    if (!m_previousDirectory.isEmpty())
        QDir::setCurrent(m_previousDirectory);
}

bool JobRunner::start(const JobSpec &spec, QString *error)
{
    if (m_running) {
        *error = tr("a job is already running");
        return false;
    }
    if (m_thread.joinable())
        m_thread.join();
    const QFileInfo config(spec.configPath);
    if (!config.isFile()) {
        *error = tr("%1 is not a file").arg(spec.configPath);
        return false;
    }
    m_previousDirectory = QDir::currentPath();
    QDir::setCurrent(config.absolutePath());
    m_step = std::make_unique<run::StepController>();
    m_step->setStepping(spec.stepping);
    m_breakOnError = spec.breakOnError;
    if (spec.breakOnError || spec.breakAtLine > 0 || !spec.breakOnChange.isEmpty()) {
        // Break on errors is read at each record: unchecking it during the run takes effect at once.
        m_step->setBreakpoint([this, spec](const run::RecordStep &step) {
            return (m_breakOnError.load() && step.failed) || (spec.breakAtLine > 0 && step.line >= spec.breakAtLine)
                   || (!spec.breakOnChange.isEmpty() && step.changeType.compare(spec.breakOnChange, Qt::CaseInsensitive) == 0);
        });
    }
    m_exceptionsPath.clear();
    m_outputs.clear();
    m_done = false;
    m_running = true;
    m_dropped = 0;
    m_observer->dropped = 0;
    m_thread = std::thread([this, spec] { run(spec); });
    m_timer.start();
    return true;
}

void JobRunner::cancel()
{
    if (m_step)
        m_step->stop();
}

void JobRunner::step()
{
    if (m_step)
        m_step->next();
}

void JobRunner::go()
{
    if (m_step)
        m_step->go();
}

void JobRunner::run(const JobSpec &spec)
{
    QString journalWarnings;
    QTextStream warn(&journalWarnings);
    const QString kind = spec.kind == JobSpec::Kind::Import ? QStringLiteral("import")
                         : spec.kind == JobSpec::Kind::PairEvents ? QStringLiteral("pair")
                                                                  : QStringLiteral("export");
    QStringList args{spec.configPath};
    if (!spec.dataPath.isEmpty())
        args << spec.dataPath;
    journal::RunRecorder record(kind, spec.configPath, QStringLiteral("odbc-agent-studio ") + kind, args, warn);
    if (!spec.dataPath.isEmpty() && spec.dataPath != QLatin1String("+"))
        record.entry().dataFile = QFileInfo(spec.dataPath).absoluteFilePath();
    record.start();
    m_entry = &record.entry();
    m_secrets.clear();
    runJob(spec);
    record.finish(m_exitCode, m_exitCode == 1 ? m_summary : QString(), m_secrets);
    m_entry = nullptr;
    warn.flush();
    if (!journalWarnings.isEmpty())
        m_observer->traceLine(run::TraceKind::Error, {}, journalWarnings.trimmed());
}

void JobRunner::runJob(const JobSpec &spec)
{
    if (spec.kind == JobSpec::Kind::PairEvents) {
        runPairs(spec);
        return;
    }
    const config::Operation operation = spec.kind == JobSpec::Kind::Import ? config::Operation::Import : config::Operation::Export;
    const config::ParseResult parsed = config::parseConfigFile(spec.configPath, operation);
    if (!parsed.ok()) {
        m_observer->traceLine(run::TraceKind::Error, {}, config::formatReport(parsed.diagnostics, spec.configPath));
        m_exitCode = 1;
        m_summary = tr("not run: the configuration has errors");
        m_done = true;
        return;
    }
    trace::Trace::Options options = trace::Trace::Options::fromConfig(parsed.config.control);
    options.observer = m_observer.get();
    trace::Trace trace(options);
    QString error;
    if (!trace.open(&error)) {
        m_observer->traceLine(run::TraceKind::Error, {}, error);
        m_exitCode = 1;
        m_summary = tr("not run: %1").arg(error);
        m_done = true;
        return;
    }
    run::SecretSettings secretSettings;
    secretSettings.keychain = spec.keychain;
    const run::JobCredentials resolved = run::resolveCredentials(parsed.config, {}, secretSettings);
    if (!resolved.ok) {
        m_observer->traceLine(run::TraceKind::Error, {}, resolved.error);
        m_exitCode = 1;
        m_summary = tr("not run: %1").arg(resolved.error);
        m_done = true;
        return;
    }
    for (const QString &secret : resolved.secrets)
        trace.hide(secret);
    m_secrets = trace.secrets();
    const db::Credentials credentials = resolved.credentials;
    const QString connection = QStringLiteral("studio-") + QUuid::createUuid().toString(QUuid::Id128);
    if (spec.kind == JobSpec::Kind::Import) {
        importer::ImportRequest request;
        request.config = parsed.config;
        request.credentials = credentials;
        request.inputPath = spec.dataPath.isEmpty() ? QStringLiteral("odbc_in.txt") : spec.dataPath;
        request.connectionName = connection;
        const importer::ImportResult r = importer::runImport(request, trace, m_step.get(), m_observer.get());
        journal::recordImport(*m_entry, r, parsed.config.usesProcedures(), false);
        const importer::ImportStats &s = r.stats;
        m_exitCode = r.exitCode;
        if (!r.exceptionsPath.isEmpty())
            m_exceptionsPath = QFileInfo(r.exceptionsPath).absoluteFilePath();
        if (r.exceptions > 0)
            addOutput(tr("exceptions file"), r.exceptionsPath);
        m_summary = parsed.config.usesProcedures()
                        ? tr("%1 records read: %2 called, %3 failed, %4 skipped").arg(r.recordsRead).arg(s.calls).arg(s.errors).arg(s.skips)
                        : tr("%1 records read: %2 created, %3 updated, %4 unchanged, %5 deleted, %6 failed, %7 skipped")
                              .arg(r.recordsRead).arg(s.creates).arg(s.updates).arg(s.unchanged).arg(s.deletes).arg(s.errors).arg(s.skips);
        if (r.exceptions)
            m_summary += tr("; %1 in %2").arg(r.exceptions).arg(r.exceptionsPath);
        if (r.stopped)
            m_summary += r.resumeLine ? tr("; cancelled before the record at line %1").arg(r.resumeLine) : tr("; cancelled");
        if (r.exitCode == 1)
            m_summary += tr("; not done: %1").arg(trace.redact(r.error.section(QLatin1Char('\n'), 0, 0)));
    } else {
        exporter::ExportRequest request;
        request.config = parsed.config;
        request.configPath = spec.configPath;
        request.credentials = credentials;
        request.outputPath = spec.dataPath.isEmpty() ? QStringLiteral("odbc_out.txt") : spec.dataPath;
        request.referenceFlag = spec.kind == JobSpec::Kind::FullExport
                                && parsed.config.exportSection.mode.value != config::ExportMode::Full;
        request.connectionName = connection;
        const exporter::ExportResult r = exporter::runExport(request, trace, m_step.get(), m_observer.get());
        journal::recordExport(*m_entry, r);
        m_exitCode = r.exitCode;
        m_summary = tr("%1 rows read, %2 records written to %3").arg(r.rows).arg(r.records).arg(request.outputPath);
        if (r.delta)
            m_summary += tr(" (delta: %1 add, %2 modify, %3 delete)").arg(r.adds).arg(r.modifies).arg(r.deletes);
        if (!r.referenceWritten.isEmpty())
            m_summary += tr("; reference file %1").arg(r.referenceWritten);
        if (request.outputPath != QLatin1String("+") && r.exitCode != 1)
            addOutput(r.delta ? tr("delta file") : tr("data file"), request.outputPath);
        addOutput(tr("reference file"), r.referenceWritten);
        if (r.stopped)
            m_summary += tr("; cancelled");
        if (r.exitCode == 1)
            m_summary += tr("; not done: %1").arg(trace.redact(r.error.section(QLatin1Char('\n'), 0, 0)));
    }
    trace.flush();
    addOutput(tr("trace file"), trace.filePath());
    m_entry->traceFile = trace.filePath().isEmpty() ? QString() : QFileInfo(trace.filePath()).absoluteFilePath();
    m_done = true;
}

void JobRunner::runPairs(const JobSpec &spec)
{
    trace::Trace::Options options;
    options.levels = config::TraceLevels(config::TraceLevel::Summary) | config::TraceLevel::FailSummary | config::TraceLevel::Statistics;
    options.observer = m_observer.get();
    trace::Trace trace(options);
    pairs::PairJobRequest request;
    const QFileInfo ini(spec.configPath);
    request.folder = ini.absolutePath();
    request.pairs = spec.pairs.isEmpty() ? QStringList{ini.completeBaseName()} : spec.pairs;
    if (!spec.pairEvent.isEmpty()) {
        for (const auto e : {sql::PairEvent::Insert, sql::PairEvent::Update, sql::PairEvent::Delete}) {
            if (sql::pairEventName(e) == spec.pairEvent)
                request.event = e;
        }
    }
    request.inputPath = spec.dataPath;
    // Next to the pairs folder, in the workspace.
    request.exceptionsPath = QFileInfo(ini.absolutePath()).absolutePath() + QLatin1Char('/') + request.pairs.first() + QStringLiteral("-except.txt");
    request.secrets.keychain = spec.keychain;
    const pairs::PairJobResult r = pairs::runPairJob(request, trace, m_step.get(), m_observer.get());
    journal::recordPairs(*m_entry, r);
    m_exitCode = r.exitCode;
    m_summary = r.exitCode == 1 ? tr("not done: %1").arg(r.error.section(QLatin1Char('\n'), 0, 0)) : r.summary(request.pairs);
    if (r.stopped)
        m_summary += tr("; cancelled");
    if (r.failedRecords) {
        m_exceptionsPath = QFileInfo(r.exceptionsPath).absoluteFilePath();
        addOutput(tr("exceptions file"), r.exceptionsPath);
    }
    m_done = true;
}

void JobRunner::addOutput(const QString &label, const QString &path)
{
    // Called on the job's thread while the process works in the configuration's folder.
    const QFileInfo file(path);
    if (!path.isEmpty() && file.isFile())
        m_outputs.append({label, file.absoluteFilePath()});
}

void JobRunner::drain()
{
    QList<TraceBlock> blocks;
    run::JobProgress progress;
    bool changed = false;
    run::RecordStep step;
    bool stepChanged = false;
    {
        std::lock_guard lock(m_observer->mutex);
        blocks.reserve(qsizetype(m_observer->pending.size()));
        for (TraceBlock &b : m_observer->pending)
            blocks.append(std::move(b));
        m_observer->pending.clear();
        m_dropped = m_observer->dropped;
        progress = m_observer->last;
        changed = m_observer->changed;
        m_observer->changed = false;
        step = m_observer->step;
        stepChanged = m_observer->stepChanged;
        m_observer->stepChanged = false;
    }
    if (!blocks.isEmpty())
        emit traceBlocks(blocks);
    if (changed)
        emit progressed(progress);
    if (stepChanged)
        emit stepped(step);
    if (m_done && m_running) {
        m_thread.join();
        m_timer.stop();
        m_running = false;
        QDir::setCurrent(m_previousDirectory);
        m_previousDirectory.clear();
        drain();  // anything reported after the last pass
        emit finished(m_exitCode, m_summary);
    }
}

}  // namespace oas::ui
