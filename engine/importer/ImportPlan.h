#pragma once
// What the import knows about each attribute before the first record: its role (naming, Modify, inserted
// into the primary table, numbered by a sequence), the column the database describes for it (dummy
// SELECT), and the length limits that apply (the qualifier's, else the column's for character columns).
#include "../config/AgentConfig.h"
#include "../db/ColumnInfo.h"
#include "../db/Statement.h"

#include <optional>

namespace oas::importer {

struct ImportAttribute {
    QString abbreviation;
    const config::AttributeDef *def = nullptr;
    bool naming = false;      // in SelectBy
    bool modify = false;      // in Modify
    bool insertable = false;  // a column of the primary table
    bool sequence = false;    // numbered by Autos
    bool described = false;   // the database described its column
    db::ColumnInfo column;
    std::optional<int> minimum;
    std::optional<int> maximum;
    bool failIfTooBig = false;
    bool maximumFromDatabase = false;

    db::ParamType paramType() const;
};

class ImportPlan {
public:
    // Every attribute of the [attributes] section, roles from [import]; no database facts yet.
    explicit ImportPlan(const config::AgentConfig &config);
    // The dummy SELECT's columns, one per abbreviation: column facts and database length limits.
    // enforced: the database holds a column's values to its declared type and size (not SQLite, which keeps
    // any value in any column).
    void describe(const QStringList &abbreviations, const QList<db::ColumnInfo> &columns, bool enforced = true);
    bool typesEnforced() const { return m_typesEnforced; }

    const QList<ImportAttribute> &attributes() const { return m_attributes; }
    int indexOf(const QString &abbreviation) const;  // case-insensitive; -1 when not an attribute
    const ImportAttribute &at(int index) const { return m_attributes.at(index); }
    const QList<int> &namingOrder() const { return m_naming; }  // SelectBy attributes, distinct, in order
    std::vector<db::ParamType> paramTypes(const QStringList &abbreviations) const;
    const config::DateFormat &dateFormat() const { return m_dateFormat; }
    // The Columns trace block of one attribute, in the manual's format.
    QString columnsTrace(int index) const;

private:
    QList<ImportAttribute> m_attributes;
    QList<int> m_naming;
    config::DateFormat m_dateFormat;
    bool m_typesEnforced = true;
};

}  // namespace oas::importer
