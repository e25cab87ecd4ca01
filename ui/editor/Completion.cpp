#include "Completion.h"

#include "config/Keywords.h"

#include <QRegularExpression>

namespace oas::ui {

namespace {

std::optional<config::Section> sectionAt(const QStringList &lines, int line)
{
    for (int l = std::min(line, int(lines.size()) - 1); l >= 0; --l) {
        const QString t = lines.at(l).trimmed();
        if (t.startsWith(QLatin1Char('[')) && t.contains(QLatin1Char(']'))) {
            const config::SectionSpec *s = config::findSection(t.mid(1, t.indexOf(QLatin1Char(']')) - 1).trimmed());
            return s ? std::optional(s->section) : std::nullopt;
        }
    }
    return std::nullopt;
}

QStringList withPrefix(const QStringList &all, const QString &prefix)
{
    QStringList out;
    for (const QString &s : all) {
        if (s.startsWith(prefix, Qt::CaseInsensitive) && s.compare(prefix, Qt::CaseInsensitive) != 0)
            out.append(s);
    }
    return out;
}

QStringList valuesFor(const QString &field, const config::AgentConfig &config)
{
    static const QStringList booleans = {QStringLiteral("TRUE"), QStringLiteral("FALSE")};
    const QString f = field.toLower();
    if (f == QLatin1String("mode"))
        return {QStringLiteral("full"), QStringLiteral("delta"), QStringLiteral("delta-or-full")};
    if (f == QLatin1String("createifabsent") || f == QLatin1String("insertonly") || f == QLatin1String("alwaysfollowreferences")
        || f == QLatin1String("modifyanyway") || f == QLatin1String("sqlexecdirect") || f == QLatin1String("8bit")
        || f == QLatin1String("keepemptystrings"))
        return booleans;
    if (f == QLatin1String("trace") || f == QLatin1String("traceflow"))
        return {QStringLiteral("0"), QStringLiteral("1")};
    if (f == QLatin1String("tracelevel")) {
        QStringList names;
        for (const config::TraceLevelName &n : config::traceLevelNames())
            names.append(n.name);
        return names;
    }
    if (f == QLatin1String("sortcontrol"))
        return {QStringLiteral("Integer"), QStringLiteral("Numeric"), QStringLiteral("CaseIgnore"), QStringLiteral("CaseSensitive")};
    if (f == QLatin1String("encoding"))
        return {QStringLiteral("ISO-8859-1"), QStringLiteral("UTF-8")};
    if (f == QLatin1String("from") || f == QLatin1String("table")) {
        // Table names (the attributes' tables) and the words of a join, not abbreviations.
        QStringList names;
        for (const config::AttributeDef &a : config.attributes.attributes) {
            const QString column = a.column.text;
            const qsizetype dot = column.lastIndexOf(QLatin1Char('.'));
            if (dot > 0 && !names.contains(column.left(dot)))
                names.append(column.left(dot));
        }
        names << QStringLiteral("JOIN") << QStringLiteral("LEFT JOIN") << QStringLiteral("ON") << QStringLiteral("AS");
        return names;
    }
    static const QStringList usesAbbreviations = {"select", "keys", "saveattr", "where", "modify", "selectby",
                                                  "relationships", "autos"};
    if (usesAbbreviations.contains(f)) {
        QStringList names;
        for (const config::AttributeDef &a : config.attributes.attributes)
            names.append(a.abbreviation);
        return names;
    }
    return {};
}

}  // namespace

QString fieldAt(const QStringList &lines, int line)
{
    if (line < 0 || line >= lines.size())
        return {};
    const QString text = lines.at(line);
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (text.startsWith(QLatin1Char('#')) || eq <= 0)
        return {};
    const std::optional<config::Section> section = sectionAt(lines, line);
    if (!section)
        return {};
    const config::FieldSpec *spec = config::findField(*section, text.left(eq).trimmed());
    return spec ? spec->name : QString();
}

Completion completionsAt(const QStringList &lines, int line, int column, const config::AgentConfig &config,
                         const QStringList &databaseColumns)
{
    Completion c;
    if (line < 0 || line >= lines.size())
        return c;
    const QString before = lines.at(line).left(column);
    if (before.startsWith(QLatin1Char('#')))
        return c;
    const QString leading = before.trimmed();
    if (leading.startsWith(QLatin1Char('[')) && !leading.contains(QLatin1Char(']'))) {
        const QString prefix = leading.mid(1);
        QStringList names;
        for (const config::SectionSpec &s : config::sectionSpecs())
            names.append(s.name);
        c.candidates = withPrefix(names, prefix);
        c.prefixLength = int(prefix.size());
        return c;
    }
    const qsizetype eq = before.indexOf(QLatin1Char('='));
    if (eq < 0) {
        const std::optional<config::Section> section = sectionAt(lines, line);
        if (!section)
            return c;
        QStringList names;
        if (*section == config::Section::Database)
            names = {"DSN", "DRIVER", "Server", "Port", "Database", "UID", "PWD", "User", "Password"};
        for (const config::FieldSpec &f : config::fieldsOf(*section))
            if (!names.contains(f.name))
                names.append(f.name);
        c.candidates = withPrefix(names, leading);
        c.prefixLength = int(leading.size());
        for (QString &name : c.candidates)
            name += QLatin1Char('=');
        return c;
    }
    static const QRegularExpression lastWord(QStringLiteral("[\\w-]*$"));
    static const QRegularExpression lastName(QStringLiteral("[\\w.\"\\[\\] ]*$"));  // Table.Col, "Order Details".X
    const QString value = before.mid(eq + 1);
    if (sectionAt(lines, line) == config::Section::Attributes) {
        // An attribute's column: the database's names once checked.
        const QString prefix = lastName.match(value).captured().trimmed();
        c.candidates = withPrefix(databaseColumns, prefix);
        c.prefixLength = int(prefix.size());
        return c;
    }
    QString field = before.left(eq).trimmed();
    if (const QString canonical = fieldAt(lines, line); !canonical.isEmpty())
        field = canonical;
    QStringList values = valuesFor(field, config);
    QString prefix = lastWord.match(value).captured();
    if (field.compare(QLatin1String("Where"), Qt::CaseInsensitive) == 0) {
        static const QRegularExpression dotted(QStringLiteral("[\\w.]*$"));
        prefix = dotted.match(value).captured();  // abbreviations, or Table.Column
        values += databaseColumns;
    }
    c.candidates = withPrefix(values, prefix);
    c.prefixLength = int(prefix.size());
    return c;
}

QString fieldHelp(const QString &field)
{
    static const QHash<QString, QString> help = {
        {"version", QObject::tr("The version of the configuration format (1.00-1.06); fields newer than it are errors.")},
        {"mode", QObject::tr("full: export every row. delta: only the changes since the reference file. delta-or-full: a delta when a usable reference file exists, else a full export.")},
        {"select", QObject::tr("The attributes to export, by abbreviation, in the order of the records.")},
        {"keys", QObject::tr("The attributes that identify a row for delta exports; a changed key is a delete and an add.")},
        {"saveattr", QObject::tr("Attributes kept in the reference file and written with delete records.")},
        {"from", QObject::tr("The table, or tables and joins, the export reads.")},
        {"where", QObject::tr("A fixed condition for the exported rows; abbreviations may stand for columns.")},
        {"maxrows", QObject::tr("At most this many rows are exported.")},
        {"referencepath", QObject::tr("The folder of the delta reference files.")},
        {"newreferencefile", QObject::tr("Written by the agent: the reference file of the last export.")},
        {"sortcontrol", QObject::tr("How each key compares: Integer, Numeric, CaseIgnore or CaseSensitive.")},
        {"table", QObject::tr("The table the import writes, or a join whose first table takes inserts and deletes.")},
        {"selectby", QObject::tr("How a record finds its row: abbreviations joined by & (and), | (or), ! (not).")},
        {"modify", QObject::tr("The attributes an import may change in an existing row.")},
        {"createifabsent", QObject::tr("TRUE (default): a record whose row is missing creates it.")},
        {"exceptions", QObject::tr("The file that receives the records that could not be imported (default except.txt).")},
        {"insertonly", QObject::tr("TRUE: only create rows; a record whose row exists is an exception.")},
        {"changetype", QObject::tr("The name of the attribute that says add, modify or delete (default ChangeType).")},
        {"relationships", QObject::tr("referencing=>referenced pairs: references to a deleted row are set to NULL.")},
        {"alwaysfollowreferences", QObject::tr("TRUE: nullify the Relationships before every delete, even without database enforcement.")},
        {"modifyanyway", QObject::tr("TRUE: compare with the stored row and skip updates that change nothing.")},
        {"autos", QObject::tr("attribute(sequence): new rows take their value from the sequence.")},
        {"setoptions", QObject::tr("SET statements run once before the import, separated by ;.")},
        {"trace", QObject::tr("1: write the trace file.")},
        {"tracelevel", QObject::tr("What the trace shows: SQL, Summary, FailSummary, Stats, Columns, RefData, ODBC, ...")},
        {"tracefile", QObject::tr("The trace file; without a suffix, numbered files rotate.")},
        {"encoding", QObject::tr("The data files' encoding: ISO-8859-1 (default) or UTF-8.")},
        {"8bit", QObject::tr("TRUE: write characters beyond ASCII as they are instead of \\xhh escapes.")},
        {"keepemptystrings", QObject::tr("TRUE: an empty string is written and read as \\E, apart from NULL (ours; default FALSE, the manual's empty value for both).")},
        {"dateformat", QObject::tr("How dates are written in data files, e.g. YYYY-MM-DD or DD-MON-YYYY.")},
        {"datahash", QObject::tr("Bytes of the row hash in reference files (4-16, default 8).")},
        {"recordseparator", QObject::tr("The line that starts a record (default row:).")},
    };
    return help.value(field.toLower());
}

}  // namespace oas::ui
