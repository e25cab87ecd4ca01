#include "Keywords.h"

namespace oas::config {

const QList<SectionSpec> &sectionSpecs()
{
    static const QList<SectionSpec> specs = {
        {Section::Version, QStringLiteral("Version"), OldVersion, false},
        {Section::Attributes, QStringLiteral("Attributes"), OldVersion, true},
        {Section::Database, QStringLiteral("Database"), OldVersion, true},
        {Section::Import, QStringLiteral("Import"), OldVersion, false},
        {Section::Export, QStringLiteral("Export"), OldVersion, false},
        {Section::Procedures, QStringLiteral("Procedures"), 104, true},
        {Section::EncryptedAttributes, QStringLiteral("EncryptedAttributes"), 104, true},
        {Section::Control, QStringLiteral("Control"), OldVersion, false},
    };
    return specs;
}

const SectionSpec *findSection(const QString &name)
{
    for (const SectionSpec &s : sectionSpecs()) {
        if (s.name.compare(name, Qt::CaseInsensitive) == 0)
            return &s;
    }
    return nullptr;
}

const QList<FieldSpec> &fieldSpecs()
{
    static const QList<FieldSpec> specs = {
        {Section::Version, QStringLiteral("Version"), OldVersion},

        {Section::Database, QStringLiteral("User"), 104},
        {Section::Database, QStringLiteral("Password"), 104},

        {Section::Export, QStringLiteral("Mode"), OldVersion},
        {Section::Export, QStringLiteral("Select"), OldVersion},
        {Section::Export, QStringLiteral("Keys"), OldVersion},
        {Section::Export, QStringLiteral("SaveAttr"), OldVersion},
        {Section::Export, QStringLiteral("From"), OldVersion},
        {Section::Export, QStringLiteral("Where"), OldVersion},
        {Section::Export, QStringLiteral("MaxRows"), OldVersion},
        {Section::Export, QStringLiteral("ReferencePath"), OldVersion},
        {Section::Export, QStringLiteral("NewReferenceFile"), 101},
        {Section::Export, QStringLiteral("SortControl"), OldVersion},

        {Section::Import, QStringLiteral("Table"), OldVersion},
        {Section::Import, QStringLiteral("SelectBy"), OldVersion},
        {Section::Import, QStringLiteral("Modify"), OldVersion},
        {Section::Import, QStringLiteral("CreateIfAbsent"), OldVersion},
        {Section::Import, QStringLiteral("Exceptions"), OldVersion},
        {Section::Import, QStringLiteral("InsertOnly"), OldVersion},
        {Section::Import, QStringLiteral("ChangeType"), OldVersion},
        {Section::Import, QStringLiteral("Relationships"), OldVersion},
        {Section::Import, QStringLiteral("AlwaysFollowReferences"), OldVersion},
        {Section::Import, QStringLiteral("ModifyAnyway"), OldVersion},
        {Section::Import, QStringLiteral("Autos"), 103},
        {Section::Import, QStringLiteral("SQLExecDirect"), 105},
        {Section::Import, QStringLiteral("SETOPTIONS"), 106},

        {Section::Procedures, QStringLiteral("Procedure"), 104},

        {Section::Control, QStringLiteral("RecordSeparator"), OldVersion},
        {Section::Control, QStringLiteral("Trace"), 100},
        {Section::Control, QStringLiteral("TraceLevel"), OldVersion},
        {Section::Control, QStringLiteral("TraceFile"), OldVersion},
        {Section::Control, QStringLiteral("MaxTraceFiles"), OldVersion},
        {Section::Control, QStringLiteral("MaxTraceFileSize"), OldVersion},
        {Section::Control, QStringLiteral("TraceFlow"), OldVersion},
        {Section::Control, QStringLiteral("8bit"), OldVersion},
        {Section::Control, QStringLiteral("DataHash"), OldVersion},
        {Section::Control, QStringLiteral("DateFormat"), OldVersion},
        {Section::Control, QStringLiteral("Encoding"), OldVersion},  // ours (DECISIONS.md 9)
        {Section::Control, QStringLiteral("KeepEmptyStrings"), OldVersion},  // ours (DECISIONS.md 15)
    };
    return specs;
}

const FieldSpec *findField(Section section, const QString &name)
{
    // The manual itself calls MaxTraceFileSize "MaxTraceSize" twice; accept that spelling too.
    const QString key = (section == Section::Control
                         && name.compare(QLatin1String("MaxTraceSize"), Qt::CaseInsensitive) == 0)
                            ? QStringLiteral("MaxTraceFileSize")
                            : name;
    for (const FieldSpec &f : fieldSpecs()) {
        if (f.section == section && f.name.compare(key, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

QList<FieldSpec> fieldsOf(Section section)
{
    QList<FieldSpec> result;
    for (const FieldSpec &f : fieldSpecs()) {
        if (f.section == section)
            result.append(f);
    }
    return result;
}

const QList<TraceLevelName> &traceLevelNames()
{
    static const QList<TraceLevelName> names = {
        {TraceLevel::ConnectAttributes, QStringLiteral("ConnectAttributes"), QStringLiteral("CA")},
        {TraceLevel::FailSummary, QStringLiteral("FailSummary"), QStringLiteral("FS")},
        {TraceLevel::Odbc, QStringLiteral("ODBC"), QString()},
        {TraceLevel::Sql, QStringLiteral("SQL"), QString()},
        {TraceLevel::Summary, QStringLiteral("Summary"), QStringLiteral("S")},
        {TraceLevel::Warnings, QStringLiteral("Warnings"), QStringLiteral("W")},
        {TraceLevel::Columns, QStringLiteral("Columns"), QStringLiteral("Cols")},
        {TraceLevel::RefData, QStringLiteral("RefData"), QStringLiteral("Ref")},
        {TraceLevel::Statistics, QStringLiteral("Statistics"), QStringLiteral("Stats")},
        {TraceLevel::AllProcedures, QStringLiteral("AllProcedures"), QStringLiteral("AP")},
        {TraceLevel::ProcedureCharacteristics, QStringLiteral("ProcedureCharacteristics"), QStringLiteral("PC")},
        {TraceLevel::ProcedureReturns, QStringLiteral("ProcedureReturns"), QStringLiteral("PR")},
    };
    return names;
}

std::optional<TraceLevel> findTraceLevel(const QString &word)
{
    for (const TraceLevelName &t : traceLevelNames()) {
        if (t.name.compare(word, Qt::CaseInsensitive) == 0
            || (!t.abbreviation.isEmpty() && t.abbreviation.compare(word, Qt::CaseInsensitive) == 0))
            return t.level;
    }
    return std::nullopt;
}

}  // namespace oas::config
