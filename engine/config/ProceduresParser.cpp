// [procedures]: Procedure=<ids> and the declarations
//   proc-id = [return-tag] CALL name ( [RETURN] tag [= preset], ... ) RETURNING (ranges) [[!] output], ...
#include "SectionParsers.h"

namespace oas::config {

ReturnRangeItem ProcedureDecl::classify(qint64 value) const
{
    for (const ReturnRangeItem &item : returning) {
        for (const auto &[low, high] : item.ranges) {
            if (value >= low && value <= high)
                return item;
        }
    }
    ReturnRangeItem outOfRange;
    outOfRange.outcome = ReturnOutcome::Failure;
    outOfRange.message = QStringLiteral("return value %1 out of range").arg(value);
    return outOfRange;
}

const ProcedureParam *ProcedureDecl::returnParam() const
{
    for (const ProcedureParam &p : params) {
        if (p.isReturn)
            return &p;
    }
    return nullptr;
}

const ProcedureDecl *ProceduresSection::find(const QString &id) const
{
    for (const ProcedureDecl &d : declarations) {
        if (d.id.compare(id, Qt::CaseInsensitive) == 0)
            return &d;
    }
    return nullptr;
}

const ProcedureDecl *ProceduresSection::active() const
{
    return procedure.value.isEmpty() ? nullptr : find(procedure.value.first().name);
}

namespace {

struct ScanError {
    int offset;
    int length;
    QString message;
};

// A cursor over one declaration's text; every read skips leading blanks.
class Scanner {
public:
    explicit Scanner(const QString &text) : m_text(text) {}

    int pos() const { return m_pos; }
    int nextTokenPos()
    {
        skip();
        return m_pos;
    }
    bool atEnd()
    {
        skip();
        return m_pos >= m_text.size();
    }
    bool tryChar(QChar c)
    {
        skip();
        if (m_pos < m_text.size() && m_text.at(m_pos) == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    QString identifier()
    {
        skip();
        const int start = m_pos;
        while (m_pos < m_text.size() && isIdentifierChar(m_text.at(m_pos)))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }
    // A procedure name: identifiers (or "quoted" parts) joined by dots.
    QString dottedName()
    {
        skip();
        const int start = m_pos;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c == QLatin1Char('"')) {
                const int end = int(m_text.indexOf(QLatin1Char('"'), m_pos + 1));
                if (end < 0)
                    break;
                m_pos = end + 1;
            } else if (isIdentifierChar(c) || c == QLatin1Char('.') || c == QLatin1Char('$')
                       || c == QLatin1Char('#')) {
                ++m_pos;
            } else {
                break;
            }
        }
        return m_text.mid(start, m_pos - start);
    }
    bool keyword(const char *word)
    {
        skip();
        const QString w = QLatin1String(word);
        if (m_text.mid(m_pos, w.size()).compare(w, Qt::CaseInsensitive) != 0)
            return false;
        const int end = m_pos + int(w.size());
        if (end < m_text.size() && isIdentifierChar(m_text.at(end)))
            return false;
        m_pos = end;
        return true;
    }
    std::optional<QString> number()
    {
        skip();
        int p = m_pos;
        if (p < m_text.size() && (m_text.at(p) == QLatin1Char('-') || m_text.at(p) == QLatin1Char('+')))
            ++p;
        const int digits = p;
        while (p < m_text.size() && m_text.at(p).isDigit())
            ++p;
        if (p == digits)
            return std::nullopt;
        if (p + 1 < m_text.size() && m_text.at(p) == QLatin1Char('.') && m_text.at(p + 1).isDigit()) {
            ++p;
            while (p < m_text.size() && m_text.at(p).isDigit())
                ++p;
        }
        const QString n = m_text.mid(m_pos, p - m_pos);
        m_pos = p;
        return n;
    }
    // "text" -> text; nullopt (and error) when the quote is not closed.
    std::optional<QString> string(std::optional<ScanError> &error)
    {
        skip();
        const int end = int(m_text.indexOf(QLatin1Char('"'), m_pos + 1));
        if (end < 0) {
            error = ScanError{m_pos, int(m_text.size()) - m_pos, QStringLiteral("unclosed string")};
            return std::nullopt;
        }
        const QString s = m_text.mid(m_pos + 1, end - m_pos - 1);
        m_pos = end + 1;
        return s;
    }
    QChar peek()
    {
        skip();
        return m_pos < m_text.size() ? m_text.at(m_pos) : QChar();
    }

private:
    void skip()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }
    const QString &m_text;
    int m_pos = 0;
};

class DeclarationParser {
public:
    explicit DeclarationParser(const QString &text) : m_scan(text) {}

    std::optional<ProcedureDecl> parse(std::optional<ScanError> &error)
    {
        ProcedureDecl decl;
        if (!parseHead(decl) || !parseParams(decl) || !parseReturning(decl) || !checkReturn(decl)) {
            error = m_error;
            return std::nullopt;
        }
        return decl;
    }

private:
    bool fail(const QString &message, int length = 1)
    {
        if (!m_error)
            m_error = ScanError{m_scan.nextTokenPos(), length, message};
        return false;
    }

    bool parseHead(ProcedureDecl &decl)
    {
        if (!m_scan.keyword("call")) {
            decl.returnTag = m_scan.identifier();
            if (decl.returnTag.isEmpty())
                return fail(QStringLiteral("expected CALL or a return tag"));
            if (!m_scan.keyword("call"))
                return fail(QStringLiteral("expected CALL"));
        }
        decl.procedureName = m_scan.dottedName();
        if (decl.procedureName.isEmpty())
            return fail(QStringLiteral("expected procedure name after CALL"));
        return true;
    }

    bool parseParams(ProcedureDecl &decl)
    {
        if (!m_scan.tryChar(QLatin1Char('(')))
            return fail(QStringLiteral("expected ( after procedure name"));
        if (m_scan.tryChar(QLatin1Char(')')))
            return true;
        do {
            ProcedureParam param;
            param.isReturn = m_scan.keyword("return");
            const int at = m_scan.nextTokenPos();
            param.tag = m_scan.identifier();
            if (param.tag.isEmpty())
                return fail(QStringLiteral("expected parameter tag"));
            for (const ProcedureParam &other : decl.params) {
                if (other.tag.compare(param.tag, Qt::CaseInsensitive) == 0) {
                    m_error = ScanError{at, int(param.tag.size()), QStringLiteral("duplicate parameter tag %1").arg(param.tag)};
                    return false;
                }
            }
            param.pos.column = at;  // offset in the value; turned into a position by the caller
            param.pos.length = int(param.tag.size());
            if (m_scan.tryChar(QLatin1Char('='))) {
                Preset preset;
                if (m_scan.peek() == QLatin1Char('"')) {
                    const auto s = m_scan.string(m_error);
                    if (!s)
                        return false;
                    preset = {Preset::Kind::String, *s};
                } else if (const auto n = m_scan.number()) {
                    preset = {Preset::Kind::Number, *n};
                } else {
                    return fail(QStringLiteral("expected a quoted string or a number as preset"));
                }
                param.preset = preset;
            }
            decl.params.append(param);
        } while (m_scan.tryChar(QLatin1Char(',')));
        if (!m_scan.tryChar(QLatin1Char(')')))
            return fail(QStringLiteral("expected , or ) in parameter list"));
        return true;
    }

    bool parseReturning(ProcedureDecl &decl)
    {
        if (!m_scan.keyword("returning"))
            return fail(QStringLiteral("expected RETURNING"));
        do {
            ReturnRangeItem item;
            if (!m_scan.tryChar(QLatin1Char('(')))
                return fail(QStringLiteral("expected ( to start a RETURNING range"));
            do {
                const int at = m_scan.nextTokenPos();
                const auto low = m_scan.number();
                if (!low || low->contains(QLatin1Char('.')))
                    return fail(QStringLiteral("expected an integer in RETURNING range"));
                qint64 high = low->toLongLong();
                if (m_scan.tryChar(QLatin1Char(':'))) {
                    const auto h = m_scan.number();
                    if (!h || h->contains(QLatin1Char('.')))
                        return fail(QStringLiteral("expected an integer after : in RETURNING range"));
                    high = h->toLongLong();
                    if (high < low->toLongLong()) {
                        m_error = ScanError{at, m_scan.pos() - at, QStringLiteral("range start greater than range end")};
                        return false;
                    }
                }
                item.ranges.append({low->toLongLong(), high});
            } while (m_scan.tryChar(QLatin1Char(',')));
            if (!m_scan.tryChar(QLatin1Char(')')))
                return fail(QStringLiteral("expected , or ) in RETURNING range"));
            if (!parseOutput(item))
                return false;
            decl.returning.append(item);
        } while (m_scan.tryChar(QLatin1Char(',')));
        if (!m_scan.atEnd())
            return fail(QStringLiteral("unexpected text after RETURNING ranges"));
        return true;
    }

    bool parseOutput(ReturnRangeItem &item)
    {
        const bool bang = m_scan.tryChar(QLatin1Char('!'));
        QString text;
        if (m_scan.peek() == QLatin1Char('"')) {
            const auto s = m_scan.string(m_error);
            if (!s)
                return false;
            text = *s;
        } else {
            text = m_scan.identifier();
            if (text.isEmpty() && bang)
                return fail(QStringLiteral("expected a message after !"));
        }
        const bool innerBang = text.startsWith(QLatin1Char('!'));
        if (innerBang)
            text.remove(0, 1);
        if (bang || innerBang)
            item.outcome = ReturnOutcome::Failure;
        else if (!text.isEmpty())
            item.outcome = ReturnOutcome::Warning;
        item.message = text;
        return true;
    }

    bool checkReturn(const ProcedureDecl &decl)
    {
        int returns = 0;
        for (const ProcedureParam &p : decl.params) {
            if (!p.isReturn)
                continue;
            ++returns;
            if (!decl.returnTag.isEmpty()) {
                m_error = ScanError{p.pos.column, p.pos.length,
                                    QStringLiteral("RETURN cannot be used when the procedure has a return tag")};
                return false;
            }
            if (returns > 1) {
                m_error = ScanError{p.pos.column, p.pos.length,
                                    QStringLiteral("only one RETURN parameter is permitted")};
                return false;
            }
        }
        if (returns == 0 && decl.returnTag.isEmpty()) {
            m_error = ScanError{0, 0, QStringLiteral("procedure needs a return tag or a RETURN parameter")};
            return false;
        }
        return true;
    }

    Scanner m_scan;
    std::optional<ScanError> m_error;
};

}  // namespace

void parseProceduresField(const FieldLine &field, ParseContext &ctx, ProceduresSection &section)
{
    ctx.markWritten(Section::Procedures, field.name);
    if (field.name.compare(QLatin1String("Procedure"), Qt::CaseInsensitive) == 0) {
        if (section.procedure.present) {
            ctx.error(field.valuePos(0, 0), QStringLiteral("duplicate Procedure setting"));
            return;
        }
        if (!reportIfEmpty(field, ctx))
            store(section.procedure, ctx.parseNameList(field), field);
        return;
    }
    if (!isAbbreviation(field.name)) {
        ctx.error(field.namePos(), QStringLiteral("invalid procedure name %1").arg(field.name));
        return;
    }
    if (section.find(field.name)) {
        ctx.error(field.valuePos(0, 0), QStringLiteral("duplicate %1 setting").arg(field.name));
        return;
    }
    ctx.markWritten(Section::Procedures, QStringLiteral("(declaration)"));
    if (reportIfEmpty(field, ctx))
        return;
    std::optional<ScanError> error;
    std::optional<ProcedureDecl> decl = DeclarationParser(field.value).parse(error);
    if (!decl) {
        ctx.error(field.valuePos(error->offset, error->length),
                  QStringLiteral("%1 in procedure declaration %2").arg(error->message, field.name));
        return;
    }
    decl->id = field.name;
    decl->pos = field.namePos();
    for (ProcedureParam &p : decl->params)
        p.pos = field.valuePos(p.pos.column, p.pos.length);
    section.declarations.append(*decl);
}

}  // namespace oas::config
