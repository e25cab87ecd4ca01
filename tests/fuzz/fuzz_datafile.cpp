// libFuzzer harness: any bytes as a tagged data file, read with options chosen by the first byte. Records
// read without problems are written back and read again: the names and values must come back unchanged.
#include "datafile/TaggedReader.h"
#include "datafile/TaggedWriter.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>

using namespace oas::datafile;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    DataFormat format;
    format.encoding = (data[0] & 1) ? oas::config::Encoding::Utf8 : oas::config::Encoding::Latin1;
    format.eightBit = data[0] & 2;
    static const QString separators[] = {QStringLiteral("row:"), QStringLiteral("\f"), QStringLiteral("--")};
    format.recordSeparator = separators[(data[0] >> 2) % 3];

    QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QBuffer in(&bytes);
    in.open(QIODevice::ReadOnly);
    TaggedReader reader(&in, format);
    while (const auto record = reader.next()) {
        if (!record->problems.isEmpty() || record->attributes.isEmpty())
            continue;
        QByteArray written;
        QBuffer out(&written);
        out.open(QIODevice::WriteOnly);
        TaggedWriter writer(&out, format);
        if (!writer.write(record->attributes))
            continue;  // e.g. a UTF-8 replacement character cannot go to ISO-8859-1: reported, not written
        out.close();
        QBuffer again(&written);
        again.open(QIODevice::ReadOnly);
        TaggedReader reread(&again, format);
        const auto copy = reread.next();
        if (!copy || copy->attributes.size() != record->attributes.size())
            __builtin_trap();
        for (qsizetype i = 0; i < copy->attributes.size(); ++i) {
            if (copy->attributes[i].name != record->attributes[i].name
                || copy->attributes[i].value != record->attributes[i].value)
                __builtin_trap();
        }
    }
    return 0;
}
