#include "RowSource.h"

namespace oas::exporter {

namespace {
constexpr size_t kRowsPerBatch = 512;
}  // namespace

RowSource::RowSource(const db::Connection &connection, QString sql) : m_fetch(connection), m_sql(std::move(sql)) {}

RowSource::~RowSource()
{
    m_pipe.stop();
}

bool RowSource::exec()
{
    m_failed = !m_fetch.exec(m_sql, &m_error);
    if (m_failed)
        return false;
    m_pipe.start([this](Batch &batch) { return fill(batch); });
    return true;
}

// On the fetch thread: the only user of the statement once exec() has returned.
bool RowSource::fill(Batch &batch)
{
    batch.count = 0;
    batch.last = false;
    batch.error.clear();
    batch.rows.resize(kRowsPerBatch);
    while (batch.count < kRowsPerBatch && !m_pipe.stopping()) {
        if (!m_fetch.next(batch.rows[batch.count], &batch.error)) {
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
        if (m_current && m_position < m_current->count) {
            // Swapped, not copied: the row's previous strings go back to the fetch thread for reuse.
            row.swap(m_current->rows[m_position++]);
            return true;
        }
        if (m_current && m_current->last) {
            if (!m_current->error.isEmpty()) {
                m_failed = true;
                m_error = m_current->error;
            }
            return false;
        }
        if (!m_pipe.started())
            return false;
        if (m_current)
            m_pipe.recycle(std::move(m_current));
        m_current = m_pipe.take();
        m_position = 0;
        if (!m_current)
            return false;
    }
}

}  // namespace oas::exporter
