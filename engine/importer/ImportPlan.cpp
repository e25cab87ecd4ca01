#include "ImportPlan.h"

#include "../db/SqlTypes.h"
#include "../sql/SelectBy.h"
#include "../sql/StatementBuilder.h"

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

namespace oas::importer {

namespace {

bool isCharacterColumn(int sqlType)
{
    switch (sqlType) {
    case SQL_CHAR:
    case SQL_VARCHAR:
    case SQL_WCHAR:
    case SQL_WVARCHAR: return true;
    default: return false;
    }
}

bool containsName(const QStringList &list, const QString &name)
{
    return list.contains(name, Qt::CaseInsensitive);
}

}  // namespace

db::ParamType ImportAttribute::paramType() const
{
    if (!described)
        return {};
    return {column.sqlType, column.size, column.decimalDigits};
}

ImportPlan::ImportPlan(const config::AgentConfig &config) : m_dateFormat(config.control.dateFormat.value)
{
    const config::ImportSection &imp = config.importSection;
    QStringList naming;
    for (const config::NameRef &n : imp.selectByAttributes)
        if (!containsName(naming, n.name))
            naming.append(n.name);
    QStringList modify;
    for (const config::NameRef &n : imp.modify.value)
        modify.append(n.name);
    const QStringList insertable = sql::insertableAttributes(config);
    for (const config::AttributeDef &def : config.attributes.attributes) {
        if (indexOf(def.abbreviation) >= 0)
            continue;  // a repeated abbreviation: the first definition counts
        ImportAttribute a;
        a.abbreviation = def.abbreviation;
        a.def = &def;
        a.naming = containsName(naming, def.abbreviation);
        a.modify = containsName(modify, def.abbreviation);
        a.insertable = containsName(insertable, def.abbreviation);
        for (const config::AutoSequence &s : imp.autos.value)
            a.sequence = a.sequence || s.attribute.name.compare(def.abbreviation, Qt::CaseInsensitive) == 0;
        a.minimum = def.qualifier.minimum;
        a.maximum = def.qualifier.maximum;
        a.failIfTooBig = def.qualifier.failIfTooBig;
        m_attributes.append(a);
    }
    for (const QString &n : naming) {
        const int i = indexOf(n);
        if (i >= 0)
            m_naming.append(i);
    }
}

void ImportPlan::describe(const QStringList &abbreviations, const QList<db::ColumnInfo> &columns, bool enforced)
{
    m_typesEnforced = enforced;
    for (int c = 0; c < abbreviations.size() && c < columns.size(); ++c) {
        const int i = indexOf(abbreviations.at(c));
        if (i < 0)
            continue;
        ImportAttribute &a = m_attributes[i];
        a.described = true;
        a.column = columns.at(c);
        // The smaller of the configured maximum and the column's size: a value the column cannot hold is
        // truncated (or fails) here, with a clear message, rather than refused by the database. Only where
        // the database enforces declared sizes: SQLite keeps a 100-character value in a VARCHAR(10) whole.
        const bool sized = enforced && isCharacterColumn(a.column.sqlType) && a.column.size > 0 && a.column.size < (1 << 30);
        if (sized && (!a.maximum || *a.maximum > a.column.size)) {
            a.maximum = int(a.column.size);
            a.maximumFromDatabase = true;
        }
    }
}

int ImportPlan::indexOf(const QString &abbreviation) const
{
    for (int i = 0; i < m_attributes.size(); ++i) {  // as written, mostly
        if (m_attributes.at(i).abbreviation == abbreviation)
            return i;
    }
    for (int i = 0; i < m_attributes.size(); ++i) {
        if (m_attributes.at(i).abbreviation.compare(abbreviation, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

std::vector<db::ParamType> ImportPlan::paramTypes(const QStringList &abbreviations) const
{
    std::vector<db::ParamType> types;
    for (const QString &a : abbreviations) {
        const int i = indexOf(a);
        types.push_back(i >= 0 ? m_attributes.at(i).paramType() : db::ParamType{});
    }
    return types;
}

QString ImportPlan::columnsTrace(int index) const
{
    const ImportAttribute &a = m_attributes.at(index);
    QStringList lines{db::columnInfoHead(a.abbreviation, a.def->column.columnName(), a.def->column.text),
                      QStringLiteral("configured-data-type=SQL_CHAR"), QStringLiteral("C-data-type=SQL_C_CHAR")};
    if (a.minimum)
        lines.append(QStringLiteral("configured-minimum=%1").arg(*a.minimum));
    if (a.maximum)
        lines.append(QStringLiteral("configured-maximum=%1").arg(*a.maximum));
    lines.append(QStringLiteral("fail-if-too-big=") + (a.failIfTooBig ? QStringLiteral("true") : QStringLiteral("false")));
    if (a.described)
        lines.append(db::columnInfoFacts(a.column));
    return lines.join(QLatin1Char('\n'));
}

}  // namespace oas::importer
