#pragma once
// What every section parser shares: the field being read (with positions), the source text for excerpts,
// the declared version, and the diagnostics collected so far. Also the small value parsers (booleans,
// ranged integers, abbreviation lists) so each message is written once.
#include "AgentConfig.h"
#include "Keywords.h"
#include "SourceText.h"

#include <QSet>

#include <optional>

namespace oas::config {

struct FieldLine {
    QString name;   // as written, trimmed
    QString value;  // trimmed
    const LogicalLine *line = nullptr;
    int nameOffset = 0;   // in line->text
    int valueOffset = 0;  // in line->text (where the trimmed value starts)
    int equalsOffset = 0;

    SourcePos namePos() const { return line->posAt(nameOffset, int(name.size())); }
    // Position of [offset, offset+length) within the value; length -1 means "to the end".
    SourcePos valuePos(int offset = 0, int length = -1) const
    {
        return line->posAt(valueOffset + offset, length < 0 ? int(value.size()) - offset : length);
    }
};

class ParseContext {
public:
    ParseContext(const SourceText &source, QString fileName) : m_source(source), m_file(std::move(fileName)) {}

    int version = OldVersion;

    void error(const SourcePos &pos, const QString &message);
    void warning(const SourcePos &pos, const QString &message);
    void fileError(const QString &message);  // no position: a whole-file problem
    void fileWarning(const QString &message);
    Diagnostics takeDiagnostics();

    // Fields written in the file, valid or not ("export/select"), so a field with a bad value or a
    // missing '=' is not also reported as missing.
    void markWritten(Section section, const QString &field) { m_written.insert(key(section, field)); }
    bool wasWritten(Section section, const QString &field) const { return m_written.contains(key(section, field)); }
    const SourceText &source() const { return m_source; }

    // Value parsers: on a bad value they report at the value and return nullopt.
    std::optional<bool> parseBool(const FieldLine &field);
    std::optional<qint64> parseInteger(const FieldLine &field, qint64 minimum, qint64 maximum);
    // "a, b , c": abbreviations with their positions; empty entries and bad names are reported.
    NameList parseNameList(const FieldLine &field);

private:
    // At most this many diagnostics are kept (a generated or hostile file could have millions); the rest are
    // counted, and one more diagnostic says how many, an error if any of them was.
    static constexpr int kMaxDiagnostics = 200;
    bool room(Severity severity);

    const SourceText &m_source;
    QString m_file;
    Diagnostics m_diagnostics;
    qint64 m_dropped = 0;
    bool m_droppedError = false;
    QSet<QString> m_written;
    static QString key(Section section, const QString &field)
    {
        return QString::number(int(section)) + QLatin1Char('/') + field.toLower();
    }
};

// An attribute abbreviation: one or more letters, digits, underscores or hyphens.
bool isAbbreviation(const QString &text);
// Identifiers of the procedures section: letters, digits, underscore, hyphen.
bool isIdentifierChar(QChar c);

}  // namespace oas::config

namespace oas::config {

// A trimmed piece of a value and where it starts in the value.
struct ValuePiece {
    int offset = 0;
    QString text;
};
// Splits at sep where it is outside (), [], "" and ''; each piece trimmed of blanks.
QList<ValuePiece> splitTopLevel(const QString &value, QChar sep);

}  // namespace oas::config

namespace oas::config {

template <typename T>
void store(Setting<T> &setting, T value, const FieldLine &field)
{
    setting.value = std::move(value);
    setting.present = true;
    setting.pos = field.valuePos();
}

// Reports a field without a value ("missing Select value") and returns true when the value is empty.
bool reportIfEmpty(const FieldLine &field, ParseContext &ctx);
// A TRUE/FALSE field: an empty or bad value is reported and the default kept.
void storeBool(const FieldLine &field, ParseContext &ctx, Setting<bool> &setting);
// A whole number from low to high, reported the same way.
template <typename T>
void storeRanged(const FieldLine &field, ParseContext &ctx, Setting<T> &setting, qint64 low, qint64 high)
{
    if (reportIfEmpty(field, ctx))
        return;
    if (const auto n = ctx.parseInteger(field, low, high))
        store(setting, T(*n), field);
}

}  // namespace oas::config
