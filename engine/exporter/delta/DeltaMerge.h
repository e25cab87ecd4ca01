#pragma once
// Compares the previous and the new snapshot, both sorted by the same KeyOrder, in one pass: entries only in
// the new one are adds, only in the old one deletes, in both with another hash modifies. A changed key is
// therefore a delete plus an add. Each new entry is also handed on, so the new reference file is written
// in the same pass.
#include "KeyOrder.h"

#include <functional>

namespace oas::exporter::delta {

enum class Change { Add, Modify, Delete };

struct MergeHandlers {
    std::function<bool(RefElement &)> nextOld;  // false at the end
    std::function<bool(RefElement &)> nextNew;
    std::function<bool(Change, const RefElement &)> change;     // the new element, or the old one for Delete
    std::function<bool(const RefElement &)> keep;               // every new element, in order
    std::function<void(const RefElement &)> duplicate;           // a new element whose key repeats the previous one
};

// false when a handler returned false (it said why).
bool mergeSnapshots(const KeyOrder &order, const MergeHandlers &h);

}  // namespace oas::exporter::delta
