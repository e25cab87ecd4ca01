#include "AgentRunner.h"

#include "../config/ConfigParser.h"
#include "../demo/DemoWorkspace.h"
#include "../journal/RunJournal.h"
#include "../journal/RunRecorder.h"
#include "../sql/StatementBuilder.h"
#include "../sync/SyncFile.h"
#include "ExitCode.h"
#include "ExportCommand.h"
#include "ImportCommand.h"
#include "PairCommand.h"
#include "QueueCommand.h"
#include "RunsCommand.h"
#include "ScheduleCommand.h"
#include "SyncCommand.h"
#include "SecretCommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

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

// The first error of a configuration's report, for the journal.
QString firstErrorOf(const config::Diagnostics &diagnostics, const QString &path)
{
    for (const config::Diagnostic &d : diagnostics) {
        if (d.isError())
            return QStringLiteral("%1: %2").arg(path, d.toText());
    }
    return QStringLiteral("%1: configuration not usable").arg(path);
}

QString odbcAgentUsage()
{
    return QStringLiteral(
        "usage: odbc-agent [--journal FILE|off] COMMAND [options]\n"
        "commands:\n"
        "  validate CONFIG [--for export|import]   check a configuration file (or a .sync file and its steps'\n"
        "                                          configurations); exit 0 when it has no errors\n"
        "  sql CONFIG [--dialect generic|postgresql|sqlite|oracle|mariadb]\n"
        "                                          print the SQL the agents will run for CONFIG\n"
        "  demo create|change DIRECTORY            create the demo workspace, or change some of its rows\n"
        "  pair NAME[,NAME] [--event E] [--input F] fire mapping-pair events for a data file's records;\n"
        "  pair NAME --check                       check a pair against its target table (docs/pairs.md)\n"
        "  queue refresh|status CONFIG [--since D] freeze the rows new or changed since the last refresh into the\n"
        "                                          queue tables, or show them (docs/queue.md)\n"
        "  queue install|uninstall CONFIG          make (or drop) the procedure queue.refresh in PostgreSQL /\n"
        "                                          MariaDB, for refreshing from SQL\n"
        "  sync FILE.sync [--dry-run] [--allow-deletes N]\n"
        "                                          run a sync's steps in order (docs/sync.md)\n"
        "  runs [--config F] [--sync NAME] [--failed] [--since DATE] [--json] | show ID | last CONFIG|SYNC\n"
        "                                          the run journal: every run of every agent (docs/journal.md)\n"
        "  schedule FILE.sync --every 15m | --daily 02:30 | --cron \"EXPR\" | --list | --remove\n"
        "                                          run a sync from the system's scheduler (docs/sync.md)\n"
        "  secret new-key|scramble|encrypt|check   make the scrambled / encrypted forms of a password and the\n"
        "                                          key file; check where a configuration's credentials come from\n"
        "  --help                                  this text\n"
        "  --version                               the version\n"
        "The agents themselves are ODBCAgentExp and ODBCAgentImp (run them bare for their options).\n");
}

// "CONFIG [--OPTION VALUE]": the shape of every subcommand that works on one configuration file.
struct ConfigCommand {
    QString path;
    QString option;  // the value of --OPTION, empty when not given
};

std::optional<ConfigCommand> parseConfigCommand(const QString &command, const QString &optionName,
                                                const QStringList &args, QTextStream &err)
{
    ConfigCommand cmd;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == optionName && i + 1 < args.size()) {
            cmd.option = args.at(++i);
        } else if (cmd.path.isEmpty() && !args.at(i).startsWith(QLatin1String("--"))) {
            cmd.path = args.at(i);
        } else {
            err << "odbc-agent " << command << ": unexpected argument " << args.at(i) << '\n';
            return std::nullopt;
        }
    }
    if (cmd.path.isEmpty()) {
        err << "missing configuration file name\n";
        return std::nullopt;
    }
    return cmd;
}

int validateCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const auto cmd = parseConfigCommand(QStringLiteral("validate"), QStringLiteral("--for"), args, err);
    if (!cmd)
        return NotDone;
    if (sync::isSyncFile(cmd->path) && cmd->option.isEmpty())
        return validateSyncFile(cmd->path, out);
    config::Operation operation = config::Operation::Any;
    if (cmd->option == QLatin1String("export")) {
        operation = config::Operation::Export;
    } else if (cmd->option == QLatin1String("import")) {
        operation = config::Operation::Import;
    } else if (!cmd->option.isEmpty()) {
        err << "odbc-agent validate: --for takes export or import, not " << cmd->option << '\n';
        return NotDone;
    }
    const config::ParseResult result = config::parseConfigFile(cmd->path, operation);
    out << config::formatReport(result.diagnostics, cmd->path);
    return result.ok() ? Success : NotDone;
}

int sqlCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const auto cmd = parseConfigCommand(QStringLiteral("sql"), QStringLiteral("--dialect"), args, err);
    if (!cmd)
        return NotDone;
    const auto dialect = sql::SqlDialect::byName(cmd->option.isEmpty() ? QStringLiteral("generic") : cmd->option);
    if (!dialect) {
        err << "odbc-agent sql: unknown dialect " << cmd->option << " (expected " << sql::SqlDialect::names().join(QStringLiteral(", "))
            << "; mysql is mariadb)\n";
        return NotDone;
    }
    config::ParseResult result;
    if (!loadConfig(cmd->path, config::Operation::Any, result, err))
        return NotDone;
    out << sql::describeStatements(result.config, *dialect);
    return Success;
}

int demoCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.size() != 2 || (args.first() != QLatin1String("create") && args.first() != QLatin1String("change"))) {
        err << "usage: odbc-agent demo create|change DIRECTORY\n";
        return NotDone;
    }
    QString error;
    if (args.first() == QLatin1String("create")) {
        if (!demo::createWorkspace(args.at(1), 200, &error)) {
            err << error << '\n';
            return NotDone;
        }
        out << "demo workspace created in " << args.at(1) << ": demo.db (200 employees), employees.ini, replica.db (empty), replica.ini, demo.sync\n";
        return Success;
    }
    demo::DemoChanges changes;
    if (!demo::changeSomeRows(args.at(1), &changes, &error)) {
        err << error << '\n';
        return NotDone;
    }
    out << "demo rows changed: " << changes.updated << " updated, " << changes.inserted << " inserted, "
        << changes.deleted << " deleted\n";
    return Success;
}

// The manual's security switches outside DirX Identity's security environment: -Enc and -AuditLevel take
// effect (docs/credentials.md), -Timeout and -CryptLogLevel have nothing to act on and say so.
void reportSecurityOptions(AgentKind kind, const SecurityOptions &security, const config::AgentConfig &config,
                           QTextStream &err)
{
    const QString agent = agentName(kind);
    if (security.any() && config.version.value < 104)
        err << "warning: the encryption switches need configuration Version=1.04 or later\n";
    if (security.timeoutMicroseconds)
        err << agent << ": note: -Timeout " << *security.timeoutMicroseconds
            << " is not applicable: it is the timeout of DirX Identity's security service, and this agent reads "
               "secrets itself (env:, file:, its key source)\n";
    if (security.cryptLogLevel)
        err << agent << ": note: -CryptLogLevel " << *security.cryptLogLevel
            << " is not applicable: there is no separate crypt library log; use -AuditLevel 1 to trace where "
               "secrets come from\n";
    if (kind == AgentKind::Import && security.encryptionMode == QLatin1String("ADMIN_PW")
        && !config.encryptedAttributes.attributes.isEmpty())
        err << agent << ": note: -Enc ADMIN_PW: the attributes of [EncryptedAttributes] are used as they are, not "
               "decrypted (ATTRIB_ADMIN_PW decrypts them)\n";
    if (kind == AgentKind::Export && security.encryptionMode == QLatin1String("ATTRIB_ADMIN_PW")
        && !config.encryptedAttributes.attributes.isEmpty())
        err << agent << ": note: [EncryptedAttributes] is for imports; an export writes the values as the "
               "database holds them\n";
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
    if (!opts.journal.isEmpty())
        journal::RunJournal::setPathOverride(opts.journal);
    journal::RunRecorder record(kind == AgentKind::Export ? QStringLiteral("export") : QStringLiteral("import"),
                                opts.configFile, agentName(kind), arguments, err);
    record.entry().dryRun = record.entry().dryRun || opts.dryRun;
    if (!opts.toStdout)
        record.entry().dataFile = QFileInfo(opts.dataFile).absoluteFilePath();
    record.start();
    config::ParseResult result;
    const auto operation = kind == AgentKind::Export ? config::Operation::Export : config::Operation::Import;
    if (!loadConfig(opts.configFile, operation, result, err)) {
        record.finish(NotDone, firstErrorOf(result.diagnostics, opts.configFile));
        return NotDone;
    }
    reportSecurityOptions(kind, opts.security, result.config, err);
    if (kind == AgentKind::Import) {
        QFile data(opts.dataFile);
        if (!data.open(QIODevice::ReadOnly)) {
            err << "cannot open import data file for reading\n" << opts.dataFile << '\n';
            record.finish(NotDone, QStringLiteral("cannot open import data file for reading: %1").arg(opts.dataFile));
            return NotDone;
        }
        return runImportCommand(opts, result.config, out, err, &record);
    }
    return runExportCommand(opts, result.config, out, err, &record);
}

int runOdbcAgent(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty()) {
        out << odbcAgentUsage();
        return Success;
    }
    QStringList args = arguments;
    if (args.size() >= 2 && args.first() == QLatin1String("--journal")) {
        journal::RunJournal::setPathOverride(args.at(1));
        args = args.mid(2);
        if (args.isEmpty()) {
            out << odbcAgentUsage();
            return Success;
        }
    }
    const QString command = args.first();
    const QStringList rest = args.mid(1);
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
    if (command == QLatin1String("demo"))
        return demoCommand(rest, out, err);
    if (command == QLatin1String("pair"))
        return pairCommand(rest, out, err);
    if (command == QLatin1String("queue"))
        return queueCommand(rest, out, err);
    if (command == QLatin1String("runs"))
        return runsCommand(rest, out, err);
    if (command == QLatin1String("sync"))
        return syncCommand(rest, out, err);
    if (command == QLatin1String("schedule"))
        return scheduleCommand(rest, out, err);
    if (command == QLatin1String("secret")) {
        QTextStream in(stdin);
        return secretCommand(rest, in, out, err);
    }
    err << "odbc-agent: unknown command " << command << "\n" << odbcAgentUsage();
    return NotDone;
}

}  // namespace oas::cli
