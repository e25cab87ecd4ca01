#pragma once
// PostgreSQL: the statements that locate a whole window of records and write each run of its adds, modifies
// and deletes with one parameter per statement, however many records it covers.
//
// Locating: the naming values as one array per SelectBy attribute (bigint[] for integer columns, text[]
// for text: no length of the column applies, as none applies to the single SELECT's parameter), matched
// with = ANY or a join to unnest(). Writing: the records as a JSON array of objects read by
// json_populate_recordset over the table's own row type, so every value goes through its column type's
// input function with the column's length, precision and time zone rules: the value a single statement's
// parameter gives (a value too long for its column is refused, not cut). A statement that fails, or that
// touches another number of rows than it has records, makes the caller replay the records one statement
// each (ImportBatch.cpp), so a record's outcome is always the one-statement outcome.
#include "ImportPlan.h"

#include "../db/Statement.h"

namespace oas::importer {

class PgBatchSql {
public:
    static constexpr int kWindow = 1000;  // records located by one SELECT at most

    // Whether the statements apply: PostgreSQL, one table, naming attributes BatchLocate takes, every
    // written attribute's column described with a name of its own and of a type whose text the column's
    // input function reads as the single statement's parameter (numbers, text, dates and times).
    static bool eligible(const config::AgentConfig &config, const ImportPlan &plan, QString *why);
    // wholeRows: the SELECT reads every column the single SELECT reads (values are compared, or shown when
    // stepping); otherwise only the naming columns, which are all a record needs of its row then.
    PgBatchSql(const config::AgentConfig &config, const ImportPlan &plan, const QStringList &selectAbbreviations,
               bool wholeRows);

    // The SELECT of the window; its parameters are arrays, one per naming attribute in namingOrder().
    const QString &locateSql() const { return m_locate; }
    // A row of it in the single SELECT's columns (those not read are NULL).
    void widen(std::vector<db::Value> &row) const;
    // The write of a run; its one parameter is json(). params: the plan index of each single-statement
    // parameter (the order of WriteOp::values).
    QString insertSql(const std::vector<int> &params) const;
    QString updateSql(const std::vector<int> &setParams, const std::vector<int> &whereParams) const;
    QString deleteSql(const std::vector<int> &whereParams) const;

    // An array literal of the values (none is NULL).
    static void appendArray(QString &out, const std::vector<const QString *> &values);
    // The JSON object of one record's values, keyed by their columns' names, appended to out (an array:
    // "[" before the first, "," between, "]" after).
    void appendObject(QString &out, const std::vector<int> &params, const std::vector<db::Value> &values) const;

private:
    QString rowSource() const;
    QString column(int planIndex) const;  // r."name"
    QString matchRows(const std::vector<int> &whereParams) const;

    const ImportPlan &m_plan;
    QString m_table;
    QString m_locate;
    std::vector<int> m_positions;  // of the columns read, in the single SELECT's; empty: all are read
    size_t m_width = 0;            // the single SELECT's columns
    std::vector<QString> m_keys;   // per plan attribute: its column's name as a JSON key, with the colon
};

}  // namespace oas::importer
