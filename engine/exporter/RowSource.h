#pragma once
// The export's one SELECT, streamed, with fetching on its own thread (run::BatchPipe): the fetch thread
// fills batches of rows (BlockFetch on the statement's raw handle) while the export thread formats the
// previous ones. At most a few batches are in flight, so memory does not grow with the table.
// Values come out as export text (ValueText), NULL as an empty optional.
#include "../db/BlockFetch.h"
#include "../run/BatchPipe.h"

#include <memory>

namespace oas::exporter {

using RowValues = std::vector<std::optional<QString>>;

class RowSource {
public:
    RowSource(const db::Connection &connection, QString sql);
    ~RowSource();  // stops the fetch thread
    RowSource(const RowSource &) = delete;
    RowSource &operator=(const RowSource &) = delete;

    bool exec();                 // false: errorBlock() says why
    bool next(RowValues &row);   // false at the end, or on a fetch error (then failed() is true)
    bool failed() const { return m_failed; }
    QString errorBlock() const { return m_error; }
    const QList<db::ColumnInfo> &columns() const { return m_fetch.columns(); }
    const QList<db::DiagRecord> &warnings() const { return m_fetch.execWarnings(); }

private:
    struct Batch {
        std::vector<RowValues> rows;
        size_t count = 0;
        bool last = false;  // the result set ends after these rows
        QString error;      // ... because of this failure
    };
    bool fill(Batch &batch);

    db::BlockFetch m_fetch;
    QString m_sql;
    bool m_failed = false;
    QString m_error;
    run::BatchPipe<Batch> m_pipe;
    std::unique_ptr<Batch> m_current;
    size_t m_position = 0;
};

}  // namespace oas::exporter
