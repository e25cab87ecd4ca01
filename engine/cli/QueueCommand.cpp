#include "QueueCommand.h"

#include "../journal/RunRecorder.h"
#include "../pairs/PairDefinition.h"
#include "../queue/QueueInstall.h"
#include "../queue/QueueRefresh.h"
#include "ExitCode.h"

namespace oas::cli {

namespace {

const char kUsage[] =
    "usage: odbc-agent queue refresh CONFIG [--since DATE] [--key-source SPEC]\n"
    "       odbc-agent queue status CONFIG\n"
    "refresh replaces each queue table by the rows new or changed since the previous refresh (one transaction);\n"
    "--since DATE (2017-01-01 or 1/1/2017) takes the rows changed on or after DATE instead, once.\n";

}  // namespace

int queueCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QStringList args = arguments;
    const QString command = args.isEmpty() ? QString() : args.takeFirst();
    static const QStringList commands{QStringLiteral("refresh"), QStringLiteral("status"), QStringLiteral("install"), QStringLiteral("uninstall")};
    if (!commands.contains(command) || args.isEmpty()) {
        err << kUsage;
        return NotDone;
    }
    QString path;
    std::optional<QDate> since;
    run::SecretSettings secrets;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if ((a == QLatin1String("--since") || a == QLatin1String("--key-source")) && i + 1 < args.size()) {
            const QString value = args.at(++i);
            if (a == QLatin1String("--key-source")) {
                secrets.keySource = value;
                continue;
            }
            since = queue::parseSinceDate(value);
            if (!since || command != QLatin1String("refresh")) {
                err << "odbc-agent queue: invalid --since " << value << ", expected a date such as 2017-01-01 or 1/1/2017\n";
                return NotDone;
            }
        } else if (path.isEmpty() && !a.startsWith(QLatin1String("--"))) {
            path = a;
        } else {
            err << "odbc-agent queue: unexpected argument " << a << '\n' << kUsage;
            return NotDone;
        }
    }
    std::optional<journal::RunRecorder> record;
    if (command == QLatin1String("refresh")) {
        record.emplace(QStringLiteral("queue"), path, QStringLiteral("odbc-agent queue"), arguments, err);
        record->start();
    }
    const queue::QueueParse parsed = queue::readQueueConfig(path);
    if (!parsed.ok()) {
        const QString problems = pairs::formatProblems(parsed.diagnostics);
        err << problems << '\n';
        if (record)
            record->finish(NotDone, problems);
        return NotDone;
    }
    if (command == QLatin1String("install") || command == QLatin1String("uninstall")) {
        const bool install = command == QLatin1String("install");
        const queue::InstallResult r = install ? queue::installProcedure(parsed.config, secrets) : queue::uninstallProcedure(parsed.config, secrets);
        if (!r.ok) {
            err << "odbc-agent queue " << command << ": not done\n" << r.error << '\n';
            return NotDone;
        }
        if (install) {
            out << "installed " << r.procedure << " from " << path << "; call it from SQL:\n";
            for (const QString &call : r.calls)
                out << "  " << call << '\n';
            out << "odbc-agent queue refresh and the Studio now call it too (one method and one state for all)\n";
        } else {
            out << "removed " << r.procedure << "; odbc-agent queue refresh refreshes by itself again\n";
        }
        return Success;
    }
    if (command == QLatin1String("status")) {
        const queue::QueueStatus s = queue::queueStatus(parsed.config, secrets);
        if (!s.ok) {
            err << "odbc-agent queue status: " << s.error << '\n';
            return NotDone;
        }
        for (const queue::TableStatus &t : s.tables)
            out << t.table << ": " << (t.rows < 0 ? QStringLiteral("no queue table yet") : QStringLiteral("%1 rows in %2").arg(t.rows).arg(t.queueTable))
                << "; last refresh " << (t.lastRefresh.isEmpty() ? QStringLiteral("never") : t.lastRefresh) << "; " << t.mode << '\n';
        out << "SQL procedure: " << s.procedure << '\n';
        return Success;
    }
    queue::RefreshRequest request;
    request.config = parsed.config;
    request.since = since;
    request.secrets = secrets;
    const queue::RefreshResult r = queue::refreshQueue(request, [&](const QString &line) { out << line << '\n' << Qt::flush; });
    for (const QString &note : r.notes)
        err << "odbc-agent queue: note: " << note << '\n';
    if (!r.ok) {
        err << "odbc-agent queue refresh: not done, the queue tables and the refresh state are unchanged\n" << r.error << '\n';
        record->finish(NotDone, r.error);
        return NotDone;
    }
    qint64 rows = 0;
    for (const queue::TableRefresh &t : r.tables)
        rows += t.frozen;
    record->entry().counts.written = rows;
    record->finish(Success);
    err << "odbc-agent queue refresh: " << r.tables.size() << " tables, " << rows << " rows frozen at " << r.refreshedAt << '\n';
    return Success;
}

}  // namespace oas::cli
