#include "DataOutput.h"

#include <cstdio>
#if defined(__linux__)
#include <fcntl.h>
#endif

namespace oas::exporter {

DataOutput::DataOutput(QString path, bool toStdout) : m_path(std::move(path)), m_stdout(toStdout) {}

bool DataOutput::open(QString *error)
{
    if (m_stdout) {
        if (m_out.open(stdout, QIODevice::WriteOnly))
            return true;
        *error = QStringLiteral("cannot write to standard output");
        return false;
    }
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot open export data file for writing\n%1").arg(m_path);
        m_file.reset();
        return false;
    }
    return true;
}

QIODevice *DataOutput::device()
{
    return m_stdout ? static_cast<QIODevice *>(&m_out) : m_file.get();
}

bool DataOutput::commit(QString *error)
{
    if (m_stdout) {
        m_out.flush();
        return true;
    }
    if (!m_file || !m_file->commit()) {
        *error = QStringLiteral("cannot write export data file\n%1\n%2").arg(m_path, m_file ? m_file->errorString() : QString());
        return false;
    }
    return true;
}

void DataOutput::startWriteback()
{
    if (!m_file)
        return;
    const qint64 written = m_file->pos();
    if (written - m_writebackFrom < kWritebackBytes)
        return;
#if defined(__linux__)
    if (m_file->flush() && m_file->handle() >= 0)
        ::sync_file_range(m_file->handle(), m_writebackFrom, written - m_writebackFrom, SYNC_FILE_RANGE_WRITE);
#endif
    m_writebackFrom = written;
}

void DataOutput::abandon()
{
    if (m_file)
        m_file->cancelWriting();
    m_file.reset();
}

}  // namespace oas::exporter
