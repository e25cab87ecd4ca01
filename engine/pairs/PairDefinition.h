#pragma once
// A mapping pair (docs/pairs.md): NAME.csv maps target fields to source field codes with an ODBC type, the
// first data row being the key used by updates and deletes; NAME.ini holds the target's data source,
// credentials (in the secret forms of secrets/SecretValue.h) and table. Both files live in one pairs folder
// and are found by NAME. Parsing is pure: problems come back as diagnostics naming file and line.
#include "../config/AgentConfig.h"
#include "../config/Diagnostic.h"

namespace oas::pairs {

enum class FieldType { Char, Date, Decimal, Numeric };
QString typeName(FieldType type);  // CHAR, TYPE_DATE, DECIMAL, NUMERIC
QStringList typeNames();

struct PairField {
    QString target;  // the target table's column, exactly (case-sensitive)
    QString code;    // the source field code: the attribute name in records
    FieldType type = FieldType::Char;
    int line = 0;    // in the CSV
};

struct PairDefinition {
    QString name;
    QString csvPath;
    QString iniPath;
    QList<PairField> fields;  // fields.first() is the key
    QList<config::DatabaseField> driverFields;
    config::Setting<QString> user;
    config::Setting<QString> password;
    config::Setting<QString> table;

    const PairField &key() const { return fields.first(); }
    const PairField *byCode(const QString &code) const;  // case-insensitive, as record attributes are
};

struct PairParse {
    PairDefinition pair;
    config::Diagnostics diagnostics;
    bool ok() const { return !config::hasErrors(diagnostics); }
};

// Parses NAME.csv and NAME.ini of the folder from their text (the caller reads the files).
PairParse parsePair(const QString &name, const QString &csvPath, const QByteArray &csv, const QString &iniPath,
                    const QByteArray &ini);
// "customers.csv line 3: unknown type STRING, expected CHAR, TYPE_DATE, DECIMAL or NUMERIC", one per line.
QString formatProblems(const config::Diagnostics &diagnostics);
// A pair name is a file name without extension: letters, digits, _ - . (no path).
bool isValidPairName(const QString &name);

}  // namespace oas::pairs
