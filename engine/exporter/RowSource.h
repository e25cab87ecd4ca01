#pragma once
// The export's SELECT, streamed, with fetching on its own thread (run::BatchPipe): the fetch thread fills
// batches of rows (BlockFetch on the statement's raw handle) while the export thread formats the previous
// ones. At most a few batches are in flight, so memory does not grow with the table.
// A source may have several parts (the same SELECT over parts of a table, each on its own connection and
// fetch thread): next() then takes a batch from each part in turn, so rows come in no fixed order.
// Values come out as export text (ValueText), NULL as an empty optional.
#include "../db/BlockFetch.h"
#include "../run/BatchPipe.h"

#include <memory>

namespace oas::exporter {

using RowValues = std::vector<std::optional<QString>>;

class RowSource {
public:
    RowSource(const db::Connection &connection, QString sql);
    ~RowSource();  // stops the fetch threads
    // One more part, fetched in parallel; before exec().
    void addPart(const db::Connection &connection, QString sql);
    RowSource(const RowSource &) = delete;
    RowSource &operator=(const RowSource &) = delete;

    bool exec();                 // false: errorBlock() says why
    bool next(RowValues &row);   // false at the end, or on a fetch error (then failed() is true)
    bool failed() const { return m_failed; }
    QString errorBlock() const { return m_error; }
    const QList<db::ColumnInfo> &columns() const { return m_parts.front()->fetch.columns(); }
    const QList<db::DiagRecord> &warnings() const { return m_parts.front()->fetch.execWarnings(); }

private:
    struct Batch {
        std::vector<RowValues> rows;
        size_t count = 0;
        bool last = false;  // the result set ends after these rows
        QString error;      // ... because of this failure
    };
    struct Part {
        Part(const db::Connection &connection, QString statement) : fetch(connection), sql(std::move(statement)) {}
        db::BlockFetch fetch;
        QString sql;
        run::BatchPipe<Batch> pipe;
        std::unique_ptr<Batch> current;
        size_t position = 0;
        bool done = false;
    };
    static bool fill(Part &part, Batch &batch);

    std::vector<std::unique_ptr<Part>> m_parts;
    size_t m_turn = 0;
    bool m_failed = false;
    QString m_error;
};

}  // namespace oas::exporter
