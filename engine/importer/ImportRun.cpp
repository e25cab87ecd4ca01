#include "ImportRun.h"
#include "ProcedureRun.h"

#include "../db/SqlTypes.h"
#include "../run/BatchPipe.h"
#include "../run/RunLock.h"
#include "../secrets/Redact.h"

#include <QHash>
#include <QSet>
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

bool ImportRun::prepare(Prepared &p, const QString &sql, const QStringList &params, QString *error)
{
    p.statement = std::make_unique<db::Statement>(*m_connection);
    p.params.clear();
    for (const QString &a : params)
        p.params.push_back(m_plan.indexOf(a));
    p.statement->setParamTypes(m_plan.paramTypes(params));
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
        QStringList params;
        for (int i = 0; i < BatchLocate::kWindow; ++i)
            params += st.whereParams;
        if (prepare(m_locateMany, sql::buildLocateMany(m_cfg, BatchLocate::kWindow), params, &error)) {
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
                                               .arg(BatchLocate::kWindow)
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

ImportRun::Window ImportRun::locateWindow(const std::vector<Pending> &batch, size_t from, size_t to, size_t *end,
                                         std::vector<std::optional<LocatedRows>> &located)
{
    located.assign(to - from, std::nullopt);
    QStringList keys;      // exact keys of the records that take part, in order
    QList<size_t> owners;  // their batch index
    QSet<QString> folded;  // case-folded keys: two records that might be the same row never share a window
    size_t j = from;
    for (; j < to && keys.size() < BatchLocate::kWindow; ++j) {
        if (batch[j].checked.failed)
            continue;
        const QString key = m_batchLocate->recordKey(batch[j].checked);
        if (key.isEmpty())
            continue;  // located on its own
        const QString fold = key.toCaseFolded();
        if (folded.contains(fold))
            break;
        folded.insert(fold);
        keys.append(key);
        owners.append(j);
    }
    *end = j;
    if (keys.isEmpty())
        return Window::Fallback;
    // The values, record after record; the last record's repeated to fill the statement's window.
    const std::vector<int> &params = m_locateMany.params;
    const size_t perRecord = params.size() / size_t(BatchLocate::kWindow);
    std::vector<db::Value> values(params.size());
    std::vector<const db::Value *> pointers(params.size());
    for (size_t w = 0; w < size_t(BatchLocate::kWindow); ++w) {
        const CheckedRecord &r = batch[owners.at(qsizetype(std::min<size_t>(w, size_t(owners.size()) - 1)))].checked;
        for (size_t p = 0; p < perRecord; ++p) {
            const size_t at = w * perRecord + p;
            values[at] = r.values[size_t(params[at])];
            pointers[at] = &values[at];
        }
    }
    QString block;
    db::Statement &st = *m_locateMany.statement;
    if (!st.execute(pointers, &block))
        return Window::Failed;
    QHash<QString, qsizetype> byKey;
    for (qsizetype k = 0; k < keys.size(); ++k) {
        byKey.insert(keys.at(k), k);
        located[owners.at(k) - from].emplace();
    }
    std::vector<db::Value> row;
    while (st.fetch(row, &block)) {
        const auto it = byKey.constFind(m_batchLocate->rowKey(row));
        if (it == byKey.constEnd()) {  // the database compares differently: one SELECT per record here
            st.closeCursor();
            located.assign(to - from, std::nullopt);
            return Window::Fallback;
        }
        located[owners.at(*it) - from]->push_back(row);
    }
    st.closeCursor();
    return block.isEmpty() ? Window::Located : Window::Failed;
}

// One try at batch[from, to) in the open transaction, stopping at the first record the database refuses.
ImportRun::Attempt ImportRun::attempt(std::vector<Pending> &batch, size_t from, size_t to)
{
    Attempt at;
    at.failedAt = to;
    std::vector<std::optional<LocatedRows>> located;
    std::vector<WriteOp> writes;
    size_t windowFrom = from;
    size_t windowEnd = from;
    const bool windows = m_batchLocate && !m_plain;
    for (size_t k = from; k < to; ++k) {
        if (windows && m_batchLocate && k >= windowEnd) {
            if (!runDeferred(writes))
                return at.groupedFailed = true, at;
            windowFrom = k;
            if (locateWindow(batch, k, to, &windowEnd, located) == Window::Failed) {
                // A failed statement may have ended the transaction: start the batch again, one SELECT per
                // record from now on.
                m_trace.write(TraceLevel::Sql, QStringLiteral("locating several records at once failed; one SELECT "
                                                              "per record from line %1 on")
                                                   .arg(batch[k].record.line));
                m_batchLocate.reset();
                return at.restart = true, at;
            }
        }
        ApplyMode mode;
        if (windows && k < windowEnd && k - windowFrom < located.size() && located[k - windowFrom])
            mode.located = &*located[k - windowFrom];
        mode.defer = m_groupWrites && mode.located;
        if (!mode.defer && !runDeferred(writes))  // keep the writes in record order
            return at.groupedFailed = true, at;
        Applied a = apply(batch[k].checked, mode);
        if (a.fatal || a.rollback) {
            at.failedAt = k;
            at.failure = std::move(a);
            return at;
        }
        if (a.deferred.kind != WriteOp::Kind::None)
            writes.push_back(std::move(a.deferred));
        at.outcomes.push_back(std::move(a.outcome));
    }
    if (!runDeferred(writes))
        at.groupedFailed = true;
    return at;
}

bool ImportRun::connectionLost(const std::vector<Pending> &batch, size_t at, const Applied &applied)
{
    QString ignored;
    db::endTransaction(*m_connection, false, &ignored);
    const QString detail = applied.outcome.events.isEmpty() ? QString() : applied.outcome.events.last().lines.join(QLatin1Char('\n'));
    m_result.resumeLine = batch[at].record.line;
    return fail(QStringLiteral("%1\n%2: records from line %3 on are not imported")
                    .arg(detail,
                         applied.busy ? QStringLiteral("the database stayed locked by another writer longer than the wait allows "
                                                       "(SQLite: Timeout= in [database], in ms, default 30000; PostgreSQL: "
                                                       "lock_timeout, default 30s, SETOPTIONS may change it)")
                                      : QStringLiteral("the connection was lost"))
                    .arg(batch[at].record.line));
}

// Applies batch[from, to) in one transaction and reports it once committed. When a statement fails, the
// transaction is rolled back, the records before the failing one are applied again (they succeed as
// before), the failing one is applied alone, and the batch goes on after it: the result is the same as one
// transaction per record. When a grouped write fails, the whole range is replayed one statement per record.
bool ImportRun::runBatch(std::vector<Pending> &batch, size_t from, size_t to)
{
    size_t i = from;
    while (i < to) {
        Attempt at = attempt(batch, i, to);
        if (at.restart) {
            if (!endTransaction(false))
                return false;
            continue;
        }
        if (at.groupedFailed) {
            if (!endTransaction(false))
                return false;
            const bool plain = m_plain;
            m_plain = true;
            const bool ok = runBatch(batch, i, to);
            m_plain = plain;
            return ok;
        }
        if (at.failedAt == to) {
            if (!endTransaction(true))
                return false;
            for (size_t k = i; k < to; ++k)
                report(batch[k], at.outcomes[k - i]);
            return true;
        }
        if (at.failure.fatal)
            return connectionLost(batch, i, at.failure);
        if (!endTransaction(false))
            return false;
        if (at.failedAt > i && !runBatch(batch, i, at.failedAt))
            return false;
        ApplyMode alone;
        alone.followReferences = at.failure.followReferences;
        Applied a = apply(batch[at.failedAt].checked, alone);
        if (a.fatal)
            return connectionLost(batch, at.failedAt, a);
        if (!endTransaction(!a.rollback))
            return false;
        report(batch[at.failedAt], a.outcome);
        i = at.failedAt + 1;
    }
    return true;
}

Prepared *ImportRun::groupedStatement(const WriteOp &op, int rows, QString *error)
{
    const QString key = QStringLiteral("%1|%2|%3").arg(int(op.kind)).arg(op.attributes.join(QLatin1Char(','))).arg(rows);
    auto it = m_grouped.find(key);
    if (it != m_grouped.end())
        return &it->second;
    QString sql;
    switch (op.kind) {
    case WriteOp::Kind::Insert: sql = sql::buildInsertRows(m_cfg, m_dialect, op.attributes, rows); break;
    case WriteOp::Kind::Update: sql = sql::buildUpdateRows(m_cfg, m_dialect, op.attributes, rows, m_updateCasts); break;
    default: sql = sql::buildDeleteRows(m_cfg, rows); break;
    }
    Prepared p;
    p.statement = std::make_unique<db::Statement>(*m_connection);
    // Parameter types: the single statement's, once per row.
    std::vector<db::ParamType> types;
    const Prepared *single = op.kind == WriteOp::Kind::Insert   ? insertFor(op.attributes, error)
                             : op.kind == WriteOp::Kind::Update ? &updateFor(op.attributes, error)->front()
                                                                : &m_delete;
    if (!single)
        return nullptr;
    for (int r = 0; r < rows; ++r)
        for (int i : single->params)
            types.push_back(i >= 0 ? m_plan.at(i).paramType() : db::ParamType{});
    p.statement->setParamTypes(types);
    if (!p.statement->prepare(sql, error))
        return nullptr;
    return &m_grouped.emplace(key, std::move(p)).first->second;
}

bool ImportRun::runDeferred(std::vector<WriteOp> &writes)
{
    size_t i = 0;
    QString error;
    while (i < writes.size()) {
        size_t run = 1;
        while (i + run < writes.size() && writes[i + run].sameStatement(writes[i]))
            ++run;
        // Runs in chunks of 32, 16, 8, 4, 2, 1 rows, so each kind needs at most six statements.
        while (run > 0) {
            int rows = BatchLocate::kWindow;
            while (size_t(rows) > run || (rows > 1 && writes[i].kind == WriteOp::Kind::Update && !m_groupUpdates))
                rows /= 2;
            Prepared *p = rows == 1 ? nullptr : groupedStatement(writes[i], rows, &error);
            if (rows > 1 && !p) {
                m_trace.write(TraceLevel::Sql, QStringLiteral("writing %1 records at once is not possible; they are "
                                                              "applied one statement per record\n%2")
                                                   .arg(rows)
                                                   .arg(shown(error.trimmed())));
                return false;
            }
            std::vector<const db::Value *> values;
            for (int r = 0; r < rows; ++r)
                for (const db::Value &v : writes[i + size_t(r)].values)
                    values.push_back(&v);
            db::Statement *statement = p ? p->statement.get() : nullptr;
            if (!statement) {  // one row: the record's own statement
                const WriteOp &op = writes[i];
                statement = op.kind == WriteOp::Kind::Insert   ? insertFor(op.attributes, &error)->statement.get()
                            : op.kind == WriteOp::Kind::Update ? updateFor(op.attributes, &error)->front().statement.get()
                                                               : m_delete.statement.get();
            }
            if (!statement->execute(values, &error)) {
                m_trace.write(TraceLevel::Sql, QStringLiteral("writing %1 records at once failed; they are applied "
                                                              "again one statement per record\n%2")
                                                   .arg(rows)
                                                   .arg(shown(error.trimmed())));
                return false;
            }
            i += size_t(rows);
            run -= size_t(rows);
        }
    }
    writes.clear();
    return true;
}

// Records are read and checked on a second thread (run::BatchPipe), a batch ahead of the database work.
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
        while (int(b.records.size()) < m_batchSize && !pipe.stopping()) {
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
        const bool ok = runBatch(b->records, 0, b->records.size());
        reportProgress();
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
    m_batchSize = m_detail ? 1 : std::max(1, m_req.batchSize);
    if (!openInput() || !connect() || !prepareStatements())
        return m_result;
    QString error;
    if (!m_account.open(m_req.exceptionsPath.isEmpty() ? m_cfg.importSection.exceptions.value : m_req.exceptionsPath,
                        m_trace.secrets(), &error)
        || !db::setAutoCommit(*m_connection, false, &error)) {
        fail(error);
        return m_result;
    }
    const bool ok = importAll();
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
        ProcedureRun run(request, trace, step, observer);
        return run.run();
    }
    ImportRun run(request, trace, step, observer);
    return run.run();
}

}  // namespace oas::importer
