#include "RowSource.h"

#include "ValueText.h"

#include <QSqlError>

namespace oas::exporter {

RowSource::RowSource(const db::Connection &connection, QString sql)
    : m_connection(connection), m_sql(std::move(sql)), m_query(connection.streamingQuery())
{
}

bool RowSource::exec()
{
    if (!m_query.exec(m_sql)) {
        m_failed = true;
        m_error = m_connection.errorBlock(QStringLiteral("SQLExecDirect failure"), m_query);
        return false;
    }
    m_columns = db::describeColumns(m_query);
    return true;
}

bool RowSource::next(RowValues &row)
{
    if (!m_query.next()) {
        if (m_query.lastError().isValid()) {
            m_failed = true;
            m_error = m_connection.errorBlock(QStringLiteral("SQLFetch failure"), m_query);
        }
        return false;
    }
    const int n = int(m_columns.size());
    row.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        const QVariant v = m_query.value(i);
        if (v.isNull())
            row[size_t(i)].reset();
        else
            row[size_t(i)] = valueText(v, m_columns.at(i).sqlType);
    }
    return true;
}

}  // namespace oas::exporter
