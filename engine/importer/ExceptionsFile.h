#pragma once
// Reading an exceptions file back (the Studio lists its entries): each entry is "# record at line N", the
// record as it was supplied, and its events as "# " comment lines, each event closed by "#".
#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QStringList>

namespace oas::importer {

struct ExceptionEntry {
    int line = 0;            // the record's line in the imported file
    QByteArray record;       // as supplied
    QList<QStringList> events;  // each event's lines, "# " removed
};

// Entries in file order; text before the first "# record at line" is ignored.
QList<ExceptionEntry> readExceptions(QIODevice *device);

}  // namespace oas::importer
