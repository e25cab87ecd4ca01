// Checks that need more than one field: defined abbreviations, overlaps, mandatory fields, section order.
#include "SectionParsers.h"

#include "../sql/Substitution.h"

#include <QSet>

namespace oas::config {

namespace {

class Checker {
public:
    Checker(const AgentConfig &config, ParseContext &ctx) : m_config(config), m_ctx(ctx) {}

    void run(Operation operation)
    {
        checkSections(operation);
        checkDatabase();
        checkExport();
        checkImport();
        checkProcedures();
        checkEncrypted();
    }

private:
    const AttributeDef *defined(const NameRef &ref)
    {
        const AttributeDef *def = m_config.attributes.find(ref.name);
        if (!def)
            m_ctx.error(ref.pos, QStringLiteral("undefined attribute abbreviation %1").arg(ref.name));
        return def;
    }

    void checkList(const Setting<NameList> &list, const QString &field)
    {
        QSet<QString> seen;  // case-folded: a list of a million names is checked in linear time
        for (const NameRef &ref : list.value) {
            defined(ref);
            const QString folded = ref.name.toCaseFolded();
            if (seen.contains(folded))
                m_ctx.warning(ref.pos, QStringLiteral("%1 is listed twice in %2").arg(ref.name, field));
            else
                seen.insert(folded);
        }
    }

    static bool contains(const NameList &list, const QString &name)
    {
        for (const NameRef &r : list) {
            if (r.name.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }

    void requireField(Section sectionId, const SourcePos &header, const QString &field, const QString &section,
                      const QString &why = {})
    {
        if (!m_ctx.wasWritten(sectionId, field))
            m_ctx.error(header, QStringLiteral("missing %1 field in %2 section%3").arg(field, section, why));
    }

    void checkSections(Operation operation)
    {
        const AgentConfig &c = m_config;
        if (!c.database.present)
            m_ctx.fileError(QStringLiteral("missing database section"));
        // With [procedures] the import takes its parameters by tag: [import] only lends SQLExecDirect,
        // ChangeType and Exceptions, and no attributes are needed for it.
        const bool tableImport = c.importSection.present && !c.procedures.present;
        const bool needsAttributes = c.exportSection.present || tableImport;
        if (needsAttributes && !c.attributes.present)
            m_ctx.fileError(QStringLiteral("missing attributes section"));
        if (c.attributes.present) {
            for (const auto &[present, pos, name] :
                 {std::tuple{c.exportSection.present, c.exportSection.headerPos, QStringLiteral("export")},
                  std::tuple{c.importSection.present, c.importSection.headerPos, QStringLiteral("import")}}) {
                if (present && pos.line < c.attributes.headerPos.line)
                    m_ctx.error(pos, QStringLiteral("attributes section must precede the %1 section").arg(name));
            }
        }
        if (operation == Operation::Export && !c.exportSection.present)
            m_ctx.fileError(QStringLiteral("missing export section"));
        if (operation == Operation::Import && !c.importSection.present && !c.procedures.present)
            m_ctx.fileError(QStringLiteral("missing import section (or procedures section)"));
        if (operation == Operation::Any && !c.exportSection.present && !c.importSection.present
            && !c.procedures.present)
            m_ctx.fileWarning(QStringLiteral("no export, import or procedures section: nothing to run"));
    }

    void checkDatabase()
    {
        const DatabaseSection &db = m_config.database;
        if (!db.present)
            return;
        for (const DatabaseField &f : db.driverFields) {
            for (const char *key : {"DSN", "DRIVER", "FILEDSN"}) {
                if (f.key.compare(QLatin1String(key), Qt::CaseInsensitive) == 0)
                    return;
            }
        }
        m_ctx.error(db.headerPos, QStringLiteral("missing DSN field in database section (or DRIVER for a "
                                                 "connection without a data source name)"));
    }

    void checkExport()
    {
        const ExportSection &e = m_config.exportSection;
        if (!e.present)
            return;
        requireField(Section::Export, e.headerPos, QStringLiteral("Select"), QStringLiteral("export"));
        requireField(Section::Export, e.headerPos, QStringLiteral("From"), QStringLiteral("export"));
        if (e.mode.value != ExportMode::Full)
            requireField(Section::Export, e.headerPos, QStringLiteral("Keys"), QStringLiteral("export"),
                         QStringLiteral(" (needed for a delta export)"));
        checkList(e.select, QStringLiteral("Select"));
        // An abbreviation spelled like a table or correlation name of From: kept where it is the correlation
        // name ("AS Boss"), replaced anywhere else in From and Where - rarely what was meant.
        const QStringList names = sql::fromNames(e.from.value);
        for (const AttributeDef &a : m_config.attributes.attributes) {
            for (const QString &name : names) {
                if (a.abbreviation.compare(name, Qt::CaseInsensitive) == 0)
                    m_ctx.warning(e.from.pos, QStringLiteral("abbreviation %1 is spelled like the table or correlation name %2 of "
                                                             "From: it is replaced by %3 in From and Where except where it "
                                                             "stands as a correlation name").arg(a.abbreviation, name, a.column.text));
            }
        }
        checkList(e.keys, QStringLiteral("Keys"));
        checkList(e.saveAttr, QStringLiteral("SaveAttr"));
        for (const NameRef &s : e.saveAttr.value) {
            if (contains(e.keys.value, s.name))
                m_ctx.error(s.pos, QStringLiteral("%1 cannot be in both Keys and SaveAttr").arg(s.name));
        }
        if (e.sortControl.value.size() > e.keys.value.size())
            m_ctx.error(e.sortControl.pos, QStringLiteral("SortControl has %1 forms but Keys has %2 attributes")
                                               .arg(e.sortControl.value.size())
                                               .arg(e.keys.value.size()));
    }

    void checkImport()
    {
        const ImportSection &i = m_config.importSection;
        if (!i.present)
            return;
        const QString section = QStringLiteral("import");
        if (m_config.procedures.present && !i.table.present && !i.selectBy.present)
            return;  // the procedure mode's [import]: only its general fields
        requireField(Section::Import, i.headerPos, QStringLiteral("Table"), section);
        requireField(Section::Import, i.headerPos, QStringLiteral("SelectBy"), section);
        requireField(Section::Import, i.headerPos, QStringLiteral("Modify"), section);
        checkList(i.modify, QStringLiteral("Modify"));
        QStringList naming;
        for (const NameRef &ref : i.selectByAttributes) {
            const AttributeDef *def = defined(ref);
            naming.append(ref.name);
            if (def && i.isJoin && !def->column.isExpression && !def->column.tableName().isEmpty()
                && def->column.tableName().compare(i.primaryTable, Qt::CaseInsensitive) != 0)
                m_ctx.error(ref.pos, QStringLiteral("naming attribute %1 is not a column of the primary table %2")
                                         .arg(ref.name, i.primaryTable));
        }
        for (const NameRef &m : i.modify.value) {
            if (naming.contains(m.name, Qt::CaseInsensitive))
                m_ctx.error(m.pos, QStringLiteral("naming attribute %1 cannot be in Modify").arg(m.name));
            const AttributeDef *def = m_config.attributes.find(m.name);
            if (def && def->column.isExpression)
                m_ctx.error(m.pos, QStringLiteral("%1 is an expression and cannot be in Modify").arg(m.name));
        }
        for (const Relationship &r : i.relationships.value) {
            defined(r.referencing);
            defined(r.referenced);
        }
        for (const AutoSequence &a : i.autos.value)
            defined(a.attribute);
    }

    void checkProcedures()
    {
        const ProceduresSection &p = m_config.procedures;
        if (!p.present)
            return;
        requireField(Section::Procedures, p.headerPos, QStringLiteral("Procedure"), QStringLiteral("procedures"));
        if (!m_ctx.wasWritten(Section::Procedures, QStringLiteral("(declaration)")))
            m_ctx.error(p.headerPos, QStringLiteral("missing procedure declaration in procedures section"));
        for (const NameRef &id : p.procedure.value) {
            if (!p.find(id.name) && !m_ctx.wasWritten(Section::Procedures, id.name))
                m_ctx.error(id.pos, QStringLiteral("procedure %1 is not declared").arg(id.name));
        }
    }

    void checkEncrypted()
    {
        for (const NameRef &ref : m_config.encryptedAttributes.attributes) {
            if (m_config.attributes.find(ref.name))
                continue;
            bool isTag = false;
            for (const ProcedureDecl &d : m_config.procedures.declarations) {
                for (const ProcedureParam &param : d.params)
                    isTag = isTag || param.tag.compare(ref.name, Qt::CaseInsensitive) == 0;
            }
            if (!isTag)
                m_ctx.warning(ref.pos, QStringLiteral("encrypted attribute %1 is neither an attribute abbreviation "
                                                      "nor a procedure tag")
                                           .arg(ref.name));
        }
    }

    const AgentConfig &m_config;
    ParseContext &m_ctx;
};

}  // namespace

void checkSemantics(AgentConfig &config, ParseContext &ctx, Operation operation)
{
    Checker(config, ctx).run(operation);
}

}  // namespace oas::config
