#pragma once
// One entry of a delta reference snapshot: the key values, the hash of the whole row, the SaveAttr values,
// and (while exporting only) where the row's formatted data sits in the temporary data file.
#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace oas::exporter::delta {

using Values = std::vector<std::optional<QString>>;  // an empty optional is NULL

struct RefElement {
    Values keys;
    QByteArray hash;
    Values saved;
    qint64 dataOffset = -1;  // not stored in reference files
    qint64 dataLength = 0;

    qint64 approximateBytes() const;
};

}  // namespace oas::exporter::delta
