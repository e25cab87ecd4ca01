#include "RowSource.h"

#include <algorithm>

namespace oas::exporter {

namespace {
constexpr size_t kRowsPerBatch = 512;
}  // namespace

RowSource::RowSource(const db::Connection &connection, QString sql)
{
    addPart(connection, std::move(sql));
}

RowSource::~RowSource()
{
    for (auto &part : m_parts)
        part->pipe.stop();
}

void RowSource::addPart(const db::Connection &connection, QString sql)
{
    m_parts.push_back(std::make_unique<Part>(connection, std::move(sql)));
}

bool RowSource::exec()
{
    for (auto &part : m_parts) {
        if (!part->fetch.exec(part->sql, &m_error)) {
            m_failed = true;
            return false;
        }
    }
    for (auto &part : m_parts) {
        Part *p = part.get();
        p->pipe.start([p](Batch &batch) { return fill(*p, batch); });
    }
    return true;
}

// On the part's fetch thread: the only user of its statement once exec() has returned.
bool RowSource::fill(Part &part, Batch &batch)
{
    batch.count = 0;
    batch.last = false;
    batch.error.clear();
    batch.rows.resize(kRowsPerBatch);
    while (batch.count < kRowsPerBatch && !part.pipe.stopping()) {
        if (!part.fetch.next(batch.rows[batch.count], &batch.error)) {
            batch.last = true;
            break;
        }
        ++batch.count;
    }
    return !batch.last;
}

bool RowSource::next(RowValues &row)
{
    for (;;) {
        Part &part = *m_parts[m_turn];
        if (part.current && part.position < part.current->count) {
            // Swapped, not copied: the row's previous strings go back to the fetch thread for reuse.
            row.swap(part.current->rows[part.position++]);
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
        Part &taker = *m_parts[m_turn];
        if (taker.current)
            taker.pipe.recycle(std::move(taker.current));
        taker.current = taker.pipe.take();
        taker.position = 0;
        if (!taker.current) {
            taker.done = true;
            if (std::all_of(m_parts.begin(), m_parts.end(), [](const auto &p) { return p->done; }))
                return false;
        }
    }
}

}  // namespace oas::exporter
