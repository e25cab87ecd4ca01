#include "RowSource.h"

#include "../db/ValueRead.h"

#include <algorithm>

namespace oas::exporter {

namespace {
constexpr size_t kRowsPerBatch = 512;
// A batch also ends once its values take this much, so that the batches in flight stay small whatever the
// rows hold (a pipe of kRangeBatches batches of 512 rows of 1 MB texts would take 10 GB).
constexpr qsizetype kBatchBytes = 1024 * 1024;
constexpr int kBatchesInTurn = 4;
}  // namespace

RowSource::RowSource(const db::Connection &connection, QString sql)
{
    addPart(connection, std::move(sql));
}

RowSource::RowSource(const db::Connection &first, const db::Connection &second, const QStringList &statements)
    : m_ordered(true), m_statements(statements.size())
{
    QStringList lists[2];
    for (qsizetype i = 0; i < statements.size(); ++i)
        lists[i % 2].append(statements.at(i));
    m_parts.push_back(std::make_unique<Part>(first, lists[0], kRangeBatches));
    if (!lists[1].isEmpty())
        m_parts.push_back(std::make_unique<Part>(second, lists[1], kRangeBatches));
}

RowSource::RowSource(const db::Connection &connection, const QStringList &statements)
    : m_ordered(true), m_oneThread(true), m_statements(statements.size())
{
    m_parts.push_back(std::make_unique<Part>(connection, statements, kRangeBatches));
}

RowSource::~RowSource()
{
    for (auto &part : m_parts)
        part->pipe.stop();
}

void RowSource::addPart(const db::Connection &connection, QString sql)
{
    m_parts.push_back(std::make_unique<Part>(connection, QStringList{std::move(sql)}, kBatchesInTurn));
}

bool RowSource::exec()
{
    for (auto &part : m_parts) {
        if (!part->fetch->exec(part->statements.first(), &m_error)) {
            m_failed = true;
            return false;
        }
    }
    m_columns = m_parts.front()->fetch->columns();
    m_warnings = m_parts.front()->fetch->execWarnings();
    if (m_makeFormat) {
        for (auto &part : m_parts)
            part->format = m_makeFormat();
    }
    if (m_oneThread)
        return true;  // next() reads on this thread
    for (auto &part : m_parts) {
        Part *p = part.get();
        p->pipe.start([p](Batch &batch) { return fill(*p, batch); });
    }
    return true;
}

// On the part's fetch thread: the only user of its connection's statements once exec() has returned. A
// batch holds the rows of one statement only.
bool RowSource::fill(Part &part, Batch &batch)
{
    batch.count = 0;
    batch.statementEnd = false;
    batch.last = false;
    batch.error.clear();
    if (part.startNext) {
        part.startNext = false;
        part.fetch.reset();  // the previous statement's handle first: MariaDB's driver waits for it otherwise
        part.fetch = newFetch(part.connection);
        if (!part.fetch->exec(part.statements.at(part.running), &batch.error)) {
            batch.statementEnd = batch.last = true;
            return false;
        }
    }
    batch.rows.resize(kRowsPerBatch);
    batch.records.resize(0);
    batch.recordSpans.clear();
    qsizetype bytes = 0;
    while (batch.count < kRowsPerBatch && bytes < kBatchBytes && !part.pipe.stopping()) {
        if (!fillRow(part, batch, &bytes)) {
            batch.statementEnd = true;
            if (batch.error.isEmpty() && part.running + 1 < part.statements.size()) {
                ++part.running;
                part.startNext = true;
                return true;
            }
            batch.last = true;
            break;
        }
        ++batch.count;
    }
    return !batch.last;
}

// The next row into the batch, as its record where it can be (formatRecords), else as values; false at
// the end of the statement or on an error.
bool RowSource::fillRow(Part &part, Batch &batch, qsizetype *bytes)
{
    RowValues &row = batch.rows[batch.count];
    bool inRow = true;
    if (part.format) {
        if (!part.fetch->nextFields(part.fields, row, &inRow, &batch.error))
            return false;
        const qsizetype at = batch.records.size();
        if (!inRow && !part.format(batch.records, part.fields)) {
            row.resize(part.fields.size());
            for (size_t i = 0; i < row.size(); ++i) {  // the record's messages come from the values
                if (!part.fields[i]) {
                    row[i].reset();
                    continue;
                }
                if (!row[i])
                    row[i].emplace();
                db::setUtf8(*row[i], part.fields[i]->data(), part.fields[i]->size());
            }
            inRow = true;
        }
        batch.recordSpans.emplace_back(at, batch.records.size() - at);  // length 0 when it came as values
        *bytes += batch.records.size() - at;
    } else if (!part.fetch->next(row, &batch.error)) {
        return false;
    }
    if (inRow) {
        for (const auto &value : row)
            *bytes += value ? value->size() * 2 : 0;
    }
    return true;
}

bool RowSource::next(RowValues &row)
{
    return m_ordered ? nextInOrder(row, nullptr) : nextInTurn(row, nullptr);
}

bool RowSource::next(RowValues &row, QByteArrayView *record)
{
    *record = QByteArrayView();
    return m_ordered ? nextInOrder(row, record) : nextInTurn(row, record);
}

void RowSource::handOut(Part &part, RowValues &row, QByteArrayView *record)
{
    Batch &batch = *part.current;
    const size_t i = part.position++;
    if (record && i < batch.recordSpans.size() && batch.recordSpans[i].second > 0) {
        *record = QByteArrayView(batch.records).sliced(batch.recordSpans[i].first, batch.recordSpans[i].second);
        return;
    }
    // Swapped, not copied: the row's previous strings go back to the fetch thread for reuse.
    row.swap(batch.rows[i]);
}

// The part's next batch as its current one (the previous one goes back to its thread for reuse); false
// when the part's thread ended without one (it was stopped).
bool RowSource::takeBatch(Part &part)
{
    if (m_oneThread) {
        if (!part.current)
            part.current = std::make_unique<Batch>();
        else if (part.current->last)
            return false;
        fill(part, *part.current);
        part.position = 0;
        return true;
    }
    if (part.current)
        part.pipe.recycle(std::move(part.current));
    part.current = part.pipe.take();
    part.position = 0;
    return part.current != nullptr;
}

bool RowSource::nextInTurn(RowValues &row, QByteArrayView *record)
{
    for (;;) {
        Part &part = *m_parts[m_turn];
        if (part.current && part.position < part.current->count) {
            handOut(part, row, record);
            return true;
        }
        if (part.current && part.current->last) {
            part.done = true;
            if (!part.current->error.isEmpty()) {
                m_failed = true;
                m_error = part.current->error;
                return false;
            }
        }
        if (part.current && !part.done)
            part.pipe.recycle(std::move(part.current));
        // The next part that has rows left takes its turn (the same one when it is alone).
        size_t next = m_turn;
        for (size_t i = 1; i <= m_parts.size(); ++i) {
            const size_t candidate = (m_turn + i) % m_parts.size();
            if (!m_parts[candidate]->done) {
                next = candidate;
                break;
            }
        }
        if (m_parts[next]->done || !m_parts[next]->pipe.started())
            return false;
        m_turn = next;
        if (!takeBatch(*m_parts[m_turn])) {
            m_parts[m_turn]->done = true;
            if (std::all_of(m_parts.begin(), m_parts.end(), [](const auto &p) { return p->done; }))
                return false;
        }
    }
}

// Statement m_turn's rows come from part m_turn % 2, batch by batch, until the batch that ends it.
bool RowSource::nextInOrder(RowValues &row, QByteArrayView *record)
{
    for (;;) {
        if (qsizetype(m_turn) >= m_statements)
            return false;
        Part &part = *m_parts[m_turn % m_parts.size()];
        if (part.current && part.position < part.current->count) {
            handOut(part, row, record);
            return true;
        }
        if (part.current && !part.current->error.isEmpty()) {
            m_failed = true;
            m_error = part.current->error;
            return false;
        }
        if (part.current && part.current->statementEnd) {
            ++m_turn;
            if (m_oneThread && !part.current->last)
                part.current->statementEnd = false;  // the batch is filled again by the next statement
            else if (!m_oneThread)
                part.pipe.recycle(std::move(part.current));
            continue;
        }
        if ((!m_oneThread && !part.pipe.started()) || !takeBatch(part))
            return false;
    }
}

}  // namespace oas::exporter
