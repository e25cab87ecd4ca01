#pragma once
// A problem found in a user-supplied file, as a value: the CLI prints it in the manual's style and the
// Studio underlines it, both from the same fields.
#include <QList>
#include <QString>

namespace oas::config {

enum class Severity { Error, Warning };

// A place in a file: 1-based physical line and column (UTF-16 units), and how many characters to mark.
struct SourcePos {
    int line = 0;
    int column = 0;
    int length = 0;
    bool isValid() const { return line > 0; }
};

struct Diagnostic {
    Severity severity = Severity::Error;
    QString file;
    SourcePos pos;
    QString message;  // e.g. "missing equals sign"
    QString excerpt;  // e.g. "From ??Employees"; empty for whole-file problems

    bool isError() const { return severity == Severity::Error; }
    // The manual's form: "missing equals sign at line 34\nFrom ??Employees" (warnings start "warning: ").
    QString toText() const;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);
int countErrors(const Diagnostics &diagnostics);
// Sorts by line then column, keeping the order of equal positions.
void sortByPosition(Diagnostics &diagnostics);
// All diagnostics in the manual's form, then a closing line naming the file and the counts.
QString formatReport(const Diagnostics &diagnostics, const QString &fileName);

}  // namespace oas::config
