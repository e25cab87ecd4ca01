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
    bool commit(QString *error);  // syncs to disk and renames into place (a no-op for standard output)
    // After writing: every kWritebackBytes, asks the system to start writing the new bytes to disk (Linux:
    // sync_file_range without waiting), so that they go while the export goes on and commit's sync finds
    // little left to wait for. Only a hint: commit still syncs everything.
    void startWriteback();
    static constexpr qint64 kWritebackBytes = 8 * 1024 * 1024;
    void abandon();               // drops the temporary file
    QString path() const { return m_path; }

private:
    QString m_path;
    bool m_stdout;
    std::unique_ptr<QSaveFile> m_file;
    QFile m_out;
    qint64 m_writebackFrom = 0;  // where the next range to start writing back begins
};

}  // namespace oas::exporter
