#include "DataFormat.h"

namespace oas::datafile {

DataFormat DataFormat::fromConfig(const config::ControlSection &control)
{
    DataFormat f;
    f.recordSeparator = control.recordSeparator.value;
    f.encoding = control.encoding.value;
    f.eightBit = control.eightBit.value;
    f.keepEmptyStrings = control.keepEmptyStrings.value;
    return f;
}

const Attribute *Record::find(const QString &name) const
{
    for (const Attribute &a : attributes) {
        if (a.name.compare(name, Qt::CaseInsensitive) == 0)
            return &a;
    }
    return nullptr;
}

int Record::count(const QString &name) const
{
    int n = 0;
    for (const Attribute &a : attributes)
        n += a.name.compare(name, Qt::CaseInsensitive) == 0 ? 1 : 0;
    return n;
}

ChangeType changeTypeOf(const Record &record, const QString &attributeName, QString *rawValue)
{
    const Attribute *a = record.find(attributeName);
    if (rawValue)
        *rawValue = a ? a->value : QString();
    if (!a)
        return ChangeType::Unspecified;
    for (ChangeType t : {ChangeType::Add, ChangeType::Modify, ChangeType::Delete}) {
        if (a->value.compare(changeTypeName(t), Qt::CaseInsensitive) == 0)
            return t;
    }
    return ChangeType::Invalid;
}

QString changeTypeName(ChangeType type)
{
    switch (type) {
    case ChangeType::Add: return QStringLiteral("add");
    case ChangeType::Modify: return QStringLiteral("modify");
    case ChangeType::Delete: return QStringLiteral("delete");
    case ChangeType::Unspecified:
    case ChangeType::Invalid: break;
    }
    return {};
}

}  // namespace oas::datafile
