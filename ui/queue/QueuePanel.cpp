#include "QueuePanel.h"

#include "journal/RunRecorder.h"

#include "queue/QueueRefresh.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QTextStream>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QUuid>
#include <QTableWidget>
#include <QVBoxLayout>

#include <thread>

namespace oas::ui {

QueuePanel::QueuePanel(QWidget *parent)
    : QWidget(parent), m_configs(new QComboBox(this)), m_tables(new QTableWidget(0, 5, this)), m_useSince(new QCheckBox(tr("Since"), this)),
      m_since(new QDateEdit(QDate::currentDate().addDays(-1), this)), m_refresh(new QPushButton(tr("Refresh"), this)),
      m_message(new QLabel(this)), m_procedure(new QLabel(this))
{
    m_tables->setHorizontalHeaderLabels({tr("Table"), tr("Queue table"), tr("Rows"), tr("Last refresh (UTC)"), tr("Changes found by")});
    m_tables->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tables->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_since->setEnabled(false);
    m_message->setWordWrap(true);
    m_procedure->setWordWrap(true);
    m_procedure->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_configs, 1);
    controls->addWidget(m_useSince);
    controls->addWidget(m_since);
    controls->addWidget(m_refresh);
    // What the last refresh froze for the selected table, and the keys it found gone (snapshot tables).
    m_rowViews = new QTabWidget(this);
    m_frozen = new QTableWidget(this);
    m_deleted = new QTableWidget(this);
    for (QTableWidget *t : {m_frozen, m_deleted}) {
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->verticalHeader()->hide();
    }
    m_rowViews->addTab(m_frozen, tr("Frozen rows"));
    m_rowViews->addTab(m_deleted, tr("Deleted keys"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_tables, 1);
    layout->addWidget(m_procedure);
    layout->addWidget(m_rowViews, 2);
    layout->addWidget(m_message);
    connect(m_tables, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && m_tables->item(row, 0))
            showRows(m_tables->item(row, 0)->text());
    });
    connect(m_useSince, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_refresh, &QPushButton::clicked, this, &QueuePanel::refresh);
    connect(m_configs, &QComboBox::currentIndexChanged, this, &QueuePanel::showStatus);
}

void QueuePanel::showRows(const QString &table)
{
    const QString path = m_configs->currentData().toString();
    if (path.isEmpty())
        return;
    const QPointer<QueuePanel> self(this);
    m_shownTable = table;
    std::thread([self, path, table] {
        const QString previous = QDir::currentPath();
        QDir::setCurrent(QFileInfo(path).absolutePath());
        const queue::QueueRows rows = queue::queueRows(queue::readQueueConfig(path).config, table, {}, 500,
                                                       QStringLiteral("queue-rows-") + QUuid::createUuid().toString(QUuid::Id128));
        QDir::setCurrent(previous);
        QMetaObject::invokeMethod(qApp, [self, rows, table] {
            if (!self || table != self->m_shownTable)
                return;
            const auto fill = [](QTableWidget *view, const queue::RowsShown &shown) {
                view->clear();
                view->setColumnCount(int(shown.columns.size()));
                view->setHorizontalHeaderLabels(shown.columns);
                view->setRowCount(int(shown.rows.size()));
                for (int r = 0; r < shown.rows.size(); ++r)
                    for (int c = 0; c < shown.rows.at(r).size(); ++c)
                        view->setItem(r, c, new QTableWidgetItem(shown.rows.at(r).at(c)));
                view->resizeColumnsToContents();
            };
            fill(self->m_frozen, rows.frozen);
            fill(self->m_deleted, rows.deleted);
            self->m_rowViews->setTabText(0, tr("Frozen rows of %1 (%2 shown)").arg(table).arg(rows.frozen.rows.size()));
            self->m_rowViews->setTabText(1, rows.deleted.exists ? tr("Deleted keys (%1 shown)").arg(rows.deleted.rows.size())
                                                                : tr("Deleted keys (none: found by a time stamp)"));
            if (!rows.ok)
                self->m_message->setText(tr("Cannot read the queue tables: %1").arg(rows.error));
            emit self->rowsShown();
        });
    }).detach();
}

QStringList QueuePanel::shownRows(bool deleted) const
{
    const QTableWidget *view = deleted ? m_deleted : m_frozen;
    QStringList out;
    for (int r = 0; r < view->rowCount(); ++r) {
        QStringList values;
        for (int c = 0; c < view->columnCount(); ++c)
            values << (view->item(r, c) ? view->item(r, c)->text() : QString());
        out << values.join(QLatin1Char('|'));
    }
    return out;
}

void QueuePanel::setWorkspace(const QString &folder)
{
    const QSignalBlocker block(m_configs);
    m_configs->clear();
    for (const QFileInfo &f : QDir(folder).entryInfoList({QStringLiteral("*.ini")}, QDir::Files, QDir::Name)) {
        if (queue::readQueueConfig(f.absoluteFilePath()).ok())
            m_configs->addItem(f.fileName(), f.absoluteFilePath());
    }
    m_refresh->setEnabled(m_configs->count() > 0);
    m_message->setText(m_configs->count() ? QString() : tr("No change queue in this workspace (an .ini with [database] and a "
                                                           "section per table with Key=; see docs/queue.md)."));
    if (m_configs->count())
        showStatus();
}

QStringList QueuePanel::configurations() const
{
    QStringList list;
    for (int i = 0; i < m_configs->count(); ++i)
        list.append(m_configs->itemData(i).toString());
    return list;
}

void QueuePanel::setConfiguration(const QString &path)
{
    const int i = m_configs->findData(path);
    if (i >= 0)
        m_configs->setCurrentIndex(i);
}

void QueuePanel::setSince(const QDate &date)
{
    m_useSince->setChecked(date.isValid());
    if (date.isValid())
        m_since->setDate(date);
}

void QueuePanel::setBusy(bool busy)
{
    m_busy = busy;
    m_refresh->setEnabled(!busy && m_configs->count() > 0);
    m_configs->setEnabled(!busy);
    if (!busy)
        emit finished();
}

QString QueuePanel::message() const
{
    return m_message->text();
}

QStringList QueuePanel::rows() const
{
    QStringList list;
    for (int r = 0; r < m_tables->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_tables->columnCount(); ++c)
            cells.append(m_tables->item(r, c) ? m_tables->item(r, c)->text() : QString());
        list.append(cells.join(QLatin1Char('|')));
    }
    return list;
}

QString QueuePanel::procedure() const
{
    return m_procedure->text();
}

void QueuePanel::showStatus()
{
    const QString path = m_configs->currentData().toString();
    if (path.isEmpty() || m_busy)
        return;
    setBusy(true);
    const QPointer<QueuePanel> self(this);
    std::thread([self, path] {
        const queue::QueueParse parsed = queue::readQueueConfig(path);
        // Relative database paths (a SQLite file) are the configuration's folder's, as for jobs.
        const QString previous = QDir::currentPath();
        QDir::setCurrent(QFileInfo(path).absolutePath());
        const queue::QueueStatus status = queue::queueStatus(parsed.config, {});
        QDir::setCurrent(previous);
        QMetaObject::invokeMethod(qApp, [self, status] {
            if (!self)
                return;
            self->m_tables->setRowCount(0);
            for (const queue::TableStatus &t : status.tables) {
                const int r = self->m_tables->rowCount();
                self->m_tables->insertRow(r);
                const QStringList cells = {t.table, t.queueTable, t.rows < 0 ? tr("none yet") : QString::number(t.rows),
                                           t.lastRefresh.isEmpty() ? tr("never") : t.lastRefresh, t.mode};
                for (int c = 0; c < cells.size(); ++c)
                    self->m_tables->setItem(r, c, new QTableWidgetItem(cells.at(c)));
            }
            if (!status.ok)
                self->m_message->setText(tr("Cannot read the queue: %1").arg(status.error));
            // (odbc-agent queue install / uninstall; docs/queue.md, "From SQL")
            self->m_procedure->setText(status.ok ? tr("SQL procedure: %1").arg(status.procedure) : QString());
            self->setBusy(false);
        });
    }).detach();
}

void QueuePanel::refresh()
{
    const QString path = m_configs->currentData().toString();
    if (path.isEmpty() || m_busy)
        return;
    setBusy(true);
    m_message->setText(tr("Refreshing..."));
    const std::optional<QDate> since = m_useSince->isChecked() ? std::optional<QDate>(m_since->date()) : std::nullopt;
    const QPointer<QueuePanel> self(this);
    std::thread([self, path, since] {
        queue::RefreshRequest request;
        request.config = queue::readQueueConfig(path).config;
        request.since = since;
        request.connectionName = QStringLiteral("queue-refresh");
        const QString previous = QDir::currentPath();
        QDir::setCurrent(QFileInfo(path).absolutePath());
        // Journaled like odbc-agent queue refresh (docs/journal.md).
        QString journalWarning;
        QTextStream warn(&journalWarning);
        journal::RunRecorder record(QStringLiteral("queue"), path, QStringLiteral("odbc-agent-studio queue refresh"), {path}, warn);
        record.start();
        const queue::RefreshResult r = queue::refreshQueue(request);
        for (const queue::TableRefresh &t : r.tables)
            record.entry().counts.written += t.frozen;
        record.finish(r.ok ? 0 : 1, r.error);
        QDir::setCurrent(previous);
        QMetaObject::invokeMethod(qApp, [self, r] {
            if (!self)
                return;
            qint64 rows = 0;
            for (const queue::TableRefresh &t : r.tables)
                rows += t.frozen;
            self->m_message->setText(r.ok ? tr("Refreshed at %1: %2 rows frozen.%3").arg(r.refreshedAt).arg(rows).arg(r.notes.isEmpty() ? QString() : QLatin1Char(' ') + r.notes.join(QLatin1Char(' ')))
                                          : tr("Not refreshed; the queue tables are unchanged: %1").arg(r.error));
            self->m_useSince->setChecked(false);  // --since is for one refresh
            self->setBusy(false);
            self->showStatus();
        });
    }).detach();
}

}  // namespace oas::ui
