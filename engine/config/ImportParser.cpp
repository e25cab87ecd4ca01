// [import]: Table, SelectBy, Modify, CreateIfAbsent, Exceptions, InsertOnly, ChangeType, Relationships,
// AlwaysFollowReferences, ModifyAnyway, Autos, SQLExecDirect, SETOPTIONS.
#include "SectionParsers.h"

#include <QRegularExpression>

namespace oas::config {

namespace {

// Blanks out quoted and bracketed text so keyword searches only see SQL words.
QString withoutQuotedText(const QString &text)
{
    QString out = text;
    QChar close;
    for (int i = 0; i < out.size(); ++i) {
        const QChar c = out.at(i);
        if (!close.isNull()) {
            if (c == close)
                close = QChar();
            else
                out[i] = QLatin1Char(' ');
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('`')) {
            close = c;
        } else if (c == QLatin1Char('[')) {
            close = QLatin1Char(']');
        }
    }
    return out;
}

void parseTable(const FieldLine &field, ParseContext &ctx, ImportSection &s)
{
    if (reportIfEmpty(field, ctx))
        return;
    const QString plain = withoutQuotedText(field.value);
    static const QRegularExpression join(QStringLiteral("\\bJOIN\\b"), QRegularExpression::CaseInsensitiveOption);
    s.isJoin = join.match(plain).hasMatch();
    const int comma = int(plain.indexOf(QLatin1Char(',')));
    if (comma >= 0) {
        ctx.error(field.valuePos(comma, 1),
                  QStringLiteral("Table accepts one table or a JOIN; a comma-separated list of tables cannot be "
                                 "imported into"));
        return;
    }
    static const QRegularExpression first(QStringLiteral(
        "^[\\s(]*((?:\\[[^\\]]*\\]|\"[^\"]*\"|`[^`]*`|[\\w$#]+)(?:\\.(?:\\[[^\\]]*\\]|\"[^\"]*\"|`[^`]*`|[\\w$#]+))*)"));
    const auto m = first.match(field.value);
    if (!m.hasMatch()) {
        ctx.error(field.valuePos(), QStringLiteral("invalid Table value, expected a table name or a JOIN"));
        return;
    }
    if (!s.isJoin && m.capturedEnd(1) != field.value.size()) {
        ctx.error(field.valuePos(int(m.capturedEnd(1)), 0),
                  QStringLiteral("unexpected text after the table name (only JOIN syntax may follow)"));
        return;
    }
    s.primaryTable = m.captured(1);
    store(s.table, field.value, field);
}

void parseSelectByField(const FieldLine &field, ParseContext &ctx, ImportSection &s)
{
    if (reportIfEmpty(field, ctx))
        return;
    const sql::SelectByParse parsed = sql::parseSelectBy(field.value);
    for (const sql::SelectByError &e : parsed.errors)
        ctx.error(field.valuePos(e.offset, e.length), e.message);
    if (!parsed.errors.isEmpty() || !parsed.root)
        return;
    store(s.selectBy, field.value, field);
    s.selectByTree = parsed.root;
    for (const sql::SelectByNode *n : sql::attributeNodes(*s.selectByTree))
        s.selectByAttributes.append({n->name, field.valuePos(n->offset, n->length)});
}

void parseRelationships(const FieldLine &field, ParseContext &ctx, ImportSection &s)
{
    if (reportIfEmpty(field, ctx))
        return;
    QList<Relationship> list;
    static const QRegularExpression arrow(QStringLiteral("=>|\u21D2"));
    for (const ValuePiece &p : splitTopLevel(field.value, QLatin1Char(','))) {
        const auto m = arrow.match(p.text);
        if (!m.hasMatch()) {
            ctx.error(field.valuePos(p.offset, int(p.text.size())),
                      QStringLiteral("invalid relationship %1, expected referencing=>referenced").arg(p.text));
            continue;
        }
        const QString left = trimBlanks(p.text.left(m.capturedStart()));
        const QString right = trimBlanks(p.text.mid(m.capturedEnd()));
        const int leftAt = p.offset + int(p.text.indexOf(left));
        const int rightAt = p.offset + int(m.capturedEnd()) + int(p.text.mid(m.capturedEnd()).indexOf(right));
        bool ok = true;
        for (const auto &[name, at] : {std::pair{left, leftAt}, std::pair{right, rightAt}}) {
            if (!isAbbreviation(name)) {
                ctx.error(field.valuePos(at, int(name.size())),
                          name.isEmpty() ? QStringLiteral("missing abbreviation in relationship")
                                         : QStringLiteral("invalid attribute abbreviation %1").arg(name));
                ok = false;
            }
        }
        if (ok)
            list.append(Relationship{NameRef{left, field.valuePos(leftAt, int(left.size()))},
                                     NameRef{right, field.valuePos(rightAt, int(right.size()))}});
    }
    store(s.relationships, list, field);
}

void parseAutos(const FieldLine &field, ParseContext &ctx, ImportSection &s)
{
    if (reportIfEmpty(field, ctx))
        return;
    static const QRegularExpression form(QStringLiteral("^([\\w-]+)\\s*\\(\\s*([\\w$#.\"]+)\\s*\\)$"));
    QList<AutoSequence> autos;
    for (const ValuePiece &p : splitTopLevel(field.value, QLatin1Char(','))) {
        const auto m = form.match(p.text);
        if (!m.hasMatch()) {
            ctx.error(field.valuePos(p.offset, int(p.text.size())),
                      QStringLiteral("invalid Autos entry %1, expected abbreviation(sequence_name)").arg(p.text));
            continue;
        }
        autos.append(AutoSequence{NameRef{m.captured(1), field.valuePos(p.offset, int(m.capturedLength(1)))},
                                  m.captured(2)});
    }
    store(s.autos, autos, field);
}

void parseSetOptions(const FieldLine &field, ParseContext &ctx, ImportSection &s)
{
    if (reportIfEmpty(field, ctx))
        return;
    QStringList statements;
    static const QRegularExpression set(QStringLiteral("^SET\\s"), QRegularExpression::CaseInsensitiveOption);
    for (const ValuePiece &p : splitTopLevel(field.value, QLatin1Char(';'))) {
        if (p.text.isEmpty())
            continue;
        if (!set.match(p.text).hasMatch())
            ctx.warning(field.valuePos(p.offset, int(p.text.size())),
                        QStringLiteral("SETOPTIONS statement does not start with SET"));
        statements.append(p.text);
    }
    store(s.setOptions, statements, field);
}

}  // namespace

void parseImportField(const FieldLine &field, const FieldSpec &spec, ParseContext &ctx, ImportSection &s)
{
    const QString &name = spec.name;
    if (name == QLatin1String("Table")) {
        parseTable(field, ctx, s);
    } else if (name == QLatin1String("SelectBy")) {
        parseSelectByField(field, ctx, s);
    } else if (name == QLatin1String("Modify")) {
        if (!reportIfEmpty(field, ctx))
            store(s.modify, ctx.parseNameList(field), field);
    } else if (name == QLatin1String("CreateIfAbsent")) {
        storeBool(field, ctx, s.createIfAbsent);
    } else if (name == QLatin1String("Exceptions")) {
        if (!reportIfEmpty(field, ctx))
            store(s.exceptions, field.value, field);
    } else if (name == QLatin1String("InsertOnly")) {
        storeBool(field, ctx, s.insertOnly);
    } else if (name == QLatin1String("ChangeType")) {
        if (reportIfEmpty(field, ctx))
            return;
        if (!isAbbreviation(field.value))
            ctx.error(field.valuePos(), QStringLiteral("invalid ChangeType name %1, expected letters, digits, _ or -")
                                            .arg(field.value));
        else
            store(s.changeType, field.value, field);
    } else if (name == QLatin1String("Relationships")) {
        parseRelationships(field, ctx, s);
    } else if (name == QLatin1String("AlwaysFollowReferences")) {
        storeBool(field, ctx, s.alwaysFollowReferences);
    } else if (name == QLatin1String("ModifyAnyway")) {
        storeBool(field, ctx, s.modifyAnyway);
    } else if (name == QLatin1String("Autos")) {
        parseAutos(field, ctx, s);
    } else if (name == QLatin1String("SQLExecDirect")) {
        storeBool(field, ctx, s.sqlExecDirect);
    } else if (name == QLatin1String("SETOPTIONS")) {
        parseSetOptions(field, ctx, s);
    }
}

}  // namespace oas::config
