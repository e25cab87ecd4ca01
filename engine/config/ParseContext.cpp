#include "ParseContext.h"

namespace oas::config {

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-');
}

bool isAbbreviation(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (!isIdentifierChar(c))
            return false;
    }
    return true;
}

bool ParseContext::room(Severity severity)
{
    if (m_diagnostics.size() < kMaxDiagnostics)
        return true;
    ++m_dropped;
    m_droppedError = m_droppedError || severity == Severity::Error;
    return false;
}

void ParseContext::error(const SourcePos &pos, const QString &message)
{
    if (room(Severity::Error))
        m_diagnostics.append(m_source.diagnostic(Severity::Error, pos, message, m_file));
}

void ParseContext::warning(const SourcePos &pos, const QString &message)
{
    if (room(Severity::Warning))
        m_diagnostics.append(m_source.diagnostic(Severity::Warning, pos, message, m_file));
}

void ParseContext::fileError(const QString &message)
{
    if (!room(Severity::Error))
        return;
    Diagnostic d;
    d.file = m_file;
    d.message = message;
    m_diagnostics.append(d);
}

void ParseContext::fileWarning(const QString &message)
{
    if (!room(Severity::Warning))
        return;
    Diagnostic d;
    d.file = m_file;
    d.severity = Severity::Warning;
    d.message = message;
    m_diagnostics.append(d);
}

Diagnostics ParseContext::takeDiagnostics()
{
    if (m_dropped > 0) {
        Diagnostic d;
        d.file = m_file;
        d.severity = m_droppedError ? Severity::Error : Severity::Warning;
        d.message = QStringLiteral("%1 more problems not shown (the first %2 are)").arg(m_dropped).arg(kMaxDiagnostics);
        m_diagnostics.append(d);
        m_dropped = 0;
        m_droppedError = false;
    }
    Diagnostics result = std::move(m_diagnostics);
    m_diagnostics.clear();
    return result;
}

std::optional<bool> ParseContext::parseBool(const FieldLine &field)
{
    const QString v = field.value;
    if (v.compare(QLatin1String("TRUE"), Qt::CaseInsensitive) == 0 || v == QLatin1String("1"))
        return true;
    if (v.compare(QLatin1String("FALSE"), Qt::CaseInsensitive) == 0 || v == QLatin1String("0"))
        return false;
    error(field.valuePos(), QStringLiteral("invalid %1 value, expected TRUE or FALSE").arg(field.name));
    return std::nullopt;
}

std::optional<qint64> ParseContext::parseInteger(const FieldLine &field, qint64 minimum, qint64 maximum)
{
    bool ok = false;
    const qint64 n = field.value.toLongLong(&ok);
    if (!ok) {
        error(field.valuePos(), QStringLiteral("invalid %1 value, expected a number from %2 to %3")
                                    .arg(field.name)
                                    .arg(minimum)
                                    .arg(maximum));
        return std::nullopt;
    }
    if (n < minimum || n > maximum) {
        error(field.valuePos(), QStringLiteral("%1 value %2 out of range, expected %3 to %4")
                                    .arg(field.name)
                                    .arg(n)
                                    .arg(minimum)
                                    .arg(maximum));
        return std::nullopt;
    }
    return n;
}

NameList ParseContext::parseNameList(const FieldLine &field)
{
    NameList names;
    const QString &v = field.value;
    int start = 0;
    while (start <= v.size()) {
        int end = int(v.indexOf(QLatin1Char(','), start));
        if (end < 0)
            end = int(v.size());
        int b = start;
        int e = end;
        while (b < e && isBlank(v.at(b)))
            ++b;
        while (e > b && isBlank(v.at(e - 1)))
            --e;
        const QString name = v.mid(b, e - b);
        if (name.isEmpty()) {
            if (!(v.isEmpty() && end == int(v.size())))
                error(field.valuePos(b, 0), QStringLiteral("empty entry in %1 list").arg(field.name));
        } else if (!isAbbreviation(name)) {
            error(field.valuePos(b, e - b), QStringLiteral("invalid attribute abbreviation %1").arg(name));
        } else {
            names.append({name, field.valuePos(b, e - b)});
        }
        start = end + 1;
    }
    return names;
}

}  // namespace oas::config

namespace oas::config {

bool reportIfEmpty(const FieldLine &field, ParseContext &ctx)
{
    if (!field.value.isEmpty())
        return false;
    ctx.error(field.valuePos(0, 0), QStringLiteral("missing %1 value").arg(field.name));
    return true;
}

void storeBool(const FieldLine &field, ParseContext &ctx, Setting<bool> &setting)
{
    if (reportIfEmpty(field, ctx))
        return;
    if (const auto b = ctx.parseBool(field))
        store(setting, *b, field);
}

QList<ValuePiece> splitTopLevel(const QString &value, QChar sep)
{
    QList<ValuePiece> pieces;
    int depth = 0;
    QChar quote;
    int start = 0;
    auto flush = [&](int end) {
        int b = start;
        int e = end;
        while (b < e && isBlank(value.at(b)))
            ++b;
        while (e > b && isBlank(value.at(e - 1)))
            --e;
        pieces.append({b, value.mid(b, e - b)});
    };
    for (int i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('`')) {
            quote = c;
        } else if (c == QLatin1Char('[')) {
            quote = QLatin1Char(']');
        } else if (c == QLatin1Char('(')) {
            ++depth;
        } else if (c == QLatin1Char(')')) {
            depth = std::max(0, depth - 1);
        } else if (c == sep && depth == 0) {
            flush(i);
            start = i + 1;
        }
    }
    flush(int(value.size()));
    return pieces;
}

}  // namespace oas::config
