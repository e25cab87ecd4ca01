#pragma once
// Fires mapping-pair events: one insert, update or delete of one source record in a pair's target table,
// on the spot (auto-commit: one statement, so all of it or nothing). The pair's files are read as they are
// now (PairCatalog); its connection is kept while its [database] part stays the same. Values are formatted
// by the CSV's type and always bound, typed like the target column. Every failure is a value: pair, event,
// key value and why (the driver's message included).
#include "DebugLog.h"
#include "PairCatalog.h"

#include "../datafile/DataFormat.h"
#include "../run/JobSecrets.h"
#include "../sql/PairStatements.h"

#include <map>
#include <memory>

namespace oas::pairs {

struct EventResult {
    bool ok = false;
    QString pair;
    sql::PairEvent event = sql::PairEvent::Insert;
    QString key;      // the record's key value
    QString message;  // why it failed; or a note when it went through ("already absent")
    qint64 rows = 0;
};

class PairRunner {
public:
    PairRunner(PairCatalog &catalog, run::SecretSettings secrets, DebugLog *log = nullptr);
    ~PairRunner();
    EventResult fire(const QString &pair, sql::PairEvent event, const datafile::Record &record);
    // The pair's files, then its connection, table and target fields against the table's real columns
    // (case mismatches and type conflicts named).
    config::Diagnostics check(const QString &pair);
    // The target table's column names (for completion), connecting as an event would; empty with *error.
    QStringList targetColumns(const QString &pair, QString *error);
    // The password of every pair connected so far, for callers that show text (kept out of it).
    QStringList secrets() const { return m_secrets; }

private:
    struct Target;
    Target *target(const PairParse &parse, QString *error);
    // The columns of the target fields, by CSV order; an error naming a missing or case-mismatched field.
    bool matchFields(const Target &t, const PairDefinition &pair, QString *error) const;

    PairCatalog &m_catalog;
    run::SecretSettings m_secretSettings;
    DebugLog *m_log;
    std::map<QString, std::unique_ptr<Target>> m_targets;
    QStringList m_secrets;
};

}  // namespace oas::pairs
