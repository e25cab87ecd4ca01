#pragma once
// The export data file: written to a temporary file and renamed into place only when the export is
// complete (commit), so a failed or killed export never leaves a partial file that looks finished.
// "+" writes to standard output instead, as the data is produced.
#include <QFile>
#include <QSaveFile>
#include <QString>

#include <memory>

namespace oas::exporter {

class DataOutput {
public:
    explicit DataOutput(QString path, bool toStdout);
    bool open(QString *error);
    QIODevice *device();
    bool commit(QString *error);  // renames into place (a no-op for standard output)
    void abandon();               // drops the temporary file
    QString path() const { return m_path; }

private:
    QString m_path;
    bool m_stdout;
    std::unique_ptr<QSaveFile> m_file;
    QFile m_out;
};

}  // namespace oas::exporter
