// What one record does to the database, inside the transaction the batch opened: locate its row with the
// SelectBy predicate, then create, update, delete or leave it, following the manual's rules.
#include "ImportRun.h"
#include "ValueMatch.h"

namespace oas::importer {

using datafile::ChangeType;

namespace {

QString quoted(const db::Value *v)
{
    if (!v || !*v)
        return QStringLiteral("NULL");
    return QLatin1Char('\'') + QString(**v).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

// "UPDATE ... WHERE x=?" and one "  ?1 = 'value'" line per parameter.
QString describeExecution(const QString &sql, const std::vector<const db::Value *> &values)
{
    QString text = sql;
    for (size_t i = 0; i < values.size(); ++i)
        text += QStringLiteral("\n  ?%1 = %2").arg(i + 1).arg(quoted(values[i]));
    return text;
}

}  // namespace

std::vector<const db::Value *> ImportRun::boundValues(const Prepared &p) const
{
    std::vector<const db::Value *> values;
    values.reserve(p.params.size());
    for (int i : p.params)
        values.push_back(i >= 0 ? &m_bind[size_t(i)] : nullptr);
    return values;
}

bool ImportRun::execute(Prepared &p, const CheckedRecord &, QString *errorBlock)
{
    const std::vector<const db::Value *> values = boundValues(p);
    if (m_detail)
        m_executed.append(describeExecution(p.statement->sql(), values));
    return p.statement->execute(values, errorBlock);
}

void ImportRun::bindRecord(const CheckedRecord &record)
{
    m_bind.resize(record.values.size());
    for (size_t i = 0; i < record.values.size(); ++i) {
        m_bind[i] = record.bound(i);  // absent or empty: NULL (an absent value is never bound to a SET or VALUES)
    }
}

QStringList ImportRun::rowText(const std::vector<db::Value> &row) const
{
    QStringList lines;
    for (size_t i = 0; i < row.size(); ++i) {
        const QString name = qsizetype(i) < m_statements.selectAbbreviations.size() ? m_statements.selectAbbreviations.at(qsizetype(i))
                                                                                    : QString::number(i + 1);
        lines.append(name + QStringLiteral(" = ") + (row[i] ? *row[i] : QStringLiteral("NULL")));
    }
    return lines;
}

void ImportRun::describeStep(run::RecordStep &step, const Pending &pending)
{
    step.statements = m_executed;
    if (pending.checked.failed)
        return;  // never reached the database
    step.rowsLooked = true;
    for (const auto &row : m_rowsBefore)
        step.rowsBefore.append(rowText(row));
    // After the commit: the rows the same SELECT finds now.
    bindRecord(pending.checked);
    QString block;
    if (!m_locate.statement->execute(boundValues(m_locate), &block)) {
        step.rowsAfter.append({QStringLiteral("(not read: %1)").arg(block.trimmed())});
        db::endTransaction(*m_connection, false, &block);
        return;
    }
    std::vector<db::Value> row;
    while (m_locate.statement->fetch(row, &block))
        step.rowsAfter.append(rowText(row));
    m_locate.statement->closeCursor();
    // The SELECT opened a transaction: end it, so that nothing stays locked while the job waits.
    db::endTransaction(*m_connection, true, &block);
}

Applied ImportRun::statementFailed(Outcome outcome, const QString &what, const QString &block, const db::Statement *statement)
{
    Applied a;
    a.rollback = true;
    const QList<db::DiagRecord> diagnostics = statement ? statement->diagnostics() : QList<db::DiagRecord>();
    // Busy beyond the bounded wait (another writer holds the database or the rows): every later record would
    // wait as long again, so the run stops, saying where to resume.
    a.busy = db::isDatabaseBusy(diagnostics);
    a.fatal = a.busy || db::isConnectionLost(diagnostics);
    a.followReferences = what == QLatin1String("DELETE") && !m_relationships.empty() && db::isForeignKeyViolation(diagnostics);
    outcome.disposition = Disposition::Error;
    outcome.events.append(Event::error(QStringLiteral("error: %1 failed\n%2").arg(what, block.trimmed())));
    a.outcome = std::move(outcome);
    return a;
}

WriteOp ImportRun::deferredWrite(WriteOp::Kind kind, const QStringList &attributes, const std::vector<int> &params) const
{
    WriteOp op;
    op.kind = kind;
    op.attributes = attributes;
    op.values.reserve(params.size());
    for (int i : params)
        op.values.push_back(m_bind[size_t(i)]);
    return op;
}

bool ImportRun::sameNaming(const CheckedRecord &record, const std::vector<db::Value> &row) const
{
    for (int i : m_plan.namingOrder()) {
        const qsizetype column = m_statements.selectAbbreviations.indexOf(m_plan.at(i).abbreviation);
        if (column < 0 || size_t(column) >= row.size())
            return true;  // not read back: nothing says otherwise
        if (record.bound(size_t(i)) != row[size_t(column)])
            return false;
    }
    return true;
}

Applied ImportRun::apply(const CheckedRecord &record, const ApplyMode &mode)
{
    const LocatedRows *located = mode.located;
    if (m_detail) {
        m_executed.clear();
        m_rowsBefore.clear();
    }
    Outcome outcome;
    outcome.events = record.events;
    if (record.failed) {
        outcome.disposition = Disposition::Error;
        return Applied::done(outcome);
    }
    bindRecord(record);
    QString block;
    std::vector<db::Value> first;
    int rows = 0;
    if (located) {
        rows = int(located->size());
        if (rows > 0)
            first = located->front();
    } else {
        if (!execute(m_locate, record, &block))
            return statementFailed(outcome, QStringLiteral("SELECT"), block, m_locate.statement.get());
        std::vector<db::Value> row;
        while (m_locate.statement->fetch(row, &block)) {
            if (rows++ == 0)
                first = row;
            if (m_detail)
                m_rowsBefore.push_back(row);
        }
        if (!block.isEmpty())
            return statementFailed(outcome, QStringLiteral("SELECT"), block, m_locate.statement.get());
        m_locate.statement->closeCursor();
    }

    const config::ImportSection &imp = m_cfg.importSection;
    if (rows == 0) {
        if (record.change == ChangeType::Delete) {
            outcome.disposition = Disposition::AlreadyAbsent;
            return Applied::done(outcome);
        }
        if (record.change == ChangeType::Add || imp.createIfAbsent.value || imp.insertOnly.value)
            return create(record, outcome, mode.defer);
        outcome.disposition = Disposition::Absent;
        outcome.events.append(Event::error(QStringLiteral("insertion forbidden")));
        return Applied::done(outcome);
    }
    if (rows > 1) {
        outcome.disposition = Disposition::Ambiguous;
        outcome.events.append(Event::error(QStringLiteral("error: ambiguous selection\n%1 rows match").arg(rows)));
        return Applied::done(outcome);
    }
    if (record.change == ChangeType::Delete)
        return remove(record, outcome, mode.followReferences || imp.alwaysFollowReferences.value, mode.defer);
    if (record.change == ChangeType::Add || imp.insertOnly.value) {
        outcome.disposition = Disposition::Exists;
        outcome.events.append(Event::error(QStringLiteral("error: row already exists")));
        outcome.retryLater = rows == 1 && !sameNaming(record, first);
        return Applied::done(outcome);
    }
    return update(record, first, outcome, mode.defer);
}

Applied ImportRun::create(const CheckedRecord &record, Outcome outcome, bool defer)
{
    QStringList attributes;
    attributes.reserve(m_plan.attributes().size());
    for (int i = 0; i < m_plan.attributes().size(); ++i) {
        const ImportAttribute &a = m_plan.at(i);
        if (a.insertable && !a.sequence && record.supplied(i))
            attributes.append(a.abbreviation);
    }
    QString block;
    Prepared *insert = insertFor(attributes, &block);
    if (!insert)
        return statementFailed(outcome, QStringLiteral("INSERT"), block, nullptr);
    if (defer) {
        outcome.disposition = Disposition::Created;
        return Applied::done(outcome, deferredWrite(WriteOp::Kind::Insert, attributes, insert->params));
    }
    if (!execute(*insert, record, &block))
        return statementFailed(outcome, QStringLiteral("INSERT"), block, insert->statement.get());
    outcome.disposition = Disposition::Created;
    return Applied::done(outcome);
}

Applied ImportRun::update(const CheckedRecord &record, const std::vector<db::Value> &stored, Outcome outcome, bool defer)
{
    const bool compare = m_cfg.importSection.modifyAnyway.value;
    QStringList attributes;
    attributes.reserve(m_cfg.importSection.modify.value.size());
    for (const config::NameRef &m : m_cfg.importSection.modify.value) {
        const int i = m_plan.indexOf(m.name);
        if (i < 0 || !record.supplied(i))
            continue;
        if (compare) {
            const qsizetype column = m_statements.selectAbbreviations.indexOf(m_plan.at(i).abbreviation);
            const db::Value current = column >= 0 && size_t(column) < stored.size() ? stored[size_t(column)] : db::Value();
            const bool same = record.emptyString(size_t(i))
                                  ? current && current->isEmpty()
                                  : valuesMatch(matchRuleFor(m_plan.at(i).column.sqlType), current, *record.values[size_t(i)]);
            if (same) {
                ++outcome.attributesUnchanged;
                continue;
            }
        }
        attributes.append(m_plan.at(i).abbreviation);
    }
    if (attributes.isEmpty()) {
        outcome.disposition = Disposition::Unchanged;
        return Applied::done(outcome);
    }
    QString block;
    std::vector<Prepared> *parts = updateFor(attributes, &block);
    if (!parts)
        return statementFailed(outcome, QStringLiteral("UPDATE"), block, nullptr);
    if (defer && parts->size() == 1) {
        outcome.disposition = Disposition::Updated;
        outcome.attributesUpdated = int(attributes.size());
        return Applied::done(outcome, deferredWrite(WriteOp::Kind::Update, attributes, parts->front().params));
    }
    for (Prepared &part : *parts) {
        if (!execute(part, record, &block))
            return statementFailed(outcome, QStringLiteral("UPDATE"), block, part.statement.get());
    }
    outcome.disposition = Disposition::Updated;
    outcome.attributesUpdated = int(attributes.size());
    return Applied::done(outcome);
}

Applied ImportRun::remove(const CheckedRecord &record, Outcome outcome, bool followReferences, bool defer)
{
    QString block;
    if (defer && !followReferences) {
        outcome.disposition = Disposition::Deleted;
        return Applied::done(outcome, deferredWrite(WriteOp::Kind::Delete, {}, m_delete.params));
    }
    if (followReferences) {
        for (Relationship &rel : m_relationships) {
            if (!execute(rel.referencedSelect, record, &block))
                return statementFailed(outcome, QStringLiteral("SELECT"), block, rel.referencedSelect.statement.get());
            std::vector<db::Value> values;
            std::vector<db::Value> row;
            while (rel.referencedSelect.statement->fetch(row, &block)) {
                if (!row.empty() && row[0])
                    values.push_back(row[0]);
            }
            rel.referencedSelect.statement->closeCursor();
            if (!block.isEmpty())
                return statementFailed(outcome, QStringLiteral("SELECT"), block, rel.referencedSelect.statement.get());
            for (const db::Value &v : values) {
                if (!rel.nullify.statement->execute({&v}, &block))
                    return statementFailed(outcome, QStringLiteral("UPDATE"), block, rel.nullify.statement.get());
                const qint64 n = rel.nullify.statement->affectedRows();
                if (n > 0)
                    outcome.events.append(Event::note(QStringLiteral("references nullified\n%1: %2 row%3")
                                                          .arg(rel.description).arg(n).arg(n == 1 ? "" : "s")));
            }
        }
    }
    if (!execute(m_delete, record, &block))
        return statementFailed(outcome, QStringLiteral("DELETE"), block, m_delete.statement.get());
    outcome.disposition = Disposition::Deleted;
    return Applied::done(outcome);
}

}  // namespace oas::importer
