#include "PairCommand.h"

#include "../datafile/TaggedReader.h"
#include "../importer/RecordEvents.h"
#include "../journal/ResultCounts.h"
#include "../journal/RunRecorder.h"
#include "../pairs/PairJob.h"
#include "CliSupport.h"
#include "ExitCode.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>

namespace oas::cli {

namespace {

const char kUsage[] =
    "usage: odbc-agent pair NAME[,NAME...] [--event insert|update|delete] [--input FILE] [options]\n"
    "       odbc-agent pair NAME --check [--pairs DIR]\n"
    "Fires the pairs' events for each record of FILE (a tagged data file; - or none: standard input).\n"
    "Without --event each record's ChangeType decides: add -> insert, modify -> update, delete -> delete.\n"
    "  --pairs DIR          the pairs folder (default odbcsync)\n"
    "  --exceptions FILE    where failed records go (default NAME-except.txt)\n"
    "  --debug-log FILE     log every connection attempt and every statement with its values (grows fast;\n"
    "                       rotates at 10 MB: FILE.1, FILE.2 ... FILE.9, the oldest dropped)\n"
    "  --encoding UTF-8|ISO-8859-1   of the data file (default UTF-8)\n"
    "  --key-source SPEC    the key for encrypted: passwords (file:PATH or env:NAME)\n"
    "exit codes: 0 every event done, 0x3C (60) some records failed (see the exceptions file), 1 not done\n";

struct Options {
    QStringList pairs;
    std::optional<sql::PairEvent> event;
    QString input = QStringLiteral("-");
    QString folder = QStringLiteral("odbcsync");
    QString exceptions;
    QString debugLog;
    QString keySource;
    config::Encoding encoding = config::Encoding::Utf8;
    bool check = false;
};

std::optional<sql::PairEvent> eventNamed(const QString &name)
{
    for (const auto e : {sql::PairEvent::Insert, sql::PairEvent::Update, sql::PairEvent::Delete}) {
        if (sql::pairEventName(e) == name.toLower())
            return e;
    }
    return std::nullopt;
}

std::optional<Options> parse(const QStringList &args, QTextStream &err)
{
    Options o;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= args.size()) {
                err << "odbc-agent pair: " << a << " needs a value\n";
                return std::nullopt;
            }
            return args.at(++i);
        };
        if (a == QLatin1String("--check")) {
            o.check = true;
        } else if (a == QLatin1String("--event")) {
            const auto v = value();
            if (!v)
                return std::nullopt;
            o.event = eventNamed(*v);
            if (!o.event) {
                err << "odbc-agent pair: unknown event " << *v << ", expected insert, update or delete\n";
                return std::nullopt;
            }
        } else if (a == QLatin1String("--input") || a == QLatin1String("--pairs") || a == QLatin1String("--exceptions")
                   || a == QLatin1String("--debug-log") || a == QLatin1String("--key-source") || a == QLatin1String("--encoding")) {
            const auto v = value();
            if (!v)
                return std::nullopt;
            if (a == QLatin1String("--input"))
                o.input = *v;
            else if (a == QLatin1String("--pairs"))
                o.folder = *v;
            else if (a == QLatin1String("--exceptions"))
                o.exceptions = *v;
            else if (a == QLatin1String("--debug-log"))
                o.debugLog = *v;
            else if (a == QLatin1String("--key-source"))
                o.keySource = *v;
            else if (v->compare(QLatin1String("UTF-8"), Qt::CaseInsensitive) == 0)
                o.encoding = config::Encoding::Utf8;
            else if (v->compare(QLatin1String("ISO-8859-1"), Qt::CaseInsensitive) == 0)
                o.encoding = config::Encoding::Latin1;
            else {
                err << "odbc-agent pair: unknown encoding " << *v << ", expected UTF-8 or ISO-8859-1\n";
                return std::nullopt;
            }
        } else if (a.startsWith(QLatin1String("--")) || !o.pairs.isEmpty()) {
            err << "odbc-agent pair: unexpected argument " << a << '\n' << kUsage;
            return std::nullopt;
        } else {
            o.pairs = a.split(QLatin1Char(','), Qt::SkipEmptyParts);
        }
    }
    if (o.pairs.isEmpty()) {
        err << kUsage;
        return std::nullopt;
    }
    if (o.exceptions.isEmpty())
        o.exceptions = o.pairs.first() + QStringLiteral("-except.txt");
    return o;
}

int check(const Options &o, QTextStream &out, QTextStream &err)
{
    pairs::PairCatalog catalog(o.folder);
    run::SecretSettings secrets;
    secrets.keySource = o.keySource;
    pairs::PairRunner runner(catalog, secrets);
    bool ok = true;
    for (const QString &name : o.pairs) {
        const config::Diagnostics d = runner.check(name);
        if (!d.isEmpty())
            err << pairs::formatProblems(d) << '\n';
        if (config::hasErrors(d))
            ok = false;
        else
            out << "pair " << name << ": the files are valid and match the target table\n";
    }
    return ok ? Success : NotDone;
}

}  // namespace

int pairCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const std::optional<Options> o = parse(args, err);
    if (!o)
        return NotDone;
    if (o->check)
        return check(*o, out, err);

    journal::RunRecorder record(QStringLiteral("pair"), o->folder + QLatin1Char('/') + o->pairs.first() + QStringLiteral(".ini"),
                                QStringLiteral("odbc-agent pair"), args, err);
    if (o->input != QLatin1String("-"))
        record.entry().dataFile = QFileInfo(o->input).absoluteFilePath();
    record.start();
    pairs::PairJobRequest request;
    request.folder = o->folder;
    request.pairs = o->pairs;
    request.event = o->event;
    request.inputPath = o->input;
    request.exceptionsPath = o->exceptions;
    request.debugLogPath = o->debugLog;
    request.encoding = o->encoding;
    request.secrets.keySource = o->keySource;
    CliObserver observer(err);
    trace::Trace::Options traceOptions;
    traceOptions.levels = {};
    traceOptions.observer = &observer;  // errors on standard error
    trace::Trace trace(traceOptions);
    const pairs::PairJobResult r = pairs::runPairJob(request, trace, nullptr, &observer);
    if (!r.debugLogPath.isEmpty())
        err << "odbc-agent pair: note: the debug log " << r.debugLogPath
            << " records every statement with its values and grows fast; enable it only while debugging\n";
    journal::recordPairs(record.entry(), r);
    if (r.exitCode == NotDone) {
        err << "odbc-agent pair: not done\n";
        record.finish(NotDone, r.error, trace.secrets());
        return NotDone;
    }
    err << "odbc-agent pair: " << r.summary(o->pairs) << '\n';
    record.finish(r.exitCode, QString(), trace.secrets());
    return r.exitCode;
}

}  // namespace oas::cli
