#pragma once
// What the command-line front-ends share: an observer that puts errors and warnings on standard error, and
// the single-step prompt read from the keyboard.
#include "../db/ConnectionString.h"
#include "../config/AgentConfig.h"
#include "../run/JobObserver.h"
#include "../run/JobSecrets.h"
#include "../run/StepController.h"
#include "../trace/Trace.h"
#include "AgentCommandLine.h"

#include <QTextStream>

namespace oas::journal {
class RunRecorder;
}

namespace oas::cli {

class CliObserver : public run::JobObserver {
public:
    explicit CliObserver(QTextStream &err) : m_err(err) {}
    void traceLine(run::TraceKind kind, config::TraceLevel level, const QString &text) override;

private:
    QTextStream &m_err;
};

// What an agent's run needs around its job: errors on standard error, the trace of the [control] section
// (echoed to standard output with -v), and single-step mode answered from the keyboard (-s).
class CliJob {
public:
    CliJob(const AgentOptions &options, const config::ControlSection &control, QTextStream &out, QTextStream &err);
    // Opens the trace file; false after printing why.
    bool open();
    // Ends the run's journal entry (if any) with its trace file and exit code; returns code.
    int finish(journal::RunRecorder *record, int code, const QString &error);

    CliObserver observer;
    trace::Trace trace;
    run::StepController step;

private:
    QTextStream &m_err;
};

// Prompts on standard error and reads a line from standard input; end of input stops.
run::StepController::Prompter keyboardPrompter();

// -n / -p, else User / Password of the [database] section, resolved from their written forms; the password
// is hidden from the trace from then on. nullopt after tracing why not (an error: exit 1).
std::optional<db::Credentials> jobCredentials(const AgentOptions &options, const config::AgentConfig &config,
                                              trace::Trace &trace);

}  // namespace oas::cli
