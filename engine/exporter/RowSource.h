#pragma once
// The export's one SELECT, streamed (in blocks of rows where the driver allows), so memory does not grow
// with the table. Values come out as export text (ValueText), NULL as an empty optional.
#include "../db/BlockFetch.h"

#include <optional>
#include <vector>

namespace oas::exporter {

using RowValues = std::vector<std::optional<QString>>;

class RowSource {
public:
    RowSource(const db::Connection &connection, QString sql);
    bool exec();                 // false: errorBlock() says why
    bool next(RowValues &row);   // false at the end, or on a fetch error (then failed() is true)
    bool failed() const { return m_failed; }
    QString errorBlock() const { return m_error; }
    const QList<db::ColumnInfo> &columns() const { return m_fetch.columns(); }
    bool inBlocks() const { return m_fetch.isBlockMode(); }
    const QList<db::DiagRecord> &warnings() const { return m_fetch.execWarnings(); }

private:
    db::BlockFetch m_fetch;
    QString m_sql;
    bool m_failed = false;
    QString m_error;
};

}  // namespace oas::exporter
