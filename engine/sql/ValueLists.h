#pragma once
// Many values as one statement parameter: a PostgreSQL array literal ({"a","b"}) or JSON strings, written
// straight into a QString's storage (tens of thousands of values a second go through here). Values are
// always quoted strings, so the database reads each as the text a single parameter would carry.
#include <QString>
#include <QStringView>

#include <vector>

namespace oas::sql {

// The most UTF-16 units quoting text can take (\u00XX per unit, two quotes).
inline qsizetype quotedRoom(QStringView text)
{
    return text.size() * 6 + 2;
}
// text as a JSON string (quotes included) or, with arrayElement, as an element of a PostgreSQL array
// literal, written at dst, which has quotedRoom(text) units; the end of what was written. *nul is set
// when text holds U+0000 (which neither form can give a text column as such).
char16_t *writeQuoted(char16_t *dst, QStringView text, bool arrayElement, bool *nul = nullptr);
// Room for `units` more units at the end of out (growing it geometrically); where they start.
char16_t *grow(QString &out, qsizetype units);
// Ends out where writing stopped.
void finish(QString &out, const char16_t *end);

// {"v1","v2",...} (PostgreSQL) or ["v1","v2",...] (JSON) appended to out; no value may be NULL.
void appendList(QString &out, const std::vector<const QString *> &values, bool postgresArray);

}  // namespace oas::sql
