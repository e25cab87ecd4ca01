#include "TraceFile.h"

#include "../run/FileMode.h"

#include <QFileInfo>

namespace oas::trace {

TraceFile::TraceFile(QString name, int maxFiles, qint64 maxFileSize)
    : m_name(std::move(name)), m_rotating(!QFileInfo(m_name).fileName().contains(QLatin1Char('.'))),
      m_maxFiles(maxFiles), m_maxSize(maxFileSize)
{
}

QString TraceFile::pathFor(int index) const
{
    return m_name + QStringLiteral("%1.txt").arg(index, 3, 10, QLatin1Char('0'));
}

bool TraceFile::openIndex(int index, bool truncate)
{
    m_file.close();
    m_index = index;
    m_file.setFileName(m_rotating ? pathFor(index) : m_name);
    if (!m_file.open(QIODevice::WriteOnly | (truncate ? QIODevice::Truncate : QIODevice::Append)))
        return false;
    run::makePrivate(m_file.handle());  // record values: owner only (FileMode.h)
    return true;
}

bool TraceFile::open(QString *error)
{
    bool ok;
    if (!m_rotating) {
        ok = openIndex(0, true);
    } else {
        int newest = 0;
        QDateTime newestTime;
        for (int i = 0; i < m_maxFiles; ++i) {
            const QFileInfo info(pathFor(i));
            if (info.exists() && (!newestTime.isValid() || info.lastModified() > newestTime)) {
                newest = i;
                newestTime = info.lastModified();
            }
        }
        ok = openIndex(newest, false);
    }
    if (!ok && error)
        *error = QStringLiteral("cannot open trace file for writing\n%1").arg(m_file.fileName());
    return ok;
}

void TraceFile::write(const QByteArray &text)
{
    if (!m_file.isOpen())
        return;
    if (m_rotating && m_file.size() > 0 && m_file.size() + text.size() > m_maxSize - Margin)
        openIndex((m_index + 1) % m_maxFiles, true);
    m_file.write(text);
}

void TraceFile::flush()
{
    m_file.flush();
}

}  // namespace oas::trace
