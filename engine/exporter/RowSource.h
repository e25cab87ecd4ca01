#pragma once
// The export's SELECT, streamed, with fetching on its own thread (run::BatchPipe): the fetch thread fills
// batches of rows (BlockFetch on the statement's raw handle) while the export thread formats the previous
// ones. At most a few batches (of 512 rows or 1 MiB of values) are in flight, so memory does not grow
// with the table.
// A source may have several parts (the same SELECT over parts of a table, each on its own connection and
// fetch thread): next() then takes a batch from each part in turn, so rows come in no fixed order.
// Or it reads a list of SELECTs whose rows follow each other in order (key ranges), alternately on two
// connections: while next() hands out the rows of one, the other connection's thread reads the next one
// (a range's rows fit in its pipe).
// Values come out as export text (ValueText), NULL as an empty optional; a row may have one more element
// after its values: its storage notes (BlockFetch::setStorageNotes).
#include "../db/BlockFetch.h"
#include "../run/BatchPipe.h"

#include <functional>
#include <memory>

namespace oas::exporter {

using RowValues = std::vector<std::optional<QString>>;
using Utf8Values = std::vector<std::optional<QByteArrayView>>;
// Appends the record of a row given as UTF-8 values to out; false (out as it was) when it cannot: the row
// then comes out as values. One per fetch thread, only ever called there.
using RecordFormat = std::function<bool(QByteArray &out, const Utf8Values &values)>;

class RowSource {
public:
    RowSource(const db::Connection &connection, QString sql);
    // The rows of every statement, in this order; statements 0, 2, 4... are run on first, 1, 3, 5... on
    // second. Each should give at most a few thousand rows more than rowsPerBatch() * kRangeBatches.
    RowSource(const db::Connection &first, const db::Connection &second, const QStringList &statements);
    // The rows of every statement, in this order, one statement after the other on one connection, read
    // by next() itself (no fetch thread): memory holds one statement's rows at most where the driver keeps
    // whole results.
    RowSource(const db::Connection &connection, const QStringList &statements);
    ~RowSource();  // stops the fetch threads
    // One more part, fetched in parallel; before exec().
    void addPart(const db::Connection &connection, QString sql);
    RowSource(const RowSource &) = delete;
    RowSource &operator=(const RowSource &) = delete;

    // Rows that come packed as UTF-8 (BlockFetch::nextFields) are made into records on the fetch threads,
    // each with a format of its own from makeFormat; before exec(). Saves the export thread the work, and
    // the values their decoding.
    void formatRecords(std::function<RecordFormat()> makeFormat) { m_makeFormat = std::move(makeFormat); }

    bool exec();                 // false: errorBlock() says why
    bool next(RowValues &row);   // false at the end, or on a fetch error (then failed() is true)
    // The same where a row may come as its record (formatRecords): *record non-empty, row unchanged.
    bool next(RowValues &row, QByteArrayView *record);
    bool failed() const { return m_failed; }
    QString errorBlock() const { return m_error; }
    // Of the first statement, as exec() found them.
    const QList<db::ColumnInfo> &columns() const { return m_columns; }
    const QList<db::DiagRecord> &warnings() const { return m_warnings; }

    static constexpr int kRangeBatches = 20;  // batches a part reading ranges keeps in flight

private:
    struct Batch {
        std::vector<RowValues> rows;
        size_t count = 0;
        // With formatRecords: the rows' records one after the other, and where each row's record starts and
        // how long it is (length 0: the row came as values).
        QByteArray records;
        std::vector<std::pair<qsizetype, qsizetype>> recordSpans;
        bool statementEnd = false;  // the part's current statement ends after these rows
        bool last = false;          // the part has no more rows after these
        QString error;              // ... because of this failure
    };
    struct Part {
        Part(const db::Connection &c, QStringList list, int batches)
            : connection(c), fetch(newFetch(c)), statements(std::move(list)), pipe(batches)
        {
        }
        const db::Connection &connection;
        std::unique_ptr<db::BlockFetch> fetch;
        QStringList statements;  // run one after the other
        int running = 0;         // the statement fetch reads
        bool startNext = false;  // the running one ended: run the next before filling more
        run::BatchPipe<Batch> pipe;
        std::unique_ptr<Batch> current;
        size_t position = 0;
        bool done = false;
        RecordFormat format;  // formatRecords
        Utf8Values fields;    // the row being read (fetch thread)
    };
    static bool fill(Part &part, Batch &batch);
    // A fetch whose rows carry storage notes (BlockFetch::setStorageNotes) after their values.
    static std::unique_ptr<db::BlockFetch> newFetch(const db::Connection &connection)
    {
        auto fetch = std::make_unique<db::BlockFetch>(connection);
        fetch->setStorageNotes(true);
        return fetch;
    }
    static bool fillRow(Part &part, Batch &batch, qsizetype *bytes);
    // Row part.position of part.current into row or *record.
    static void handOut(Part &part, RowValues &row, QByteArrayView *record);
    bool nextInTurn(RowValues &row, QByteArrayView *record);
    bool nextInOrder(RowValues &row, QByteArrayView *record);
    bool takeBatch(Part &part);

    std::vector<std::unique_ptr<Part>> m_parts;
    std::function<RecordFormat()> m_makeFormat;
    QList<db::ColumnInfo> m_columns;
    QList<db::DiagRecord> m_warnings;
    bool m_ordered = false;  // statements in order (ranges) rather than parts in turn
    // One connection for every statement, read on the calling thread (no fetch thread): MariaDB's driver
    // blocks a thread that prepares or frees a statement on a connection another thread has used.
    bool m_oneThread = false;
    qsizetype m_statements = 0;  // in order: how many
    size_t m_turn = 0;
    bool m_failed = false;
    QString m_error;
};

}  // namespace oas::exporter
