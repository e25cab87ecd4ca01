#pragma once
// Scheduling a sync with the system's scheduler (docs/sync.md): a systemd user timer and service, or a
// crontab line where systemd is not running. No scheduler daemon of our own.
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace oas::schedule {

// When: every N minutes / hours (--every 15m, 2h), daily at HH:MM (--daily 02:30, local time), or a cron
// expression of five fields (--cron "*/10 6-22 * * 1-5": minute hour day-of-month month day-of-week).
struct When {
    enum class Kind { Every, Daily, Cron } kind = Kind::Every;
    int everyMinutes = 0;
    int hour = 0, minute = 0;
    QString cron;
    QString spec() const;  // the option it came from: "--every 15m"
};

std::optional<When> parseEvery(const QString &text, QString *error);
std::optional<When> parseDaily(const QString &text, QString *error);
std::optional<When> parseCron(const QString &text, QString *error);

// The same schedule as a cron expression (every N minutes must divide an hour or a day evenly).
std::optional<QString> cronExpression(const When &when, QString *error);
// systemd's OnCalendar= for it; nullopt with *error where cron's meaning has no calendar equivalent.
std::optional<QString> onCalendar(const When &when, QString *error);
// The next time (local) a cron expression matches after from; nullopt when none within 366 days.
std::optional<QDateTime> nextCronTime(const QString &cron, const QDateTime &from);

enum class Backend { Systemd, Cron };
// OAS_SCHEDULER=systemd|cron, else systemd when it runs this machine (/run/systemd/system), else cron.
Backend chooseBackend();

struct Installed {
    QString name;      // the sync's name
    QString syncFile;
    QString spec;      // "--every 15m"
    QString where;     // the unit / crontab it is in
    std::optional<QDateTime> next;
};

struct ScheduleRequest {
    QString syncFile;  // absolute
    QString syncName;
    QString program;   // odbc-agent's absolute path
    When when;
};

// Units: in $XDG_CONFIG_HOME/systemd/user (~/.config/systemd/user), named odbc-agent-sync-NAME.{service,timer};
// enabled through systemctl --user when a user manager answers. Cron: the user's crontab (crontab -l / -),
// or the file OAS_CRONTAB names, one line per sync marked "# odbc-agent-sync NAME".
QString systemdUserFolder();
QString unitBaseName(const QString &syncName);
QString serviceUnitText(const ScheduleRequest &request);
QString timerUnitText(const ScheduleRequest &request, const QString &onCalendar);
QString cronLine(const ScheduleRequest &request, const QString &cron);

bool install(Backend backend, const ScheduleRequest &request, QStringList *notes, QString *error);
bool remove(Backend backend, const QString &syncName, QStringList *notes, QString *error);
std::optional<QList<Installed>> list(Backend backend, QString *error);

}  // namespace oas::schedule
