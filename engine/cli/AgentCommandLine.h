#pragma once
// The command lines of ODBCAgentExp and ODBCAgentImp exactly as the manual gives them: options in any order,
// each at most once, values attached (-imy_file.txt) or separate, '#' ends the command line, help when
// called bare. Parsing is pure so it can be tested by tables.
#include <QString>
#include <QStringList>

#include <optional>

namespace oas::cli {

enum class AgentKind { Export, Import };

struct SecurityOptions {
    std::optional<QString> encryptionMode;  // ATTRIB_ADMIN_PW or ADMIN_PW
    std::optional<qint64> timeoutMicroseconds;
    std::optional<int> auditLevel;     // 0-4
    std::optional<int> cryptLogLevel;  // >= 0
    QString keySource;                 // -KeySource (an extension): the key for encrypted: values
    bool any() const { return encryptionMode || timeoutMicroseconds || auditLevel || cryptLogLevel; }
};

struct AgentOptions {
    QString configFile;
    QString dataFile;  // -i (import) or -o (export); the manual's default when not given
    bool dataFileGiven = false;
    bool toStdout = false;  // -o +
    std::optional<QString> user;
    std::optional<QString> password;
    bool referenceFlag = false;  // -r given (with or without a file)
    QString referenceFile;       // -r's file, empty when -r came alone
    bool singleStep = false;
    bool verbose = false;
    std::optional<int> batchSize;  // -Batch (import, an extension)
    bool dryRun = false;           // --dry-run (an extension): nothing the run does is kept
    QString journal;               // -Journal (an extension): the run journal's file, or off
    SecurityOptions security;
};

struct CommandLineResult {
    enum class Kind { Run, Help, Error };
    Kind kind = Kind::Error;
    AgentOptions options;
    QString error;  // the manual's message, e.g. "missing configuration file name"
};

CommandLineResult parseAgentCommandLine(AgentKind kind, const QStringList &arguments);
QString agentHelp(AgentKind kind);
QString agentName(AgentKind kind);  // "ODBCAgentExp" / "ODBCAgentImp"

}  // namespace oas::cli
