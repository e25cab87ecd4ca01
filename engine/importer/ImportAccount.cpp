#include "ImportAccount.h"

#include "../run/FileMode.h"
#include "../secrets/Redact.h"

namespace oas::importer {

QString ImportAccount::fileError() const
{
    return QStringLiteral("cannot write the exceptions file\n%1\n%2").arg(m_result.exceptionsPath, m_file.errorString());
}

bool ImportAccount::open(const QString &path, const QStringList &secrets, QString *error)
{
    m_secrets = secrets;
    m_result.exceptionsPath = path;
    m_file.setFileName(path);
    if (m_file.open(QIODevice::WriteOnly) && run::makePrivate(m_file.handle()))
        return true;
    *error = fileError();
    return false;
}

void ImportAccount::account(int line, const QByteArray &rawRecord, const Outcome &outcome)
{
    m_result.stats.count(outcome);
    if (outcome.failed()) {
        if (m_secrets.isEmpty()) {
            m_file.write(exceptionEntry(line, rawRecord, outcome.events, m_format));
        } else {
            QList<Event> events = outcome.events;
            for (Event &e : events)
                e.lines = secrets::redact(e.lines, m_secrets);
            m_file.write(exceptionEntry(line, rawRecord, events, m_format));
        }
        ++m_result.exceptions;
        return;
    }
    for (const Event &e : outcome.events) {
        if (e.kind == Event::Kind::Warning && !e.quiet) {
            ++m_result.warnings;
            break;
        }
    }
    // The manual's Import Procedure: a repeated attribute's warning goes to the error file too. The entry
    // says the record was imported, so nobody takes it for a failure to import again.
    QList<Event> listed;
    for (const Event &e : outcome.events) {
        if (e.toExceptions)
            listed.append(e);
    }
    if (!listed.isEmpty()) {
        listed.append(Event::note(QStringLiteral("note: the record was imported (%1); this entry is only the warning")
                                      .arg(dispositionText(outcome.disposition))));
        for (Event &e : listed)
            e.lines = secrets::redact(e.lines, m_secrets);
        m_file.write(exceptionEntry(line, rawRecord, listed, m_format));
        ++m_result.warningEntries;
    }
}

bool ImportAccount::finish(bool ok, trace::Trace &trace, QString *error)
{
    // Whatever happened, the entries of the records accounted for are kept (not in a dry run).
    if (m_dryRun) {
        m_file.cancelWriting();
        m_file.commit();
    } else if (!m_file.commit() && ok) {
        *error = fileError();
        return false;
    }
    trace.write(config::TraceLevel::Statistics, m_result.stats.text());
    if (ok)
        m_result.exitCode = m_result.exceptions || m_result.warnings ? 0x3C : 0;
    return true;
}

}  // namespace oas::importer
