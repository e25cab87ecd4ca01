#pragma once
// How a tagged data file is written: the record separator, the byte encoding and the 8bit rule. Built from
// the [control] section so reader, writer and the agents agree.
#include "../config/AgentConfig.h"

namespace oas::datafile {

struct DataFormat {
    QString recordSeparator = QStringLiteral("row:");
    config::Encoding encoding = config::Encoding::Latin1;
    bool eightBit = false;  // write characters 0xA0-0xFE (UTF-8: U+00A0 and up) without \xhh escapes
    bool keepEmptyStrings = false;  // an empty string as the value \E, apart from NULL (an empty value)

    static DataFormat fromConfig(const config::ControlSection &control);
};

struct Attribute {
    QString name;
    QString value;
    int line = 0;  // physical line where the attribute starts (0 for records built in memory)
    bool emptyString = false;  // KeepEmptyStrings: the value \E, an empty string and not NULL
};

struct RecordProblem {
    int line = 0;
    QString message;
};

// One record of a data file with everything the importer needs to account for it.
struct Record {
    int line = 0;  // the separator that introduces it, or its first line when there is none
    QList<Attribute> attributes;  // in file order, repeats kept
    bool skipped = false;         // a skip: line was present
    QList<RecordProblem> problems;  // lines that are not "name: value", bad escapes, bad encoding
    QByteArray rawText;             // the record exactly as supplied, for the exceptions file

    const Attribute *find(const QString &name) const;  // first match, case-insensitive
    int count(const QString &name) const;
};

enum class ChangeType { Unspecified, Add, Modify, Delete, Invalid };
// Reads the change type quasi-attribute (named as the config's ChangeType field says; name and value are
// case-insensitive). rawValue receives the value as written.
ChangeType changeTypeOf(const Record &record, const QString &attributeName, QString *rawValue = nullptr);
QString changeTypeName(ChangeType type);  // "add", "modify", "delete"

}  // namespace oas::datafile
