#pragma once
// What happened to one import record, in the forms the manual shows it: the Summary / FailSummary trace
// line ("record Nancy/Davolio at line 1 (updated)", a trailing # on failure), the diagnostic events after
// it, the exceptions-file entry, and the Statistics block.
#include "../datafile/DataFormat.h"
#include "../run/JobObserver.h"

#include <QList>
#include <QStringList>

namespace oas::importer {

// One diagnostic event: a first line saying what, then detail lines (attribute names, values, the
// driver's block). Quiet events (an empty attribute) are only shown when the record fails.
struct Event {
    enum class Kind { Note, Warning, Error };  // a note says what else was done (references nullified)
    Kind kind = Kind::Error;
    QStringList lines;
    bool quiet = false;
    // The manual puts this warning in the error (exceptions) file even when the record is imported (a
    // repeated attribute, "Import Procedure").
    bool toExceptions = false;

    static Event error(const QString &text) { return {Kind::Error, text.split(QLatin1Char('\n')), false, false}; }
    static Event note(const QString &text) { return {Kind::Note, text.split(QLatin1Char('\n')), false, false}; }
    static Event warning(const QString &text, bool quiet = false)
    {
        return {Kind::Warning, text.split(QLatin1Char('\n')), quiet, false};
    }
};

enum class Disposition {
    Created,
    Updated,
    Unchanged,      // ModifyAnyway found every value equal, or nothing to change
    Deleted,
    AlreadyAbsent,  // a delete whose row is not there: nothing to do
    Absent,         // no row, and creating one is not allowed
    Exists,         // a row exists, and only creating was allowed
    Ambiguous,      // several rows match
    Called,         // stored-procedure mode: the procedure returned an OK or warning value
    Error,          // the record is invalid, or the database refused it
};
QString dispositionText(Disposition disposition);
bool isFailure(Disposition disposition);

struct Outcome {
    Disposition disposition = Disposition::Error;
    QList<Event> events;
    int attributesUpdated = 0;
    int attributesUnchanged = 0;  // "updates (not necess.)"
    // Exists, and the row the database found has naming values spelt otherwise than the record's (a PAD
    // SPACE or case-insensitive collation took them for the same): tried again after the last record.
    bool retryLater = false;
    bool failed() const { return isFailure(disposition); }
};

struct ImportStats {
    qint64 creates = 0;
    qint64 updates = 0;
    qint64 updatedAttributes = 0;
    qint64 unnecessaryUpdates = 0;
    qint64 unchanged = 0;
    qint64 deletes = 0;
    qint64 errors = 0;
    qint64 skips = 0;
    qint64 calls = 0;  // stored-procedure mode

    void count(const Outcome &outcome);
    qint64 totalImports() const { return creates + updates + unchanged + deletes + calls + errors; }
    // The Statistics block: "import statistics:" then the non-zero lines.
    QString text() const;
};

// "record Nancy/Davolio at line 1 (updated)", with " #" for a failure.
QString summaryLine(const QString &label, int line, const Outcome &outcome);
// The events under a summary line: each event's lines, events separated by an empty line. Quiet events
// are left out unless the record failed.
QString eventsText(const Outcome &outcome);
// The summary line followed by the events, as the Summary and FailSummary traces show a record.
QString recordBlock(const QString &summary, const Outcome &outcome);
// A record as single-step mode shows it: summary, line, change type, attributes as read, the events.
run::RecordStep recordStep(const datafile::Record &record, datafile::ChangeType change, const QString &summary,
                           const Outcome &outcome);
// The exceptions-file entry: "# record at line N", the record exactly as supplied, then each event's lines
// as "# " comments, each event closed by "#". Comment text is encoded like the data file.
QByteArray exceptionEntry(int line, const QByteArray &rawRecord, const QList<Event> &events,
                          const datafile::DataFormat &format);

}  // namespace oas::importer
