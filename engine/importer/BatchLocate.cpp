#include "BatchLocate.h"

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

namespace oas::importer {

namespace {

bool isConjunction(const sql::SelectByNode &node)
{
    if (node.kind == sql::SelectByNode::Kind::Or || node.kind == sql::SelectByNode::Kind::Not)
        return false;
    for (const sql::SelectByNode &child : node.children) {
        if (!isConjunction(child))
            return false;
    }
    return true;
}

bool isIntegerType(int sqlType)
{
    return sqlType == SQL_INTEGER || sqlType == SQL_SMALLINT || sqlType == SQL_TINYINT || sqlType == SQL_BIGINT;
}

bool isVariableText(int sqlType)
{
    return sqlType == SQL_VARCHAR || sqlType == SQL_WVARCHAR || sqlType == SQL_LONGVARCHAR || sqlType == SQL_WLONGVARCHAR;
}

const QChar kSeparator(0x1f);

}  // namespace

bool BatchLocate::eligible(const config::AgentConfig &config, const sql::SqlDialect &dialect, const ImportPlan &plan,
                           QString *why)
{
    const config::ImportSection &imp = config.importSection;
    if (dialect.kind != sql::SqlDialect::Kind::PostgreSql && dialect.kind != sql::SqlDialect::Kind::Sqlite
        && dialect.kind != sql::SqlDialect::Kind::MariaDb)
        return *why = QStringLiteral("not PostgreSQL, SQLite or MariaDB"), false;
    if (!imp.selectByTree || !isConjunction(*imp.selectByTree))
        return *why = QStringLiteral("SelectBy is not a conjunction (&) of attributes"), false;
    QStringList seen;
    for (const config::NameRef &n : imp.selectByAttributes) {
        if (seen.contains(n.name, Qt::CaseInsensitive))
            return *why = QStringLiteral("SelectBy names %1 twice").arg(n.name), false;
        seen.append(n.name);
    }
    if (!imp.relationships.value.isEmpty())
        return *why = QStringLiteral("Relationships are configured"), false;
    for (int i : plan.namingOrder()) {
        const ImportAttribute &a = plan.at(i);
        if (!a.described || !(isIntegerType(a.column.sqlType) || isVariableText(a.column.sqlType)))
            return *why = QStringLiteral("naming attribute %1 is not an integer or variable-length text column")
                              .arg(a.abbreviation),
                   false;
    }
    return true;
}

BatchLocate::BatchLocate(const ImportPlan &plan, const QStringList &selectAbbreviations)
{
    for (int i : plan.namingOrder()) {
        Naming n;
        n.planIndex = i;
        n.column = int(selectAbbreviations.indexOf(plan.at(i).abbreviation));
        n.integer = isIntegerType(plan.at(i).column.sqlType);
        m_hasText = m_hasText || !n.integer;
        m_naming.append(n);
    }
}

QString BatchLocate::recordKey(const CheckedRecord &record) const
{
    QString key;
    for (const Naming &n : m_naming) {
        const std::optional<QString> &v = record.values[size_t(n.planIndex)];
        if (!v)
            return {};
        if (n.integer) {
            bool ok = false;
            const qlonglong value = v->trimmed().toLongLong(&ok);
            if (!ok)
                return {};
            key += QString::number(value);
        } else {
            key += *v;
        }
        key += kSeparator;
    }
    return key;
}

QString BatchLocate::rowKey(const std::vector<db::Value> &row) const
{
    QString key;
    for (const Naming &n : m_naming) {
        if (n.column < 0 || size_t(n.column) >= row.size() || !row[size_t(n.column)])
            return {};
        key += *row[size_t(n.column)];
        key += kSeparator;
    }
    return key;
}

}  // namespace oas::importer
