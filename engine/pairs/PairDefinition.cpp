#include "PairDefinition.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace oas::pairs {

namespace {

struct Problems {
    config::Diagnostics &list;
    QString file;
    void error(int line, const QString &message) { add(config::Severity::Error, line, message); }
    void warning(int line, const QString &message) { add(config::Severity::Warning, line, message); }
    void add(config::Severity severity, int line, const QString &message)
    {
        config::Diagnostic d;
        d.severity = severity;
        d.file = file;
        d.pos.line = line;
        d.message = message;
        list.append(d);
    }
};

std::optional<FieldType> typeOf(const QString &name)
{
    const QString upper = name.trimmed().toUpper();
    if (upper == QLatin1String("CHAR"))
        return FieldType::Char;
    if (upper == QLatin1String("TYPE_DATE"))
        return FieldType::Date;
    if (upper == QLatin1String("DECIMAL"))
        return FieldType::Decimal;
    if (upper == QLatin1String("NUMERIC"))
        return FieldType::Numeric;
    return std::nullopt;
}

// One CSV line: fields separated by commas, optionally in double quotes ("" inside for a quote), blanks
// around a field ignored. nullopt when a quote is not closed.
std::optional<QStringList> splitCsvLine(const QString &line)
{
    QStringList fields;
    QString current;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                current += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == QLatin1Char('"') && current.trimmed().isEmpty()) {
            quoted = wasQuoted = true;
            current.clear();
        } else if (c == QLatin1Char(',')) {
            fields.append(wasQuoted ? current : current.trimmed());
            current.clear();
            wasQuoted = false;
        } else if (!wasQuoted || !c.isSpace()) {
            current += c;
        }
    }
    if (quoted)
        return std::nullopt;
    fields.append(wasQuoted ? current : current.trimmed());
    return fields;
}

QStringList textLines(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);  // a byte order mark, as spreadsheet programs write
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return text.split(QLatin1Char('\n'));
}

void parseCsv(const QByteArray &csv, PairDefinition &pair, Problems &p)
{
    const QStringList lines = textLines(csv);
    bool headerSeen = false;
    for (int i = 0; i < lines.size(); ++i) {
        const int line = i + 1;
        if (lines.at(i).trimmed().isEmpty())
            continue;
        const std::optional<QStringList> fields = splitCsvLine(lines.at(i));
        if (!fields) {
            p.error(line, QStringLiteral("a quoted field is not closed"));
            continue;
        }
        if (!headerSeen) {
            headerSeen = true;
            // A first line whose type column names a type is a field, not a header.
            if (fields->size() == 3 && typeOf(fields->at(2)))
                p.error(line, QStringLiteral("missing header row: the first line must name the columns (e.g. "
                                             "\"ODBC Field Name,Field Code,ODBC Data Type\"), but it is a field (%1)")
                                  .arg(fields->join(QLatin1Char(','))));
            else {
                if (fields->size() != 3)
                    p.error(line, QStringLiteral("the header row has %1 columns, expected 3: target field name, source "
                                                 "field code, ODBC data type").arg(fields->size()));
                continue;
            }
        }
        if (fields->size() != 3) {
            p.error(line, QStringLiteral("%1 columns, expected 3: target field name, source field code, ODBC data type")
                              .arg(fields->size()));
            continue;
        }
        PairField f;
        f.target = fields->at(0);
        f.code = fields->at(1);
        f.line = line;
        const std::optional<FieldType> type = typeOf(fields->at(2));
        if (f.target.isEmpty())
            p.error(line, QStringLiteral("the target field name is empty"));
        if (f.code.isEmpty())
            p.error(line, QStringLiteral("the source field code of %1 is empty").arg(f.target));
        if (!type) {
            p.error(line, QStringLiteral("unknown ODBC data type %1 for %2, expected %3")
                              .arg(fields->at(2).isEmpty() ? QStringLiteral("(empty)") : fields->at(2), f.target,
                                   typeNames().join(QStringLiteral(", "))));
            continue;
        }
        f.type = *type;
        if (f.target.isEmpty() || f.code.isEmpty())
            continue;
        for (const PairField &other : pair.fields) {
            if (other.target == f.target)
                p.error(line, QStringLiteral("target field %1 is mapped twice (first at line %2)").arg(f.target).arg(other.line));
        }
        pair.fields.append(f);
    }
    if (!headerSeen)
        p.error(0, QStringLiteral("the file is empty: it needs a header row and at least one field"));
    else if (pair.fields.isEmpty() && !config::hasErrors(p.list))
        p.error(0, QStringLiteral("no fields: the first row after the header is the key"));
}

void parseIni(const QByteArray &ini, PairDefinition &pair, Problems &p)
{
    const QStringList lines = textLines(ini);
    QString section;
    static const QRegularExpression header(QStringLiteral("^\\[\\s*([^\\]]*?)\\s*\\]$"));
    for (int i = 0; i < lines.size(); ++i) {
        const int line = i + 1;
        const QString text = lines.at(i).trimmed();
        if (text.isEmpty() || text.startsWith(QLatin1Char('#')) || text.startsWith(QLatin1Char(';')))
            continue;
        if (const auto m = header.match(text); m.hasMatch()) {
            section = m.captured(1).toLower();
            if (section != QLatin1String("database") && section != QLatin1String("target"))
                p.error(line, QStringLiteral("unknown section [%1], expected [database] or [target]").arg(m.captured(1)));
            continue;
        }
        const qsizetype eq = text.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            p.error(line, QStringLiteral("expected NAME=VALUE"));
            continue;
        }
        const QString key = text.left(eq).trimmed();
        const QString value = lines.at(i).mid(lines.at(i).indexOf(QLatin1Char('=')) + 1).trimmed();
        const config::SourcePos pos{line, 0, 0};
        auto set = [&](config::Setting<QString> &s, const QString &what) {
            if (s.present)
                p.error(line, QStringLiteral("duplicate %1 setting (first at line %2)").arg(what).arg(s.pos.line));
            s.value = value;
            s.present = true;
            s.pos = pos;
        };
        if (section == QLatin1String("target")) {
            if (key.compare(QLatin1String("Table"), Qt::CaseInsensitive) == 0)
                set(pair.table, QStringLiteral("Table"));
            else
                p.error(line, QStringLiteral("unknown field %1 in [target], expected Table").arg(key));
        } else if (section == QLatin1String("database")) {
            if (key.compare(QLatin1String("User"), Qt::CaseInsensitive) == 0 || key.compare(QLatin1String("UID"), Qt::CaseInsensitive) == 0)
                set(pair.user, QStringLiteral("User"));
            else if (key.compare(QLatin1String("Password"), Qt::CaseInsensitive) == 0 || key.compare(QLatin1String("PWD"), Qt::CaseInsensitive) == 0)
                set(pair.password, QStringLiteral("Password"));
            else
                pair.driverFields.append({key, value, pos});
        } else {
            p.error(line, QStringLiteral("%1 is outside a section; put it under [database] or [target]").arg(key));
        }
    }
    if (pair.driverFields.isEmpty())
        p.error(0, QStringLiteral("no data source: [database] needs DSN= or DRIVER= and its fields"));
    if (!pair.table.present || pair.table.value.isEmpty())
        p.error(0, QStringLiteral("no target table: [target] needs Table="));
}

}  // namespace

QString typeName(FieldType type)
{
    switch (type) {
    case FieldType::Char: return QStringLiteral("CHAR");
    case FieldType::Date: return QStringLiteral("TYPE_DATE");
    case FieldType::Decimal: return QStringLiteral("DECIMAL");
    case FieldType::Numeric: return QStringLiteral("NUMERIC");
    }
    return {};
}

QStringList typeNames()
{
    return {QStringLiteral("CHAR"), QStringLiteral("TYPE_DATE"), QStringLiteral("DECIMAL"), QStringLiteral("NUMERIC")};
}

const PairField *PairDefinition::byCode(const QString &code) const
{
    for (const PairField &f : fields) {
        if (f.code.compare(code, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

PairParse parsePair(const QString &name, const QString &csvPath, const QByteArray &csv, const QString &iniPath,
                    const QByteArray &ini)
{
    PairParse r;
    r.pair.name = name;
    r.pair.csvPath = csvPath;
    r.pair.iniPath = iniPath;
    Problems csvProblems{r.diagnostics, csvPath};
    parseCsv(csv, r.pair, csvProblems);
    Problems iniProblems{r.diagnostics, iniPath};
    parseIni(ini, r.pair, iniProblems);
    return r;
}

QString formatProblems(const config::Diagnostics &diagnostics)
{
    QStringList lines;
    for (const config::Diagnostic &d : diagnostics) {
        const QString where = d.pos.line > 0 ? QStringLiteral("%1 line %2").arg(d.file).arg(d.pos.line) : d.file;
        lines.append(QStringLiteral("%1: %2%3").arg(where, d.isError() ? QString() : QStringLiteral("warning: "), d.message));
    }
    return lines.join(QLatin1Char('\n'));
}

bool isValidPairName(const QString &name)
{
    static const QRegularExpression form(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]*$"));
    return form.match(name).hasMatch();
}

}  // namespace oas::pairs
