#pragma once
// The run journal's entries as a table (the Monitor): state, start, duration, counts, first error; failed and
// interrupted runs stand out, running ones are shown as such.
#include "journal/RunEntry.h"

#include <QAbstractTableModel>
#include <QList>

namespace oas::ui {

class RunsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, State, Started, Duration, Kind, What, Read, Created, Updated, Deleted, Errors, FirstError, ColumnCount };

    explicit RunsModel(QObject *parent = nullptr);
    void setEntries(QList<journal::RunEntry> entries);
    // The same rows read again: only the durations are shown anew (no reset: selection and scroll stay).
    void refreshDurations(QList<journal::RunEntry> entries);
    const QList<journal::RunEntry> &entries() const { return m_entries; }
    const journal::RunEntry *entryAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString stateText(journal::RunState state);
    static QString durationText(qint64 ms);
    static QString whatText(const journal::RunEntry &e);

private:
    QList<journal::RunEntry> m_entries;
};

}  // namespace oas::ui
