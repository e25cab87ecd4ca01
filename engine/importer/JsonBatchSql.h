#pragma once
// PostgreSQL and SQLite: the statements that locate a whole window of records and write each run of its
// adds, modifies and deletes with one parameter per statement, however many records it covers.
//
// Locating: PostgreSQL takes the naming values as one array per SelectBy attribute (bigint[] for integer
// columns, text[] for text: no length of the column applies, as none applies to the single SELECT's
// parameter), matched with = ANY or a join to unnest(); SQLite (one naming attribute) as a JSON array of
// strings read by json_each, compared as its bound text parameter is (the column's affinity applies).
// Writing: the records as one JSON array. PostgreSQL reads it with json_populate_recordset over the table's
// own row type, so every value goes through its column type's input function with the column's length,
// precision and time zone rules: the value a single statement's parameter gives (too long is refused, not
// cut). SQLite reads each record's array of strings with json_each / json_extract: text, as the single
// statement binds it, which the column's affinity converts alike. A statement that fails, or that touches
// another number of rows than it has records, makes the caller replay the records one statement each
// (ImportBatch.cpp), so a record's outcome is always the one-statement outcome. SQLite's adds are the
// exception to one parameter: their values are written into the INSERT (literalInserts()).
#include "ImportPlan.h"

#include "../db/Statement.h"
#include "../sql/SqlDialect.h"

namespace oas::importer {

class JsonBatchSql {
public:
    static constexpr int kWindow = 1000;  // records located by one SELECT at most
    static constexpr qsizetype kMaxRunUnits = 4 * 1024 * 1024;  // text in one write's JSON at most (UTF-16 units)

    // Whether the statements apply: PostgreSQL or SQLite, one table, no Autos, naming attributes
    // BatchLocate takes (SQLite: one), every written attribute's column described with a name of its own
    // and of a type whose text the database reads as the single statement's parameter (numbers, text, dates
    // and times; never binary).
    static bool eligible(const config::AgentConfig &config, const sql::SqlDialect &dialect, const ImportPlan &plan,
                         QString *why);
    // wholeRows: the SELECT reads every column the single SELECT reads (values are compared, or shown when
    // stepping); otherwise only the naming columns, which are all a record needs of its row then.
    JsonBatchSql(const config::AgentConfig &config, const sql::SqlDialect &dialect, const ImportPlan &plan,
                 const QStringList &selectAbbreviations, bool wholeRows);

    // The SELECT of the window; its parameters (one per naming attribute in namingOrder()) are made by
    // appendKeys.
    const QString &locateSql() const { return m_locate; }
    void appendKeys(QString &out, const std::vector<const QString *> &values) const;
    // A row of it in the single SELECT's columns (those not read are NULL).
    void widen(std::vector<db::Value> &row) const;

    // The write of a run; its one parameter is the JSON array of the records (appendRecord for each).
    // params: the plan index of each single-statement parameter (the order of WriteOp::values).
    QString insertSql(const std::vector<int> &params) const;
    QString updateSql(const std::vector<int> &params, size_t sets) const;  // the first `sets` are SET values
    QString deleteSql(const std::vector<int> &params) const;
    // One record's values appended to out (the caller writes "[", "," between and "]"); false when a value
    // holds a character the statement could not carry (U+0000): then the run is replayed record by record.
    bool appendRecord(QString &out, const std::vector<int> &params, const std::vector<db::Value> &values) const;

    // SQLite's adds: one INSERT with the records' values written into it as string literals, insertHead()
    // then ("(...)" by appendRow, "," between). SQLite gives a literal string the column's affinity as it
    // does a bound text parameter, and parses 500 rows of literals in about half the time json_extract
    // takes to read the values from their records' JSON (bench/import-notes.md). false from appendRow:
    // a value holds U+0000, which no literal carries (the run is replayed record by record).
    bool literalInserts() const { return !postgres(); }
    QString insertHead(const std::vector<int> &params) const;
    static bool appendRow(QString &out, const std::vector<db::Value> &values);

private:
    bool postgres() const { return m_dialect == sql::SqlDialect::Kind::PostgreSql; }
    QString rowSource() const;
    QString value(const std::vector<int> &params, size_t k) const;  // parameter k's value in a row of rowSource()
    QString matchRows(const std::vector<int> &params, size_t from) const;

    const ImportPlan &m_plan;
    sql::SqlDialect::Kind m_dialect;
    QString m_table;
    QString m_locate;
    std::vector<int> m_positions;  // of the columns read, in the single SELECT's; empty: all are read
    size_t m_width = 0;            // the single SELECT's columns
    std::vector<QString> m_keys;   // PostgreSQL, per plan attribute: its column's name as a JSON key, with the colon
};

}  // namespace oas::importer
