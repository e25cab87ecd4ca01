#include "AgentCommandLine.h"

namespace oas::cli {

namespace {

enum class Arity { None, Required, Optional };

struct OptionSpec {
    const char *name;  // without the dash; one letter or a word
    Arity arity;
    bool exportOnly;
    bool importOnly;
};

const OptionSpec kOptions[] = {
    {"Enc", Arity::Required, false, false},
    {"Timeout", Arity::Required, false, false},
    {"AuditLevel", Arity::Required, false, false},
    {"CryptLogLevel", Arity::Required, false, false},
    {"Batch", Arity::Required, false, true},  // extension: records per transaction
    {"KeySource", Arity::Required, false, false},  // extension: file:PATH or env:NAME
    {"Journal", Arity::Required, false, false},    // extension: the run journal's file, or off
    {"f", Arity::Required, false, false},
    {"i", Arity::Required, false, true},
    {"o", Arity::Required, true, false},
    {"n", Arity::Required, false, false},
    {"p", Arity::Required, false, false},
    {"r", Arity::Optional, true, false},
    {"s", Arity::None, false, false},
    {"v", Arity::None, false, false},
};

// Words match case-insensitively (-Enc, -ENC); single letters exactly.
const OptionSpec *matchOption(const QString &body, AgentKind kind, QString *attached)
{
    for (const OptionSpec &o : kOptions) {
        const QString name = QLatin1String(o.name);
        const bool word = name.size() > 1;
        const bool matches = word ? body.startsWith(name, Qt::CaseInsensitive) : body.startsWith(name);
        if (!matches)
            continue;
        if ((o.exportOnly && kind != AgentKind::Export) || (o.importOnly && kind != AgentKind::Import))
            return nullptr;
        *attached = body.mid(name.size());
        return &o;
    }
    return nullptr;
}

bool isNonNegativeInteger(const QString &s, qint64 *value)
{
    bool ok = false;
    *value = s.toLongLong(&ok);
    return ok && *value >= 0 && !s.startsWith(QLatin1Char('+'));
}

QString applyValue(const OptionSpec &o, const QString &value, AgentOptions &opts)
{
    const QString name = QLatin1String(o.name);
    qint64 n = 0;
    if (name == QLatin1String("f")) {
        opts.configFile = value;
    } else if (name == QLatin1String("i") || name == QLatin1String("o")) {
        opts.dataFile = value;
        opts.dataFileGiven = true;
        opts.toStdout = name == QLatin1String("o") && value == QLatin1String("+");
    } else if (name == QLatin1String("n")) {
        opts.user = value;
    } else if (name == QLatin1String("p")) {
        opts.password = value;
    } else if (name == QLatin1String("s")) {
        opts.singleStep = true;
    } else if (name == QLatin1String("v")) {
        opts.verbose = true;
    } else if (name == QLatin1String("r")) {
        opts.referenceFlag = true;
        opts.referenceFile = value;
    } else if (name == QLatin1String("Enc")) {
        const QString mode = value.toUpper();
        if (mode != QLatin1String("ATTRIB_ADMIN_PW") && mode != QLatin1String("ADMIN_PW"))
            return QStringLiteral("invalid encryption mode %1, expected ATTRIB_ADMIN_PW or ADMIN_PW").arg(value);
        opts.security.encryptionMode = mode;
    } else if (name == QLatin1String("Timeout")) {
        if (!isNonNegativeInteger(value, &n))
            return QStringLiteral("invalid timeout value %1, expected microseconds (0 or more)").arg(value);
        opts.security.timeoutMicroseconds = n;
    } else if (name == QLatin1String("AuditLevel")) {
        if (!isNonNegativeInteger(value, &n) || n > 4)
            return QStringLiteral("invalid audit level %1, expected 0 to 4").arg(value);
        opts.security.auditLevel = int(n);
    } else if (name == QLatin1String("KeySource")) {
        if (!value.startsWith(QLatin1String("file:")) && !value.startsWith(QLatin1String("env:")))
            return QStringLiteral("invalid key source %1, expected file:PATH or env:NAME").arg(value);
        opts.security.keySource = value;
    } else if (name == QLatin1String("Journal")) {
        opts.journal = value;
    } else if (name == QLatin1String("Batch")) {
        if (!isNonNegativeInteger(value, &n) || n < 1 || n > 100000)
            return QStringLiteral("invalid batch size %1, expected 1 to 100000 records per transaction").arg(value);
        opts.batchSize = int(n);
    } else if (name == QLatin1String("CryptLogLevel")) {
        if (!isNonNegativeInteger(value, &n) || n > 1000000)
            return QStringLiteral("invalid crypt log level %1, expected 0 or more").arg(value);
        opts.security.cryptLogLevel = int(n);
    }
    return {};
}

}  // namespace

QString agentName(AgentKind kind)
{
    return kind == AgentKind::Export ? QStringLiteral("ODBCAgentExp") : QStringLiteral("ODBCAgentImp");
}

CommandLineResult parseAgentCommandLine(AgentKind kind, const QStringList &args)
{
    CommandLineResult result;
    AgentOptions &opts = result.options;
    opts.dataFile = kind == AgentKind::Export ? QStringLiteral("odbc_out.txt") : QStringLiteral("odbc_in.txt");
    auto fail = [&](const QString &message) {
        result.kind = CommandLineResult::Kind::Error;
        result.error = message;
        return result;
    };
    if (args.isEmpty() || args.first().startsWith(QLatin1Char('#'))) {
        result.kind = CommandLineResult::Kind::Help;
        return result;
    }
    QStringList seen;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg.startsWith(QLatin1Char('#')))
            break;  // the rest of the command line is ignored
        if (arg == QLatin1String("--dry-run")) {  // extension: nothing kept (docs/sync.md)
            if (opts.dryRun)
                return fail(QStringLiteral("parameter --dry-run given more than once"));
            opts.dryRun = true;
            continue;
        }
        if (!arg.startsWith(QLatin1Char('-')) || arg.size() < 2)
            return fail(QStringLiteral("unexpected argument %1").arg(arg));
        QString attached;
        const OptionSpec *o = matchOption(arg.mid(1), kind, &attached);
        if (!o)
            return fail(QStringLiteral("unknown parameter %1").arg(arg.left(2)));
        const QString name = QLatin1String(o->name);
        if (seen.contains(name))
            return fail(QStringLiteral("parameter -%1 given more than once").arg(name));
        seen.append(name);
        QString value = attached;
        if (o->arity == Arity::None) {
            if (!attached.isEmpty())
                return fail(QStringLiteral("parameter -%1 takes no value").arg(name));
        } else if (attached.isEmpty()) {
            const bool nextIsValue = i + 1 < args.size() && !args.at(i + 1).startsWith(QLatin1Char('#'))
                                     && (!args.at(i + 1).startsWith(QLatin1Char('-')) || args.at(i + 1) == QLatin1String("-"));
            if (nextIsValue)
                value = args.at(++i);
            else if (o->arity == Arity::Required)
                return fail(name == QLatin1String("f") ? QStringLiteral("missing configuration file name")
                                                       : QStringLiteral("missing value for parameter -%1").arg(name));
        }
        if (o->arity == Arity::Optional && value.isEmpty()) {
            opts.referenceFlag = true;
            continue;
        }
        const QString problem = applyValue(*o, value, opts);
        if (!problem.isEmpty())
            return fail(problem);
    }
    if (opts.configFile.isEmpty())
        return fail(QStringLiteral("missing configuration file name"));
    result.kind = CommandLineResult::Kind::Run;
    return result;
}

QString agentHelp(AgentKind kind)
{
    const QString security = QStringLiteral(
        "  [-Enc encryption_mode -Timeout timeout_value -AuditLevel audit_level -CryptLogLevel crypt_level]\n");
    if (kind == AgentKind::Import) {
        return QStringLiteral(
                   "usage: ODBCAgentImp -f configuration_file [-i data_file] [-n name] [-p password] [-s] [-v]\n")
               + security
               + QStringLiteral(
                   "  -f  configuration file (mandatory)\n"
                   "  -i  import data file (default odbc_in.txt)\n"
                   "  -n  user name      -p  password\n"
                   "  -s  single-step mode: <CR> next record, g go on, q or n stop\n"
                   "  -v  verbose: trace information also on standard output\n"
                   "  -Batch n  records per transaction, exactly; 1 commits each record on its own (default:\n"
                   "            up to 2000, about a second of work each, fewer past 4 MiB of the data file)\n"
                   "  -KeySource file:PATH|env:NAME  the key for encrypted: values (default $OAS_KEY_SOURCE,\n"
                   "            else file:~/.config/odbc-agent/secret.key)\n"
                   "  --dry-run  apply every record, report the counts, then roll everything back\n"
                   "  -Journal FILE|off  the run journal (default $OAS_JOURNAL, else\n"
                   "            ~/.local/state/odbc-agent-studio/journal.db)\n"
                   "exit codes: 0 import done, 1 import not done due to errors, 0x3C (60) import done with "
                   "warnings\n");
    }
    return QStringLiteral("usage: ODBCAgentExp -f configuration_file [-o data_file | +] [-n name] [-p password] "
                          "[-r [ref_file]] [-s] [-v]\n")
           + security
           + QStringLiteral(
               "  -f  configuration file (mandatory)\n"
               "  -o  export data file (default odbc_out.txt); + writes to standard output\n"
               "  -n  user name      -p  password\n"
               "  -r  delta reference file to compare with; -r alone forces a full export that writes a new one\n"
               "  -s  single-step mode: <CR> next record, g go on, q or n stop\n"
               "  -v  verbose: trace information also on standard output\n"
               "  -KeySource file:PATH|env:NAME  the key for encrypted: values (default $OAS_KEY_SOURCE,\n"
               "            else file:~/.config/odbc-agent/secret.key)\n"
               "  --dry-run  compute the export (and delta) without writing the reference file or the\n"
               "            configuration; the data file is written\n"
               "  -Journal FILE|off  the run journal (default $OAS_JOURNAL, else\n"
               "            ~/.local/state/odbc-agent-studio/journal.db)\n"
               "exit codes: 0 export done, 1 export not done due to errors, 0x3C (60) export done with warnings\n");
}

}  // namespace oas::cli
