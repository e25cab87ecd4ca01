#include "MonitorView.h"

#include "HistoryChart.h"
#include "RunsModel.h"

#include "journal/RunJournal.h"
#include "run/SyncProcess.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QApplication>
#include <QPointer>

#include <thread>

namespace oas::ui {

using journal::RunEntry;
using journal::RunState;

namespace {

constexpr int kLoaded = 2000;     // newest entries read each time
constexpr int kChartRuns = 20;    // runs per dashboard chart
constexpr int kPollMs = 1000;
constexpr int kRunningRefreshMs = 3000;  // while a run is running and nothing else changes
constexpr int kTiles = 30;

QString stampOf(const QString &path)
{
    QString stamp;
    for (const QString &file : {path, path + QStringLiteral("-wal")}) {
        const QFileInfo info(file);
        stamp += QStringLiteral("%1:%2;").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
    }
    return stamp;
}

// Tiles group runs by what they ran: a sync by its name, anything else by its configuration.
QString tileKey(const RunEntry &e)
{
    return e.kind == QLatin1String("sync") ? QStringLiteral("sync ") + e.syncName : e.config;
}

}  // namespace

MonitorView::MonitorView(QWidget *parent)
    : QWidget(parent), m_path(journal::RunJournal::defaultPath()), m_model(new RunsModel(this)), m_table(new QTableView(this)),
      m_text(new QLineEdit(this)), m_state(new QComboBox(this)), m_sinceOn(new QCheckBox(tr("since"), this)),
      m_since(new QDateEdit(QDate::currentDate().addDays(-7), this)), m_detail(new QLabel(this)),
      m_trace(new QPushButton(tr("Trace"), this)), m_exceptions(new QPushButton(tr("Exceptions"), this)),
      m_data(new QPushButton(tr("Data file"), this)), m_reference(new QPushButton(tr("Reference file"), this)),
      m_again(new QPushButton(tr("Run again"), this)), m_resume(new QPushButton(tr("Resume import"), this)),
      m_dashboard(new QWidget(this)), m_tiles(new QGridLayout(m_dashboard)), m_poll(new QTimer(this))
{
    m_text->setPlaceholderText(tr("configuration or sync"));
    m_text->setClearButtonEnabled(true);
    m_state->addItems({tr("all states"), tr("failed and interrupted"), tr("running"), tr("succeeded"), tr("with warnings")});
    m_since->setCalendarPopup(true);
    m_since->setEnabled(false);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show"), this));
    filters->addWidget(m_text, 1);
    filters->addWidget(m_state);
    filters->addWidget(m_sinceOn);
    filters->addWidget(m_since);
    connect(m_text, &QLineEdit::textChanged, this, &MonitorView::applyFilter);
    connect(m_state, &QComboBox::currentIndexChanged, this, &MonitorView::applyFilter);
    connect(m_sinceOn, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_sinceOn, &QCheckBox::toggled, this, &MonitorView::applyFilter);
    connect(m_since, &QDateEdit::dateChanged, this, &MonitorView::applyFilter);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setResizeContentsPrecision(50);  // fitting columns looks at 50 rows, not 2,000
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MonitorView::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MonitorView::showSelected);

    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_trace, m_exceptions, m_data, m_reference, m_again, m_resume})
        buttons->addWidget(b);
    buttons->addStretch(1);
    const auto open = [this](QString RunEntry::*file) {
        if (const RunEntry *e = selected())
            emit openFileRequested(fileToOpen(*e, (*e).*file));
    };
    connect(m_trace, &QPushButton::clicked, this, [open] { open(&RunEntry::traceFile); });
    connect(m_exceptions, &QPushButton::clicked, this, [open] { open(&RunEntry::exceptionsFile); });
    connect(m_data, &QPushButton::clicked, this, [open] { open(&RunEntry::dataFile); });
    connect(m_reference, &QPushButton::clicked, this, [open] { open(&RunEntry::referenceFile); });
    connect(m_again, &QPushButton::clicked, this, [this] {
        if (const RunEntry *e = selected())
            emit runAgainRequested(*e);
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        const RunEntry *e = selected();
        if (!e)
            return;
        QString error;
        const QString file = resumeFile(*e, &error);
        if (file.isEmpty())
            m_detail->setText(m_detail->text() + QStringLiteral("\n") + tr("Cannot resume: %1").arg(error));
        else
            emit resumeRequested(*e, file);
    });

    auto *runs = new QWidget(this);
    auto *runsLayout = new QVBoxLayout(runs);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    runsLayout->addLayout(filters);
    runsLayout->addWidget(m_table, 1);
    runsLayout->addWidget(m_detail);
    runsLayout->addLayout(buttons);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_dashboard);
    m_views = new QTabWidget(this);
    m_views->addTab(runs, tr("Runs"));
    m_views->addTab(scroll, tr("Dashboard"));
    m_schedules = new QPlainTextEdit(this);
    m_schedules->setReadOnly(true);
    m_views->addTab(m_schedules, tr("Schedules"));
    connect(m_views, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_views->widget(index) == m_schedules)
            refreshSchedules();
        if (index == 1 && m_dashboardStale)
            rebuildDashboard(m_all);
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_views);

    // The journal is watched by polling its files' size and time: cheap, and it sees writers on any host
    // sharing the folder, which a file watcher may not.
    connect(m_poll, &QTimer::timeout, this, &MonitorView::poll);
    m_poll->start(kPollMs);
    QTimer::singleShot(0, this, &MonitorView::refresh);
}

void MonitorView::setJournalPath(const QString &path)
{
    m_path = path;
    m_loaded = false;
    m_seen.clear();
    m_stamp.clear();
    refresh();
}

void MonitorView::poll()
{
    bool running = false;
    for (const RunEntry &e : m_all)
        running = running || e.state == RunState::Running;
    // A run going on: its duration grows, and its process may die without a word (interrupted): read again
    // every few seconds; else only when the journal's files changed.
    const bool due = running && m_lastRead.isValid() && m_lastRead.elapsed() >= kRunningRefreshMs;
    if (due || stampOf(m_path) != m_stamp)
        refresh();
}

void MonitorView::refresh()
{
    if (journal::RunJournal::isOff(m_path) || !QFileInfo::exists(m_path)) {
        m_detail->setText(journal::RunJournal::isOff(m_path) ? tr("The run journal is off (OAS_JOURNAL=off).")
                                                             : tr("No runs yet (the journal %1 is made by the first run).").arg(m_path));
        return;
    }
    if (m_reading)
        return;  // the reading in flight shows the latest state anyway
    m_reading = true;
    m_stamp = stampOf(m_path);
    m_lastRead.start();
    // The journal is read on a thread of its own: a large journal never stalls the window.
    const QPointer<MonitorView> self(this);
    const QString path = m_path;
    std::thread([self, path] {
        journal::RunFilter all;
        all.limit = kLoaded;
        QString error;
        const auto entries = journal::RunJournal(path).list(all, &error);
        QMetaObject::invokeMethod(qApp, [self, entries, error, path] {
            if (!self)
                return;
            self->m_reading = false;
            if (path == self->m_path)
                self->showEntries(entries, error);
        });
    }).detach();
}

void MonitorView::showEntries(const std::optional<QList<RunEntry>> &entries, const QString &error)
{
    if (!entries) {
        m_detail->setText(tr("Cannot read the run journal %1: %2").arg(m_path, error));
        return;
    }
    // Announce runs that failed or were interrupted since the Studio looked last (not the old ones).
    for (const RunEntry &e : *entries) {
        const auto before = m_seen.constFind(e.id);
        const bool bad = e.state == RunState::Failed || e.state == RunState::Interrupted;
        if (m_loaded && bad && (before == m_seen.constEnd() || *before == RunState::Running))
            emit runFailed(e);
        m_seen.insert(e.id, e.state);
    }
    if (!m_loaded) {  // columns fitted once, to the first entries
        m_model->setEntries(*entries);
        m_table->resizeColumnsToContents();
    }
    m_loaded = true;
    m_all = *entries;
    applyFilter();
    // The dashboard is made again only where it is seen (its tiles are widgets: not every second).
    m_dashboardStale = true;
    if (m_views->currentIndex() == 1)
        rebuildDashboard(m_all);
    emit refreshed();
}

void MonitorView::setFilter(const QString &text, int state, const QDate &since)
{
    m_text->setText(text);
    m_state->setCurrentIndex(state);
    m_sinceOn->setChecked(since.isValid());
    if (since.isValid())
        m_since->setDate(since);
    applyFilter();
}

void MonitorView::applyFilter()
{
    const qint64 keep = selected() ? selected()->id : 0;
    const QString text = m_text->text().trimmed();
    const QDateTime since = m_sinceOn->isChecked() ? QDateTime(m_since->date(), QTime(0, 0)) : QDateTime();
    QList<RunEntry> shown;
    for (const RunEntry &e : m_all) {
        if (!text.isEmpty() && !QFileInfo(e.config).fileName().contains(text, Qt::CaseInsensitive)
            && !e.syncName.contains(text, Qt::CaseInsensitive))
            continue;
        const int s = m_state->currentIndex();
        if ((s == 1 && e.state != RunState::Failed && e.state != RunState::Interrupted) || (s == 2 && e.state != RunState::Running)
            || (s == 3 && e.state != RunState::Succeeded) || (s == 4 && e.state != RunState::Warnings))
            continue;
        if (since.isValid() && e.started < since)
            continue;
        shown << e;
    }
    // Nothing but time went on (a run running): the durations change, the rows do not; no reset.
    QString signature;
    for (const RunEntry &e : shown)
        signature += QStringLiteral("%1:%2:%3:%4;").arg(e.id).arg(int(e.state)).arg(e.counts.read).arg(e.ended.toMSecsSinceEpoch());
    if (signature == m_shownSignature) {
        m_model->refreshDurations(shown);
        return;
    }
    m_shownSignature = signature;
    m_model->setEntries(shown);
    for (int row = 0; row < shown.size(); ++row) {
        if (shown.at(row).id == keep)
            select(row);
    }
}

void MonitorView::select(int row)
{
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, 0));
    showSelected();
}

const RunEntry *MonitorView::selected() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->entryAt(current.row()) : nullptr;
}

void MonitorView::showSelected()
{
    const RunEntry *e = selected();
    for (QPushButton *b : {m_trace, m_exceptions, m_data, m_reference, m_again, m_resume})
        b->setEnabled(false);
    if (!e) {
        m_detail->setText(tr("%n run(s) shown. Select one for its details and files.", nullptr, int(m_model->rowCount())));
        return;
    }
    const auto &c = e->counts;
    QString text = tr("Run %1: %2 %3, %4, started %5 by %6 on %7 (pid %8), %9")
                       .arg(e->id)
                       .arg(e->kind, RunsModel::whatText(*e), RunsModel::stateText(e->state),
                            e->started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), e->user, e->host)
                       .arg(e->pid)
                       .arg(RunsModel::durationText(e->durationMs()));
    text += QStringLiteral("\n") + tr("%1 read, %2 written, %3 created, %4 updated, %5 unchanged, %6 deleted, %7 errors, %8 skipped")
                                       .arg(c.read).arg(c.written).arg(c.created).arg(c.updated).arg(c.unchanged).arg(c.deleted)
                                       .arg(c.errors).arg(c.skipped);
    if (e->exitCode >= 0)
        text += QStringLiteral("\n") + tr("exit code %1").arg(e->exitCode == 0x3C ? tr("0x3C (done with warnings)") : QString::number(e->exitCode));
    if (!e->firstError.isEmpty())
        text += QStringLiteral("\n") + tr("first error: %1").arg(e->firstError.left(600));
    if (e->resumeLine > 0)
        text += QStringLiteral("\n") + tr("stopped before the record at line %1").arg(e->resumeLine);
    text += QStringLiteral("\n") + e->command;
    m_detail->setText(text);
    const auto exists = [e](const QString &path) { return !path.isEmpty() && QFileInfo::exists(fileToOpen(*e, path)); };
    m_trace->setEnabled(exists(e->traceFile));
    m_exceptions->setEnabled(exists(e->exceptionsFile));
    m_data->setEnabled(exists(e->dataFile));
    m_reference->setEnabled(exists(e->referenceFile));
    m_again->setEnabled(e->state != RunState::Running && QFileInfo::exists(e->config));
    m_resume->setEnabled(e->kind == QLatin1String("import") && e->resumeLine > 0 && e->state != RunState::Running
                         && QFileInfo::exists(e->dataFile));
}

QString MonitorView::fileToOpen(const RunEntry &entry, const QString &path)
{
    if (path.isEmpty() || entry.keptDir.isEmpty())
        return path;
    const QString kept = entry.keptDir + QLatin1Char('/') + QFileInfo(path).fileName();
    return QFileInfo::exists(kept) ? kept : path;
}

QString MonitorView::resumeFile(const RunEntry &entry, QString *error)
{
    QFile in(entry.dataFile);
    if (entry.resumeLine <= 0 || !in.open(QIODevice::ReadOnly)) {
        *error = entry.resumeLine <= 0 ? tr("the run names no line to resume from") : tr("cannot read %1").arg(entry.dataFile);
        return QString();
    }
    const QFileInfo info(entry.dataFile);
    const QString path = info.absolutePath() + QLatin1Char('/') + info.completeBaseName()
                         + QStringLiteral(".resume-%1.").arg(entry.resumeLine) + (info.suffix().isEmpty() ? QStringLiteral("txt") : info.suffix());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1").arg(path);
        return QString();
    }
    for (int line = 1; !in.atEnd(); ++line) {
        const QByteArray bytes = in.readLine();
        if (line >= entry.resumeLine)
            out.write(bytes);
    }
    if (!out.commit()) {
        *error = tr("cannot write %1").arg(path);
        return QString();
    }
    return path;
}

void MonitorView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (std::max(1, width() / 360) != m_columns) {
        m_dashboardStale = true;
        if (m_views->currentIndex() == 1)
            rebuildDashboard(m_all);
    }
}

void MonitorView::refreshSchedules()
{
    QProcess p;
    p.start(SyncProcess::agentProgram(), {QStringLiteral("schedule"), QStringLiteral("--list")});
    if (!p.waitForFinished(30000)) {
        m_schedules->setPlainText(tr("odbc-agent schedule --list did not answer: %1").arg(p.errorString()));
        return;
    }
    m_schedules->setPlainText(QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed());
}

QString MonitorView::schedulesText() const
{
    return m_schedules->toPlainText();
}

int MonitorView::tileCount() const
{
    return m_tiles->count();
}

void MonitorView::rebuildDashboard(const QList<RunEntry> &entries)
{
    m_dashboardStale = false;
    while (QLayoutItem *item = m_tiles->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QStringList order;  // by their newest run
    QHash<QString, QList<RunEntry>> byKey;
    for (const RunEntry &e : entries) {
        if (!e.syncName.isEmpty() && e.kind != QLatin1String("sync"))
            continue;  // a sync's steps are in its own tile
        const QString key = tileKey(e);
        if (!byKey.contains(key))
            order << key;
        if (byKey[key].size() < kChartRuns)
            byKey[key].prepend(e);  // oldest first
    }
    const int columns = std::max(1, width() / 360);
    m_columns = columns;
    if (order.size() > kTiles)
        order = order.mid(0, kTiles);  // the configurations and syncs run most recently
    for (int i = 0; i < order.size(); ++i) {
        const QList<RunEntry> &runs = byKey.value(order.at(i));
        const RunEntry &last = runs.last();
        auto *tile = new QFrame(m_dashboard);
        tile->setFrameShape(QFrame::StyledPanel);
        tile->setObjectName(QStringLiteral("tile"));
        auto *layout = new QVBoxLayout(tile);
        auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(
                                     (last.kind == QLatin1String("sync") ? tr("sync %1").arg(last.syncName) : QFileInfo(last.config).fileName())
                                         .toHtmlEscaped()),
                                 tile);
        auto *state = new QLabel(tr("last run %1, %2: %3 read, %4 created, %5 updated, %6 deleted, %7 errors")
                                     .arg(RunsModel::stateText(last.state), last.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                                     .arg(last.counts.read).arg(last.counts.created).arg(last.counts.updated).arg(last.counts.deleted)
                                     .arg(last.counts.errors),
                                 tile);
        state->setWordWrap(true);
        if (last.state == RunState::Failed || last.state == RunState::Interrupted)
            state->setStyleSheet(QStringLiteral("color: #a00000; font-weight: bold"));
        auto *chart = new HistoryChart(tile);
        chart->setRuns(runs);
        layout->addWidget(title);
        layout->addWidget(state);
        layout->addWidget(chart, 1);
        m_tiles->addWidget(tile, i / columns, i % columns);
    }
}

}  // namespace oas::ui
