#pragma once
// Locating the rows of many records with one SELECT: the SelectBy predicate repeated for each record and
// joined by OR, the rows then handed back to their records by their naming values. Only where that gives
// exactly what one SELECT per record gives: a SelectBy that is a conjunction of distinct attributes, on
// PostgreSQL or SQLite, over integer or variable-length text columns (whose equality the client can
// reproduce), and never across two records with the same naming values (a record may create or delete the
// row the next one looks for). A returned row that no record claims means the database compares
// differently (a case-insensitive collation): the caller then falls back to one SELECT per record.
#include "ImportPlan.h"
#include "RecordCheck.h"

#include "../sql/SqlDialect.h"

namespace oas::importer {

class BatchLocate {
public:
    static constexpr int kWindow = 32;  // records per SELECT

    // Whether the configuration allows it; why not, for the trace, when it does not.
    static bool eligible(const config::AgentConfig &config, const sql::SqlDialect &dialect, const ImportPlan &plan,
                         QString *why);
    BatchLocate(const ImportPlan &plan, const QStringList &selectAbbreviations);

    // The record's naming values as one comparable key (integers in canonical form); empty when the record
    // cannot take part (a value that is not an integer for an integer column).
    QString recordKey(const CheckedRecord &record) const;
    // Whether some naming column holds text (keys of integers only need no case folding).
    bool hasText() const { return m_hasText; }
    // The same key from a row of the SELECT.
    QString rowKey(const std::vector<db::Value> &row) const;

private:
    struct Naming {
        int planIndex = 0;
        int column = 0;  // in the SELECT's result
        bool integer = false;
    };
    QList<Naming> m_naming;
    bool m_hasText = false;
};

}  // namespace oas::importer
