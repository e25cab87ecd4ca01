#pragma once
// The snapshot way of refreshing a queue table (engine-internal, SnapshotRefresh.cpp). It runs in two
// parts: scanSnapshot before the refresh's transaction (the SQLite3 ODBC driver reads a whole result set
// into memory inside a transaction, and steps through it only outside one), writeSnapshot inside it.
#include "RefreshSession.h"

#include <array>

namespace oas::queue {

using Digest = std::array<unsigned char, 16>;

// Key texts (one shared buffer) with a row hash each.
class KeyList {
public:
    void append(const QString &key, const Digest &row = {})
    {
        m_spans.push_back({m_text.size(), key.size()});
        m_text.append(key);
        m_rows.push_back(row);
    }
    size_t size() const { return m_spans.size(); }
    QString key(size_t i) const { return m_text.mid(m_spans[i].first, m_spans[i].second); }
    QString rowHex(size_t i) const
    {
        return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(m_rows[i].data()), 16).toHex());
    }

private:
    QString m_text;
    std::vector<std::pair<qsizetype, qsizetype>> m_spans;
    std::vector<Digest> m_rows;
};

// What changed in a table since its snapshot: new or changed rows (with their new hash), keys gone.
struct SnapshotChanges {
    bool first = false;  // no snapshot yet: every row is new
    qint64 read = 0;     // rows of the source table
    KeyList changed;
    KeyList gone;
};

// Reads the previous snapshot and the source table.
bool scanSnapshot(Context &x, const QueueTable &t, const QList<db::ColumnInfo> &columns, SnapshotChanges &changes);
// Freezes the changed rows, lists the keys gone, brings the snapshot up to date.
bool writeSnapshot(Context &x, const QueueTable &t, const QList<db::ColumnInfo> &columns, const SnapshotChanges &changes,
                   TableRefresh &out);

}  // namespace oas::queue
