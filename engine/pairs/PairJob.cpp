#include "PairJob.h"

#include "../journal/AppLog.h"

#include "../datafile/TaggedReader.h"
#include "../importer/RecordEvents.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace oas::pairs {

using config::TraceLevel;

namespace {

std::optional<sql::PairEvent> eventOf(const datafile::Record &record)
{
    switch (datafile::changeTypeOf(record, QStringLiteral("ChangeType"))) {
    case datafile::ChangeType::Add: return sql::PairEvent::Insert;
    case datafile::ChangeType::Modify: return sql::PairEvent::Update;
    case datafile::ChangeType::Delete: return sql::PairEvent::Delete;
    default: return std::nullopt;
    }
}

QString pastTense(sql::PairEvent e)
{
    return e == sql::PairEvent::Insert ? QStringLiteral("inserted") : e == sql::PairEvent::Update ? QStringLiteral("updated")
                                                                                                  : QStringLiteral("deleted");
}

}  // namespace

QString PairJobResult::summary(const QStringList &pairs) const
{
    QStringList parts;
    for (const QString &name : pairs) {
        const PairCounts c = counts.value(name);
        parts.append(QStringLiteral("%1: %2 inserted, %3 updated, %4 deleted, %5 failed")
                         .arg(name).arg(c.inserted).arg(c.updated).arg(c.deleted).arg(c.failed));
    }
    QString s = QStringLiteral("%1 records read; %2").arg(records).arg(parts.join(QStringLiteral("; ")));
    if (failedRecords)
        s += QStringLiteral("; %1 record%2 written to %3").arg(failedRecords).arg(failedRecords == 1 ? "" : "s").arg(exceptionsPath);
    return s;
}

namespace {

// The progress the Studio shows: the events fired so far (inserts as adds, updates as modifies, deletes),
// the same counts as the summary.
run::JobProgress progressOf(const PairJobResult &r)
{
    run::JobProgress p;
    p.records = r.records;
    p.errors = r.failedRecords;
    for (const PairCounts &c : r.counts) {
        p.adds += c.inserted;
        p.modifies += c.updated;
        p.deletes += c.deleted;
    }
    return p;
}

}  // namespace

PairJobResult runPairJob(const PairJobRequest &request, trace::Trace &trace, run::StepController *step, run::JobObserver *observer)
{
    PairJobResult r;
    trace::FlowScope flow(trace, "pairs");
    auto fail = [&](const QString &why) {
        r.error = why;
        trace.error(why);
        return r;
    };
    if (request.pairs.isEmpty())
        return fail(QStringLiteral("no pair given"));
    r.exceptionsPath = request.exceptionsPath.isEmpty() ? request.pairs.first() + QStringLiteral("-except.txt") : request.exceptionsPath;
    PairCatalog catalog(request.folder);
    for (const QString &name : request.pairs) {  // bad files stop the run before any event
        QString error;
        const PairParse *p = catalog.load(name, &error);
        if (!p)
            return fail(error);
        if (!p->ok())
            return fail(formatProblems(p->diagnostics));
    }
    QFile input;
    const bool fromStdin = request.inputPath == QLatin1String("-");
    if (fromStdin ? !input.open(stdin, QIODevice::ReadOnly)
                  : (input.setFileName(request.inputPath), !input.open(QIODevice::ReadOnly)))
        return fail(QStringLiteral("cannot open the data file %1: %2").arg(request.inputPath, input.errorString()));
    std::unique_ptr<DebugLog> log;
    if (!request.debugLogPath.isEmpty()) {
        log = std::make_unique<DebugLog>(request.debugLogPath);
        QString error;
        if (!log->open(&error))
            return fail(error);
        r.debugLogPath = log->currentPath();
    }
    PairRunner runner(catalog, request.secrets, log.get());
    datafile::DataFormat format;
    format.encoding = request.encoding;
    datafile::TaggedReader reader(&input, format);
    QSaveFile exceptions(r.exceptionsPath);
    bool exceptionsOpen = false;
    while (std::optional<datafile::Record> record = reader.next()) {
        if (step && step->stopRequested()) {
            r.stopped = true;
            break;
        }
        if (record->skipped)
            continue;
        ++r.records;
        QList<importer::Event> failures;
        QStringList done;
        const std::optional<sql::PairEvent> event = request.event ? request.event : eventOf(*record);
        if (!event)
            failures.append(importer::Event::error(QStringLiteral("error: no event: the record has no valid ChangeType and no "
                                                                  "event was given")));
        for (const datafile::RecordProblem &p : record->problems)
            failures.append(importer::Event::error(QStringLiteral("error: unreadable input\nline %1: %2").arg(p.line).arg(p.message)));
        for (const QString &name : request.pairs) {
            if (!event || !record->problems.isEmpty())
                break;  // nothing to fire
            const EventResult e = runner.fire(name, *event, *record);
            PairCounts &c = r.counts[name];
            if (!e.ok) {
                ++c.failed;
                failures.append(importer::Event::error(QStringLiteral("error: ") + e.message));
                done.append(name + QStringLiteral(" failed"));
                continue;
            }
            (*event == sql::PairEvent::Insert ? c.inserted : *event == sql::PairEvent::Update ? c.updated : c.deleted) += 1;
            done.append(name + QLatin1Char(' ') + pastTense(*event) + (e.message.isEmpty() ? QString() : QStringLiteral(" (") + e.message + QLatin1Char(')')));
        }
        const QString line = QStringLiteral("record at line %1: %2%3")
                                 .arg(record->line)
                                 .arg(done.isEmpty() ? QStringLiteral("not fired") : done.join(QStringLiteral(", ")))
                                 .arg(failures.isEmpty() ? QString() : QStringLiteral(" #"));
        QStringList eventLines;
        for (const importer::Event &ev : failures)
            eventLines += ev.lines;
        const QString block = eventLines.isEmpty() ? line : line + QStringLiteral("\n\n") + eventLines.join(QLatin1Char('\n'));
        if (trace.on(TraceLevel::Summary))
            trace.write(TraceLevel::Summary, block);
        else if (!failures.isEmpty())
            trace.write(TraceLevel::FailSummary, block);
        if (observer && (r.records % 64 == 0 || !failures.isEmpty())) {
            run::JobProgress p = progressOf(r);
            p.errors += failures.isEmpty() ? 0 : 1;
            p.bytesDone = fromStdin ? 0 : input.pos();
            p.bytesTotal = fromStdin ? 0 : input.size();
            observer->progress(p);
        }
        if (step && (step->isStepping() || step->hasBreakpoint())) {
            run::RecordStep s;
            s.line = record->line;
            s.summary = line;
            for (const datafile::Attribute &a : record->attributes)
                s.attributes.append(a.name + QStringLiteral(": ") + a.value);
            s.events = eventLines;
            s.failed = !failures.isEmpty();
            s.changeType = event ? sql::pairEventName(*event) : QString();
            if (step->stopsAt(s) && observer)
                observer->recordStepped(s);
            if (!step->pause(line)) {
                r.stopped = true;
                break;
            }
        }
        if (failures.isEmpty())
            continue;
        ++r.failedRecords;
        // The application log: a line per failed event (docs/journal.md).
        for (const importer::Event &ev : failures)
            journal::appLog(journal::LogLevel::Error, QStringLiteral("pair event failed, record at line %1 of %2: %3")
                                                          .arg(record->line)
                                                          .arg(fromStdin ? QStringLiteral("standard input") : request.inputPath,
                                                               ev.lines.join(QStringLiteral(" | "))));
        if (!exceptionsOpen) {
            if (!exceptions.open(QIODevice::WriteOnly))
                return fail(QStringLiteral("cannot write the exceptions file %1: %2").arg(r.exceptionsPath, exceptions.errorString()));
            exceptionsOpen = true;
        }
        exceptions.write(importer::exceptionEntry(record->line, record->rawText, failures, format));
    }
    if (exceptionsOpen && !exceptions.commit())
        return fail(QStringLiteral("cannot write the exceptions file %1").arg(r.exceptionsPath));
    if (log)
        log->flush();
    if (observer)
        observer->progress(progressOf(r));
    trace.write(TraceLevel::Statistics, QStringLiteral("pair statistics:\n") + r.summary(request.pairs));
    r.exitCode = r.failedRecords ? 0x3C : 0;
    return r;
}

}  // namespace oas::pairs
