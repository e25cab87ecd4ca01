#include "PairCatalog.h"

#include "../config/SourceText.h"

#include <QDir>
#include <QFile>

namespace oas::pairs {

namespace {

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    return config::readBoundedFile(path, error);
}

}  // namespace

const PairParse *PairCatalog::load(const QString &name, QString *error)
{
    if (!isValidPairName(name)) {
        *error = QStringLiteral("invalid pair name %1: a file name without extension or folder").arg(name);
        return nullptr;
    }
    const QDir dir(m_folder);
    const QString csvPath = dir.filePath(name + QStringLiteral(".csv"));
    const QString iniPath = dir.filePath(name + QStringLiteral(".ini"));
    if (!QFile::exists(csvPath) && !QFile::exists(iniPath)) {
        *error = QStringLiteral("no pair %1 in %2 (expected %1.csv and %1.ini)").arg(name, m_folder);
        return nullptr;
    }
    const std::optional<QByteArray> csv = readFile(csvPath, error);
    if (!csv)
        return nullptr;
    const std::optional<QByteArray> ini = readFile(iniPath, error);
    if (!ini)
        return nullptr;
    auto it = m_entries.find(name);
    if (it == m_entries.end() || it->csv != *csv || it->ini != *ini)
        it = m_entries.insert(name, {*csv, *ini, parsePair(name, csvPath, *csv, iniPath, *ini)});
    return &it->parse;
}

QStringList PairCatalog::names() const
{
    QStringList names;
    const QDir dir(m_folder);
    for (const QString &csv : dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name)) {
        const QString name = csv.chopped(4);
        if (dir.exists(name + QStringLiteral(".ini")))
            names.append(name);
    }
    return names;
}

}  // namespace oas::pairs
