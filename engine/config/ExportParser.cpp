// [export]: Mode, Select, Keys, SaveAttr, From, Where, MaxRows, ReferencePath, NewReferenceFile, SortControl.
#include "SectionParsers.h"

namespace oas::config {

namespace {

std::optional<SortForm> sortFormOf(const QString &word)
{
    struct Entry {
        const char *name;
        const char *abbreviation;
        SortForm form;
    };
    static const Entry entries[] = {
        {"Integer", "Int", SortForm::Integer},
        {"Numeric", "Num", SortForm::Numeric},
        {"CaseIgnore", "CI", SortForm::CaseIgnore},
        {"CaseSensitive", "CS", SortForm::CaseSensitive},
        {"Any", "Any", SortForm::Default},
    };
    if (word.isEmpty())
        return SortForm::Default;
    for (const Entry &e : entries) {
        if (word.compare(QLatin1String(e.name), Qt::CaseInsensitive) == 0
            || word.compare(QLatin1String(e.abbreviation), Qt::CaseInsensitive) == 0)
            return e.form;
    }
    return std::nullopt;
}

}  // namespace

void parseExportField(const FieldLine &field, const FieldSpec &spec, ParseContext &ctx, ExportSection &s)
{
    const QString &name = spec.name;
    if (name == QLatin1String("Mode")) {
        if (reportIfEmpty(field, ctx))
            return;
        const QString v = field.value.toLower();
        if (v == QLatin1String("full"))
            store(s.mode, ExportMode::Full, field);
        else if (v == QLatin1String("delta"))
            store(s.mode, ExportMode::Delta, field);
        else if (v == QLatin1String("delta-or-full"))
            store(s.mode, ExportMode::DeltaOrFull, field);
        else
            ctx.error(field.valuePos(), QStringLiteral("invalid Mode value %1, expected delta, delta-or-full or full")
                                            .arg(field.value));
    } else if (name == QLatin1String("Select") || name == QLatin1String("Keys") || name == QLatin1String("SaveAttr")) {
        if (reportIfEmpty(field, ctx))
            return;
        Setting<NameList> &target = name == QLatin1String("Select") ? s.select
                                    : name == QLatin1String("Keys") ? s.keys
                                                                    : s.saveAttr;
        store(target, ctx.parseNameList(field), field);
    } else if (name == QLatin1String("From")) {
        if (!reportIfEmpty(field, ctx))
            store(s.from, field.value, field);
    } else if (name == QLatin1String("Where")) {
        store(s.where, field.value, field);
    } else if (name == QLatin1String("MaxRows")) {
        storeRanged(field, ctx, s.maxRows, 0, 2147483647);
    } else if (name == QLatin1String("ReferencePath")) {
        store(s.referencePath, field.value, field);
    } else if (name == QLatin1String("NewReferenceFile")) {
        store(s.newReferenceFile, field.value, field);
    } else if (name == QLatin1String("SortControl")) {
        QList<SortForm> forms;
        if (!field.value.isEmpty()) {
            for (const ValuePiece &p : splitTopLevel(field.value, QLatin1Char(','))) {
                const auto form = sortFormOf(p.text);
                if (!form) {
                    ctx.error(field.valuePos(p.offset, int(p.text.size())),
                              QStringLiteral("invalid SortControl form %1, expected Integer, Numeric, CaseIgnore, "
                                             "CaseSensitive or Any")
                                  .arg(p.text));
                    return;
                }
                forms.append(*form);
            }
        }
        store(s.sortControl, forms, field);
    }
}

}  // namespace oas::config
