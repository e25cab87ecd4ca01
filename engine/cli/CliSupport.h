#pragma once
// What the command-line front-ends share: an observer that puts errors and warnings on standard error, and
// the single-step prompt read from the keyboard.
#include "../db/ConnectionString.h"
#include "../config/AgentConfig.h"
#include "../run/JobObserver.h"
#include "../run/StepController.h"
#include "AgentCommandLine.h"

#include <QTextStream>

namespace oas::cli {

class CliObserver : public run::JobObserver {
public:
    explicit CliObserver(QTextStream &err) : m_err(err) {}
    void traceLine(run::TraceKind kind, config::TraceLevel level, const QString &text) override;

private:
    QTextStream &m_err;
};

// Prompts on standard error and reads a line from standard input; end of input stops.
run::StepController::Prompter keyboardPrompter();

// -n / -p, else User / Password of the [database] section.
db::Credentials credentialsFor(const AgentOptions &options, const config::DatabaseSection &database);

}  // namespace oas::cli
