#include "ScheduleCommand.h"

#include "../schedule/Schedule.h"
#include "../sync/SyncFile.h"
#include "ExitCode.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace oas::cli {

namespace {

const char kUsage[] =
    "usage: odbc-agent schedule FILE.sync --every 15m|2h | --daily 02:30 | --cron \"MIN HOUR DOM MON DOW\"\n"
    "       odbc-agent schedule --list\n"
    "       odbc-agent schedule FILE.sync|NAME --remove\n"
    "A systemd user timer and service (~/.config/systemd/user/odbc-agent-sync-NAME.*) where systemd runs the\n"
    "machine, else a line in the user's crontab; OAS_SCHEDULER=systemd|cron chooses (docs/sync.md).\n";

QString syncNameOf(const QString &what)
{
    if (!sync::isSyncFile(what))
        return what;
    const sync::SyncDefinition def = sync::readSyncFile(what);
    return def.name.isEmpty() ? QFileInfo(what).completeBaseName() : def.name;
}

}  // namespace

int scheduleCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QString target;
    std::optional<schedule::When> when;
    bool listing = false, removing = false;
    QString error;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        const bool hasValue = i + 1 < arguments.size();
        if (a == QLatin1String("--list")) {
            listing = true;
        } else if (a == QLatin1String("--remove")) {
            removing = true;
        } else if ((a == QLatin1String("--every") || a == QLatin1String("--daily") || a == QLatin1String("--cron")) && hasValue) {
            if (when) {
                err << "odbc-agent schedule: give one of --every, --daily, --cron\n";
                return NotDone;
            }
            const QString v = arguments.at(++i);
            when = a == QLatin1String("--every") ? schedule::parseEvery(v, &error)
                   : a == QLatin1String("--daily") ? schedule::parseDaily(v, &error)
                                                   : schedule::parseCron(v, &error);
            if (!when) {
                err << "odbc-agent schedule: " << error << '\n';
                return NotDone;
            }
        } else if (target.isEmpty() && !a.startsWith(QLatin1String("--"))) {
            target = a;
        } else {
            err << "odbc-agent schedule: unexpected argument " << a << '\n' << kUsage;
            return NotDone;
        }
    }
    const schedule::Backend backend = schedule::chooseBackend();
    if (listing) {
        const auto all = schedule::list(backend, &error);
        if (!all) {
            err << "odbc-agent schedule: " << error << '\n';
            return NotDone;
        }
        if (all->isEmpty())
            out << "no sync is scheduled (" << (backend == schedule::Backend::Systemd ? schedule::systemdUserFolder() : QStringLiteral("crontab")) << ")\n";
        for (const schedule::Installed &s : *all)
            out << s.name << ": " << s.spec << ", next run "
                << (s.next ? s.next->toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("unknown")) << " (" << s.syncFile
                << "; " << s.where << ")\n";
        return Success;
    }
    if (target.isEmpty() || (removing == bool(when))) {
        err << kUsage;
        return NotDone;
    }
    QStringList notes;
    if (removing) {
        if (!schedule::remove(backend, syncNameOf(target), &notes, &error)) {
            err << "odbc-agent schedule: " << error << '\n';
            return NotDone;
        }
    } else {
        const sync::SyncDefinition def = sync::readSyncFile(target);
        if (!def.ok()) {
            for (const sync::SyncProblem &p : def.problems)
                err << p.toText(target) << '\n';
            err << "odbc-agent schedule: the sync file has errors; not scheduled\n";
            return NotDone;
        }
        schedule::ScheduleRequest request;
        request.syncFile = def.path;
        request.syncName = def.name;
        request.program = QCoreApplication::applicationFilePath();
        request.when = *when;
        if (!schedule::install(backend, request, &notes, &error)) {
            err << "odbc-agent schedule: " << error << '\n';
            return NotDone;
        }
    }
    for (const QString &n : notes)
        out << n << '\n';
    return Success;
}

}  // namespace oas::cli
