#include "RunsModel.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QFont>

namespace oas::ui {

using journal::RunState;

RunsModel::RunsModel(QObject *parent) : QAbstractTableModel(parent) {}

void RunsModel::setEntries(QList<journal::RunEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void RunsModel::refreshDurations(QList<journal::RunEntry> entries)
{
    m_entries = std::move(entries);
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, Duration), index(int(m_entries.size()) - 1, Duration));
}

const journal::RunEntry *RunsModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int RunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunsModel::stateText(RunState state)
{
    switch (state) {
    case RunState::Running: return tr("running");
    case RunState::Succeeded: return tr("succeeded");
    case RunState::Warnings: return tr("done with warnings");
    case RunState::Failed: return tr("failed");
    case RunState::Interrupted: return tr("interrupted");
    }
    return QString();
}

QString RunsModel::durationText(qint64 ms)
{
    if (ms < 60000)
        return tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    const qint64 s = ms / 1000;
    return s < 3600 ? QStringLiteral("%1:%2 min").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'))
                    : QStringLiteral("%1:%2 h").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0'));
}

QString RunsModel::whatText(const journal::RunEntry &e)
{
    QString w = QFileInfo(e.config).fileName();
    if (!e.syncName.isEmpty() && e.kind != QLatin1String("sync"))
        w += tr(" (sync %1, step %2)").arg(e.syncName, e.step);
    if (e.dryRun)
        w += tr(" - dry run");
    return w;
}

QVariant RunsModel::data(const QModelIndex &index, int role) const
{
    const journal::RunEntry *e = entryAt(index.row());
    if (!e)
        return {};
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id: return e->id;
        case State: return stateText(e->state);
        case Started: return e->started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Duration: return durationText(e->durationMs());
        case Kind: return e->kind;
        case What: return whatText(*e);
        case Read: return e->counts.read;
        case Created: return e->counts.created;
        case Updated: return e->counts.updated;
        case Deleted: return e->counts.deleted;
        case Errors: return e->counts.errors;
        case FirstError: return e->firstError.section(QLatin1Char('\n'), 0, 0);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole)
        return e->firstError.isEmpty() ? e->command : e->firstError;
    if (role == Qt::TextAlignmentRole && index.column() >= Read && index.column() <= Errors)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    // Failed and interrupted runs stand out; warnings less; running ones in italics.
    if (role == Qt::BackgroundRole) {
        switch (e->state) {
        case RunState::Failed: return QBrush(QColor(0xf8, 0xd0, 0xd0));
        case RunState::Interrupted: return QBrush(QColor(0xfb, 0xe0, 0xc0));
        case RunState::Warnings: return QBrush(QColor(0xfb, 0xf3, 0xc8));
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && (e->state == RunState::Failed || e->state == RunState::Interrupted))
        return QBrush(QColor(0x80, 0x00, 0x00));
    if (role == Qt::FontRole && (e->state == RunState::Running || e->state == RunState::Failed || e->state == RunState::Interrupted)) {
        QFont f;
        f.setItalic(e->state == RunState::Running);
        f.setBold(e->state != RunState::Running);
        return f;
    }
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id: return tr("Run");
    case State: return tr("State");
    case Started: return tr("Started");
    case Duration: return tr("Duration");
    case Kind: return tr("Kind");
    case What: return tr("Configuration");
    case Read: return tr("Read");
    case Created: return tr("Created");
    case Updated: return tr("Updated");
    case Deleted: return tr("Deleted");
    case Errors: return tr("Errors");
    case FirstError: return tr("First error");
    default: return {};
    }
}

}  // namespace oas::ui
