#pragma once
// Where trace text goes on disk. A TraceFile name with a suffix is one file, rewritten by each run. A name
// without a suffix is a prefix for prefix000.txt ... prefixNNN.txt (NNN = MaxTraceFiles - 1), used in
// rotation: a run continues the most recently written file, and moves to the next one (truncating it)
// when a write would take the file over MaxTraceFileSize less 256 bytes, so files stay a little under the
// limit as the manual says.
#include <QFile>
#include <QString>

namespace oas::trace {

class TraceFile {
public:
    TraceFile(QString name, int maxFiles, qint64 maxFileSize);
    bool open(QString *error);
    void write(const QByteArray &text);
    void flush();
    QString currentPath() const { return m_file.fileName(); }
    static constexpr qint64 Margin = 256;

private:
    QString pathFor(int index) const;
    bool openIndex(int index, bool truncate);

    QString m_name;
    bool m_rotating;
    int m_maxFiles;
    qint64 m_maxSize;
    int m_index = 0;
    QFile m_file;
};

}  // namespace oas::trace
