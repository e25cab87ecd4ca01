#include "StatementBuilder.h"

#include "Substitution.h"

namespace oas::sql {

using config::AgentConfig;
using config::AttributeDef;

namespace {

bool containsName(const QStringList &list, const QString &name)
{
    return list.contains(name, Qt::CaseInsensitive);
}

void appendDefined(QStringList &out, const config::NameList &names, const config::AttributesSection &attributes)
{
    for (const config::NameRef &n : names) {
        if (attributes.find(n.name) && !containsName(out, n.name))
            out.append(n.name);
    }
}

QString columnList(const QStringList &abbreviations, const config::AttributesSection &attributes)
{
    QStringList columns;
    for (const QString &a : abbreviations)
        columns.append(attributes.find(a)->column.text);
    return columns.join(QStringLiteral(", "));
}

// Attributes that belong to the import table: every non-expression attribute for a JOIN; for one table,
// those written without a table or with that table's name.
bool isImportColumn(const AttributeDef &a, const config::ImportSection &import, bool primaryOnly)
{
    if (a.column.isExpression)
        return false;
    const QString table = a.column.tableName();
    if (table.isEmpty())
        return true;
    if (import.isJoin && !primaryOnly)
        return true;
    return table.compare(import.primaryTable, Qt::CaseInsensitive) == 0;
}

QStringList importColumns(const AgentConfig &config, bool primaryOnly)
{
    QStringList abbreviations;
    QStringList seenColumns;
    for (const AttributeDef &a : config.attributes.attributes) {
        if (!isImportColumn(a, config.importSection, primaryOnly))
            continue;
        // A column mapped by several abbreviations is written by the first one only.
        if (seenColumns.contains(a.column.text, Qt::CaseInsensitive))
            continue;
        seenColumns.append(a.column.text);
        abbreviations.append(a.abbreviation);
    }
    return abbreviations;
}

// The manual's own From example ends with ';': harmless alone, fatal once a WHERE or our ' ;' follows.
QString withoutTrailingSemicolons(QString text)
{
    while (!text.isEmpty() && (text.endsWith(QLatin1Char(';')) || text.endsWith(QLatin1Char(' '))
                               || text.endsWith(QLatin1Char('\t'))))
        text.chop(1);
    return text;
}

}  // namespace

ExportOrder defaultExportOrder(const AgentConfig &config)
{
    const bool reference = config.exportSection.mode.value != config::ExportMode::Full;
    return reference && !config.exportSection.keys.value.isEmpty() ? ExportOrder::ByKeys : ExportOrder::AsStored;
}

ExportStatement buildExportSelect(const AgentConfig &config, const SqlDialect &, ExportOrder order, const QString &part)
{
    const config::ExportSection &e = config.exportSection;
    ExportStatement st;
    appendDefined(st.abbreviations, e.select.value, config.attributes);
    appendDefined(st.abbreviations, e.keys.value, config.attributes);
    appendDefined(st.abbreviations, e.saveAttr.value, config.attributes);
    st.select = QStringLiteral("SELECT %1 FROM %2").arg(columnList(st.abbreviations, config.attributes),
                                                        substituteAbbreviations(withoutTrailingSemicolons(e.from.value), config.attributes));
    const QString where = substituteAbbreviations(withoutTrailingSemicolons(e.where.value), config.attributes);
    if (!where.isEmpty() && !part.isEmpty())
        st.select += QStringLiteral(" WHERE (%1) AND %2").arg(where, part);
    else if (!where.isEmpty() || !part.isEmpty())
        st.select += QStringLiteral(" WHERE ") + (where.isEmpty() ? part : where);
    if (order == ExportOrder::ByKeys) {
        QStringList keys;
        appendDefined(keys, e.keys.value, config.attributes);
        if (!keys.isEmpty())
            st.select += QStringLiteral(" ORDER BY ") + columnList(keys, config.attributes);
    }
    st.select += QStringLiteral(" ;");
    return st;
}

QString renderPredicate(const SelectByNode &node, const config::AttributesSection &attributes)
{
    switch (node.kind) {
    case SelectByNode::Kind::Attribute: {
        const AttributeDef *def = attributes.find(node.name);
        return QStringLiteral("(%1=?)").arg(def ? def->column.text : node.name);
    }
    case SelectByNode::Kind::And:
        return renderPredicate(node.children.at(0), attributes) + QStringLiteral(" AND ")
               + renderPredicate(node.children.at(1), attributes);
    case SelectByNode::Kind::Or:
        return renderPredicate(node.children.at(0), attributes) + QStringLiteral(" OR ")
               + renderPredicate(node.children.at(1), attributes);
    case SelectByNode::Kind::Not:
        return QStringLiteral("NOT ") + renderPredicate(node.children.at(0), attributes);
    case SelectByNode::Kind::Group:
        return QLatin1Char('(') + renderPredicate(node.children.at(0), attributes) + QLatin1Char(')');
    }
    return {};
}

ImportStatements buildImportStatements(const AgentConfig &config, const SqlDialect &dialect)
{
    const config::ImportSection &imp = config.importSection;
    const config::AttributesSection &attrs = config.attributes;
    ImportStatements st;
    const QString table = imp.table.value;
    const QString primary = imp.primaryTable.isEmpty() ? table : imp.primaryTable;

    st.importAbbreviations = importColumns(config, false);
    st.dummySelect = QStringLiteral("SELECT %1 FROM %2").arg(columnList(st.importAbbreviations, attrs), table);

    QString where;
    if (imp.selectByTree) {
        where = renderPredicate(*imp.selectByTree, attrs);
        for (const config::NameRef &n : imp.selectByAttributes)
            st.whereParams.append(n.name);
        for (const QString &name : distinctAttributes(*imp.selectByTree)) {
            if (attrs.find(name))
                st.selectAbbreviations.append(name);
        }
    }
    QStringList modify;
    appendDefined(modify, imp.modify.value, attrs);
    for (const QString &m : modify) {
        if (!containsName(st.selectAbbreviations, m))
            st.selectAbbreviations.append(m);
    }
    st.select = QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(columnList(st.selectAbbreviations, attrs), table, where);

    const QList<UpdatePart> updates = buildUpdate(config, dialect, modify);
    QStringList updateTexts;
    for (const UpdatePart &u : updates) {
        updateTexts.append(u.sql);
        st.updateParams += u.params;
    }
    st.update = updateTexts.join(QLatin1Char('\n'));
    st.insert = buildInsert(config, dialect, insertableAttributes(config), &st.insertParams);
    st.remove = QStringLiteral("DELETE FROM %1 WHERE %2").arg(primary, where);
    return st;
}

namespace {

QString selectByWhere(const AgentConfig &config)
{
    return config.importSection.selectByTree ? renderPredicate(*config.importSection.selectByTree, config.attributes)
                                             : QString();
}

QStringList whereParameters(const AgentConfig &config)
{
    QStringList params;
    for (const config::NameRef &n : config.importSection.selectByAttributes)
        params.append(n.name);
    return params;
}

}  // namespace

QList<UpdatePart> buildUpdate(const AgentConfig &config, const SqlDialect &dialect, const QStringList &modify)
{
    const config::ImportSection &imp = config.importSection;
    const config::AttributesSection &attrs = config.attributes;
    const QString where = selectByWhere(config);
    const QString identity = dialect.rowIdentity();
    // One table, or a join the dialect updates as written: one UPDATE. Otherwise one per table of a Modify
    // column, the rows chosen by their identity through the join.
    const bool perTable = imp.isJoin && !identity.isEmpty();
    auto tableOf = [&](const AttributeDef *def) {
        return def->column.tableName().isEmpty() ? imp.primaryTable : def->column.tableName();
    };
    QStringList tables;
    for (const QString &m : modify) {
        const AttributeDef *def = attrs.find(m);
        const QString table = !def ? QString() : perTable ? tableOf(def) : imp.table.value;
        if (def && !containsName(tables, table))
            tables.append(table);
    }
    QList<UpdatePart> parts;
    for (const QString &table : tables) {
        UpdatePart part;
        QStringList sets;
        for (const QString &m : modify) {
            const AttributeDef *def = attrs.find(m);
            if (!def || (perTable && tableOf(def).compare(table, Qt::CaseInsensitive) != 0))
                continue;
            const bool qualified = !perTable && dialect.qualifiedSetColumns;
            sets.append((qualified ? def->column.text : def->column.columnName()) + QStringLiteral("=?"));
            part.params.append(m);
        }
        part.sql = perTable ? QStringLiteral("UPDATE %1 SET %2 WHERE %3 IN (SELECT %1.%3 FROM %4 WHERE %5)")
                                  .arg(table, sets.join(QStringLiteral(", ")), identity, imp.table.value, where)
                            : QStringLiteral("UPDATE %1 SET %2 WHERE %3").arg(table, sets.join(QStringLiteral(", ")), where);
        part.params += whereParameters(config);
        parts.append(part);
    }
    return parts;
}

QString buildLocateMany(const AgentConfig &config, int count)
{
    const QString one = selectByWhere(config);
    QStringList predicates;
    for (int i = 0; i < count; ++i)
        predicates.append(QLatin1Char('(') + one + QLatin1Char(')'));
    return buildLocateWhere(config, predicates.join(QStringLiteral(" OR ")));
}

QString buildLocateWhere(const AgentConfig &config, const QString &where)
{
    const ImportStatements st = buildImportStatements(config);
    return QStringLiteral("SELECT %1 FROM %2 WHERE %3")
        .arg(columnList(st.selectAbbreviations, config.attributes), config.importSection.table.value, where);
}

QStringList insertableAttributes(const AgentConfig &config)
{
    return importColumns(config, true);
}

namespace {

// The column list and one VALUES tuple of an INSERT of the given attributes.
QPair<QString, QString> insertParts(const AgentConfig &config, const SqlDialect &dialect, const QStringList &attributes,
                                    QStringList *params)
{
    QStringList names;
    QStringList values;
    for (const QString &a : insertableAttributes(config)) {
        QString value;
        for (const config::AutoSequence &seq : config.importSection.autos.value) {
            if (seq.attribute.name.compare(a, Qt::CaseInsensitive) == 0)
                value = dialect.sequenceNextValue(seq.sequence);
        }
        if (value.isEmpty()) {
            if (!containsName(attributes, a))
                continue;
            value = QStringLiteral("?");
            if (params)
                params->append(a);
        }
        names.append(config.attributes.find(a)->column.columnName());
        values.append(value);
    }
    return {names.join(QStringLiteral(", ")), QLatin1Char('(') + values.join(QStringLiteral(", ")) + QLatin1Char(')')};
}

QString primaryTable(const AgentConfig &config)
{
    const config::ImportSection &imp = config.importSection;
    return imp.primaryTable.isEmpty() ? imp.table.value : imp.primaryTable;
}

}  // namespace

QString buildInsert(const AgentConfig &config, const SqlDialect &dialect, const QStringList &attributes, QStringList *params)
{
    const auto [names, tuple] = insertParts(config, dialect, attributes, params);
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3").arg(primaryTable(config), names, tuple);
}

QString buildInsertRows(const AgentConfig &config, const SqlDialect &dialect, const QStringList &attributes, int rows)
{
    const auto [names, tuple] = insertParts(config, dialect, attributes, nullptr);
    QStringList tuples;
    for (int i = 0; i < rows; ++i)
        tuples.append(tuple);
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3").arg(primaryTable(config), names, tuples.join(QStringLiteral(", ")));
}

QString buildUpdateRows(const AgentConfig &config, const SqlDialect &dialect, const QStringList &modify, int rows,
                        const QHash<QString, QString> &casts)
{
    const bool joined = dialect.kind == SqlDialect::Kind::MariaDb;
    int column = 0;
    QStringList marks;  // the parameter of each VALUES column: "?", or cast where the dialect casts inside
    auto value = [&](const QString &abbreviation) {
        const QString v = QStringLiteral("v.column%1").arg(++column);
        const QString type = casts.value(abbreviation.toUpper());
        marks.append(joined && !type.isEmpty() ? QStringLiteral("CAST(? AS %1)").arg(type) : QStringLiteral("?"));
        return type.isEmpty() || joined ? v : QStringLiteral("CAST(%1 AS %2)").arg(v, type);
    };
    QStringList sets;
    for (const QString &m : modify) {
        const config::ColumnIdentifier &c = config.attributes.find(m)->column;
        sets.append((joined ? c.text : c.columnName()) + QLatin1Char('=') + value(m));
    }
    QStringList matches;
    for (const config::NameRef &n : config.importSection.selectByAttributes)
        matches.append(config.attributes.find(n.name)->column.text + QLatin1Char('=') + value(n.name));
    if (joined) {
        QStringList first;
        for (int i = 1; i <= column; ++i)
            first.append(QStringLiteral("%1 AS column%2").arg(marks.at(i - 1)).arg(i));
        QStringList selects{QStringLiteral("SELECT ") + first.join(QStringLiteral(", "))};
        const QString other = QStringLiteral("SELECT ") + marks.join(QStringLiteral(", "));
        for (int i = 1; i < rows; ++i)
            selects.append(other);
        return QStringLiteral("UPDATE %1 JOIN (%2) AS v ON %3 SET %4")
            .arg(config.importSection.table.value, selects.join(QStringLiteral(" UNION ALL ")),
                 matches.join(QStringLiteral(" AND ")), sets.join(QStringLiteral(", ")));
    }
    const QString tuple = QLatin1Char('(') + QStringList(column, QStringLiteral("?")).join(QStringLiteral(", ")) + QLatin1Char(')');
    QStringList tuples;
    for (int i = 0; i < rows; ++i)
        tuples.append(tuple);
    return QStringLiteral("UPDATE %1 SET %2 FROM (VALUES %3) AS v WHERE %4")
        .arg(config.importSection.table.value, sets.join(QStringLiteral(", ")), tuples.join(QStringLiteral(", ")),
             matches.join(QStringLiteral(" AND ")));
}

QString buildDeleteRows(const AgentConfig &config, int rows)
{
    QStringList predicates;
    for (int i = 0; i < rows; ++i)
        predicates.append(QLatin1Char('(') + selectByWhere(config) + QLatin1Char(')'));
    return QStringLiteral("DELETE FROM %1 WHERE %2").arg(primaryTable(config), predicates.join(QStringLiteral(" OR ")));
}

QList<RelationshipStatements> buildRelationshipStatements(const AgentConfig &config, const SqlDialect &dialect)
{
    const config::ImportSection &imp = config.importSection;
    const QString where = selectByWhere(config);
    QList<RelationshipStatements> out;
    for (const config::Relationship &r : imp.relationships.value) {
        const AttributeDef *referencing = config.attributes.find(r.referencing.name);
        const AttributeDef *referenced = config.attributes.find(r.referenced.name);
        if (!referencing || !referenced)
            continue;
        RelationshipStatements st;
        st.referencing = r.referencing.name;
        st.referenced = r.referenced.name;
        st.referencedSelect = QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(referenced->column.text, imp.table.value, where);
        const QString table = referencing->column.tableName();
        const QString set = dialect.qualifiedSetColumns ? referencing->column.text : referencing->column.columnName();
        st.nullify = QStringLiteral("UPDATE %1 SET %2=NULL WHERE %3=?").arg(table, set, referencing->column.text);
        out.append(st);
    }
    return out;
}

ProcedureStatement buildProcedureCall(const config::ProcedureDecl &procedure)
{
    ProcedureStatement st;
    QStringList marks;
    for (const config::ProcedureParam &p : procedure.params) {
        marks.append(QStringLiteral("?"));
        st.params.append(p.tag);
    }
    const QString call = QStringLiteral("CALL %1(%2)").arg(procedure.procedureName, marks.join(QStringLiteral(", ")));
    st.nativeCall = call;
    if (procedure.returnTag.isEmpty()) {
        st.call = QLatin1Char('{') + call + QLatin1Char('}');
    } else {
        st.call = QStringLiteral("{? = ") + call + QLatin1Char('}');
        st.selectCall = QStringLiteral("SELECT %1(%2)").arg(procedure.procedureName, marks.join(QStringLiteral(", ")));
        st.params.prepend(procedure.returnTag);
    }
    return st;
}

QString describeStatements(const AgentConfig &config, const SqlDialect &dialect)
{
    QString out;
    if (config.exportSection.present) {
        out += QStringLiteral("[export]\nSELECT statement\n%1\n")
                   .arg(buildExportSelect(config, dialect, defaultExportOrder(config)).select);
    }
    if (config.importSection.present) {
        const ImportStatements st = buildImportStatements(config, dialect);
        out += QStringLiteral("[import]\n");
        out += QStringLiteral("dummy SELECT statement\n%1\n").arg(st.dummySelect);
        out += QStringLiteral("SELECT statement\n%1\n").arg(st.select);
        out += QStringLiteral("UPDATE statement\n%1\n").arg(st.update);
        out += QStringLiteral("INSERT statement\n%1\n").arg(st.insert);
        out += QStringLiteral("DELETE statement\n%1\n").arg(st.remove);
    }
    if (config.procedures.present) {
        out += QStringLiteral("[procedures]\n");
        for (const config::NameRef &id : config.procedures.procedure.value) {
            if (const config::ProcedureDecl *decl = config.procedures.find(id.name))
                out += QStringLiteral("CALL statement (%1)\n%2\n").arg(decl->id, buildProcedureCall(*decl).call);
        }
    }
    return out;
}

}  // namespace oas::sql
