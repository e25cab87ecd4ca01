#include "CliSupport.h"

#include <cstdio>

namespace oas::cli {

void CliObserver::traceLine(run::TraceKind kind, config::TraceLevel, const QString &text)
{
    if (kind == run::TraceKind::Error)
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

run::StepController::Prompter keyboardPrompter()
{
    return [](const QString &what) {
        QTextStream prompt(stderr);
        prompt << what << " - <CR> next, g go on, q stop: " << Qt::flush;
        QTextStream in(stdin);
        const QString line = in.readLine();
        if (line.isNull())
            return run::StepController::Decision::Stop;  // no more input: nobody to ask
        return run::StepController::decisionForLine(line);
    };
}

db::Credentials credentialsFor(const AgentOptions &options, const config::DatabaseSection &database)
{
    return db::credentialsOf(database, {options.user, options.password});
}

}  // namespace oas::cli
