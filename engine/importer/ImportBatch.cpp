// Applying one batch of records (ImportRun): windows of records located by one SELECT, grouped writes,
// and the replay record by record when a statement fails.
#include "ImportRun.h"

#include "../db/SqlTypes.h"

#include <QHash>
#include <QSet>

namespace oas::importer {

using config::TraceLevel;
ImportRun::Window ImportRun::locateWindow(const std::vector<Pending> &batch, size_t from, size_t to, size_t *end,
                                         std::vector<std::optional<LocatedRows>> &located)
{
    located.assign(to - from, std::nullopt);
    QList<size_t> owners;  // the batch index of the records that take part, in order
    QHash<QString, qsizetype> byKey;  // their exact keys -> their place in owners
    // Case-folded keys, where a key has text: two records that might be the same row never share a window
    // (integer keys: byKey tells already).
    QSet<QString> folded;
    const qsizetype limit = m_jsonBatch ? JsonBatchSql::kWindow : BatchLocate::kWindow;
    byKey.reserve(qsizetype(std::min<size_t>(to - from, size_t(limit))));
    size_t j = from;
    for (; j < to && owners.size() < limit; ++j) {
        if (batch[j].checked.failed)
            continue;
        QString key = m_batchLocate->recordKey(batch[j].checked);
        if (key.isEmpty())
            continue;  // located on its own
        if (m_batchLocate->hasText()) {
            QString fold = key.toCaseFolded();
            if (folded.contains(fold))
                break;
            folded.insert(std::move(fold));
        } else if (byKey.contains(key)) {
            break;
        }
        byKey.insert(std::move(key), owners.size());
        owners.append(j);
    }
    *end = j;
    if (owners.isEmpty())
        return Window::Fallback;
    const std::vector<int> &params = m_locateMany.params;
    std::vector<db::Value> values(params.size());
    std::vector<const db::Value *> pointers(params.size());
    if (m_jsonBatch) {  // one array per naming attribute
        std::vector<const QString *> column(size_t(owners.size()));
        for (size_t p = 0; p < params.size(); ++p) {
            for (qsizetype k = 0; k < owners.size(); ++k)
                column[size_t(k)] = &*batch[owners.at(k)].checked.values[size_t(params[p])];
            values[p].emplace();
            m_jsonBatch->appendKeys(*values[p], column);
            pointers[p] = &values[p];
        }
    } else {  // the values, record after record; the last record's repeated to fill the statement's window
        const size_t perRecord = params.size() / size_t(BatchLocate::kWindow);
        for (size_t w = 0; w < size_t(BatchLocate::kWindow); ++w) {
            const CheckedRecord &r = batch[owners.at(qsizetype(std::min<size_t>(w, size_t(owners.size()) - 1)))].checked;
            for (size_t p = 0; p < perRecord; ++p) {
                const size_t at = w * perRecord + p;
                values[at] = r.values[size_t(params[at])];
                pointers[at] = &values[at];
            }
        }
    }
    QString block;
    db::Statement &st = *m_locateMany.statement;
    if (!st.execute(pointers, &block))
        return Window::Failed;
    for (size_t owner : owners)
        located[owner - from].emplace();
    std::vector<db::Value> row;
    while (st.fetch(row, &block)) {
        if (m_jsonBatch)
            m_jsonBatch->widen(row);
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
// transaction per record. When a grouped write fails, the range is replayed one statement per record up to
// and including the first record that fails alone, and grouped again after it (so a few bad records in a
// large file do not make the whole file go one statement at a time). With stopAfterFailure, the run stops
// after the first record that failed and says where the rest begins.
bool ImportRun::runBatch(std::vector<Pending> &batch, size_t from, size_t to, size_t *stopAfterFailure)
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
            size_t next = to;
            const bool ok = runBatch(batch, i, to, &next);
            m_plain = plain;
            if (!ok)
                return false;
            i = next;
            continue;
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
        if (stopAfterFailure) {
            *stopAfterFailure = i;
            return true;
        }
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
    const Prepared *single = singleFor(op, error);
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
        qsizetype units = m_jsonBatch ? writes[i].textSize() : 0;  // a JSON run stops at kMaxRunUnits of text
        while (i + run < writes.size() && writes[i + run].sameStatement(writes[i])) {
            if (m_jsonBatch) {
                const qsizetype more = writes[i + run].textSize();
                if (units + more > JsonBatchSql::kMaxRunUnits)
                    break;
                units += more;
            }
            ++run;
        }
        if (m_jsonBatch && run > 1) {
            if (!runAsOne(writes, i, run))
                return false;
            i += run;
            continue;
        }
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
                Prepared *single = singleFor(writes[i], &error);
                statement = single ? single->statement.get() : nullptr;
            }
            if (!statement || !statement->execute(values, &error)) {
                traceGroupedFailure(size_t(rows), shown(error.trimmed()));
                return false;
            }
            i += size_t(rows);
            run -= size_t(rows);
        }
    }
    writes.clear();
    return true;
}

Prepared *ImportRun::singleFor(const WriteOp &op, QString *error)
{
    if (op.kind == WriteOp::Kind::Insert)
        return insertFor(op.attributes, error);
    if (op.kind == WriteOp::Kind::Update) {
        std::vector<Prepared> *parts = updateFor(op.attributes, error);
        return parts ? &parts->front() : nullptr;
    }
    return &m_delete;
}

void ImportRun::traceGroupedFailure(size_t count, const QString &detail)
{
    m_trace.write(TraceLevel::Sql,
                  QStringLiteral("writing %1 records at once failed; they are applied again one statement per record\n%2")
                      .arg(count)
                      .arg(detail));
}

bool ImportRun::runAsOne(const std::vector<WriteOp> &writes, size_t from, size_t count)
{
    const WriteOp &op = writes[from];
    QString error;
    const Prepared *single = singleFor(op, &error);
    if (!single)
        return false;
    const bool literal = op.kind == WriteOp::Kind::Insert && m_jsonBatch->literalInserts();
    const QString key = QStringLiteral("json|%1|%2").arg(int(op.kind)).arg(op.attributes.join(QLatin1Char(',')));
    auto it = m_grouped.find(key);
    if (it == m_grouped.end()) {
        const std::vector<int> &params = single->params;
        const QString sql = literal                            ? m_jsonBatch->insertHead(params)
                            : op.kind == WriteOp::Kind::Insert ? m_jsonBatch->insertSql(params)
                            : op.kind == WriteOp::Kind::Update ? m_jsonBatch->updateSql(params, size_t(op.attributes.size()))
                                                               : m_jsonBatch->deleteSql(params);
        // The literal INSERT's values are never traced (they may be secrets): its head and the form only.
        m_trace.write(TraceLevel::Sql, QStringLiteral("statement for many records at once\n%1")
                                           .arg(literal ? sql + QStringLiteral("(...), (...), one row per record") : sql));
        Prepared p;
        p.statement = std::make_unique<db::Statement>(*m_connection);
        p.statement->setParamTypes({db::ParamType{}});
        p.statement->setDirect(literal);
        p.params = params;
        if (!p.statement->prepare(sql, &error)) {
            m_trace.write(TraceLevel::Sql, shown(error.trimmed()));
            return false;
        }
        it = m_grouped.emplace(key, std::move(p)).first;
    }
    db::Statement &statement = *it->second.statement;
    db::Value text;
    text.emplace(literal ? statement.sql() : QStringLiteral("["));  // the INSERT's head, or the JSON array
    text->reserve(text->size() + qsizetype(count) * 256);
    for (size_t k = from; k < from + count; ++k) {
        if (k > from)
            *text += QLatin1Char(',');
        const bool written = literal ? JsonBatchSql::appendRow(*text, writes[k].values)
                                     : m_jsonBatch->appendRecord(*text, it->second.params, writes[k].values);
        if (!written)
            return false;  // replayed one statement per record
    }
    if (!literal)
        *text += QLatin1Char(']');
    const bool executed = literal ? statement.executeText(*text, &error) : statement.execute({&text}, &error);
    if (!executed || statement.affectedRows() != qint64(count)) {
        traceGroupedFailure(count, error.isEmpty() ? QStringLiteral("%1 rows changed").arg(statement.affectedRows())
                                                   : shown(error.trimmed()));
        return false;
    }
    return true;
}

// Records are read and checked on a second thread (run::BatchPipe), a batch ahead of the database work.

}  // namespace oas::importer
