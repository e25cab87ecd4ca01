#pragma once
// The state of one import run, shared by ImportRun.cpp (set-up, batches, reporting) and ImportApply.cpp
// (what one record does to the database). Internal to the importer.
#include "BatchLocate.h"
#include "ImportJob.h"
#include "ImportPlan.h"
#include "RecordCheck.h"

#include "../datafile/TaggedReader.h"
#include "../db/Connection.h"
#include "../db/Statement.h"
#include "../sql/StatementBuilder.h"

#include <QFile>
#include <QSaveFile>

#include <map>
#include <memory>

namespace oas::importer {

struct Pending {
    datafile::Record record;
    CheckedRecord checked;
};

// A prepared statement with the plan index of the value of each '?'.
struct Prepared {
    std::unique_ptr<db::Statement> statement;
    std::vector<int> params;
};

// What applying a record did to the transaction.
struct Applied {
    Outcome outcome;
    bool rollback = false;          // a statement failed: the transaction must be rolled back
    bool fatal = false;             // the connection is gone: stop the import
    bool followReferences = false;  // retry alone, nullifying the Relationships first
};

class ImportRun {
public:
    ImportRun(const ImportRequest &request, trace::Trace &trace, run::StepController *step, run::JobObserver *observer);
    ImportResult run();

private:
    bool fail(const QString &block)
    {
        m_trace.error(block);
        m_result.error = block;
        return false;
    }
    bool openInput();
    bool connect();
    bool prepareStatements();
    bool prepare(Prepared &p, const QString &sql, const QStringList &params, QString *error);
    bool importAll();
    bool runBatch(std::vector<Pending> &batch, size_t from, size_t to);
    bool endTransaction(bool commit);
    void report(const Pending &pending, const Outcome &outcome);
    void reportProgress();

    // The rows each record of batch[from, ...) locates, found with one SELECT for a window of records
    // (BatchLocate). located[j - from] is null for a record that needs its own SELECT.
    enum class Window { Located, Fallback, Failed };
    Window locateWindow(const std::vector<Pending> &batch, size_t from, size_t to, size_t *end,
                        std::vector<std::optional<std::vector<std::vector<db::Value>>>> &located);

    // ImportApply.cpp
    using LocatedRows = std::vector<std::vector<db::Value>>;
    Applied apply(const CheckedRecord &record, bool followReferences, const LocatedRows *located = nullptr);
    bool execute(Prepared &p, const CheckedRecord &record, QString *errorBlock);
    Applied statementFailed(Outcome outcome, const QString &what, const QString &block, const db::Statement *statement);
    Applied create(const CheckedRecord &record, Outcome outcome);
    Applied update(const CheckedRecord &record, const std::vector<db::Value> &stored, Outcome outcome);
    Applied remove(const CheckedRecord &record, Outcome outcome, bool followReferences);
    Prepared *insertFor(const QStringList &attributes, QString *error);
    std::vector<Prepared> *updateFor(const QStringList &attributes, QString *error);

    const ImportRequest &m_req;
    const config::AgentConfig &m_cfg;
    trace::Trace &m_trace;
    run::StepController *m_step;
    run::JobObserver *m_observer;
    ImportResult m_result;
    ImportPlan m_plan;
    datafile::DataFormat m_format;

    QFile m_input;
    std::unique_ptr<datafile::TaggedReader> m_reader;
    QSaveFile m_exceptions;
    std::unique_ptr<db::Connection> m_connection;
    sql::SqlDialect m_dialect;
    sql::ImportStatements m_statements;
    Prepared m_locate;
    std::unique_ptr<BatchLocate> m_batchLocate;  // null: one SELECT per record
    Prepared m_locateMany;
    Prepared m_delete;
    struct Relationship {
        Prepared referencedSelect;
        Prepared nullify;  // its one parameter is the referenced value
        QString description;
    };
    std::vector<Relationship> m_relationships;
    std::map<QString, Prepared> m_inserts;
    std::map<QString, std::vector<Prepared>> m_updates;
    std::vector<db::Value> m_bind;  // per plan attribute: the record's value, NULL for empty or absent
    int m_batchSize = 500;
    QString m_lastSummary;  // the single-step prompt
};

}  // namespace oas::importer
