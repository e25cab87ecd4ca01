#include "CliSupport.h"

#include "../journal/RunRecorder.h"

#include <cstdio>

namespace oas::cli {

void CliObserver::traceLine(run::TraceKind kind, config::TraceLevel, const QString &text)
{
    if (kind == run::TraceKind::Error || kind == run::TraceKind::Audit)
        m_err << text << (text.endsWith(QLatin1Char('\n')) ? "" : "\n") << Qt::flush;
}

namespace {

trace::Trace::Options traceOptions(const AgentOptions &options, const config::ControlSection &control, QTextStream &out,
                                   run::JobObserver *observer)
{
    trace::Trace::Options o = trace::Trace::Options::fromConfig(control);
    o.echo = options.verbose ? &out : nullptr;
    o.observer = observer;
    return o;
}

}  // namespace

CliJob::CliJob(const AgentOptions &options, const config::ControlSection &control, QTextStream &out, QTextStream &err)
    : observer(err), trace(traceOptions(options, control, out, &observer)), m_err(err)
{
    step.setStepping(options.singleStep);
    step.setPrompter(keyboardPrompter());
}

bool CliJob::open()
{
    QString error;
    if (trace.open(&error))
        return true;
    m_err << error << '\n';
    return false;
}

int CliJob::finish(journal::RunRecorder *record, int code, const QString &error)
{
    if (record) {
        record->entry().traceFile = trace.filePath();
        record->finish(code, error, trace.secrets());
    }
    return code;
}

run::StepController::Prompter keyboardPrompter()
{
    return [](const QString &what) {
        QTextStream prompt(stderr);
        prompt << what << " - <CR> next, g go on, q stop: " << Qt::flush;
        // One stream for every prompt: a stream reads ahead, and answers that arrive together (a pipe,
        // typing ahead) would be lost with a stream made per prompt.
        static QTextStream in(stdin);
        const QString line = in.readLine();
        if (line.isNull())
            return run::StepController::Decision::Stop;  // no more input: nobody to ask
        return run::StepController::decisionForLine(line);
    };
}

std::optional<db::Credentials> jobCredentials(const AgentOptions &options, const config::AgentConfig &config,
                                              trace::Trace &trace)
{
    run::SecretSettings settings;
    settings.keySource = options.security.keySource;
    settings.encryptionMode = options.security.encryptionMode.value_or(QString());
    const run::JobCredentials c = run::resolveCredentials(config, {options.user, options.password}, settings);
    if (!c.ok) {
        trace.error(QStringLiteral("cannot get the database credentials\n") + c.error);
        return std::nullopt;
    }
    for (const QString &secret : c.secrets)
        trace.hide(secret);
    if (options.security.auditLevel.value_or(0) >= 1 && !c.audit.isEmpty())
        trace.audit(QStringLiteral("audit: database credentials\n") + c.audit.join(QLatin1Char('\n')));
    return c.credentials;
}

}  // namespace oas::cli
