#pragma once
// What every import run (table or stored-procedure mode) keeps besides the database: the exceptions file
// (written atomically; the entries of the records accounted for survive a failed run), the statistics,
// the count of records with warnings, and at the end the Statistics trace block and the exit code.
#include "ImportJob.h"

#include <QSaveFile>

namespace oas::importer {

class ImportAccount {
public:
    ImportAccount(ImportResult &result, const datafile::DataFormat &format) : m_result(result), m_format(format) {}

    // Opens the exceptions file (path, else the Exceptions field) and records its path in the result; the
    // comments of its entries keep the job's secrets out as ***, as the trace does (a database message may
    // quote a value equal to the password). The records themselves stay as supplied, for a re-import.
    bool open(const QString &path, const QStringList &secrets, QString *error);
    // A dry run: the entries are written but the file is dropped at the end (the previous one stays).
    void setDryRun(bool on) { m_dryRun = on; }
    // One record's outcome: counted, written to the exceptions file when it failed.
    void account(int line, const QByteArray &rawRecord, const Outcome &outcome);
    // Keeps the exceptions file, writes the Statistics block and sets the exit code when the run went
    // through (ok); false with error when the file could not be kept.
    bool finish(bool ok, trace::Trace &trace, QString *error);

private:
    QStringList m_secrets;
    QString fileError() const;

    ImportResult &m_result;
    const datafile::DataFormat &m_format;
    QSaveFile m_file;
    bool m_dryRun = false;
};

}  // namespace oas::importer
