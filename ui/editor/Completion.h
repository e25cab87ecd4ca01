#pragma once
// What the configuration editor offers at the cursor, from the engine's vocabulary (config/Keywords): section
// names after '[', the fields of the current section at the start of a line, keyword values (Mode,
// booleans, TraceLevel names, SortControl forms, Encoding) and the attribute abbreviations in the fields
// that use them; the database's column names (once checked) in attribute definitions. Also a short help text for a field, in our own words. Pure functions: no widgets.
#include "config/AgentConfig.h"

#include <QStringList>

namespace oas::ui {

struct Completion {
    QStringList candidates;  // sorted as they should be shown
    int prefixLength = 0;    // characters before the cursor that a choice replaces
};

// lines: the document's lines; line and column (0-based, UTF-16) give the cursor. databaseColumns
// ("Table.Column", from Check against database) are offered for attribute definitions and in Where.
Completion completionsAt(const QStringList &lines, int line, int column, const config::AgentConfig &config,
                         const QStringList &databaseColumns = {});
// The field of the line (in its section), if any: "Mode", "Select", ...
QString fieldAt(const QStringList &lines, int line);
QString fieldHelp(const QString &field);

}  // namespace oas::ui
