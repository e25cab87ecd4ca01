#include "RowSource.h"

namespace oas::exporter {

RowSource::RowSource(const db::Connection &connection, QString sql) : m_fetch(connection), m_sql(std::move(sql)) {}

bool RowSource::exec()
{
    m_failed = !m_fetch.exec(m_sql, &m_error);
    return !m_failed;
}

bool RowSource::next(RowValues &row)
{
    QString error;
    if (m_fetch.next(row, &error))
        return true;
    if (!error.isEmpty()) {
        m_failed = true;
        m_error = error;
    }
    return false;
}

}  // namespace oas::exporter
