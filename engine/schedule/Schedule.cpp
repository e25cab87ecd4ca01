// Installing, listing and removing schedules: systemd user units, or crontab lines.
#include "Schedule.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace oas::schedule {

namespace {

const char kMarker[] = "# odbc-agent-sync ";
const char kSpecLine[] = "# odbc-agent schedule: ";

// A value in a unit file: systemd expands % specifiers and $ variables; quoted for blanks.
QString unitQuoted(QString text)
{
    text.replace(QLatin1Char('%'), QStringLiteral("%%")).replace(QLatin1Char('$'), QStringLiteral("$$"));
    if (text.contains(QLatin1Char(' ')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\\'))) {
        text.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

QString shellQuoted(const QString &text)
{
    QString q = text;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    q.replace(QLatin1Char('%'), QStringLiteral("\\%"));  // cron turns % into a line end
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

bool run(const QString &program, const QStringList &args, const QByteArray &input, QByteArray *output, QString *error)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        *error = QStringLiteral("cannot run %1: %2").arg(program, p.errorString());
        return false;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        *error = QStringLiteral("%1 %2 did not finish within 30 s").arg(program, args.join(QLatin1Char(' ')));
        return false;
    }
    if (output)
        *output = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("%1 %2: %3").arg(program, args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

// The crontab: OAS_CRONTAB's file, else the user's through crontab(1).
bool readCrontab(QString *text, QString *error)
{
    const QString file = qEnvironmentVariable("OAS_CRONTAB");
    if (!file.isEmpty()) {
        QFile f(file);
        *text = f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        return true;
    }
    if (QStandardPaths::findExecutable(QStringLiteral("crontab")).isEmpty()) {
        *error = QStringLiteral("neither systemd nor crontab is available here: install cron (apt install cron), or run under "
                                "systemd");
        return false;
    }
    QByteArray out;
    QString ignored;
    *text = run(QStringLiteral("crontab"), {QStringLiteral("-l")}, {}, &out, &ignored) ? QString::fromUtf8(out) : QString();
    return true;  // "no crontab for USER" is an empty one
}

bool writeCrontab(const QString &text, QString *error)
{
    const QString file = qEnvironmentVariable("OAS_CRONTAB");
    if (!file.isEmpty())
        return writeFile(file, text.toUtf8(), error);
    return run(QStringLiteral("crontab"), {QStringLiteral("-")}, text.toUtf8(), nullptr, error);
}

// The crontab without the line (and its marker) of syncName.
QString withoutSync(const QString &crontab, const QString &syncName, bool *found)
{
    QStringList out;
    const QStringList lines = crontab.split(QLatin1Char('\n'));
    *found = false;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i) == QLatin1String(kMarker) + syncName) {
            *found = true;
            ++i;  // the line after the marker is the schedule
            continue;
        }
        out << lines.at(i);
    }
    while (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out.isEmpty() ? QString() : out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

bool userManagerAnswers()
{
    if (QStandardPaths::findExecutable(QStringLiteral("systemctl")).isEmpty())
        return false;
    QByteArray out;
    QString error;
    return run(QStringLiteral("systemctl"), {QStringLiteral("--user"), QStringLiteral("is-system-running")}, {}, &out, &error)
           || out.trimmed() == "degraded" || out.trimmed() == "starting";
}

std::optional<QDateTime> nextFor(const QString &spec)
{
    // spec is what When::spec() wrote: parse it back.
    QString error;
    std::optional<When> w;
    if (spec.startsWith(QLatin1String("--every ")))
        w = parseEvery(spec.mid(8), &error);
    else if (spec.startsWith(QLatin1String("--daily ")))
        w = parseDaily(spec.mid(8), &error);
    else if (spec.startsWith(QLatin1String("--cron ")))
        w = parseCron(spec.mid(7).remove(QLatin1Char('"')), &error);
    if (!w)
        return std::nullopt;
    const auto cron = cronExpression(*w, &error);
    return cron ? nextCronTime(*cron, QDateTime::currentDateTime()) : std::nullopt;
}

}  // namespace

Backend chooseBackend()
{
    const QString forced = qEnvironmentVariable("OAS_SCHEDULER");
    if (forced == QLatin1String("systemd"))
        return Backend::Systemd;
    if (forced == QLatin1String("cron"))
        return Backend::Cron;
    return QFileInfo(QStringLiteral("/run/systemd/system")).isDir() ? Backend::Systemd : Backend::Cron;
}

QString systemdUserFolder()
{
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty())
        config = QDir::homePath() + QStringLiteral("/.config");
    return config + QStringLiteral("/systemd/user");
}

QString unitBaseName(const QString &syncName)
{
    QString safe;
    for (const QChar c : syncName)
        safe += c.isLetterOrNumber() && c.unicode() < 128 ? c : QLatin1Char('_');
    return QStringLiteral("odbc-agent-sync-") + safe;
}

QString serviceUnitText(const ScheduleRequest &r)
{
    return QStringLiteral("%1%2\n"
                          "[Unit]\n"
                          "Description=ODBC Agent Studio sync %3 (%4)\n"
                          "\n"
                          "[Service]\n"
                          "Type=oneshot\n"
                          "WorkingDirectory=%5\n"
                          "ExecStart=%6 sync %7\n")
        .arg(QLatin1String(kSpecLine), r.when.spec(), r.syncName, r.syncFile, unitQuoted(QFileInfo(r.syncFile).absolutePath()),
             unitQuoted(r.program), unitQuoted(r.syncFile));
}

QString timerUnitText(const ScheduleRequest &r, const QString &calendar)
{
    return QStringLiteral("%1%2\n"
                          "[Unit]\n"
                          "Description=Runs the ODBC Agent Studio sync %3 (%4)\n"
                          "\n"
                          "[Timer]\n"
                          "OnCalendar=%5\n"
                          "Persistent=true\n"
                          "Unit=%6.service\n"
                          "\n"
                          "[Install]\n"
                          "WantedBy=timers.target\n")
        .arg(QLatin1String(kSpecLine), r.when.spec(), r.syncName, r.syncFile, calendar, unitBaseName(r.syncName));
}

QString cronLine(const ScheduleRequest &r, const QString &cron)
{
    return QStringLiteral("%1%2\n%3 cd %4 && %5 sync %6 >/dev/null 2>&1")
        .arg(QLatin1String(kMarker), r.syncName, cron, shellQuoted(QFileInfo(r.syncFile).absolutePath()), shellQuoted(r.program),
             shellQuoted(r.syncFile));
}

bool install(Backend backend, const ScheduleRequest &r, QStringList *notes, QString *error)
{
    if (backend == Backend::Cron) {
        const auto cron = cronExpression(r.when, error);
        QString crontab;
        if (!cron || !readCrontab(&crontab, error))
            return false;
        bool found = false;
        QString text = withoutSync(crontab, r.syncName, &found);
        text += cronLine(r, *cron) + QLatin1Char('\n');
        if (!writeCrontab(text, error))
            return false;
        *notes << QStringLiteral("%1 the crontab line of sync %2: %3 (%4)")
                      .arg(found ? QStringLiteral("replaced") : QStringLiteral("added"), r.syncName, *cron, r.when.spec());
        return true;
    }
    const auto calendar = onCalendar(r.when, error);
    if (!calendar)
        return false;
    const QString folder = systemdUserFolder();
    if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("cannot create %1").arg(folder);
        return false;
    }
    const QString base = folder + QLatin1Char('/') + unitBaseName(r.syncName);
    if (!writeFile(base + QStringLiteral(".service"), serviceUnitText(r).toUtf8(), error)
        || !writeFile(base + QStringLiteral(".timer"), timerUnitText(r, *calendar).toUtf8(), error))
        return false;
    *notes << QStringLiteral("wrote %1.service and %1.timer (OnCalendar=%2)").arg(base, *calendar);
    if (!userManagerAnswers()) {
        *notes << QStringLiteral("the systemd user manager does not answer here; where it runs, start the timer with:\n"
                                 "  systemctl --user daemon-reload && systemctl --user enable --now %1.timer\n"
                                 "(for a timer that runs without a login: loginctl enable-linger %2)")
                      .arg(unitBaseName(r.syncName), qEnvironmentVariable("USER", QStringLiteral("USER")));
        return true;
    }
    QString e;
    if (!run(QStringLiteral("systemctl"), {QStringLiteral("--user"), QStringLiteral("daemon-reload")}, {}, nullptr, &e)
        || !run(QStringLiteral("systemctl"), {QStringLiteral("--user"), QStringLiteral("enable"), QStringLiteral("--now"),
                                              unitBaseName(r.syncName) + QStringLiteral(".timer")}, {}, nullptr, &e)) {
        *error = QStringLiteral("the units are written but the timer could not be started: %1").arg(e);
        return false;
    }
    *notes << QStringLiteral("timer %1.timer enabled and started").arg(unitBaseName(r.syncName));
    return true;
}

bool remove(Backend backend, const QString &syncName, QStringList *notes, QString *error)
{
    if (backend == Backend::Cron) {
        QString crontab;
        if (!readCrontab(&crontab, error))
            return false;
        bool found = false;
        const QString text = withoutSync(crontab, syncName, &found);
        if (!found) {
            *error = QStringLiteral("sync %1 has no crontab line").arg(syncName);
            return false;
        }
        if (!writeCrontab(text, error))
            return false;
        *notes << QStringLiteral("removed the crontab line of sync %1").arg(syncName);
        return true;
    }
    const QString base = systemdUserFolder() + QLatin1Char('/') + unitBaseName(syncName);
    if (!QFileInfo::exists(base + QStringLiteral(".timer"))) {
        *error = QStringLiteral("sync %1 has no timer (%2.timer)").arg(syncName, base);
        return false;
    }
    if (userManagerAnswers()) {
        QString ignored;
        run(QStringLiteral("systemctl"), {QStringLiteral("--user"), QStringLiteral("disable"), QStringLiteral("--now"),
                                          unitBaseName(syncName) + QStringLiteral(".timer")}, {}, nullptr, &ignored);
    }
    QFile::remove(base + QStringLiteral(".timer"));
    QFile::remove(base + QStringLiteral(".service"));
    if (userManagerAnswers()) {
        QString ignored;
        run(QStringLiteral("systemctl"), {QStringLiteral("--user"), QStringLiteral("daemon-reload")}, {}, nullptr, &ignored);
    }
    *notes << QStringLiteral("removed %1.timer and %1.service").arg(base);
    return true;
}

std::optional<QList<Installed>> list(Backend backend, QString *error)
{
    QList<Installed> out;
    if (backend == Backend::Cron) {
        QString crontab;
        if (!readCrontab(&crontab, error))
            return std::nullopt;
        const QStringList lines = crontab.split(QLatin1Char('\n'));
        for (int i = 0; i + 1 < lines.size(); ++i) {
            if (!lines.at(i).startsWith(QLatin1String(kMarker)))
                continue;
            Installed s;
            s.name = lines.at(i).mid(int(strlen(kMarker)));
            const QStringList fields = lines.at(i + 1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            const QString cron = fields.mid(0, 5).join(QLatin1Char(' '));
            s.spec = QStringLiteral("--cron \"%1\"").arg(cron);
            s.where = QStringLiteral("crontab");
            static const QRegularExpression file(QStringLiteral(" sync '([^']*)'"));
            s.syncFile = file.match(lines.at(i + 1)).captured(1);
            s.next = nextCronTime(cron, QDateTime::currentDateTime());
            out << s;
        }
        return out;
    }
    const QDir dir(systemdUserFolder());
    for (const QString &timer : dir.entryList({QStringLiteral("odbc-agent-sync-*.timer")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(timer));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        Installed s;
        s.where = dir.filePath(timer);
        for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String(kSpecLine)))
                s.spec = line.mid(int(strlen(kSpecLine)));
            static const QRegularExpression desc(QStringLiteral("^Description=Runs the ODBC Agent Studio sync (.*) \\((.*)\\)$"));
            const auto m = desc.match(line);
            if (m.hasMatch()) {
                s.name = m.captured(1);
                s.syncFile = m.captured(2);
            }
        }
        s.next = nextFor(s.spec);
        out << s;
    }
    return out;
}

}  // namespace oas::schedule
