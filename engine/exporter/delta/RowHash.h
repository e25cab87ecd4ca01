#pragma once
// The hash of a row for delta comparison: XXH3-128 over a canonical form of the exported values, truncated to
// DataHash octets. Canonical form, per selected column in order: a 0x00 byte for NULL, or a 0x01 byte, the
// number of UTF-16 code units as 4 bytes little-endian, and the text as UTF-16 little-endian (the same text
// the export writes, see ValueText). So "" and NULL differ, and no two rows collide by shifting text between
// columns.
#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace oas::exporter::delta {

QByteArray rowHash(const std::vector<std::optional<QString>> &values, int octets);

}  // namespace oas::exporter::delta
