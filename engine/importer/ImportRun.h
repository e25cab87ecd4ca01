#pragma once
// The state of one import run, shared by ImportRun.cpp (set-up, batches, reporting) and ImportApply.cpp
// (what one record does to the database). Internal to the importer.
#include "BatchLocate.h"
#include "EncryptedValues.h"
#include "ImportAccount.h"
#include "ImportJob.h"
#include "ImportPlan.h"
#include "JsonBatchSql.h"
#include "RecordCheck.h"

#include "../datafile/TaggedReader.h"
#include "../db/Connection.h"
#include "../db/Statement.h"
#include "../secrets/Redact.h"
#include "../sql/StatementBuilder.h"

#include <QFile>
#include <QSaveFile>

#include <atomic>
#include <map>
#include <memory>

namespace oas::importer {

struct Pending {
    datafile::Record record;
    CheckedRecord checked;
    QStringList secrets;    // decrypted values ([EncryptedAttributes]): never shown
    bool reported = false;  // committed and accounted for
};

// A prepared statement with the plan index of the value of each '?'.
struct Prepared {
    std::unique_ptr<db::Statement> statement;
    std::vector<int> params;
};

// A write decided but not yet run: batches run consecutive writes of the same kind as one statement.
// values are the parameters of the record's own statement, in its order.
struct WriteOp {
    enum class Kind { None, Insert, Update, Delete };
    Kind kind = Kind::None;
    QStringList attributes;  // the INSERT's or UPDATE's attributes
    std::vector<db::Value> values;

    bool sameStatement(const WriteOp &other) const { return kind == other.kind && attributes == other.attributes; }
    qsizetype textSize() const  // characters in its values
    {
        qsizetype n = 0;
        for (const db::Value &v : values)
            n += v ? v->size() : 0;
        return n;
    }
};

// What applying a record did to the transaction.
struct Applied {
    Outcome outcome;
    WriteOp deferred;  // the write to run with its neighbours (ApplyMode::defer)

    static Applied done(Outcome outcome, WriteOp deferred = {})
    {
        Applied a;
        a.outcome = std::move(outcome);
        a.deferred = std::move(deferred);
        return a;
    }
    bool rollback = false;          // a statement failed: the transaction must be rolled back
    bool fatal = false;             // the connection is gone, or the database stayed busy: stop the import
    bool busy = false;              // ... the database stayed locked by another writer longer than the wait
    bool followReferences = false;  // retry alone, nullifying the Relationships first
};

using LocatedRows = std::vector<std::vector<db::Value>>;

struct ApplyMode {
    bool followReferences = false;
    const LocatedRows *located = nullptr;  // the rows a window SELECT found; null: SELECT them now
    bool defer = false;                    // return the write instead of running it
};

class ImportRun {
public:
    ImportRun(const ImportRequest &request, trace::Trace &trace, run::StepController *step, run::JobObserver *observer);
    ImportResult run();

private:
    bool fail(const QString &given)
    {
        const QString block = shown(given);
        m_trace.error(block);
        m_result.error = block;
        return false;
    }
    // A text about the batch (a driver's message may quote any of its values) with its decrypted values hidden.
    QString shown(const QString &text) const { return m_batchSecrets.isEmpty() ? text : secrets::redact(text, m_batchSecrets); }
    bool openInput();
    bool connect();
    bool prepareStatements();
    // types: the parameters' types when they are not the attributes' (JsonBatchSql's arrays).
    bool prepare(Prepared &p, const QString &sql, const QStringList &params, QString *error,
                 const std::vector<db::ParamType> *types = nullptr);
    bool importAll();
    bool runBatch(std::vector<Pending> &batch, size_t from, size_t to, size_t *stopAfterFailure = nullptr);
    struct Attempt {
        std::vector<Outcome> outcomes;  // of the records before failedAt
        size_t failedAt = 0;            // the record the database refused, or the end
        Applied failure;
        bool restart = false;        // locating at once failed: start again, one SELECT per record
        bool groupedFailed = false;  // a grouped write failed: replay record by record
    };
    Attempt attempt(std::vector<Pending> &batch, size_t from, size_t to);
    bool connectionLost(const std::vector<Pending> &batch, size_t at, const Applied &applied);
    bool endTransaction(bool commit);
    void report(Pending &pending, const Outcome &outcome);
    void reportProgress();

    // The rows each record of batch[from, ...) locates, found with one SELECT for a window of records
    // (BatchLocate). located[j - from] is null for a record that needs its own SELECT.
    enum class Window { Located, Fallback, Failed };
    Window locateWindow(const std::vector<Pending> &batch, size_t from, size_t to, size_t *end,
                        std::vector<std::optional<std::vector<std::vector<db::Value>>>> &located);

    // Runs the deferred writes, consecutive ones of the same kind as one statement; false when the database
    // refused one (the batch is then replayed record by record).
    bool runDeferred(std::vector<WriteOp> &writes);
    Prepared *groupedStatement(const WriteOp &op, int rows, QString *error);
    // The one-record statement a write stands for (an UPDATE's first part); null, with *error, when it
    // cannot be made.
    Prepared *singleFor(const WriteOp &op, QString *error);
    void traceGroupedFailure(size_t count, const QString &detail);
    // writes[from, from + count), one kind and one set of attributes, as one statement (JsonBatchSql).
    bool runAsOne(const std::vector<WriteOp> &writes, size_t from, size_t count);

    // ImportApply.cpp
    Applied apply(const CheckedRecord &record, const ApplyMode &mode);
    WriteOp deferredWrite(WriteOp::Kind kind, const QStringList &attributes, const std::vector<int> &params) const;
    bool execute(Prepared &p, const CheckedRecord &record, QString *errorBlock);
    std::vector<const db::Value *> boundValues(const Prepared &p) const;
    void bindRecord(const CheckedRecord &record);
    // Single step: what the record did (statements with values, rows before and after) into step.
    void describeStep(run::RecordStep &step, const Pending &pending);
    QStringList rowText(const std::vector<db::Value> &row) const;
    Applied statementFailed(Outcome outcome, const QString &what, const QString &block, const db::Statement *statement);
    Applied create(const CheckedRecord &record, Outcome outcome, bool defer);
    Applied update(const CheckedRecord &record, const std::vector<db::Value> &stored, Outcome outcome, bool defer);
    Applied remove(const CheckedRecord &record, Outcome outcome, bool followReferences, bool defer);
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
    AttributeDecryption m_decryption;
    QStringList m_batchSecrets;  // the decrypted values of the batch being imported
    ImportAccount m_account{m_result, m_format};
    std::unique_ptr<db::Connection> m_connection;
    sql::SqlDialect m_dialect;
    sql::ImportStatements m_statements;
    Prepared m_locate;
    std::unique_ptr<BatchLocate> m_batchLocate;  // null: one SELECT per record
    Prepared m_locateMany;
    std::unique_ptr<JsonBatchSql> m_jsonBatch;  // PostgreSQL, SQLite: windows and runs as one statement each
    bool m_groupWrites = false;  // batches run consecutive writes of the same kind as one statement
    bool m_groupUpdates = false;  // ... UPDATEs too (every column's type can be cast)
    QHash<QString, QString> m_updateCasts;  // upper-case abbreviation -> PostgreSQL type
    bool m_plain = false;        // replaying a batch: one statement per record, nothing grouped
    std::map<QString, Prepared> m_grouped;
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
    int m_batchSize = kDefaultBatchRecords;
    // The default batch: each batch (one transaction) as many records as about kTransactionMs of work took
    // the last time; read by the reading thread as it fills the next batches.
    bool m_timedTransactions = false;
    std::atomic<int> m_transactionRecords{kMinTransactionRecords};
    QString m_lastSummary;  // the single-step prompt
    bool m_detail = false;     // single step or breakpoints: each record's statements and rows are kept
    QStringList m_executed;    // the statements of the record being applied, with their values
    LocatedRows m_rowsBefore;  // the rows its SELECT found
    qint64 m_bytesDone = 0;  // of the input, for progress
    // Adds whose row existed under another spelling of its naming values, applied once more after the last
    // record (a delta that moves a key to a value the database takes for the same key - trailing blanks
    // under a PAD SPACE collation, case under a case-insensitive one - adds before the delete that frees
    // it). Bounded; not while stepping.
    static constexpr size_t kRetryLimit = 100000;
    std::vector<std::pair<Pending, Outcome>> m_retryLater;
    bool m_finalRound = false;
    bool retryExisting();
    bool sameNaming(const CheckedRecord &record, const std::vector<db::Value> &row) const;
    void reportRetriesAsFailed();
};

}  // namespace oas::importer
