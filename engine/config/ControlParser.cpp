// [control]: RecordSeparator, Trace, TraceLevel, TraceFile, MaxTraceFiles, MaxTraceFileSize, TraceFlow, 8bit,
// DataHash, DateFormat, and our Encoding and KeepEmptyStrings.
#include "SectionParsers.h"

namespace oas::config {

DateFormat DateFormat::isoDefault()
{
    DateFormat f;
    f.text = QStringLiteral("YYYY-MM-DD");
    f.pieces = {{Part::Year, {}}, {Part::Literal, QStringLiteral("-")}, {Part::Month, {}},
                {Part::Literal, QStringLiteral("-")}, {Part::Day, {}}};
    return f;
}

namespace {

void parseRecordSeparator(const FieldLine &field, ParseContext &ctx, ControlSection &s)
{
    if (reportIfEmpty(field, ctx))
        return;
    QString separator;
    for (int i = 0; i < field.value.size(); ++i) {
        const QChar c = field.value.at(i);
        if (c != QLatin1Char('\\')) {
            separator += c;
            continue;
        }
        if (i + 1 < field.value.size() && field.value.at(i + 1) == QLatin1Char('f')) {
            separator += QLatin1Char('\f');
            ++i;
            continue;
        }
        ctx.error(field.valuePos(i, 2), QStringLiteral("only \\f is permitted as an escape in RecordSeparator"));
        return;
    }
    for (const char *reserved : {"end:", "skip:"}) {
        if (separator.compare(QLatin1String(reserved), Qt::CaseInsensitive) == 0) {
            ctx.error(field.valuePos(), QStringLiteral("RecordSeparator cannot be %1").arg(separator));
            return;
        }
    }
    store(s.recordSeparator, separator, field);
}

void parseTraceLevel(const FieldLine &field, ParseContext &ctx, ControlSection &s)
{
    TraceLevels levels;
    const QString &v = field.value;
    int i = 0;
    while (i < v.size()) {
        if (v.at(i).isSpace() || v.at(i) == QLatin1Char(',')) {
            ++i;
            continue;
        }
        int end = i;
        while (end < v.size() && !v.at(end).isSpace() && v.at(end) != QLatin1Char(','))
            ++end;
        const QString word = v.mid(i, end - i);
        if (const auto level = findTraceLevel(word))
            levels |= *level;
        else
            ctx.error(field.valuePos(i, end - i), QStringLiteral("unknown TraceLevel %1").arg(word));
        i = end;
    }
    store(s.traceLevel, levels, field);
}

std::optional<DateFormat> parseDateFormat(const FieldLine &field, ParseContext &ctx)
{
    QString text = field.value;
    int shift = 0;
    if (text.size() >= 2 && text.startsWith(QLatin1Char('"')) && text.endsWith(QLatin1Char('"'))) {
        text = text.mid(1, text.size() - 2);
        shift = 1;
    }
    DateFormat f;
    f.text = text;
    QString order;  // Y, M, D in the order written
    int i = 0;
    while (i < text.size()) {
        struct Token {
            const char *text;
            DateFormat::Part part;
            char letter;
        };
        static const Token tokens[] = {{"YYYY", DateFormat::Part::Year, 'Y'},
                                       {"MON", DateFormat::Part::MonthName, 'M'},
                                       {"MM", DateFormat::Part::Month, 'M'},
                                       {"DD", DateFormat::Part::Day, 'D'}};
        bool matched = false;
        for (const Token &t : tokens) {
            if (text.mid(i, int(qstrlen(t.text))) == QLatin1String(t.text)) {
                if (order.contains(QLatin1Char(t.letter))) {
                    ctx.error(field.valuePos(i + shift, int(qstrlen(t.text))),
                              QStringLiteral("%1 appears twice in DateFormat").arg(QLatin1String(t.text)));
                    return std::nullopt;
                }
                order += QLatin1Char(t.letter);
                f.pieces.append({t.part, {}});
                i += int(qstrlen(t.text));
                matched = true;
                break;
            }
        }
        if (matched)
            continue;
        const QChar c = text.at(i);
        if (c == QLatin1Char('Y') || c == QLatin1Char('M') || c == QLatin1Char('D') || c == QLatin1Char('%')) {
            ctx.error(field.valuePos(i + shift, 1),
                      QStringLiteral("invalid character %1 in DateFormat; Y, M, D and % only appear in YYYY, MM, "
                                     "MON and DD")
                          .arg(c));
            return std::nullopt;
        }
        if (f.pieces.isEmpty() || f.pieces.last().part != DateFormat::Part::Literal)
            f.pieces.append({DateFormat::Part::Literal, {}});
        f.pieces.last().literal += c;
        ++i;
    }
    if (order != QLatin1String("YMD") && order != QLatin1String("DMY")) {
        ctx.error(field.valuePos(), QStringLiteral("invalid DateFormat %1, expected YYYY, MM or MON, and DD in "
                                                   "year-month-day or day-month-year order")
                                        .arg(text));
        return std::nullopt;
    }
    return f;
}

}  // namespace

void parseControlField(const FieldLine &field, const FieldSpec &spec, ParseContext &ctx, ControlSection &s)
{
    const QString &name = spec.name;
    if (name == QLatin1String("RecordSeparator")) {
        parseRecordSeparator(field, ctx, s);
    } else if (name == QLatin1String("Trace")) {
        if (field.value.isEmpty())
            store(s.trace, false, field);
        else if (field.value == QLatin1String("0") || field.value == QLatin1String("1"))
            store(s.trace, field.value == QLatin1String("1"), field);
        else
            ctx.error(field.valuePos(), QStringLiteral("invalid Trace value %1, expected 0 or 1").arg(field.value));
    } else if (name == QLatin1String("TraceLevel")) {
        parseTraceLevel(field, ctx, s);
    } else if (name == QLatin1String("TraceFile")) {
        if (!reportIfEmpty(field, ctx))
            store(s.traceFile, field.value, field);
    } else if (name == QLatin1String("MaxTraceFiles")) {
        storeRanged(field, ctx, s.maxTraceFiles, 2, 1000);
    } else if (name == QLatin1String("MaxTraceFileSize")) {
        storeRanged(field, ctx, s.maxTraceFileSize, 1024, 2147483647);
    } else if (name == QLatin1String("TraceFlow")) {
        storeRanged(field, ctx, s.traceFlow, 0, 9);
    } else if (name == QLatin1String("8bit")) {
        storeBool(field, ctx, s.eightBit);
    } else if (name == QLatin1String("DataHash")) {
        storeRanged(field, ctx, s.dataHash, 4, 16);
    } else if (name == QLatin1String("DateFormat")) {
        if (!reportIfEmpty(field, ctx)) {
            if (auto f = parseDateFormat(field, ctx))
                store(s.dateFormat, *f, field);
        }
    } else if (name == QLatin1String("KeepEmptyStrings")) {
        storeBool(field, ctx, s.keepEmptyStrings);
    } else if (name == QLatin1String("Encoding")) {
        if (reportIfEmpty(field, ctx))
            return;
        const QString v = field.value.toUpper().remove(QLatin1Char('-')).remove(QLatin1Char('_'));
        if (v == QLatin1String("ISO88591") || v == QLatin1String("LATIN1"))
            store(s.encoding, Encoding::Latin1, field);
        else if (v == QLatin1String("UTF8"))
            store(s.encoding, Encoding::Utf8, field);
        else
            ctx.error(field.valuePos(), QStringLiteral("unsupported Encoding %1, expected ISO-8859-1 or UTF-8")
                                            .arg(field.value));
    }
}

}  // namespace oas::config
