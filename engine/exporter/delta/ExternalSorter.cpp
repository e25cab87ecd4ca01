#include "ExternalSorter.h"

#include "ElementCodec.h"

#include <algorithm>

namespace oas::exporter::delta {

struct ExternalSorter::Run {
    QTemporaryFile file;
    ElementReader reader;
    RefElement head;
    bool hasHead = false;
};

ExternalSorter::ExternalSorter(KeyOrder order, int keyCount, int hashSize, int savedCount, QString tempDir,
                               qint64 memoryBudget)
    : m_order(std::move(order)), m_keyCount(keyCount), m_hashSize(hashSize), m_savedCount(savedCount),
      m_tempDir(std::move(tempDir)), m_budget(memoryBudget)
{
}

ExternalSorter::~ExternalSorter() = default;

void ExternalSorter::sortBuffer()
{
    if (!m_inOrder)
        std::stable_sort(m_buffer.begin(), m_buffer.end(), [this](const RefElement &a, const RefElement &b) { return m_order.less(a, b); });
    m_inOrder = true;  // each run is checked on its own
}

bool ExternalSorter::add(RefElement element, QString *error)
{
    m_bytes += element.approximateBytes();
    if (m_inOrder && !m_buffer.empty() && m_order.less(element, m_buffer.back()))
        m_inOrder = false;
    m_buffer.push_back(std::move(element));
    return m_bytes < m_budget || spill(error);
}

bool ExternalSorter::spill(QString *error)
{
    sortBuffer();
    auto run = std::make_unique<Run>();
    run->file.setFileTemplate(m_tempDir + QStringLiteral("/sortrun-XXXXXX"));
    if (!run->file.open()) {
        *error = QStringLiteral("cannot create a temporary sort file in %1").arg(m_tempDir);
        return false;
    }
    QByteArray chunk;
    for (const RefElement &e : m_buffer) {
        appendElement(chunk, e, true);
        if (chunk.size() > (1 << 20)) {
            if (run->file.write(chunk) != chunk.size()) {
                *error = QStringLiteral("cannot write a temporary sort file in %1 (disk full?)").arg(m_tempDir);
                return false;
            }
            chunk.clear();
        }
    }
    if (run->file.write(chunk) != chunk.size() || !run->file.flush()) {
        *error = QStringLiteral("cannot write a temporary sort file in %1 (disk full?)").arg(m_tempDir);
        return false;
    }
    m_runs.push_back(std::move(run));
    m_buffer.clear();
    m_buffer.shrink_to_fit();
    m_bytes = 0;
    return true;
}

bool ExternalSorter::advance(size_t i)
{
    Run &run = *m_runs[i];
    run.hasHead = run.reader.element(run.head, m_keyCount, m_hashSize, m_savedCount, true);
    return run.hasHead;
}

bool ExternalSorter::finish(QString *error)
{
    if (m_runs.empty()) {
        sortBuffer();
        return true;
    }
    if (!m_buffer.empty() && !spill(error))
        return false;
    for (size_t i = 0; i < m_runs.size(); ++i) {
        m_runs[i]->file.seek(0);
        m_runs[i]->reader.reset(&m_runs[i]->file);
        advance(i);
    }
    return true;
}

bool ExternalSorter::next(RefElement &element)
{
    if (m_runs.empty()) {
        if (m_bufferPos >= m_buffer.size())
            return false;
        element = std::move(m_buffer[m_bufferPos++]);
        return true;
    }
    // The earliest run wins ties, which keeps equal keys in the order they were added.
    size_t best = m_runs.size();
    for (size_t i = 0; i < m_runs.size(); ++i) {
        if (m_runs[i]->hasHead && (best == m_runs.size() || m_order.less(m_runs[i]->head, m_runs[best]->head)))
            best = i;
    }
    if (best == m_runs.size())
        return false;
    element = std::move(m_runs[best]->head);
    advance(best);
    return true;
}

}  // namespace oas::exporter::delta
