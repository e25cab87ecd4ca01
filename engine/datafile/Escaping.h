#pragma once
// The escapes of tagged data files: \\ for a backslash, \xhh for any byte, \# for a '#'. Writing also
// escapes control characters, leading/trailing blanks (which reading would trim) and, per the 8bit rule,
// characters with bit 8 set.
#include "DataFormat.h"
#include "EscapeAscii.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace oas::datafile {

// Escaped bytes for one attribute value (or name), or nullopt when a character cannot be written in the
// chosen encoding; *badChar receives that character.
std::optional<QByteArray> escapeText(const QString &text, const DataFormat &format, char32_t *badChar = nullptr);
// The same, appended to out; false (out then holds part of the text) when a character cannot be written.
bool appendEscaped(QByteArray &out, const QString &text, const DataFormat &format, char32_t *badChar = nullptr);
// The most bytes escaping turns one UTF-16 unit into (a character of three UTF-8 bytes, each as \xhh).
constexpr qsizetype kMaxEscapedBytesPerUnit = 12;
// The same written to dst, which has room for kMaxEscapedBytesPerUnit bytes a unit of text: the end of what
// was written, or nullptr when a character cannot be written.
char *escapeInto(char *dst, QStringView text, const DataFormat &format, char32_t *badChar = nullptr);

struct Unescaped {
    QByteArray bytes;
    QString problem;  // first invalid escape, empty when none
};
Unescaped unescapeBytes(const QByteArray &text);

// Bytes to text in the file's encoding; *ok is false for invalid UTF-8 (the text then has U+FFFD marks).
QString decodeBytes(const QByteArray &bytes, config::Encoding encoding, bool *ok);
QByteArray encodeSeparator(const QString &separator, config::Encoding encoding);

}  // namespace oas::datafile
