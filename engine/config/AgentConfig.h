#pragma once
// The typed model of an agent configuration file: every section and field of the manual, with the defaults
// the manual gives and, for every value, where it was written (so later checks and the editor can point at
// it). Produced by config::parseConfig(); never holds half-parsed values: a field with an error keeps its
// default and the error is in the diagnostics.
#include "Diagnostic.h"
#include "../sql/SelectBy.h"

#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace oas::config {

template <typename T>
struct Setting {
    T value{};
    SourcePos pos;         // position of the value
    bool present = false;  // written in the file (else value is the default)

    Setting() = default;
    explicit Setting(T defaultValue) : value(std::move(defaultValue)) {}
};

// An abbreviation as written somewhere (a list entry, a relationship end, ...).
struct NameRef {
    QString name;
    SourcePos pos;
};
using NameList = QList<NameRef>;

// Version numbers in hundredths: 100 = 1.00 ... 106 = 1.06; OldVersion = no [version] section.
constexpr int OldVersion = 0;
constexpr int LatestVersion = 106;
QString versionName(int version);  // "old", "1.00", ...

struct Qualifier {
    bool present = false;
    QString dataType;  // "text" (the only type the manual permits)
    std::optional<int> minimum;
    std::optional<int> maximum;
    bool failIfTooBig = false;  // the trailing '#'
};

// The right-hand side of an attribute definition.
struct ColumnIdentifier {
    QString text;             // as written, trimmed
    bool isExpression = false;  // parenthesised expression, subquery, or anything but a dotted name
    QStringList parts;        // for dotted names, each part as written ("[My Table]", "\"org-units\"", "Id")

    QString columnName() const { return parts.isEmpty() ? text : parts.last(); }
    QString tableName() const { return parts.size() > 1 ? parts.mid(0, parts.size() - 1).join('.') : QString(); }
};

struct AttributeDef {
    QString abbreviation;
    Qualifier qualifier;
    ColumnIdentifier column;
    SourcePos pos;        // the abbreviation
    SourcePos columnPos;  // the column identifier
};

struct AttributesSection {
    bool present = false;
    SourcePos headerPos;
    QList<AttributeDef> attributes;

    // First definition whose abbreviation matches case-insensitively, or nullptr.
    const AttributeDef *find(const QString &abbreviation) const;
};

struct DatabaseField {
    QString key;    // as written
    QString value;
    SourcePos pos;  // the key
};

struct DatabaseSection {
    bool present = false;
    SourcePos headerPos;
    QList<DatabaseField> driverFields;  // every field but User/Password, in file order
    Setting<QString> user;
    Setting<QString> password;
};

enum class ExportMode { Full, Delta, DeltaOrFull };
enum class SortForm { Default, Integer, Numeric, CaseIgnore, CaseSensitive };

struct ExportSection {
    bool present = false;
    SourcePos headerPos;
    Setting<ExportMode> mode{ExportMode::Full};
    Setting<NameList> select;
    Setting<NameList> keys;
    Setting<NameList> saveAttr;
    Setting<QString> from;
    Setting<QString> where;
    Setting<qint64> maxRows{2147483647};
    Setting<QString> referencePath;
    Setting<QString> newReferenceFile;
    Setting<QList<SortForm>> sortControl;
};

struct Relationship {
    NameRef referencing;  // the column holding the reference (left of the arrow)
    NameRef referenced;   // the column it points at
};

struct AutoSequence {
    NameRef attribute;
    QString sequence;
};

struct ImportSection {
    bool present = false;
    SourcePos headerPos;
    Setting<QString> table;
    QString primaryTable;  // the first table of a JOIN, or the table itself
    bool isJoin = false;
    Setting<QString> selectBy;  // the predicate text
    std::optional<sql::SelectByNode> selectByTree;
    NameList selectByAttributes;  // every abbreviation of the predicate, in order, repeats included
    Setting<NameList> modify;
    Setting<bool> createIfAbsent{true};
    Setting<QString> exceptions{QStringLiteral("except.txt")};
    Setting<bool> insertOnly{false};
    Setting<QString> changeType{QStringLiteral("ChangeType")};
    Setting<QList<Relationship>> relationships;
    Setting<bool> alwaysFollowReferences{false};
    Setting<bool> modifyAnyway{false};
    Setting<QList<AutoSequence>> autos;
    Setting<bool> sqlExecDirect{false};
    Setting<QStringList> setOptions;  // one SET statement each
};

struct Preset {
    enum class Kind { String, Number };
    Kind kind = Kind::String;
    QString text;
};

struct ProcedureParam {
    bool isReturn = false;
    QString tag;
    std::optional<Preset> preset;
    SourcePos pos;
};

enum class ReturnOutcome { Ok, Warning, Failure };

struct ReturnRangeItem {
    QList<QPair<qint64, qint64>> ranges;  // inclusive [low, high]
    ReturnOutcome outcome = ReturnOutcome::Ok;
    QString message;  // without the '!'
};

struct ProcedureDecl {
    QString id;
    QString returnTag;  // empty when the procedure is not a function
    QString procedureName;
    QList<ProcedureParam> params;
    QList<ReturnRangeItem> returning;
    SourcePos pos;  // the proc-id

    // Maps a returned integer through RETURNING, left to right; out of range is a failure.
    ReturnRangeItem classify(qint64 value) const;
    const ProcedureParam *returnParam() const;
};

struct ProceduresSection {
    bool present = false;
    SourcePos headerPos;
    Setting<NameList> procedure;
    QList<ProcedureDecl> declarations;

    const ProcedureDecl *find(const QString &id) const;
    const ProcedureDecl *active() const;  // the first one named by Procedure=
};

struct EncryptedAttributesSection {
    bool present = false;
    SourcePos headerPos;
    NameList attributes;
};

enum class TraceLevel : quint32 {
    ConnectAttributes = 1u << 0,
    FailSummary = 1u << 1,
    Odbc = 1u << 2,
    Sql = 1u << 3,
    Summary = 1u << 4,
    Warnings = 1u << 5,
    Columns = 1u << 6,
    RefData = 1u << 7,
    Statistics = 1u << 8,
    AllProcedures = 1u << 9,
    ProcedureCharacteristics = 1u << 10,
    ProcedureReturns = 1u << 11,
};
Q_DECLARE_FLAGS(TraceLevels, TraceLevel)
Q_DECLARE_OPERATORS_FOR_FLAGS(TraceLevels)

enum class Encoding { Latin1, Utf8 };

// A DateFormat: literal text around YYYY, MM or MON, and DD, in Y-M-D or D-M-Y order.
struct DateFormat {
    enum class Part { Literal, Year, Month, MonthName, Day };
    struct Piece {
        Part part;
        QString literal;
    };
    QList<Piece> pieces;
    QString text;

    static DateFormat isoDefault();  // YYYY-MM-DD
};

struct ControlSection {
    bool present = false;
    SourcePos headerPos;
    Setting<QString> recordSeparator{QStringLiteral("row:")};  // "\f" already turned into a form feed
    Setting<bool> trace{false};
    Setting<TraceLevels> traceLevel;
    Setting<QString> traceFile{QStringLiteral("trace.txt")};
    Setting<int> maxTraceFiles{1000};
    Setting<qint64> maxTraceFileSize{1048576};
    Setting<int> traceFlow{0};
    Setting<bool> eightBit{false};
    Setting<int> dataHash{8};
    Setting<DateFormat> dateFormat{DateFormat::isoDefault()};
    Setting<Encoding> encoding{Encoding::Latin1};
    // Ours: an empty string is written as \E and read back as one, apart from NULL (the manual writes both
    // as an empty value, which imports as NULL).
    Setting<bool> keepEmptyStrings{false};
};

struct AgentConfig {
    QString fileName;
    Setting<int> version{OldVersion};
    bool versionSectionPresent = false;
    AttributesSection attributes;
    DatabaseSection database;
    ExportSection exportSection;
    ImportSection importSection;
    ProceduresSection procedures;
    EncryptedAttributesSection encryptedAttributes;
    ControlSection control;

    bool usesProcedures() const { return procedures.present; }
};

}  // namespace oas::config
