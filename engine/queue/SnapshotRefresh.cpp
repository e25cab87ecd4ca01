// The snapshot way of refreshing a queue table (no Changed= column): the whole source table is read once,
// each row's hash compared with the previous refresh's snapshot (queue.snapshot_NAME: key text, row hash),
// and only the differences are written, in multi-row statements.
//
// Memory: the previous snapshot is held as 16-octet key digests with their 16-octet row hashes (32 bytes a
// row, sorted, searched by halving); rows to write are kept as their key text and hash (a first refresh:
// every row). Keys of deleted rows are found by reading the snapshot a second time, only when some are gone.
#include "SnapshotRefresh.h"

#include "../exporter/delta/RowHash.h"

#include <xxhash.h>

#include <algorithm>

namespace oas::queue {

using sql::QueueStatements;

namespace {

Digest keyDigest(const QString &keyText)
{
    const XXH128_hash_t h = XXH3_128bits(keyText.constData(), size_t(keyText.size()) * 2);
    Digest d;
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, h);
    std::copy(std::begin(canonical.digest), std::end(canonical.digest), d.begin());
    return d;
}

Digest rowDigest(const QByteArray &hash)
{
    Digest d{};
    std::copy_n(hash.constData(), std::min<qsizetype>(hash.size(), 16), d.begin());
    return d;
}

// The previous snapshot: key digest -> row hash, and whether this refresh saw the key.
class PreviousSnapshot {
public:
    void add(const QString &keyText, const QString &hashHex)
    {
        m_entries.push_back({keyDigest(keyText), rowDigest(QByteArray::fromHex(hashHex.toLatin1()))});
    }
    void seal()
    {
        std::sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) { return a.key < b.key; });
        m_seen.assign(m_entries.size(), false);
    }
    bool isEmpty() const { return m_entries.empty(); }
    // Whether the key is new or its row changed; marks the key as seen.
    bool changed(const Digest &key, const Digest &row)
    {
        const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key,
                                         [](const Entry &e, const Digest &k) { return e.key < k; });
        if (it == m_entries.end() || it->key != key)
            return true;
        const size_t i = size_t(it - m_entries.begin());
        if (!m_seen[i])
            ++m_seenCount;
        m_seen[i] = true;
        return it->row != row;
    }
    bool seen(const Digest &key) const
    {
        const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key,
                                         [](const Entry &e, const Digest &k) { return e.key < k; });
        return it != m_entries.end() && it->key == key && m_seen[size_t(it - m_entries.begin())];
    }
    bool allSeen() const { return m_seenCount == m_entries.size(); }

private:
    struct Entry {
        Digest key;
        Digest row;
    };
    std::vector<Entry> m_entries;
    std::vector<bool> m_seen;
    size_t m_seenCount = 0;
};

}  // namespace

namespace {

std::vector<db::ParamType> keyTypesOf(const QueueTable &t, const QList<db::ColumnInfo> &columns)
{
    std::vector<db::ParamType> types;
    for (const QString &k : t.keys)
        types.push_back(typeOf(columns.at(columnIndex(columns, k))));
    return types;
}

}  // namespace

bool scanSnapshot(Context &x, const QueueTable &t, const QList<db::ColumnInfo> &columns, SnapshotChanges &changes)
{
    Session &s = x.session;
    const QString snapshot = x.names.snapshot(t.name);
    QList<int> keyColumns;
    for (const QString &k : t.keys)
        keyColumns.append(columnIndex(columns, k));
    if (!s.exec(QueueStatements::createSnapshot(snapshot)))
        return false;
    PreviousSnapshot previous;
    if (!s.stream(QueueStatements::readSnapshot(snapshot),
                  [&](const Row &r) { previous.add(r[0].value_or(QString()), r[1].value_or(QString())); }))
        return false;
    previous.seal();
    changes.first = previous.isEmpty();
    if (!s.stream(QueueStatements::selectAll(t.source), [&](const Row &row) {
            ++changes.read;
            const QString key = keyText(row, keyColumns);
            const Digest hash = rowDigest(exporter::delta::rowHash(row, 16));
            if (previous.changed(keyDigest(key), hash))
                changes.changed.append(key, hash);
        }))
        return false;
    return previous.allSeen() || s.stream(QueueStatements::readSnapshot(snapshot), [&](const Row &r) {
        const QString key = r[0].value_or(QString());
        if (!previous.seen(keyDigest(key)))
            changes.gone.append(key);
    });
}

bool writeSnapshot(Context &x, const QueueTable &t, const QList<db::ColumnInfo> &columns, const SnapshotChanges &changes,
                   TableRefresh &out)
{
    Session &s = x.session;
    const QString q = x.names.table(t.name);
    const QString snapshot = x.names.snapshot(t.name);
    const QString deleted = x.names.deleted(t.name);
    const std::vector<db::ParamType> keyTypes = keyTypesOf(t, columns);
    const KeyList &changed = changes.changed;
    const KeyList &gone = changes.gone;
    out.how = QStringLiteral("snapshot (no Changed= column)");
    if (!s.exec(QueueStatements::createLike(deleted, t.source, t.keys.join(QStringLiteral(", "))))
        || !s.exec(QueueStatements::clear(deleted)))
        return false;
    const std::vector<db::ParamType> text{db::ParamType()};
    const std::vector<db::ParamType> keyAndHash{db::ParamType(), db::ParamType()};
    auto keyOf = [](const KeyList &list) {
        return [&list](size_t i, Row &row) { row.push_back(list.key(i)); };
    };
    auto keyColumnsOf = [](const KeyList &list) {
        return [&list](size_t i, Row &row) {
            for (db::Value &v : keyValues(list.key(i)))
                row.push_back(std::move(v));
        };
    };
    if (changes.first) {  // the first refresh freezes every row
        if (!s.exec(QueueStatements::copyAll(q, t.source)))
            return false;
    } else if (!s.inSlices(changed.size(), [&](int n) { return QueueStatements::copyByKeys(q, t.source, t.keys, n); }, keyTypes,
                         keyColumnsOf(changed))
               || !s.inSlices(changed.size(), [&](int n) { return QueueStatements::deleteSnapshotKeys(snapshot, n); }, text,
                            keyOf(changed))) {
        return false;
    }
    if (!s.inSlices(changed.size(), [&](int n) { return QueueStatements::insertSnapshotRows(snapshot, n); }, keyAndHash,
                  [&](size_t i, Row &row) {
                      row.push_back(changed.key(i));
                      row.push_back(changed.rowHex(i));
                  })
        || !s.inSlices(gone.size(), [&](int n) { return QueueStatements::insertKeyRows(deleted, t.keys, n); }, keyTypes,
                     keyColumnsOf(gone))
        || !s.inSlices(gone.size(), [&](int n) { return QueueStatements::deleteSnapshotKeys(snapshot, n); }, text, keyOf(gone)))
        return false;
    out.deleted = qint64(gone.size());
    State next;
    next.refreshedAt = x.now;
    x.state.insert(t.name, next);
    out.frozen = qint64(changed.size());
    return true;
}

}  // namespace oas::queue
