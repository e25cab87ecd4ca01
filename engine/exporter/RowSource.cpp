#include "RowSource.h"

namespace oas::exporter {

namespace {
constexpr size_t kRowsPerBatch = 512;
constexpr int kBatches = 4;
}  // namespace

RowSource::RowSource(const db::Connection &connection, QString sql) : m_fetch(connection), m_sql(std::move(sql)) {}

RowSource::~RowSource()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool RowSource::exec()
{
    m_failed = !m_fetch.exec(m_sql, &m_error);
    if (m_failed)
        return false;
    for (int i = 0; i < kBatches; ++i)
        m_free.push_back(std::make_unique<Batch>());
    m_thread = std::thread(&RowSource::fetchLoop, this);
    return true;
}

// The fetch thread: the only user of the statement once exec() has returned.
void RowSource::fetchLoop()
{
    for (;;) {
        std::unique_ptr<Batch> batch;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_free.empty() || m_stop; });
            if (m_stop)
                return;
            batch = std::move(m_free.front());
            m_free.pop_front();
        }
        batch->count = 0;
        batch->last = false;
        batch->error.clear();
        batch->rows.resize(kRowsPerBatch);
        while (batch->count < kRowsPerBatch && !m_stop) {
            if (!m_fetch.next(batch->rows[batch->count], &batch->error)) {
                batch->last = true;
                break;
            }
            ++batch->count;
        }
        const bool last = batch->last;
        {
            std::lock_guard lock(m_mutex);
            m_full.push_back(std::move(batch));
        }
        m_changed.notify_all();
        if (last)
            return;
    }
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
        if (!m_thread.joinable())
            return false;
        std::unique_lock lock(m_mutex);
        if (m_current)
            m_free.push_back(std::move(m_current));
        m_changed.notify_all();
        m_changed.wait(lock, [this] { return !m_full.empty(); });
        m_current = std::move(m_full.front());
        m_full.pop_front();
        m_position = 0;
    }
}

}  // namespace oas::exporter
