#include "DeltaMerge.h"

namespace oas::exporter::delta {

bool mergeSnapshots(const KeyOrder &order, const MergeHandlers &h)
{
    RefElement oldE;
    RefElement newE;
    RefElement lastNew;
    bool haveOld = h.nextOld(oldE);
    bool haveLast = false;
    auto takeNew = [&]() {
        while (h.nextNew(newE)) {
            if (haveLast && order.compare(lastNew.keys, newE.keys) == 0) {
                h.duplicate(newE);
                continue;
            }
            lastNew = newE;
            haveLast = true;
            return true;
        }
        return false;
    };
    bool haveNew = takeNew();
    while (haveOld || haveNew) {
        const int c = !haveOld ? 1 : !haveNew ? -1 : order.compare(oldE.keys, newE.keys);
        if (c < 0) {
            if (!h.change(Change::Delete, oldE))
                return false;
            haveOld = h.nextOld(oldE);
            continue;
        }
        if (c > 0) {
            if (!h.change(Change::Add, newE))
                return false;
        } else {
            if (oldE.hash != newE.hash && !h.change(Change::Modify, newE))
                return false;
            haveOld = h.nextOld(oldE);
        }
        if (!h.keep(newE))
            return false;
        haveNew = takeNew();
    }
    return true;
}

}  // namespace oas::exporter::delta
