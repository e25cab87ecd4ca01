#pragma once
// The vocabulary of configuration files in one place: sections, the fields each accepts, the Version that
// introduced them, and the TraceLevel names. The parser and the Studio's completion both read it.
#include "AgentConfig.h"

#include <QList>
#include <QString>

namespace oas::config {

enum class Section { Version, Attributes, Database, Import, Export, Procedures, EncryptedAttributes, Control };

struct SectionSpec {
    Section section;
    QString name;        // canonical spelling, e.g. "EncryptedAttributes"
    int minVersion;      // OldVersion when every version has it
    bool freeFormFields; // attributes, database, procedures (declarations), encrypted attributes
};

struct FieldSpec {
    Section section;
    QString name;    // canonical spelling, as messages print it
    int minVersion;  // OldVersion when every version has it
};

const QList<SectionSpec> &sectionSpecs();
const SectionSpec *findSection(const QString &name);  // case-insensitive
const QList<FieldSpec> &fieldSpecs();
const FieldSpec *findField(Section section, const QString &name);  // case-insensitive, aliases included
QList<FieldSpec> fieldsOf(Section section);

struct TraceLevelName {
    TraceLevel level;
    QString name;
    QString abbreviation;  // empty when the level has none
};
const QList<TraceLevelName> &traceLevelNames();
std::optional<TraceLevel> findTraceLevel(const QString &word);  // name or abbreviation, case-insensitive

}  // namespace oas::config
