#include "ImportRun.h"
#include "ProcedureRun.h"

#include "../db/SqlTypes.h"
#include "../run/BatchPipe.h"
#include "../run/RunLock.h"
#include "../secrets/Redact.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <algorithm>
#include "../run/OpenConnection.h"

namespace oas::importer {

using config::TraceLevel;

ImportRun::ImportRun(const ImportRequest &request, trace::Trace &trace, run::StepController *step,
                     run::JobObserver *observer)
    : m_req(request), m_cfg(request.config), m_trace(trace), m_step(step), m_observer(observer), m_plan(request.config),
      m_format(datafile::DataFormat::fromConfig(request.config.control))
{
}

bool ImportRun::openInput()
{
    m_input.setFileName(m_req.inputPath);
    if (!m_input.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot open import data file for reading\n%1\n%2").arg(m_req.inputPath, m_input.errorString()));
    m_reader = std::make_unique<datafile::TaggedReader>(&m_input, m_format);
    QString error;
    std::optional<AttributeDecryption> decryption = prepareDecryption(m_cfg, m_req.decryptAttributes, m_req.keySource, &error);
    if (!decryption)
        return fail(error);
    m_decryption = std::move(*decryption);
    return true;
}

bool ImportRun::connect()
{
    QString error;
    m_connection = run::openTracedConnection(m_cfg.database, m_req.credentials, m_req.connectionName,
                                             db::Connection::Use::Statements, m_trace, &error);
    if (!m_connection)
        return fail(error);
    m_dialect = m_connection->info().dialect();
    return true;
}

bool ImportRun::prepare(Prepared &p, const QString &sql, const QStringList &params, QString *error,
                        const std::vector<db::ParamType> *types)
{
    p.statement = std::make_unique<db::Statement>(*m_connection);
    p.params.clear();
    for (const QString &a : params)
        p.params.push_back(m_plan.indexOf(a));
    p.statement->setParamTypes(types ? *types : m_plan.paramTypes(params));
    if (!p.statement->prepare(sql, error)) {
        *error = QStringLiteral("%1\n%2").arg(*error, sql);
        return false;
    }
    return true;
}

bool ImportRun::prepareStatements()
{
    trace::FlowScope flow(m_trace, "SQLPrepare");
    m_statements = sql::buildImportStatements(m_cfg, m_dialect);
    const sql::ImportStatements &st = m_statements;
    m_trace.write(TraceLevel::Sql, QStringLiteral("dummy SELECT statement\n%1\nSELECT statement\n%2\nUPDATE statement\n%3\n"
                                                  "INSERT statement\n%4\nDELETE statement\n%5")
                                       .arg(st.dummySelect, st.select, st.update, st.insert, st.remove));
    // The dummy SELECT is only described, never executed: it gives the columns' types and sizes.
    db::Statement dummy(*m_connection);
    QList<db::ColumnInfo> columns;
    QString error;
    if (!dummy.prepare(st.dummySelect, &error) || !dummy.describeResult(&columns, &error))
        return fail(error);
    m_plan.describe(st.importAbbreviations, columns, !m_connection->info().isSqlite());
    for (const QString &a : st.importAbbreviations)
        m_trace.write(TraceLevel::Columns, m_plan.columnsTrace(m_plan.indexOf(a)));

    for (const QString &set : m_cfg.importSection.setOptions.value) {
        m_trace.write(TraceLevel::Sql, QStringLiteral("SETOPTIONS statement\n") + set);
        if (!db::executeDirect(*m_connection, set, &error))
            return fail(QStringLiteral("%1\n%2").arg(error, set));
    }
    if (!prepare(m_locate, st.select, st.whereParams, &error) || !prepare(m_delete, st.remove, st.whereParams, &error))
        return fail(error);
    QString why;
    if (BatchLocate::eligible(m_cfg, m_dialect, m_plan, &why) && m_batchSize > 1) {
        QString jsonWhy;
        if (JsonBatchSql::eligible(m_cfg, m_dialect, m_plan, &jsonWhy))
            m_jsonBatch = std::make_unique<JsonBatchSql>(m_cfg, m_dialect, m_plan, st.selectAbbreviations,
                                                         m_cfg.importSection.modifyAnyway.value
                                                             || (m_step && (m_step->isStepping() || m_step->hasBreakpoint())));
        else
            m_trace.write(TraceLevel::Sql, QStringLiteral("records are located and written 32 at a time: %1").arg(jsonWhy));
        QStringList params;
        bool prepared = false;
        if (m_jsonBatch) {  // one array of values per naming attribute, each bound as text
            for (int i : m_plan.namingOrder())
                params.append(m_plan.at(i).abbreviation);
            const std::vector<db::ParamType> text(size_t(params.size()));
            prepared = prepare(m_locateMany, m_jsonBatch->locateSql(), params, &error, &text);
        } else {
            for (int i = 0; i < BatchLocate::kWindow; ++i)
                params += st.whereParams;
            prepared = prepare(m_locateMany, sql::buildLocateMany(m_cfg, BatchLocate::kWindow), params, &error);
        }
        if (prepared) {
            m_batchLocate = std::make_unique<BatchLocate>(m_plan, st.selectAbbreviations);
            m_groupWrites = !m_cfg.importSection.isJoin;
            // PostgreSQL takes the parameters of a VALUES list as text: each is cast to its column's type.
            m_groupUpdates = true;
            if (m_dialect.kind == sql::SqlDialect::Kind::PostgreSql) {
                for (const ImportAttribute &a : m_plan.attributes()) {
                    if (!(a.modify || a.naming))
                        continue;
                    const QString type = a.described ? db::postgresCastType(a.column.sqlType) : QString();
                    m_groupUpdates = m_groupUpdates && !type.isEmpty();
                    m_updateCasts.insert(a.abbreviation.toUpper(), type);
                }
            }
            // MariaDB: text values as VARCHAR in the derived table (a CHAR column there drops trailing blanks).
            if (m_dialect.kind == sql::SqlDialect::Kind::MariaDb) {
                for (const ImportAttribute &a : m_plan.attributes()) {
                    if ((a.modify || a.naming) && a.described && db::isCharacterType(a.column.sqlType))
                        m_updateCasts.insert(a.abbreviation.toUpper(), QStringLiteral("CHAR CHARACTER SET utf8mb4"));
                }
            }
            m_trace.write(TraceLevel::Sql, QStringLiteral("SELECT statement for %1 records at once\n%2")
                                               .arg(m_jsonBatch ? QStringLiteral("up to %1").arg(JsonBatchSql::kWindow)
                                                              : QString::number(BatchLocate::kWindow))
                                               .arg(m_locateMany.statement->sql()));
        }
    }
    for (const sql::RelationshipStatements &r : sql::buildRelationshipStatements(m_cfg, m_dialect)) {
        m_trace.write(TraceLevel::Sql, QStringLiteral("relationship %1=>%2\n%3\n%4")
                                           .arg(r.referencing, r.referenced, r.referencedSelect, r.nullify));
        Relationship rel;
        rel.description = r.referencing;
        if (!prepare(rel.referencedSelect, r.referencedSelect, st.whereParams, &error)
            || !prepare(rel.nullify, r.nullify, {r.referencing}, &error))
            return fail(error);
        rel.nullify.params = {-1};  // the referenced value read just before
        m_relationships.push_back(std::move(rel));
    }
    // The full UPDATE and INSERT are prepared now so that a wrong column fails before the first record.
    QStringList modify;
    for (const config::NameRef &n : m_cfg.importSection.modify.value)
        modify.append(n.name);
    if (!updateFor(modify, &error))
        return fail(error);
    QStringList insertable;
    for (const ImportAttribute &a : m_plan.attributes())
        if (a.insertable && !a.sequence)
            insertable.append(a.abbreviation);
    return insertFor(insertable, &error) ? true : fail(error);
}

Prepared *ImportRun::insertFor(const QStringList &attributes, QString *error)
{
    const QString key = attributes.join(QLatin1Char(','));
    auto it = m_inserts.find(key);
    if (it != m_inserts.end())
        return &it->second;
    QStringList params;
    const QString sql = sql::buildInsert(m_cfg, m_dialect, attributes, &params);
    Prepared p;
    if (!prepare(p, sql, params, error))
        return nullptr;
    return &m_inserts.emplace(key, std::move(p)).first->second;
}

std::vector<Prepared> *ImportRun::updateFor(const QStringList &attributes, QString *error)
{
    const QString key = attributes.join(QLatin1Char(','));
    auto it = m_updates.find(key);
    if (it != m_updates.end())
        return &it->second;
    std::vector<Prepared> parts;
    for (const sql::UpdatePart &u : sql::buildUpdate(m_cfg, m_dialect, attributes)) {
        Prepared p;
        if (!prepare(p, u.sql, u.params, error))
            return nullptr;
        parts.push_back(std::move(p));
    }
    return &m_updates.emplace(key, std::move(parts)).first->second;
}

bool ImportRun::endTransaction(bool commit)
{
    QString error;
    if (db::endTransaction(*m_connection, commit, &error))
        return true;
    return fail(error);
}

void ImportRun::report(Pending &pending, const Outcome &given)
{
    pending.reported = true;
    if (!m_finalRound && !m_detail && given.retryLater && m_retryLater.size() < kRetryLimit) {
        m_retryLater.emplace_back(pending, given);  // nothing was written for it; accounted for after the last record
        return;
    }
    // The texts are only made when something shows them (records are reported tens of thousands a second).
    const bool stepping = m_step && (m_step->isStepping() || m_step->hasBreakpoint());
    const bool traced = m_trace.on(TraceLevel::Summary) || (given.failed() && m_trace.on(TraceLevel::FailSummary));
    std::optional<Outcome> hidden;  // with the decrypted values as ***, when the events are shown or written
    if (!pending.secrets.isEmpty() && (stepping || traced || given.failed()))
        hidden = redacted(given, pending.secrets);
    const Outcome &outcome = hidden ? *hidden : given;
    if (!stepping && !traced) {
        m_account.account(pending.record.line, pending.record.rawText, outcome);
        return;
    }
    const QString summary = secrets::redact(summaryLine(pending.checked.label, pending.checked.line, outcome), pending.secrets);
    m_lastSummary = summary;
    const QString block = recordBlock(summary, outcome);
    if (m_trace.on(TraceLevel::Summary))
        m_trace.write(TraceLevel::Summary, block);
    else if (outcome.failed())
        m_trace.write(TraceLevel::FailSummary, block);
    if (stepping) {
        run::RecordStep step = recordStep(pending.record, pending.checked.change, summary, outcome);
        if (m_step->stopsAt(step) && m_observer) {
            describeStep(step, pending);
            redact(step, pending.secrets);
            m_observer->recordStepped(step);
        }
    }
    m_account.account(pending.record.line, pending.record.rawText, outcome);
}

void ImportRun::reportProgress()
{
    if (!m_observer)
        return;
    run::JobProgress p;
    p.records = m_result.recordsRead;
    p.adds = m_result.stats.creates;
    p.modifies = m_result.stats.updates;
    p.deletes = m_result.stats.deletes;
    p.errors = m_result.stats.errors;
    p.warnings = m_result.warnings;
    p.bytesDone = m_bytesDone;
    p.bytesTotal = m_input.size();
    m_observer->progress(p);
}

bool ImportRun::importAll()
{
    trace::FlowScope flow(m_trace, "import");
    struct RecordBatch {
        std::vector<Pending> records;
        qint64 skips = 0;  // skip: records among them, not reported, as the manual says
        qint64 bytesRead = 0;  // of the input, after these records
    };
    const QString changeType = m_cfg.importSection.changeType.value;
    run::BatchPipe<RecordBatch> pipe;
    pipe.start([&](RecordBatch &b) {
        b.records.clear();
        b.skips = 0;
        const qint64 start = m_reader->bytesRead();
        const int limit = m_timedTransactions ? m_transactionRecords.load(std::memory_order_relaxed) : m_batchSize;
        while (int(b.records.size()) < limit && m_reader->bytesRead() - start < kBatchFileBytes && !pipe.stopping()) {
            std::optional<datafile::Record> record = m_reader->next();
            b.bytesRead = m_reader->bytesRead();
            if (!record)
                return false;
            if (record->skipped) {
                ++b.skips;
                continue;
            }
            Pending p;
            p.secrets = m_decryption.apply(*record);
            p.checked = checkRecord(*record, m_plan, changeType);
            p.record = std::move(*record);
            b.records.push_back(std::move(p));
        }
        return true;
    });
    for (;;) {
        if (m_step && m_step->stopRequested()) {
            m_result.stopped = true;
            break;
        }
        std::unique_ptr<RecordBatch> b = pipe.take();
        if (!b)
            break;
        m_result.recordsRead += qint64(b->records.size()) + b->skips;
        m_result.stats.skips += b->skips;
        m_bytesDone = b->bytesRead;
        if (m_decryption.active()) {
            m_batchSecrets.clear();
            for (const Pending &p : b->records)
                m_batchSecrets += p.secrets;
        }
        QElapsedTimer timer;
        timer.start();
        const bool ok = runBatch(b->records, 0, b->records.size());
        reportProgress();
        if (m_timedTransactions) {  // the batches the reading thread fills next: about kTransactionMs of work
            const qint64 ms = std::max<qint64>(1, timer.elapsed());
            m_transactionRecords = int(std::clamp<qint64>(qint64(b->records.size()) * kTransactionMs / ms,
                                                          kMinTransactionRecords, m_batchSize));
        }
        if (!ok) {
            // The records from the first one not reported on are not imported: say where to resume.
            for (const Pending &p : b->records) {
                if (!p.reported) {
                    m_result.resumeLine = p.record.line;
                    break;
                }
            }
            reportRetriesAsFailed();
            return false;
        }
        if (m_step && m_step->isStepping() && !b->records.empty() && !m_step->pause(m_lastSummary)) {
            m_result.stopped = true;
            break;
        }
        pipe.recycle(std::move(b));
    }
    if (m_result.stopped) {
        if (std::unique_ptr<RecordBatch> next = pipe.take(); next && !next->records.empty())
            m_result.resumeLine = next->records.front().record.line;
        reportRetriesAsFailed();
        return true;
    }
    return retryExisting();
}

bool ImportRun::retryExisting()
{
    if (m_retryLater.empty())
        return true;
    m_finalRound = true;
    std::vector<Pending> again;
    for (auto &[pending, outcome] : m_retryLater) {
        pending.reported = false;
        again.push_back(std::move(pending));
    }
    m_retryLater.clear();
    m_trace.write(TraceLevel::Summary, QStringLiteral("%1 added record(s) whose row existed applied once more after the last "
                                                      "record, from line %2 on")
                                           .arg(again.size())
                                           .arg(again.front().record.line));
    if (runBatch(again, 0, again.size()))
        return true;
    for (const Pending &p : again) {
        if (!p.reported) {
            m_result.resumeLine = p.record.line;
            break;
        }
    }
    return false;
}

// The run ends early: the adds kept for later are accounted for as what they were, rows that existed.
void ImportRun::reportRetriesAsFailed()
{
    m_finalRound = true;
    for (auto &[pending, outcome] : m_retryLater)
        report(pending, outcome);
    m_retryLater.clear();
}

ImportResult ImportRun::run()
{
    trace::FlowScope flow(m_trace, "ODBCAgentImp");
    // Stepping, or waiting for a breakpoint, goes record by record: each is committed before the pause.
    m_detail = m_step && (m_step->isStepping() || m_step->hasBreakpoint());
    m_batchSize = m_detail ? 1 : m_req.batchSize > 0 ? m_req.batchSize : kDefaultBatchRecords;
    m_timedTransactions = !m_detail && m_req.batchSize <= 0;
    if (!openInput() || !connect() || !prepareStatements())
        return m_result;
    QString error;
    if (!m_account.open(m_req.exceptionsPath.isEmpty() ? m_cfg.importSection.exceptions.value : m_req.exceptionsPath,
                        m_trace.secrets(), &error)
        || !db::setAutoCommit(*m_connection, false, &error)
        || (m_req.dryRun && !db::beginDryRun(*m_connection, &error))) {
        fail(error);
        return m_result;
    }
    m_account.setDryRun(m_req.dryRun);
    bool ok = importAll();
    if (m_req.dryRun) {
        if (!db::endDryRun(*m_connection, &error))
            ok = fail(error);
        else
            m_trace.write(TraceLevel::Summary, QStringLiteral("dry run: every change rolled back, no exceptions file written"));
    }
    if (!m_account.finish(ok, m_trace, &error))
        fail(error);
    reportProgress();
    return m_result;
}

ImportResult runImport(const ImportRequest &request, trace::Trace &trace, run::StepController *step,
                       run::JobObserver *observer)
{
    // One run of a configuration at a time (DECISIONS.md 16).
    std::unique_ptr<run::RunLock> lock;
    if (!request.config.fileName.isEmpty()) {
        QString error;
        lock = run::RunLock::acquire(run::RunLock::lockFileForConfig(request.config.fileName),
                                     QStringLiteral("configuration %1").arg(request.config.fileName), run::lockWaitSeconds(), &error);
        if (!lock) {
            ImportResult refused;
            refused.error = error + QStringLiteral("\nimport not done");
            trace.error(refused.error);
            return refused;
        }
    }
    if (request.config.usesProcedures()) {  // [procedures] takes precedence over [import]
        if (request.dryRun) {
            ImportResult refused;
            refused.error = QStringLiteral("a dry run cannot be made of an import through [procedures]: a stored procedure may "
                                           "commit on its own, so its effects could not be rolled back\nimport not done");
            trace.error(refused.error);
            return refused;
        }
        ProcedureRun run(request, trace, step, observer);
        return run.run();
    }
    ImportRun run(request, trace, step, observer);
    return run.run();
}

}  // namespace oas::importer
