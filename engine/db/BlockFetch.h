#pragma once
// Streaming a SELECT on our own statement on the connection's raw ODBC handle. When every column has a
// bounded size, rows come through column-wise bound buffers: in blocks (SQL_ATTR_ROW_ARRAY_SIZE, one
// SQLFetch per block) where the driver can read a value of a row inside a block again (SQL_GD_BLOCK and
// SQLSetPos positioning: psqlODBC), else one row per SQLFetch (SQL_GD_BOUND: the SQLite3 driver). A value
// longer than its buffer - sizes are only what the driver reports: SQLite does not enforce declared
// lengths, psqlODBC reports 255 for a CHARACTER VARYING without one - is read again whole with SQLGetData,
// never cut. With long data (TEXT, large VARCHARs, BLOBs) it fetches row by row and reads each value with
// SQLGetData, in pieces. Either way values come out as the export text of ValueText, NULL as an empty
// optional; where the driver would change a value, it is read as text instead (ExactSelect.h).
#include "ColumnInfo.h"
#include "Connection.h"

#include <optional>
#include <vector>

namespace oas::db {

struct ExactSelect;

class BlockFetch {
public:
    // Allowed: PostgreSQL may send each row as one value (PackedRows.h); the rows come out the same.
    enum class Packing { Allowed, Off };
    explicit BlockFetch(const Connection &connection, int rowsPerBlock = 256, Packing packing = Packing::Allowed);
    ~BlockFetch();
    BlockFetch(const BlockFetch &) = delete;
    BlockFetch &operator=(const BlockFetch &) = delete;

    // Executes; false with the manual's error block when the statement fails.
    bool exec(const QString &sql, QString *errorBlock);
    // Whether rows come in blocks (every column bounded) or one by one.
    bool isBlockMode() const { return m_usable; }
    // Whether each row comes as one value, split here (PackedRows.h).
    bool isPacked() const { return m_packedColumns > 0; }
    const QList<ColumnInfo> &columns() const { return m_columns; }
    // Diagnostics of a statement that succeeded with information (SQL_SUCCESS_WITH_INFO), for the Warnings trace.
    const QList<DiagRecord> &execWarnings() const { return m_warnings; }
    // The next row's values (NULL as an empty optional); false at the end or on an error.
    bool next(std::vector<std::optional<QString>> &row, QString *errorBlock);
    // The same, sparing packed rows the decoding where the driver gives UTF-8: the next row's values as views
    // of their UTF-8 bytes in fields (NULL as nullopt; valid until the next call), *inRow false; a row that
    // does not come that way (not packed, longer than its buffer, a value holding the separator) in row,
    // *inRow true.
    bool nextFields(std::vector<std::optional<QByteArrayView>> &fields, std::vector<std::optional<QString>> &row,
                    bool *inRow, QString *errorBlock);
    // Tests: the separator of packed rows (PackedRows.h; random unless set), and how many packed rows did
    // not split and were asked for again.
    void setPackedSeparator(const QByteArray &separator) { m_chosenSeparator = separator; }
    int packedRowsReadAgain() const { return m_packedRowsReadAgain; }
    // On: each row has one more element after its values: the values whose storage class cannot be carried
    // (SQLite: a BLOB in a text column, a text in a BLOB column), as "column index:message" lines, or nothing.
    void setStorageNotes(bool on) { m_storageNotes = on; }

private:
    struct Column;
    void reset();
    bool run(const QString &sql, qsizetype packedRowBytes, const ExactSelect *exact, QString *errorBlock);
    bool bindColumns();
    bool nextValues(std::vector<std::optional<QString>> &row, QString *errorBlock);
    bool nextPacked(std::vector<std::optional<QString>> &row, QString *errorBlock,
                    std::vector<std::optional<QByteArrayView>> *fields, bool *inRow);
    bool recoverPacked(const QString &packed, std::vector<std::optional<QString>> &row, QString *why);
    bool fetchBlock(QString *errorBlock);
    bool fetchRow(QString *errorBlock);
    bool readValue(size_t column, std::optional<QString> &value, QString *errorBlock);
    bool truncated(size_t column) const;
    void finishRow(std::vector<std::optional<QString>> &row);
    void noteStorage(size_t column, const std::optional<QString> &note);

    const Connection &m_connection;
    void *m_stmt = nullptr;
    int m_rowsPerBlock;  // as asked; the rows bound per fetch may be 1 (see above)
    int m_rowsBound = 0;
    unsigned long m_positioned = ~0UL;  // the row of the block SQLSetPos last positioned on
    Packing m_packing;
    size_t m_packedColumns = 0;  // > 0: rows come packed (one value) and are split into this many columns
    QString m_recoverSql;                   // PackedSelect::recoverSql
    QByteArray m_packedSeparator;           // PackedSelect::separator, drawn for each statement
    QByteArray m_chosenSeparator;           // setPackedSeparator
    int m_packedRowsReadAgain = 0;
    std::optional<QString> m_packedRecord;  // a packed row read whole with SQLGetData
    bool m_usable = false;
    bool m_utf8Text = false;
    QList<ColumnInfo> m_columns;
    QList<DiagRecord> m_warnings;
    std::vector<Column> m_bound;
    unsigned long m_fetched = 0;
    size_t m_position = 0;
    bool m_done = false;
    bool m_sqliteMarks = false;   // some column's values come marked (ExactSelect.h)
    bool m_storageNotes = false;
    QString m_rowNotes;  // of the row being read
};

}  // namespace oas::db
