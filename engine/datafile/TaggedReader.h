#pragma once
// Streams records out of a tagged data file (the manual's import/export format) one at a time, so memory
// does not grow with the file. Never drops input silently: anything it cannot read becomes a problem on the
// record it belongs to, with its line number.
//
// The device is read in blocks of its own (lines are found in them, not read one by one), so nothing else
// may read the device while a reader uses it; bytesRead() says how far the records go.
#include "DataFormat.h"

#include <QIODevice>

#include <optional>
#include <utility>
#include <vector>

namespace oas::datafile {

class TaggedReader {
public:
    TaggedReader(QIODevice *device, DataFormat format);

    // The next record, or nullopt at the end of the input or after an end: line.
    std::optional<Record> next();
    bool endMarkerSeen() const { return m_endSeen; }
    int linesRead() const { return m_lineNo; }
    qint64 bytesRead() const { return m_bytesRead; }

private:
    struct Line {
        QByteArrayView text;  // without line ending
        QByteArrayView raw;   // as read, with line ending
        int number = 0;
    };
    // The next physical line; its views stay valid until the next call.
    bool readPhysical(Line &line);
    bool fill();
    void addAttribute(Record &record, QByteArrayView logical, int line);
    QString attributeName(QByteArrayView bytes, bool *ok);  // bytes unescaped
    static bool isEmpty(const Record &record);

    QIODevice *m_device;
    DataFormat m_format;
    QByteArray m_separator;
    QByteArray m_buffer;  // bytes read from the device; lines are found from m_at on
    qsizetype m_at = 0;
    bool m_eof = false;
    int m_lineNo = 0;
    qint64 m_bytesRead = 0;
    bool m_endSeen = false;
    bool m_finished = false;
    bool m_hasPending = false;  // a separator line that starts the next record
    QByteArray m_pendingRaw;
    int m_pendingLine = 0;
    std::vector<std::pair<QByteArray, QString>> m_names;  // attribute names seen, decoded once
};

}  // namespace oas::datafile
