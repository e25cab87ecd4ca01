#include "JsonBatchSql.h"

#include "../sql/StatementBuilder.h"
#include "../sql/ValueLists.h"

#include <algorithm>

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

namespace oas::importer {

using sql::finish;
using sql::grow;
using sql::quotedRoom;
using sql::writeQuoted;

namespace {

bool isInteger(int sqlType)
{
    return sqlType == SQL_INTEGER || sqlType == SQL_SMALLINT || sqlType == SQL_TINYINT || sqlType == SQL_BIGINT;
}

// Types whose values the single statement sends as their text, which the column's input function reads.
bool takesText(int sqlType)
{
    switch (sqlType) {
    case SQL_SMALLINT:
    case SQL_TINYINT:
    case SQL_INTEGER:
    case SQL_BIGINT:
    case SQL_NUMERIC:
    case SQL_DECIMAL:
    case SQL_REAL:
    case SQL_FLOAT:
    case SQL_DOUBLE:
    case SQL_CHAR:
    case SQL_VARCHAR:
    case SQL_LONGVARCHAR:
    case SQL_WCHAR:
    case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR:
    case SQL_TYPE_DATE:
    case SQL_TYPE_TIME:
    case SQL_TYPE_TIMESTAMP: return true;
    default: return false;
    }
}

QString quotedIdentifier(const QString &name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

}  // namespace

bool JsonBatchSql::eligible(const config::AgentConfig &config, const sql::SqlDialect &dialect, const ImportPlan &plan,
                            QString *why)
{
    const config::ImportSection &imp = config.importSection;
    if (dialect.kind != sql::SqlDialect::Kind::PostgreSql && dialect.kind != sql::SqlDialect::Kind::Sqlite)
        return *why = QStringLiteral("not PostgreSQL or SQLite"), false;
    if (dialect.kind == sql::SqlDialect::Kind::Sqlite && plan.namingOrder().size() != 1)
        return *why = QStringLiteral("SelectBy names more than one attribute"), false;
    if (imp.isJoin)
        return *why = QStringLiteral("the import joins tables"), false;
    if (!imp.autos.value.isEmpty())
        return *why = QStringLiteral("Autos are configured"), false;
    // PostgreSQL compares the naming values as bigint or text: only where the column's own equality is that
    // (not citext, name or other types whose = differs from text's).
    for (int i : plan.namingOrder()) {
        const db::ColumnInfo &c = plan.at(i).column;
        const QString type = c.typeName.toLower();
        if (dialect.kind == sql::SqlDialect::Kind::PostgreSql && !isInteger(c.sqlType) && type != QLatin1String("varchar")
            && type != QLatin1String("text"))
            return *why = QStringLiteral("naming attribute %1's column is of type %2").arg(plan.at(i).abbreviation, c.typeName),
                   false;
    }
    QStringList names;
    for (const ImportAttribute &a : plan.attributes()) {
        if (!(a.naming || a.modify || a.insertable))
            continue;
        if (!a.described || a.column.name.isEmpty() || !takesText(a.column.sqlType))
            return *why = QStringLiteral("attribute %1's column is not of a number, text, date or time type").arg(a.abbreviation),
                   false;
        // json_populate_recordset keeps a JSON string as a JSON string for a json or jsonb column (and builds
        // arrays and composites from JSON structure) instead of reading the text with the type's input:
        // only types psqlODBC names are taken (it calls json, jsonb, arrays, domains over them and
        // extension types "unknown"); the others keep the statements that pass their text.
        const QString type = a.column.typeName.toLower();
        if (dialect.kind == sql::SqlDialect::Kind::PostgreSql
            && (type.isEmpty() || type == QLatin1String("unknown") || type.startsWith(QLatin1String("json"))))
            return *why = QStringLiteral("attribute %1's column is of a type the driver calls %2")
                              .arg(a.abbreviation, a.column.typeName.isEmpty() ? QStringLiteral("nothing") : a.column.typeName),
                   false;
        if (names.contains(a.column.name))
            return *why = QStringLiteral("two attributes name the column %1").arg(a.column.name), false;
        names.append(a.column.name);
    }
    return true;
}

JsonBatchSql::JsonBatchSql(const config::AgentConfig &config, const sql::SqlDialect &dialect, const ImportPlan &plan,
                           const QStringList &selectAbbreviations, bool wholeRows)
    : m_plan(plan), m_dialect(dialect.kind), m_table(config.importSection.table.value),
      m_width(size_t(selectAbbreviations.size()))
{
    QStringList columns;
    QStringList arrays;
    for (int i : plan.namingOrder()) {
        columns.append(plan.at(i).def->column.text);
        arrays.append(QStringLiteral("CAST(? AS %1[])").arg(isInteger(plan.at(i).column.sqlType) ? "bigint" : "text"));
        m_positions.push_back(int(selectAbbreviations.indexOf(plan.at(i).abbreviation)));
    }
    QString where;
    if (!postgres())
        where = QStringLiteral("%1 IN (SELECT value FROM json_each(?))").arg(columns.first());
    else if (columns.size() == 1)
        where = QStringLiteral("%1 = ANY(%2)").arg(columns.first(), arrays.first());
    else
        where = QStringLiteral("(%1) IN (SELECT * FROM unnest(%2))").arg(columns.join(QStringLiteral(", ")), arrays.join(QStringLiteral(", ")));
    const bool narrow = !wholeRows && std::find(m_positions.begin(), m_positions.end(), -1) == m_positions.end();
    if (narrow) {
        m_locate = QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(columns.join(QStringLiteral(", ")), m_table, where);
    } else {
        m_positions.clear();
        m_locate = sql::buildLocateWhere(config, where);
    }
    for (const ImportAttribute &a : plan.attributes()) {
        QString key;
        finish(key, writeQuoted(grow(key, quotedRoom(a.column.name)), a.column.name, false));
        m_keys.push_back(key + QLatin1Char(':'));
    }
}

void JsonBatchSql::widen(std::vector<db::Value> &row) const
{
    if (m_positions.empty())
        return;
    std::vector<db::Value> wide(m_width);
    for (size_t c = 0; c < m_positions.size() && c < row.size(); ++c)
        wide[size_t(m_positions[c])] = std::move(row[c]);
    row = std::move(wide);
}

QString JsonBatchSql::rowSource() const
{
    return postgres() ? QStringLiteral("json_populate_recordset(NULL::%1, CAST(? AS json)) AS r").arg(m_table)
                      : QStringLiteral("json_each(?) AS r");
}

QString JsonBatchSql::value(const std::vector<int> &params, size_t k) const
{
    if (!postgres())
        return QStringLiteral("json_extract(r.value, '$[%1]')").arg(k);
    return QStringLiteral("r.") + quotedIdentifier(m_plan.at(params[k]).column.name);
}

QString JsonBatchSql::matchRows(const std::vector<int> &params, size_t from) const
{
    QStringList columns;
    QStringList values;
    for (size_t k = from; k < params.size(); ++k) {
        columns.append(m_plan.at(params[k]).def->column.text);
        values.append(value(params, k));
    }
    const QString left = columns.size() == 1 ? columns.first() : QLatin1Char('(') + columns.join(QStringLiteral(", ")) + QLatin1Char(')');
    return QStringLiteral("%1 IN (SELECT %2 FROM %3)").arg(left, values.join(QStringLiteral(", ")), rowSource());
}

QString JsonBatchSql::insertSql(const std::vector<int> &params) const
{
    QStringList names;
    QStringList values;
    for (size_t k = 0; k < params.size(); ++k) {
        names.append(m_plan.at(params[k]).def->column.columnName());
        values.append(value(params, k));
    }
    return QStringLiteral("INSERT INTO %1 (%2) SELECT %3 FROM %4")
        .arg(m_table, names.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")), rowSource());
}

QString JsonBatchSql::insertHead(const std::vector<int> &params) const
{
    QStringList names;
    for (int i : params)
        names.append(m_plan.at(i).def->column.columnName());
    return QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(m_table, names.join(QStringLiteral(", ")));
}

bool JsonBatchSql::appendRow(QString &out, const std::vector<db::Value> &values)
{
    qsizetype room = 2;
    for (const db::Value &v : values)
        room += (v ? v->size() * 2 + 2 : 4) + 1;
    char16_t *dst = grow(out, room);
    *dst++ = u'(';
    for (size_t k = 0; k < values.size(); ++k) {
        if (k > 0)
            *dst++ = u',';
        if (!values[k]) {
            for (char16_t c : u"NULL")
                if (c)
                    *dst++ = c;
            continue;
        }
        *dst++ = u'\'';
        for (const QChar ch : *values[k]) {
            const char16_t c = ch.unicode();
            if (c == 0) {
                finish(out, dst);
                return false;
            }
            if (c == u'\'')
                *dst++ = c;
            *dst++ = c;
        }
        *dst++ = u'\'';
    }
    *dst++ = u')';
    finish(out, dst);
    return true;
}

QString JsonBatchSql::updateSql(const std::vector<int> &params, size_t sets) const
{
    QStringList assignments;
    QStringList matches;
    for (size_t k = 0; k < params.size(); ++k) {
        const config::ColumnIdentifier &c = m_plan.at(params[k]).def->column;
        if (k < sets)
            assignments.append(c.columnName() + QLatin1Char('=') + value(params, k));
        else
            matches.append(c.text + QLatin1Char('=') + value(params, k));
    }
    return QStringLiteral("UPDATE %1 SET %2 FROM %3 WHERE %4")
        .arg(m_table, assignments.join(QStringLiteral(", ")), rowSource(), matches.join(QStringLiteral(" AND ")));
}

QString JsonBatchSql::deleteSql(const std::vector<int> &params) const
{
    return QStringLiteral("DELETE FROM %1 WHERE %2").arg(m_table, matchRows(params, 0));
}

void JsonBatchSql::appendKeys(QString &out, const std::vector<const QString *> &values) const
{
    sql::appendList(out, values, postgres());
}

bool JsonBatchSql::appendRecord(QString &out, const std::vector<int> &params, const std::vector<db::Value> &values) const
{
    const size_t n = std::min(params.size(), values.size());
    qsizetype room = 2;
    for (size_t k = 0; k < n; ++k)
        room += m_keys[size_t(params[k])].size() + 1 + (values[k] ? quotedRoom(*values[k]) : 4);
    char16_t *dst = grow(out, room);
    // PostgreSQL: an object keyed by column names; SQLite: an array in parameter order.
    *dst++ = postgres() ? u'{' : u'[';
    bool first = true;
    bool nul = false;
    for (size_t k = 0; k < n; ++k) {
        if (postgres()) {
            bool repeated = false;  // an attribute both set and matched: one key, the same value
            for (size_t j = 0; j < k; ++j)
                repeated = repeated || params[j] == params[k];
            if (repeated)
                continue;
        }
        if (!first)
            *dst++ = u',';
        first = false;
        if (postgres()) {
            const QString &key = m_keys[size_t(params[k])];
            dst = std::copy(key.utf16(), key.utf16() + key.size(), dst);
        }
        if (values[k]) {
            dst = writeQuoted(dst, *values[k], false, &nul);
        } else {
            for (char16_t c : u"null")
                if (c)
                    *dst++ = c;
        }
    }
    *dst++ = postgres() ? u'}' : u']';
    finish(out, dst);
    return !nul;
}

}  // namespace oas::importer
