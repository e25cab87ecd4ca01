#include "AgentRunner.h"

#include "../config/ConfigParser.h"
#include "../sql/StatementBuilder.h"
#include "ExitCode.h"

#include <QCoreApplication>
#include <QFile>

namespace oas::cli {

namespace {

// Parses the configuration and prints its diagnostics; returns false when it has errors.
bool loadConfig(const QString &path, config::Operation operation, config::ParseResult &result, QTextStream &err)
{
    result = config::parseConfigFile(path, operation);
    if (!result.diagnostics.isEmpty())
        err << config::formatReport(result.diagnostics, path) << Qt::flush;
    return result.ok();
}

QString odbcAgentUsage()
{
    return QStringLiteral(
        "usage: odbc-agent COMMAND [options]\n"
        "commands:\n"
        "  validate CONFIG [--for export|import]   check a configuration file; exit 0 when it has no errors\n"
        "  sql CONFIG [--dialect generic|postgresql|sqlite|oracle]\n"
        "                                          print the SQL the agents will run for CONFIG\n"
        "  --help                                  this text\n"
        "  --version                               the version\n"
        "The agents themselves are ODBCAgentExp and ODBCAgentImp (run them bare for their options).\n");
}

int validateCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QString path;
    config::Operation operation = config::Operation::Any;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--for") && i + 1 < args.size()) {
            const QString op = args.at(++i);
            if (op == QLatin1String("export"))
                operation = config::Operation::Export;
            else if (op == QLatin1String("import"))
                operation = config::Operation::Import;
            else {
                err << "odbc-agent validate: --for takes export or import, not " << op << '\n';
                return NotDone;
            }
        } else if (path.isEmpty() && !args.at(i).startsWith(QLatin1String("--"))) {
            path = args.at(i);
        } else {
            err << "odbc-agent validate: unexpected argument " << args.at(i) << '\n';
            return NotDone;
        }
    }
    if (path.isEmpty()) {
        err << "missing configuration file name\n";
        return NotDone;
    }
    const config::ParseResult result = config::parseConfigFile(path, operation);
    out << config::formatReport(result.diagnostics, path);
    return result.ok() ? Success : NotDone;
}

int sqlCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QString path;
    sql::SqlDialect dialect = sql::SqlDialect::generic();
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--dialect") && i + 1 < args.size()) {
            const auto d = sql::SqlDialect::byName(args.at(++i));
            if (!d) {
                err << "odbc-agent sql: unknown dialect " << args.at(i)
                    << " (expected generic, postgresql, sqlite or oracle)\n";
                return NotDone;
            }
            dialect = *d;
        } else if (path.isEmpty() && !args.at(i).startsWith(QLatin1String("--"))) {
            path = args.at(i);
        } else {
            err << "odbc-agent sql: unexpected argument " << args.at(i) << '\n';
            return NotDone;
        }
    }
    if (path.isEmpty()) {
        err << "missing configuration file name\n";
        return NotDone;
    }
    config::ParseResult result;
    if (!loadConfig(path, config::Operation::Any, result, err))
        return NotDone;
    out << sql::describeStatements(result.config, dialect);
    return Success;
}

}  // namespace

int runAgent(AgentKind kind, const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const CommandLineResult cmd = parseAgentCommandLine(kind, arguments);
    if (cmd.kind == CommandLineResult::Kind::Help) {
        out << agentHelp(kind);
        return Success;
    }
    if (cmd.kind == CommandLineResult::Kind::Error) {
        err << cmd.error << '\n';
        return NotDone;
    }
    const AgentOptions &opts = cmd.options;
    config::ParseResult result;
    const auto operation = kind == AgentKind::Export ? config::Operation::Export : config::Operation::Import;
    if (!loadConfig(opts.configFile, operation, result, err))
        return NotDone;
    if (opts.security.any() && result.config.version.value < 104)
        err << "warning: the encryption switches need configuration Version=1.04 or later\n";
    if (kind == AgentKind::Import) {
        QFile data(opts.dataFile);
        if (!data.open(QIODevice::ReadOnly)) {
            err << "cannot open import data file for reading\n" << opts.dataFile << '\n';
            return NotDone;
        }
        err << agentName(kind) << ": configuration " << opts.configFile
            << " is valid; the import itself arrives with the import issue\n";
        return NotDone;
    }
    err << agentName(kind) << ": configuration " << opts.configFile
        << " is valid; the export itself arrives with the export issue\n";
    return NotDone;
}

int runOdbcAgent(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty()) {
        out << odbcAgentUsage();
        return Success;
    }
    const QString command = arguments.first();
    const QStringList rest = arguments.mid(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        out << odbcAgentUsage();
        return Success;
    }
    if (command == QLatin1String("--version")) {
        out << "odbc-agent " << QCoreApplication::applicationVersion() << '\n';
        return Success;
    }
    if (command == QLatin1String("validate"))
        return validateCommand(rest, out, err);
    if (command == QLatin1String("sql"))
        return sqlCommand(rest, out, err);
    err << "odbc-agent: unknown command " << command << "\n" << odbcAgentUsage();
    return NotDone;
}

}  // namespace oas::cli
