#pragma once
// Sorts any number of reference elements in bounded memory: elements collect in memory until their estimated
// size reaches the budget, are sorted and written to a run file, and the runs are merged at the end.
// Memory use is about the budget plus one element per run.
#include "KeyOrder.h"

#include <QTemporaryFile>

#include <memory>

namespace oas::exporter::delta {

class ExternalSorter {
public:
    ExternalSorter(KeyOrder order, int keyCount, int hashSize, int savedCount, QString tempDir, qint64 memoryBudget);
    ~ExternalSorter();
    bool add(RefElement element, QString *error);
    bool finish(QString *error);    // after the last add
    bool next(RefElement &element);  // ascending; false at the end
    int runCount() const { return int(m_runs.size()); }

private:
    struct Run;
    bool spill(QString *error);
    void sortBuffer();  // unless it is already in order
    bool advance(size_t run);

    KeyOrder m_order;
    int m_keyCount;
    int m_hashSize;
    int m_savedCount;
    QString m_tempDir;
    qint64 m_budget;
    qint64 m_bytes = 0;
    bool m_inOrder = true;  // every element so far came after the one before: nothing to sort
    std::vector<RefElement> m_buffer;
    size_t m_bufferPos = 0;
    std::vector<std::unique_ptr<Run>> m_runs;
};

}  // namespace oas::exporter::delta
