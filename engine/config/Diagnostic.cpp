#include "Diagnostic.h"

#include <algorithm>

namespace oas::config {

QString Diagnostic::toText() const
{
    QString text = severity == Severity::Warning ? QStringLiteral("warning: ") : QString();
    text += message;
    if (pos.isValid())
        text += QStringLiteral(" at line %1").arg(pos.line);
    if (!excerpt.isNull())
        text += QLatin1Char('\n') + excerpt;
    return text;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return countErrors(diagnostics) > 0;
}

int countErrors(const Diagnostics &diagnostics)
{
    return int(std::count_if(diagnostics.begin(), diagnostics.end(),
                             [](const Diagnostic &d) { return d.isError(); }));
}

void sortByPosition(Diagnostics &diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
        if (a.pos.line != b.pos.line)
            return a.pos.line < b.pos.line;
        return a.pos.column < b.pos.column;
    });
}

QString formatReport(const Diagnostics &diagnostics, const QString &fileName)
{
    QString out;
    for (const Diagnostic &d : diagnostics)
        out += d.toText() + QLatin1Char('\n');
    const int errors = countErrors(diagnostics);
    const int warnings = int(diagnostics.size()) - errors;
    if (diagnostics.isEmpty()) {
        out += QStringLiteral("%1: no problems found\n").arg(fileName);
    } else {
        out += QStringLiteral("%1: %2 error%3, %4 warning%5\n")
                   .arg(fileName)
                   .arg(errors)
                   .arg(errors == 1 ? "" : "s")
                   .arg(warnings)
                   .arg(warnings == 1 ? "" : "s");
    }
    return out;
}

}  // namespace oas::config
