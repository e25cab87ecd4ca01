#include "SyncEditor.h"

#include "editor/ConfigEditor.h"

#include "config/ConfigWriter.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace oas::ui {

namespace {

enum StepColumn { Name, Kind, Config, Data, OnError, OnWarnings, Guard, ColumnCount };

QSpinBox *spin(QWidget *parent, int max, const QString &suffix = {})
{
    auto *s = new QSpinBox(parent);
    s->setRange(0, max);
    s->setSuffix(suffix);
    return s;
}

}  // namespace

SyncEditor::SyncEditor(QWidget *parent)
    : QWidget(parent), m_editor(new ConfigEditor(this)), m_guardOn(new QCheckBox(tr("Stop an import whose deletes are too many"), this)),
      m_maxDeletes(spin(this, 1000000000)), m_maxPercent(spin(this, 100, QStringLiteral(" %"))), m_minRows(spin(this, 1000000000)),
      m_steps(new QTableWidget(0, ColumnCount, this)), m_problems(new QLabel(this)),
      m_openConfig(new QPushButton(tr("Open configuration"), this)), m_sync(new QPushButton(tr("Sync"), this)),
      m_dryRun(new QPushButton(tr("Dry run"), this)), m_schedule(new QPushButton(tr("Schedule..."), this))
{
    // The guard on one line: it leaves the room to the steps.
    auto *guard = new QGroupBox(tr("Delete guard"), this);
    auto *guardLine = new QHBoxLayout(guard);
    m_guardOn->setText(tr("stop above"));
    guardLine->addWidget(m_guardOn);
    guardLine->addWidget(m_maxDeletes);
    guardLine->addWidget(new QLabel(tr("deletes, or"), guard));
    guardLine->addWidget(m_maxPercent);
    guardLine->addWidget(new QLabel(tr("of tables of"), guard));
    guardLine->addWidget(m_minRows);
    guardLine->addWidget(new QLabel(tr("+ rows"), guard));
    guardLine->addStretch(1);
    for (QSpinBox *s : {m_maxDeletes, m_maxPercent, m_minRows})
        s->setMaximumWidth(s->fontMetrics().horizontalAdvance(QStringLiteral("0000000000")) + 30);
    m_maxDeletes->setToolTip(tr("MaxDeletes: more deletes than this stop the sync (0: no limit by count)"));
    m_maxPercent->setToolTip(tr("MaxDeletePercent: more than this share of the target's rows stops the sync"));
    m_minRows->setToolTip(tr("MinRows: the share applies to tables of at least this many rows"));
    for (QSpinBox *s : {m_maxDeletes, m_maxPercent, m_minRows})
        connect(s, &QSpinBox::valueChanged, this, &SyncEditor::guardEdited);
    connect(m_guardOn, &QCheckBox::toggled, this, &SyncEditor::guardEdited);

    m_steps->setHorizontalHeaderLabels({tr("Step"), tr("Kind"), tr("Configuration"), tr("Input / output"), tr("On error"),
                                        tr("On warnings"), tr("Delete guard")});
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);  // steps are edited in the text below
    m_steps->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_steps->verticalHeader()->hide();
    m_steps->horizontalHeader()->setStretchLastSection(true);
    const auto openSelected = [this] {
        const int row = m_steps->currentRow();
        if (row >= 0 && row < m_def.steps.size())
            emit openConfigRequested(QDir(m_def.folder).filePath(m_def.steps.at(row).config));
    };
    connect(m_steps, &QTableWidget::cellDoubleClicked, this, openSelected);
    connect(m_openConfig, &QPushButton::clicked, this, openSelected);
    connect(m_sync, &QPushButton::clicked, this, [this] { emit syncRequested(m_editor->filePath(), false); });
    connect(m_dryRun, &QPushButton::clicked, this, [this] { emit syncRequested(m_editor->filePath(), true); });
    connect(m_schedule, &QPushButton::clicked, this, [this] { emit scheduleRequested(m_editor->filePath()); });
    m_sync->setToolTip(tr("Run every step in order (saves the file first)"));
    m_dryRun->setToolTip(tr("Run every step without keeping anything, and show what a real run would do"));

    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Add step: the kind from a menu, the configuration from the workspace; the step goes at the end of the text.
    auto *add = new QPushButton(tr("Add step"), this);
    auto *kinds = new QMenu(add);
    for (const sync::StepKind kind : {sync::StepKind::Export, sync::StepKind::Import, sync::StepKind::Pair, sync::StepKind::Queue}) {
        kinds->addAction(sync::stepKindName(kind), this, [this, kind] {
            QString config = QStringLiteral("odbcsync");
            if (kind != sync::StepKind::Pair) {
                const QString chosen = QFileDialog::getOpenFileName(this, tr("Configuration of the step"), m_def.folder,
                                                                    tr("Configurations (*.ini *.cfg)"));
                if (chosen.isEmpty())
                    return;
                config = QDir(m_def.folder).relativeFilePath(chosen);
            }
            addStep(QStringLiteral("%1%2").arg(sync::stepKindName(kind)).arg(m_def.steps.size() + 1), kind, config);
        });
    }
    add->setMenu(kinds);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_openConfig);
    buttons->addStretch(1);
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_sync);
    buttons->addWidget(m_schedule);

    auto *form = new QWidget(this);
    auto *formLayout = new QVBoxLayout(form);
    formLayout->addWidget(guard);
    formLayout->addWidget(m_steps, 1);
    formLayout->addWidget(m_problems);
    formLayout->addLayout(buttons);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(form);
    split->addWidget(m_editor);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({400, 200});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    m_pause.setSingleShot(true);
    m_pause.setInterval(300);
    connect(&m_pause, &QTimer::timeout, this, &SyncEditor::reparse);
    connect(m_editor, &QsciScintilla::textChanged, &m_pause, qOverload<>(&QTimer::start));
}

bool SyncEditor::openFile(const QString &path, QString *error)
{
    if (!m_editor->openFile(path, error, false))
        return false;
    reparse();
    return true;
}

void SyncEditor::reparse()
{
    m_pause.stop();
    m_def = sync::parseSyncText(m_editor->filePath(), m_editor->text().toUtf8());
    fillForm();
}

QString SyncEditor::problemsText() const
{
    QStringList lines;
    for (const sync::SyncProblem &p : m_def.problems)
        lines << (p.line > 0 ? tr("line %1: %2").arg(p.line).arg(p.message) : p.message);
    return lines.join(QLatin1Char('\n'));
}

void SyncEditor::fillForm()
{
    m_filling = true;
    m_guardOn->setChecked(m_def.guard.on);
    m_maxDeletes->setValue(int(std::min<qint64>(m_def.guard.maxDeletes, m_maxDeletes->maximum())));
    m_maxPercent->setValue(m_def.guard.maxDeletePercent);
    m_minRows->setValue(int(std::min<qint64>(m_def.guard.minRows, m_minRows->maximum())));
    m_steps->setRowCount(int(m_def.steps.size()));
    for (int row = 0; row < m_def.steps.size(); ++row) {
        const sync::SyncStep &s = m_def.steps.at(row);
        QString data = s.kind == sync::StepKind::Export ? tr("writes %1%2").arg(s.output, s.fullExport ? tr(" (full)") : QString())
                       : s.input.isEmpty()              ? QString()
                       : s.inputStep().isEmpty()        ? tr("reads %1").arg(s.input)
                                                        : tr("reads the output of %1").arg(s.inputStep());
        if (s.kind == sync::StepKind::Pair)
            data += tr("; pairs %1").arg(s.pairs);
        const QStringList cells{s.name,
                                sync::stepKindName(s.kind),
                                s.config,
                                data,
                                s.stopOnError ? tr("stop") : tr("continue"),
                                s.stopOnWarnings ? tr("stop") : tr("continue"),
                                s.kind != sync::StepKind::Import && s.kind != sync::StepKind::Pair ? QString()
                                : !s.guard.on ? tr("off")
                                              : tr("> %1, > %2 % of %3+ rows").arg(s.guard.maxDeletes).arg(s.guard.maxDeletePercent).arg(s.guard.minRows)};
        for (int c = 0; c < ColumnCount; ++c)
            m_steps->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }
    m_steps->resizeColumnsToContents();
    const bool ok = m_def.ok();
    m_problems->setText(ok ? tr("No problems: %n step(s).", nullptr, int(m_def.steps.size())) : problemsText());
    m_problems->setStyleSheet(ok ? QString() : QStringLiteral("color: #a00000"));
    m_sync->setEnabled(ok);
    m_dryRun->setEnabled(ok);
    m_schedule->setEnabled(ok);
    m_filling = false;
}

void SyncEditor::setText(const QByteArray &text)
{
    if (text == m_editor->text().toUtf8())
        return;
    m_editor->beginUndoAction();
    m_editor->selectAll();
    m_editor->replaceSelectedText(QString::fromUtf8(text));
    m_editor->endUndoAction();
    reparse();
}

void SyncEditor::guardEdited()
{
    if (m_filling)
        return;
    setGuard(m_guardOn->isChecked(), m_maxDeletes->value(), m_maxPercent->value(), m_minRows->value());
}

void SyncEditor::setGuard(bool on, qint64 maxDeletes, int maxPercent, qint64 minRows)
{
    QByteArray text = m_editor->text().toUtf8();
    if (!QString::fromUtf8(text).contains(QRegularExpression(QStringLiteral("^\\s*\\[\\s*sync\\s*\\]"), QRegularExpression::MultilineOption
                                                                                                          | QRegularExpression::CaseInsensitiveOption)))
        text.prepend("[sync]\n");
    // Only the keys that differ from what the file says are written, each on its own line.
    if (on != m_def.guard.on)
        text = config::withFieldValue(text, QStringLiteral("sync"), QStringLiteral("DeleteGuard"), on ? QStringLiteral("on") : QStringLiteral("off"));
    if (maxDeletes != m_def.guard.maxDeletes)
        text = config::withFieldValue(text, QStringLiteral("sync"), QStringLiteral("MaxDeletes"), QString::number(maxDeletes));
    if (maxPercent != m_def.guard.maxDeletePercent)
        text = config::withFieldValue(text, QStringLiteral("sync"), QStringLiteral("MaxDeletePercent"), QString::number(maxPercent));
    if (minRows != m_def.guard.minRows)
        text = config::withFieldValue(text, QStringLiteral("sync"), QStringLiteral("MinRows"), QString::number(minRows));
    setText(text);
}

void SyncEditor::addStep(const QString &name, sync::StepKind kind, const QString &config)
{
    QByteArray text = m_editor->text().toUtf8();
    if (!text.isEmpty() && !text.endsWith('\n'))
        text += '\n';
    text += QStringLiteral("\n[step %1]\nKind=%2\nConfig=%3\n").arg(name, sync::stepKindName(kind), config).toUtf8();
    if (kind == sync::StepKind::Import || kind == sync::StepKind::Pair) {
        // The input: the output of the last export step, when there is one.
        QString from;
        for (const sync::SyncStep &s : m_def.steps) {
            if (s.kind == sync::StepKind::Export)
                from = s.name;
        }
        text += QStringLiteral("Input=%1\n").arg(from.isEmpty() ? QStringLiteral("data.txt") : QLatin1Char('@') + from).toUtf8();
    }
    setText(text);
}

}  // namespace oas::ui
