#pragma once
// Binary encoding of reference elements, shared by reference files and the external sort's run files.
// Little-endian; a string is a 4-byte length (0xFFFFFFFF for NULL) and its UTF-8 bytes.
#include "RefElement.h"

#include <QIODevice>

namespace oas::exporter::delta {

void appendU32(QByteArray &out, quint32 v);
void appendU64(QByteArray &out, quint64 v);
void appendString(QByteArray &out, const std::optional<QString> &s);
// Returns the UTF-8 bytes of the element's keys (without their lengths).
qint64 appendElement(QByteArray &out, const RefElement &e, bool withDataPosition);

// Reads from a device through its own 64 KiB buffer (one object per stream, kept between elements);
// every read reports failure instead of returning garbage.
class ElementReader {
public:
    explicit ElementReader(QIODevice *device = nullptr) : m_device(device) {}
    void reset(QIODevice *device);  // after a seek, or for another device
    bool u32(quint32 &v);
    bool u64(quint64 &v);
    bool string(std::optional<QString> &s);
    bool bytes(QByteArray &b, qint64 n);
    bool element(RefElement &e, int keyCount, int hashSize, int savedCount, bool withDataPosition);

private:
    bool ensure(qint64 n);  // at least n unread bytes in the buffer
    QIODevice *m_device;
    QByteArray m_buffer;
    qint64 m_pos = 0;
};

}  // namespace oas::exporter::delta
