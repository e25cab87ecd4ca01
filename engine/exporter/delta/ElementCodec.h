#pragma once
// Binary encoding of reference elements, shared by reference files and the external sort's run files.
// Little-endian; a string is a 4-byte length (0xFFFFFFFF for NULL) and its UTF-8 bytes.
#include "RefElement.h"

#include <QIODevice>

namespace oas::exporter::delta {

void appendU32(QByteArray &out, quint32 v);
void appendU64(QByteArray &out, quint64 v);
void appendString(QByteArray &out, const std::optional<QString> &s);
void appendElement(QByteArray &out, const RefElement &e, bool withDataPosition);

// Reads from a device; every read reports failure instead of returning garbage.
class ElementReader {
public:
    explicit ElementReader(QIODevice *device) : m_device(device) {}
    bool u32(quint32 &v);
    bool u64(quint64 &v);
    bool string(std::optional<QString> &s);
    bool bytes(QByteArray &b, qint64 n);
    bool element(RefElement &e, int keyCount, int hashSize, int savedCount, bool withDataPosition);

private:
    QIODevice *m_device;
};

}  // namespace oas::exporter::delta
