#pragma once
// The pairs of one pairs folder, found by name. A pair is read again whenever its files' contents change
// (compared byte for byte on every use: pair files are small, and a modification time can miss an edit
// made within its resolution), so an event always uses the files as they are now.
#include "PairDefinition.h"

#include <QHash>

namespace oas::pairs {

class PairCatalog {
public:
    explicit PairCatalog(QString folder) : m_folder(std::move(folder)) {}
    QString folder() const { return m_folder; }
    // The pair as its files are now; nullptr with *error when the name is invalid or a file cannot be read.
    // The parse may have errors (check ok()).
    const PairParse *load(const QString &name, QString *error);
    // Names of the pairs in the folder (NAME.csv with a NAME.ini next to it), sorted.
    QStringList names() const;

private:
    struct Entry {
        QByteArray csv;
        QByteArray ini;
        PairParse parse;
    };
    QString m_folder;
    QHash<QString, Entry> m_entries;
};

}  // namespace oas::pairs
