#include "RunsCommand.h"

#include "../journal/RunJournal.h"
#include "ExitCode.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace oas::cli {

namespace {

const char kUsage[] =
    "usage: odbc-agent runs [--config FILE] [--sync NAME] [--failed] [--since DATE] [--limit N] [--json]\n"
    "       odbc-agent runs show ID [--json]\n"
    "       odbc-agent runs last CONFIG|SYNC     prints the last run and exits with its exit code\n"
    "The journal: --journal FILE before the command, else $OAS_JOURNAL, else\n"
    "~/.local/state/odbc-agent-studio/journal.db (docs/journal.md).\n";

QString duration(qint64 ms)
{
    if (ms < 10000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    const qint64 s = ms / 1000;
    return s < 3600 ? QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'))
                    : QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString what(const journal::RunEntry &e)
{
    QString w = QFileInfo(e.config).fileName();
    if (!e.syncName.isEmpty() && e.kind != QLatin1String("sync"))
        w += QStringLiteral(" [%1/%2]").arg(e.syncName, e.step);
    if (e.dryRun)
        w += QStringLiteral(" (dry run)");
    return w;
}

QJsonObject jsonOf(const journal::RunEntry &e)
{
    QJsonObject o;
    o[QStringLiteral("id")] = e.id;
    o[QStringLiteral("kind")] = e.kind;
    o[QStringLiteral("sync")] = e.syncName;
    o[QStringLiteral("step")] = e.step;
    o[QStringLiteral("config")] = e.config;
    o[QStringLiteral("config_hash")] = e.configHash;
    o[QStringLiteral("started")] = e.started.toString(Qt::ISODateWithMs);
    o[QStringLiteral("ended")] = e.ended.isValid() ? QJsonValue(e.ended.toString(Qt::ISODateWithMs)) : QJsonValue();
    o[QStringLiteral("duration_ms")] = e.durationMs();
    o[QStringLiteral("state")] = journal::stateName(e.state);
    o[QStringLiteral("exit_code")] = e.exitCode;
    o[QStringLiteral("dry_run")] = e.dryRun;
    QJsonObject c;
    c[QStringLiteral("created")] = e.counts.created;
    c[QStringLiteral("updated")] = e.counts.updated;
    c[QStringLiteral("unchanged")] = e.counts.unchanged;
    c[QStringLiteral("deleted")] = e.counts.deleted;
    c[QStringLiteral("errors")] = e.counts.errors;
    c[QStringLiteral("skipped")] = e.counts.skipped;
    c[QStringLiteral("read")] = e.counts.read;
    c[QStringLiteral("written")] = e.counts.written;
    o[QStringLiteral("counts")] = c;
    o[QStringLiteral("records_per_second")] = e.rate;
    QJsonObject files;
    files[QStringLiteral("data")] = e.dataFile;
    files[QStringLiteral("reference")] = e.referenceFile;
    files[QStringLiteral("exceptions")] = e.exceptionsFile;
    files[QStringLiteral("trace")] = e.traceFile;
    files[QStringLiteral("kept")] = e.keptDir;
    o[QStringLiteral("files")] = files;
    o[QStringLiteral("host")] = e.host;
    o[QStringLiteral("user")] = e.user;
    o[QStringLiteral("pid")] = e.pid;
    o[QStringLiteral("command")] = e.command;
    o[QStringLiteral("first_error")] = e.firstError;
    o[QStringLiteral("resume_line")] = e.resumeLine;
    return o;
}

void printDetail(const journal::RunEntry &e, QTextStream &out)
{
    const auto line = [&](const char *label, const QString &value) {
        if (!value.isEmpty())
            out << QString::fromLatin1(label).leftJustified(16) << value << '\n';
    };
    line("run", QString::number(e.id));
    line("kind", e.kind + (e.dryRun ? QStringLiteral(" (dry run)") : QString()));
    line("sync", e.syncName.isEmpty() ? QString() : QStringLiteral("%1, step %2").arg(e.syncName, e.step.isEmpty() ? QStringLiteral("-") : e.step));
    line("configuration", e.config);
    line("config hash", e.configHash);
    line("state", journal::stateName(e.state));
    line("exit code", e.exitCode < 0 ? QString() : QStringLiteral("%1 (0x%2)").arg(e.exitCode).arg(e.exitCode, 2, 16, QLatin1Char('0')));
    line("started", e.started.toString(Qt::ISODateWithMs));
    line("ended", e.ended.isValid() ? e.ended.toString(Qt::ISODateWithMs) : QString());
    line("duration", duration(e.durationMs()));
    const auto &c = e.counts;
    out << QStringLiteral("counts").leftJustified(16)
        << QStringLiteral("%1 read, %2 written, %3 created, %4 updated, %5 unchanged, %6 deleted, %7 errors, %8 skipped")
               .arg(c.read).arg(c.written).arg(c.created).arg(c.updated).arg(c.unchanged).arg(c.deleted).arg(c.errors).arg(c.skipped)
        << '\n';
    line("records/s", QString::number(e.rate, 'f', 0));
    line("data file", e.dataFile);
    line("reference file", e.referenceFile);
    line("exceptions", e.exceptionsFile);
    line("trace", e.traceFile);
    line("kept copies", e.keptDir);
    line("host", e.host);
    line("user", e.user);
    line("pid", e.pid ? QString::number(e.pid) : QString());
    line("command", e.command);
    line("first error", e.firstError);
    line("resume at line", e.resumeLine > 0 ? QString::number(e.resumeLine) : QString());
}

void printTable(const QList<journal::RunEntry> &entries, QTextStream &out)
{
    out << "    ID  STATE        STARTED (UTC)        DURATION  KIND    READ     CREATED  UPDATED  DELETED  ERRORS  WHAT\n";
    for (const journal::RunEntry &e : entries) {
        out << QString::number(e.id).rightJustified(6) << "  " << journal::stateName(e.state).leftJustified(11) << "  "
            << e.started.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  " << duration(e.durationMs()).rightJustified(8)
            << "  " << e.kind.leftJustified(6) << "  " << QString::number(e.counts.read).leftJustified(7) << "  "
            << QString::number(e.counts.created).leftJustified(7) << "  " << QString::number(e.counts.updated).leftJustified(7)
            << "  " << QString::number(e.counts.deleted).leftJustified(7) << "  " << QString::number(e.counts.errors).leftJustified(6)
            << "  " << what(e) << '\n';
        if (!e.firstError.isEmpty() && (e.state == journal::RunState::Failed || e.state == journal::RunState::Interrupted))
            out << "        " << e.firstError.section(QLatin1Char('\n'), 0, 0).left(160) << '\n';
    }
}

}  // namespace

int runsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    journal::RunJournal journal;
    if (journal::RunJournal::isOff(journal.path())) {
        err << "odbc-agent runs: the run journal is off (OAS_JOURNAL=off)\n";
        return NotDone;
    }
    QStringList args = arguments;
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    QString error;
    if (!args.isEmpty() && (args.first() == QLatin1String("show") || args.first() == QLatin1String("last"))) {
        const bool show = args.first() == QLatin1String("show");
        if (args.size() != 2) {
            err << kUsage;
            return NotDone;
        }
        std::optional<journal::RunEntry> e;
        if (show) {
            bool ok = false;
            const qint64 id = args.at(1).toLongLong(&ok);
            if (!ok) {
                err << "odbc-agent runs show: " << args.at(1) << " is not a run number\n";
                return NotDone;
            }
            e = journal.get(id, &error);
        } else {
            e = journal.last(args.at(1), &error);
        }
        if (!e) {
            err << "odbc-agent runs: " << error << '\n';
            return NotDone;
        }
        if (json)
            out << QJsonDocument(jsonOf(*e)).toJson();
        else
            printDetail(*e, out);
        if (show)
            return Success;
        // For monitoring: the run's own code; a run still going is fine so far, an interrupted one is not.
        return e->state == journal::RunState::Running ? Success : e->state == journal::RunState::Interrupted ? NotDone : e->exitCode;
    }
    journal::RunFilter filter;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (a == QLatin1String("--failed")) {
            filter.failedOnly = true;
        } else if (a == QLatin1String("--config") && hasValue) {
            filter.config = args.at(++i);
        } else if (a == QLatin1String("--sync") && hasValue) {
            filter.syncName = args.at(++i);
        } else if (a == QLatin1String("--limit") && hasValue) {
            filter.limit = args.at(++i).toInt();
            if (filter.limit < 1) {
                err << "odbc-agent runs: --limit takes a positive number\n";
                return NotDone;
            }
        } else if (a == QLatin1String("--since") && hasValue) {
            const QString v = args.at(++i);
            QDateTime t = QDateTime::fromString(v, Qt::ISODate);
            if (!t.isValid()) {
                const QDate d = QDate::fromString(v, Qt::ISODate);
                if (d.isValid())
                    t = QDateTime(d, QTime(0, 0), Qt::UTC);
            }
            if (!t.isValid()) {
                err << "odbc-agent runs: invalid --since " << v << ", expected a date such as 2026-12-01 or 2026-12-01T08:00:00Z\n";
                return NotDone;
            }
            filter.since = t.toUTC();
        } else {
            err << "odbc-agent runs: unexpected argument " << a << '\n' << kUsage;
            return NotDone;
        }
    }
    const auto entries = journal.list(filter, &error);
    if (!entries) {
        err << "odbc-agent runs: cannot read the journal " << journal.path() << ": " << error << '\n';
        return NotDone;
    }
    if (json) {
        QJsonArray a;
        for (const journal::RunEntry &e : *entries)
            a.append(jsonOf(e));
        out << QJsonDocument(a).toJson();
    } else {
        printTable(*entries, out);
    }
    return Success;
}

}  // namespace oas::cli
