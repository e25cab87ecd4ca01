#include "SyncCommand.h"

#include "../config/ConfigParser.h"
#include "../pairs/PairDefinition.h"
#include "../queue/QueueConfig.h"
#include "../sync/SyncRunner.h"
#include "ExitCode.h"

#include <QDir>
#include <QFileInfo>

namespace oas::cli {

namespace {

const char kUsage[] =
    "usage: odbc-agent sync FILE.sync [--dry-run] [--allow-deletes N]\n"
    "Runs the sync's steps in order in the sync file's folder (docs/sync.md).\n"
    "  --dry-run          every step without lasting effects; prints the predicted counts per step\n"
    "  --allow-deletes N  lets an import with up to N deletes pass the delete guard, this once\n"
    "exit codes: 0 every step done, 0x3C (60) done with warnings, 1 a step failed or the delete guard stopped it\n";

}  // namespace

int validateSyncFile(const QString &path, QTextStream &out)
{
    const sync::SyncDefinition def = sync::readSyncFile(path);
    int errors = 0;
    for (const sync::SyncProblem &p : def.problems) {
        out << p.toText(path) << '\n';
        ++errors;
    }
    for (const sync::SyncStep &step : def.steps) {
        const QString file = QDir(def.folder).filePath(step.config);
        if (step.config.isEmpty())
            continue;
        switch (step.kind) {
        case sync::StepKind::Export:
        case sync::StepKind::Import: {
            const config::ParseResult r = config::parseConfigFile(
                file, step.kind == sync::StepKind::Export ? config::Operation::Export : config::Operation::Import);
            if (!r.ok()) {
                out << path << ":" << step.line << ": step " << step.name << ": " << step.config << " has errors:\n"
                    << config::formatReport(r.diagnostics, file);
                ++errors;
            }
            break;
        }
        case sync::StepKind::Queue: {
            const queue::QueueParse q = queue::readQueueConfig(file);
            if (!q.ok()) {
                out << path << ":" << step.line << ": step " << step.name << ": " << step.config << " has errors:\n"
                    << pairs::formatProblems(q.diagnostics) << '\n';
                ++errors;
            }
            break;
        }
        case sync::StepKind::Pair: {
            if (!QFileInfo(file).isDir()) {
                out << path << ":" << step.line << ": step " << step.name << ": the pairs folder " << step.config << " does not exist\n";
                ++errors;
            }
            break;
        }
        }
        if (step.kind != sync::StepKind::Export && !step.input.isEmpty() && step.inputStep().isEmpty()
            && !QFileInfo::exists(QDir(def.folder).filePath(step.input)))
            out << path << ":" << step.line << ": warning: step " << step.name << ": the input " << step.input
                << " does not exist (yet)\n";
    }
    out << (errors ? QStringLiteral("%1 problem%2 in %3\n").arg(errors).arg(errors == 1 ? "" : "s").arg(path)
                   : QStringLiteral("%1: no errors, %2 step%3\n").arg(path).arg(def.steps.size()).arg(def.steps.size() == 1 ? "" : "s"));
    return errors ? NotDone : Success;
}

int syncCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QString path;
    sync::SyncOptions options;
    options.arguments = arguments;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--dry-run")) {
            options.dryRun = true;
        } else if (a == QLatin1String("--allow-deletes") && i + 1 < arguments.size()) {
            bool ok = false;
            const qint64 n = arguments.at(++i).toLongLong(&ok);
            if (!ok || n < 0) {
                err << "odbc-agent sync: --allow-deletes takes a number of deletes (0 or more), not " << arguments.at(i) << '\n';
                return NotDone;
            }
            options.allowDeletes = n;
        } else if (path.isEmpty() && !a.startsWith(QLatin1String("--"))) {
            path = a;
        } else {
            err << "odbc-agent sync: unexpected argument " << a << '\n' << kUsage;
            return NotDone;
        }
    }
    if (path.isEmpty()) {
        err << kUsage;
        return NotDone;
    }
    const sync::SyncDefinition def = sync::readSyncFile(path);
    if (!def.ok()) {
        for (const sync::SyncProblem &p : def.problems)
            err << p.toText(path) << '\n';
        err << "odbc-agent sync: not done\n";
        return NotDone;
    }
    return sync::runSync(def, options, out, err).exitCode;
}

}  // namespace oas::cli
