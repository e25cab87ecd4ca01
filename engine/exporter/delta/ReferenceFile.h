#pragma once
// Delta reference files (DECISIONS.md 7), our own versioned binary format, documented in
// docs/reference-files.md: a header with what the manual's RefData trace lists, the elements sorted by
// KeyOrder, and a trailer with the record count and an XXH3-64 checksum of everything before it. Written
// through QSaveFile, so a file either is complete or does not exist under its name.
#include "ElementCodec.h"
#include "../../config/AgentConfig.h"

#include <QDateTime>
#include <QFile>
#include <QSaveFile>

#include <memory>

namespace oas::exporter::delta {

struct ReferenceHeader {
    QDateTime timestamp;  // UTC
    qint64 recordCount = 0;
    qint64 keyDataWidth = 0;  // the widest key, in bytes
    bool eightBit = false;
    int hashSize = 8;
    QString selection;  // column identifiers, ", "-joined
    QString keys;
    QString from;
    QString where;
    QList<config::SortForm> sortForms;  // one per key, resolved (never Default)
    QStringList savedColumns;           // SaveAttr column identifiers

    // Empty when both describe the same export; otherwise what changed, for the message.
    QString differenceFrom(const ReferenceHeader &other) const;
    // The RefData trace's "reference info:" block.
    QString describe() const;
};

class ReferenceWriter {
public:
    bool open(const QString &path, const ReferenceHeader &header, QString *error);
    bool append(const RefElement &element);
    bool commit(QString *error);  // writes the trailer and renames into place
    void abandon();
    qint64 count() const { return m_count; }

private:
    void put(const QByteArray &bytes);
    void flushPending();
    std::unique_ptr<QSaveFile> m_file;
    QByteArray m_pending;  // elements not yet written (and hashed), in blocks of about 64 KiB
    void *m_hashState = nullptr;
    qint64 m_count = 0;
    qint64 m_keyWidth = 0;
    bool m_failed = false;
};

class ReferenceReader {
public:
    ~ReferenceReader();
    // Opens and checks the whole file (magic, header, trailer, checksum): false with a reason otherwise.
    bool open(const QString &path, QString *error);
    const ReferenceHeader &header() const { return m_header; }
    bool next(RefElement &element);  // in file order (sorted); false after the last

private:
    QFile m_file;
    ElementReader m_reader;
    ReferenceHeader m_header;
    qint64 m_read = 0;
};

}  // namespace oas::exporter::delta
