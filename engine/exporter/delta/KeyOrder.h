#pragma once
// The one deterministic order of reference elements (DECISIONS.md 6), key by key with each key's matching
// rule: Integer compares as whole numbers, Numeric right-justified as text ("39" < "0040"), CaseIgnore
// ignores case, CaseSensitive compares exactly. The order is total: keys that every rule calls equal are
// ordered by their exact values, so keys differing only in case or blanks are two entries, and a key changed
// that way is a delete + add. NULL sorts before every value and equals NULL. The database's collation never
// matters.
#include "../../config/AgentConfig.h"
#include "RefElement.h"

namespace oas::exporter::delta {

class KeyOrder {
public:
    explicit KeyOrder(QList<config::SortForm> forms) : m_forms(std::move(forms)) {}
    int compare(const Values &a, const Values &b) const;
    bool less(const RefElement &a, const RefElement &b) const { return compare(a.keys, b.keys) < 0; }
    const QList<config::SortForm> &forms() const { return m_forms; }

    static int compareValue(config::SortForm form, const QString &a, const QString &b);

private:
    QList<config::SortForm> m_forms;
};

}  // namespace oas::exporter::delta
