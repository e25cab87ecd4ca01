#pragma once
// Streams records out of a tagged data file (the manual's import/export format) one at a time, so memory
// does not grow with the file. Never drops input silently: anything it cannot read becomes a problem on the
// record it belongs to, with its line number.
#include "DataFormat.h"

#include <QIODevice>

#include <optional>

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
        QByteArray text;  // without line ending
        QByteArray raw;   // as read, with line ending
        int number = 0;
    };
    bool readPhysical(Line &line);
    void addAttribute(Record &record, const QByteArray &logical, int line);
    static bool isEmpty(const Record &record);

    QIODevice *m_device;
    DataFormat m_format;
    QByteArray m_separator;
    int m_lineNo = 0;
    qint64 m_bytesRead = 0;
    bool m_endSeen = false;
    bool m_finished = false;
    std::optional<Line> m_pendingSeparator;  // separator that starts the next record
};

}  // namespace oas::datafile
