#pragma once
// Entry point of configuration parsing: text in, typed model and every diagnostic out, in one pass.
// Never throws on user input.
#include "AgentConfig.h"
#include "Diagnostic.h"

#include <QByteArray>
#include <QString>

namespace oas::config {

// Which agent will use the file: decides which sections must be present. The other sections are still
// checked, as the manual requires.
enum class Operation { Any, Export, Import };

struct ParseOptions {
    Operation operation = Operation::Any;
    QString fileName;  // used in diagnostics only
};

struct ParseResult {
    AgentConfig config;
    Diagnostics diagnostics;  // sorted by position
    bool ok() const { return !hasErrors(diagnostics); }
};

ParseResult parseConfig(const QByteArray &bytes, const ParseOptions &options = {});
// Reads the file first; an unreadable file is one diagnostic ("cannot open configuration file ...").
ParseResult parseConfigFile(const QString &path, Operation operation = Operation::Any);

}  // namespace oas::config
