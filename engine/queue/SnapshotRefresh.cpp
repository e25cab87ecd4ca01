// The snapshot way of refreshing a queue table (no Changed= column): the whole source table is read once,
// each row's hash compared with the previous refresh's snapshot (queue.snapshot_NAME: key text, row hash),
// and only the differences are written, in multi-row statements.
//
// Memory: the previous snapshot is held as 16-octet key digests with their 16-octet row hashes (32 bytes a
// row) and an open-addressing index of them (8 bytes a row: a lookup touches one or two cache lines where a
// search by halving of a million entries touched twenty); rows to write are kept as their key text and hash
// (a first refresh: every row). Keys of deleted rows are found by reading the snapshot a second time, only when some are gone.
#include "SnapshotRefresh.h"

#include "../exporter/delta/RowHash.h"
#include "../sql/ValueLists.h"

#include <QRegularExpression>

#include <xxhash.h>

#include <algorithm>
#include <cstring>

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

// 16 octets from 32 hexadecimal digits (the snapshot table's hash column); zeros where a digit is not one.
Digest digestFromHex(const QString &hex)
{
    auto value = [](char16_t c) {
        return c >= u'0' && c <= u'9' ? c - u'0' : c >= u'a' && c <= u'f' ? c - u'a' + 10 : c >= u'A' && c <= u'F' ? c - u'A' + 10 : 0;
    };
    Digest d{};
    const char16_t *p = reinterpret_cast<const char16_t *>(hex.utf16());
    for (qsizetype i = 0; i + 1 < hex.size() && i / 2 < qsizetype(d.size()); i += 2)
        d[size_t(i / 2)] = uchar(value(p[i]) * 16 + value(p[i + 1]));
    return d;
}

// The previous snapshot: key digest -> row hash, and whether this refresh saw the key.
class PreviousSnapshot {
public:
    void add(const QString &keyText, const QString &hashHex) { m_entries.push_back({keyDigest(keyText), digestFromHex(hashHex)}); }
    void seal()
    {
        size_t count = 16;
        while (count < m_entries.size() * 2)
            count *= 2;
        m_slots.assign(count, kEmpty);
        m_mask = count - 1;
        for (size_t i = 0; i < m_entries.size(); ++i) {
            size_t at = home(m_entries[i].key);
            while (m_slots[at] != kEmpty && m_entries[m_slots[at]].key != m_entries[i].key)
                at = (at + 1) & m_mask;
            if (m_slots[at] == kEmpty)  // a key twice in the snapshot: the first one stands
                m_slots[at] = quint32(i);
        }
        m_seen.assign(m_entries.size(), false);
    }
    bool isEmpty() const { return m_entries.empty(); }
    // Whether the key is new or its row changed; marks the key as seen.
    bool changed(const Digest &key, const Digest &row)
    {
        const size_t i = find(key);
        if (i == kEmpty)
            return true;
        if (!m_seen[i])
            ++m_seenCount;
        m_seen[i] = true;
        return m_entries[i].row != row;
    }
    bool seen(const Digest &key) const
    {
        const size_t i = find(key);
        return i != kEmpty && m_seen[i];
    }
    bool allSeen() const { return m_seenCount == m_entries.size(); }

private:
    static constexpr quint32 kEmpty = 0xFFFFFFFF;
    struct Entry {
        Digest key;
        Digest row;
    };
    size_t home(const Digest &key) const
    {
        quint64 h = 0;
        std::memcpy(&h, key.data(), sizeof h);  // the digest is a hash already
        return size_t(h) & m_mask;
    }
    size_t find(const Digest &key) const
    {
        if (m_slots.empty())
            return kEmpty;
        for (size_t at = home(key);; at = (at + 1) & m_mask) {
            const quint32 i = m_slots[at];
            if (i == kEmpty || m_entries[i].key == key)
                return i;
        }
    }
    std::vector<Entry> m_entries;
    std::vector<quint32> m_slots;  // entry index per slot, kEmpty where none
    size_t m_mask = 0;
    std::vector<bool> m_seen;
    size_t m_seenCount = 0;
};

}  // namespace

namespace {

// PostgreSQL: statement run for items [0, total) in slices of 20,000, its parameters one text[] per column
// of values (columns(i) gives item i's), instead of one parameter per value.
bool arraysInSlices(Session &s, size_t total, const QString &statement, size_t width,
                    const std::function<QStringList(size_t)> &columns)
{
    constexpr size_t kSlice = 20000;
    for (size_t from = 0; from < total; from += kSlice) {
        const size_t count = std::min(kSlice, total - from);
        std::vector<QStringList> values(count);
        for (size_t i = 0; i < count; ++i)
            values[i] = columns(from + i);
        Row arrays(width);
        std::vector<const QString *> column(count);
        for (size_t c = 0; c < width; ++c) {
            for (size_t i = 0; i < count; ++i)
                column[i] = &values[i].at(qsizetype(c));
            arrays[c].emplace();
            sql::appendList(*arrays[c], column, true);
        }
        if (!s.exec(statement, arrays, std::vector<db::ParamType>(width)))
            return false;
    }
    return true;
}

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
    // PostgreSQL: the key columns' type names, for a join with the keys (QueueStatements::copyByKeys), where
    // psqlODBC names them all.
    QStringList joinTypes;
    for (const QString &k : t.keys) {
        const QString type = columns.at(columnIndex(columns, k)).typeName;
        static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_ ]*$"));
        if (s.postgres() && plain.match(type).hasMatch() && type != QLatin1String("unknown"))
            joinTypes.append(type);
    }
    const KeyList &changed = changes.changed;
    const KeyList &gone = changes.gone;
    out.how = QStringLiteral("snapshot (no Changed= column)");
    if (!s.exec(QueueStatements::clear(deleted)))
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
    } else if (!s.inSlices(changed.size(), [&](int n) { return QueueStatements::copyByKeys(q, t.source, t.keys, n, joinTypes); }, keyTypes,
                         keyColumnsOf(changed))) {
        return false;
    }
    // The snapshot's rows: on PostgreSQL 20,000 keys or rows a statement, as arrays; else 500, one
    // parameter a value.
    const bool arrays = s.postgres();
    auto removeKeys = [&](const KeyList &list) {
        return arrays ? arraysInSlices(s, list.size(), QueueStatements::deleteSnapshotArray(snapshot), 1,
                                       [&](size_t i) { return QStringList{list.key(i)}; })
                      : s.inSlices(list.size(), [&](int n) { return QueueStatements::deleteSnapshotKeys(snapshot, n); }, text,
                                   keyOf(list));
    };
    auto writeRows = [&] {
        return arrays ? arraysInSlices(s, changed.size(), QueueStatements::insertSnapshotArrays(snapshot), 2,
                                       [&](size_t i) { return QStringList{changed.key(i), changed.rowHex(i)}; })
                      : s.inSlices(changed.size(), [&](int n) { return QueueStatements::insertSnapshotRows(snapshot, n); },
                                   keyAndHash, [&](size_t i, Row &row) {
                                       row.push_back(changed.key(i));
                                       row.push_back(changed.rowHex(i));
                                   });
    };
    if ((!changes.first && !removeKeys(changed)) || !writeRows()
        || !s.inSlices(gone.size(), [&](int n) { return QueueStatements::insertKeyRows(deleted, t.keys, n); }, keyTypes,
                       keyColumnsOf(gone))
        || !removeKeys(gone))
        return false;
    out.deleted = qint64(gone.size());
    State next;
    next.refreshedAt = x.now;
    x.state.insert(t.name, next);
    out.frozen = qint64(changed.size());
    return true;
}

}  // namespace oas::queue
