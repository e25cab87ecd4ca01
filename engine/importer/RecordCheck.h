#pragma once
// The first step of importing a record, without the database: read its change type, sort its attributes
// into known, repeated and unrecognized ones, require every naming attribute, and apply the length limits
// (truncate or pad non-naming values, fail on naming values or the fail-if-too-big flag).
#include "ImportPlan.h"
#include "RecordEvents.h"

#include "../datafile/DataFormat.h"

#include <optional>
#include <vector>

namespace oas::importer {

struct CheckedRecord {
    int line = 0;
    datafile::ChangeType change = datafile::ChangeType::Unspecified;
    std::vector<std::optional<QString>> values;  // per plan attribute; nullopt: not supplied, "" : NULL
    std::vector<bool> emptyStrings;              // per plan attribute: "" is an empty string (KeepEmptyStrings)
    QList<Event> events;
    bool failed = false;  // an error event: the record goes to the exceptions file as it is
    QString label;        // the naming values, "Nancy/Davolio"

    bool supplied(int index) const { return values[size_t(index)].has_value(); }
    bool emptyString(size_t index) const { return index < emptyStrings.size() && emptyStrings[index]; }
    // The value to bind: NULL for an empty value, unless it is an empty string.
    std::optional<QString> bound(size_t index) const
    {
        const std::optional<QString> &v = values[index];
        return v && (!v->isEmpty() || emptyString(index)) ? v : std::nullopt;
    }
};

CheckedRecord checkRecord(const datafile::Record &record, const ImportPlan &plan, const QString &changeTypeAttribute);

}  // namespace oas::importer
