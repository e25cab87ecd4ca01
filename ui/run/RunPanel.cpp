#include "RunPanel.h"

#include "secrets/Keychain.h"
#include "config/ConfigParser.h"
#include "pairs/PairCatalog.h"

#include "ExceptionsView.h"
#include "JobRunner.h"

#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include "SyncProcess.h"
#include "journal/RunJournal.h"
#include "sync/SyncFile.h"
#include "RateChart.h"
#include "TraceView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QToolButton>
#include <QDir>
#include <QFileDialog>
#include <QVBoxLayout>

namespace oas::ui {

namespace {

QString rowsText(const QList<QStringList> &rows)
{
    if (rows.isEmpty())
        return RunPanel::tr("(no row)");
    QStringList parts;
    for (qsizetype i = 0; i < rows.size(); ++i)
        parts.append((rows.size() > 1 ? RunPanel::tr("row %1 of %2\n").arg(i + 1).arg(rows.size()) : QString())
                     + rows.at(i).join(QLatin1Char('\n')));
    return parts.join(QStringLiteral("\n\n"));
}

// The current record in single-step mode: its decision, attributes, statements with values, rows.
QString stepText(const run::RecordStep &step)
{
    QStringList parts{step.summary};
    parts.append(RunPanel::tr("Attributes (line %1)").arg(step.line) + QLatin1Char('\n') + step.attributes.join(QLatin1Char('\n')));
    if (!step.statements.isEmpty())
        parts.append(RunPanel::tr("Statements run, with their values") + QLatin1Char('\n') + step.statements.join(QStringLiteral("\n\n")));
    if (step.rowsLooked) {
        parts.append(RunPanel::tr("Row before") + QLatin1Char('\n') + rowsText(step.rowsBefore));
        parts.append(RunPanel::tr("Row after") + QLatin1Char('\n') + rowsText(step.rowsAfter));
    }
    if (!step.events.isEmpty())
        parts.append(RunPanel::tr("Messages") + QLatin1Char('\n') + step.events.join(QStringLiteral("\n\n")));
    return parts.join(QStringLiteral("\n\n"));
}

}  // namespace

QString RunPanel::exitText(int exitCode)
{
    // The manual's exit codes in words: 0x3C is not a number to decode.
    switch (exitCode) {
    case 0: return tr("exit code 0");
    case 0x3C: return tr("exit code 0x3C (done with warnings)");
    case 1: return tr("exit code 1 (not done)");
    default: return tr("exit code %1").arg(exitCode);
    }
}

RunPanel::RunPanel(QWidget *parent)
    : QWidget(parent), m_runner(new JobRunner(this)), m_sync(new SyncProcess(this)), m_kind(new QComboBox(this)), m_dataFile(new QLineEdit(this)),
      m_run(new QPushButton(tr("Run"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_stepping(new QCheckBox(tr("Step through"), this)), m_step(new QPushButton(tr("Step"), this)),
      m_go(new QPushButton(tr("Go"), this)), m_record(new QPlainTextEdit(this)),
      m_breakOnError(new QCheckBox(tr("Break on errors"), this)), m_breakAtLine(new QLineEdit(this)),
      m_breakOnChange(new QComboBox(this)), m_stats(new QLabel(this)),
      m_summary(new QLabel(this)), m_trace(new TraceView(this)), m_chart(new RateChart(this)),
      m_outputs(new QLabel(this)), m_exceptions(new ExceptionsView(this))
{
    m_kind->addItems({tr("Full export"), tr("Delta export"), tr("Import")});
    m_dataFile->setPlaceholderText(tr("data file (export output or import input)"));
    m_dataFile->setMinimumWidth(140);
    m_cancel->setEnabled(false);
    m_run->setEnabled(false);  // nothing to run until a configuration is open
    m_summary->setWordWrap(true);
    m_target = new QLabel(tr("no configuration open"), this);
    m_target->setObjectName(QStringLiteral("RunTarget"));
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_target);
    controls->addWidget(m_kind);
    controls->addWidget(m_dataFile, 1);
    auto *browse = new QToolButton(this);
    browse->setText(QStringLiteral("..."));
    browse->setToolTip(tr("Choose the data file"));
    connect(browse, &QToolButton::clicked, this, &RunPanel::chooseDataFile);
    controls->addWidget(browse);
    controls->addWidget(m_stepping);
    controls->addWidget(m_run);
    controls->addWidget(m_step);
    controls->addWidget(m_go);
    controls->addWidget(m_cancel);
    m_step->setEnabled(false);
    m_go->setEnabled(false);
    m_record->setReadOnly(true);
    m_breakAtLine->setPlaceholderText(tr("break at line"));
    m_breakAtLine->setValidator(new QIntValidator(0, 1 << 30, m_breakAtLine));
    m_breakOnChange->addItems({tr("no ChangeType break"), QStringLiteral("add"), QStringLiteral("modify"), QStringLiteral("delete")});
    auto *breaks = new QHBoxLayout;
    breaks->addWidget(m_breakOnError);
    breaks->addWidget(m_breakAtLine);
    breaks->addWidget(m_breakOnChange);
    breaks->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(breaks);
    auto *statistics = new QHBoxLayout;
    statistics->addWidget(m_stats, 1);
    statistics->addWidget(m_chart);
    layout->addLayout(statistics);
    m_views = new QTabWidget(this);
    m_views->addTab(m_trace, tr("Trace"));
    m_views->addTab(m_exceptions, tr("Exceptions"));
    m_views->addTab(m_record, tr("Current record"));
    layout->addWidget(m_views, 1);
    connect(m_exceptions, &ExceptionsView::openRequested, this, &RunPanel::openFileRequested);
    connect(m_exceptions, &ExceptionsView::reimportRequested, this, [this](const QString &path) {
        // The exceptions go back through the configuration that produced them.
        m_configPath = m_lastRunConfig;
        setJobKind(2);
        setDataFile(path);
        run();
    });
    layout->addWidget(m_summary);
    m_outputs->setTextFormat(Qt::RichText);
    layout->addWidget(m_outputs);
    connect(m_outputs, &QLabel::linkActivated, this, [this](const QString &link) { openOutput(link.toInt()); });
    const QSettings settings;
    m_kind->setCurrentIndex(settings.value(QStringLiteral("run/kind"), 0).toInt());
    m_dataFile->setText(settings.value(QStringLiteral("run/dataFile")).toString());

    connect(m_run, &QPushButton::clicked, this, &RunPanel::run);
    connect(m_breakOnError, &QCheckBox::toggled, m_runner, &JobRunner::setBreakOnError);
    connect(m_cancel, &QPushButton::clicked, this, &RunPanel::cancel);
    connect(m_step, &QPushButton::clicked, this, &RunPanel::step);
    connect(m_go, &QPushButton::clicked, this, &RunPanel::go);
    connect(m_runner, &JobRunner::stepped, this, &RunPanel::showStep);
    // A sync's output, steps and end.
    connect(m_sync, &SyncProcess::lines, this, [this](const QStringList &lines, bool standardError) {
        QList<TraceBlock> blocks;
        for (const QString &line : lines) {
            // A step's own summary ("ODBCAgentImp: 7 records read: 2 created, ...") is its statistics.
            if (line.startsWith(QLatin1String("ODBCAgent")) || line.startsWith(QLatin1String("odbc-agent pair:"))
                || line.startsWith(QLatin1String("odbc-agent queue refresh:")))
                m_stats->setText(m_stats->text().section(QStringLiteral(" | "), 0, 0) + QStringLiteral(" | ") + line);
        }
        for (const QString &line : lines)
            blocks.append({standardError && line.contains(QLatin1String("not done")) ? run::TraceKind::Error : run::TraceKind::Level,
                           config::TraceLevel::Summary, line});
        m_trace->append(blocks);
    });
    connect(m_sync, &SyncProcess::stepStarted, this, [this](int step, int steps, const QString &what) {
        m_stats->setText(tr("step %1 of %2: %3").arg(step).arg(steps).arg(what));
    });
    connect(m_sync, &SyncProcess::finished, this, [this](int exitCode, const QString &summary, qint64 guardDeletes, const QString &guard) {
        m_run->setEnabled(!m_configPath.isEmpty());
        m_cancel->setEnabled(false);
        m_summary->setText(tr("%1: %2").arg(exitText(exitCode), summary.isEmpty() ? QFileInfo(m_syncFile).fileName() : summary));
        // The exceptions of the sync's steps (the newest step that wrote any), from the journal.
        journal::RunFilter filter;
        filter.syncName = sync::readSyncFile(m_syncFile).name;
        filter.limit = 20;
        QString error;
        if (const auto entries = journal::RunJournal().list(filter, &error)) {
            for (const journal::RunEntry &e : *entries) {
                if (e.kind == QLatin1String("sync"))
                    break;  // this run's steps come before its own entry
                if (!e.exceptionsFile.isEmpty()) {
                    m_exceptions->load(e.exceptionsFile);
                    break;
                }
            }
        }
        emit jobFinished(exitCode);
        if (guardDeletes > 0)
            emit deleteGuardStopped(m_syncFile, guardDeletes, guard, m_syncDry);
    });
    connect(m_runner, &JobRunner::traceBlocks, m_trace, &TraceView::append);
    connect(m_runner, &JobRunner::progressed, this, &RunPanel::showProgress);
    connect(m_runner, &JobRunner::finished, this, [this](int exitCode, const QString &summary) {
        m_run->setEnabled(true);
        m_cancel->setEnabled(false);
        m_step->setEnabled(false);
        m_go->setEnabled(false);
        QString text = tr("%1: %2").arg(exitText(exitCode), summary);
        if (m_runner->droppedTraceBlocks() > 0)
            text += tr(" (%1 trace blocks not shown: the job reported faster than the view shows)").arg(m_runner->droppedTraceBlocks());
        m_summary->setText(text);
        QStringList links;
        for (qsizetype i = 0; i < m_runner->outputs().size(); ++i) {
            const JobOutput &o = m_runner->outputs().at(i);
            links.append(QStringLiteral("<a href=\"%1\">%2</a> %3").arg(i).arg(o.label.toHtmlEscaped(), QFileInfo(o.path).fileName().toHtmlEscaped()));
        }
        m_outputs->setText(links.isEmpty() ? QString() : tr("Open: %1").arg(links.join(QStringLiteral(" &middot; "))));
        m_exceptions->load(m_runner->lastExceptionsPath());
        emit jobFinished(exitCode);
    });
}

void RunPanel::setConfigPath(const QString &path)
{
    m_configPath = path;
    m_run->setEnabled(!path.isEmpty() && !m_runner->isRunning());
    m_target->setText(path.isEmpty() ? tr("no configuration open") : tr("Runs %1:").arg(QFileInfo(path).fileName()));
    m_target->setToolTip(path);
}

void RunPanel::chooseDataFile()
{
    // Relative to the configuration's folder, where the job runs.
    const QDir folder = QFileInfo(m_configPath).absoluteDir();
    const QString start = folder.absoluteFilePath(m_dataFile->text().trimmed());
    const QString path = m_kind->currentIndex() == 2 ? QFileDialog::getOpenFileName(this, tr("Data file to import"), start)
                                                     : QFileDialog::getSaveFileName(this, tr("Export data file"), start);
    if (path.isEmpty())
        return;
    const QString relative = folder.relativeFilePath(path);
    m_dataFile->setText(relative.startsWith(QLatin1String("..")) ? path : relative);
}

void RunPanel::setJobKind(int kind)
{
    m_kind->setCurrentIndex(kind);
}

void RunPanel::setDataFile(const QString &path)
{
    m_dataFile->setText(path);
}

bool RunPanel::isRunning() const
{
    return m_runner->isRunning() || m_sync->isRunning();
}

bool RunPanel::runSync(const QString &syncFile, bool dryRun, std::optional<qint64> allowDeletes)
{
    if (isRunning()) {
        m_summary->setText(tr("not started: a job is running"));
        return false;
    }
    QStringList args{QStringLiteral("sync"), syncFile};
    if (dryRun)
        args << QStringLiteral("--dry-run");
    if (allowDeletes)
        args << QStringLiteral("--allow-deletes") << QString::number(*allowDeletes);
    m_trace->clear();
    m_stats->clear();
    m_outputs->clear();
    QString error;
    if (!m_sync->start(args, &error)) {
        m_summary->setText(tr("not started: %1").arg(error));
        return false;
    }
    m_syncFile = syncFile;
    m_syncDry = dryRun;
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_summary->setText(tr("running %1 of %2...").arg(dryRun ? tr("a dry run") : tr("the sync"), QFileInfo(syncFile).fileName()));
    m_views->setCurrentWidget(m_trace);
    return true;
}

QString RunPanel::summary() const
{
    return m_summary->text();
}

QString RunPanel::traceText() const
{
    return m_trace->text();
}

QStringList RunPanel::outputs() const
{
    QStringList list;
    for (const JobOutput &o : m_runner->outputs())
        list.append(o.label + QLatin1Char('\t') + o.path);
    return list;
}

void RunPanel::openOutput(int index)
{
    if (index >= 0 && index < m_runner->outputs().size())
        emit openFileRequested(m_runner->outputs().at(index).path);
}

QString RunPanel::statistics() const
{
    return m_stats->text();
}

bool RunPanel::run()
{
    emit aboutToRun();
    JobSpec spec;
    spec.kind = JobSpec::Kind(m_kind->currentIndex());
    spec.configPath = m_configPath;
    spec.dataPath = m_dataFile->text().trimmed();
    QSettings settings;
    settings.setValue(QStringLiteral("run/kind"), m_kind->currentIndex());
    settings.setValue(QStringLiteral("run/dataFile"), spec.dataPath);
    // keychain: passwords are read here, on the GUI thread, and handed to the job.
    const config::ParseResult parsed = config::parseConfigFile(m_configPath, config::Operation::Any);
    return start(spec, tr("%1 of %2").arg(m_kind->currentText(), QFileInfo(m_configPath).fileName()),
                 keychainNames(parsed.config.database.user, parsed.config.database.password));
}

bool RunPanel::firePair(const QString &iniPath, const QString &dataFile, const QString &event)
{
    JobSpec spec;
    spec.kind = JobSpec::Kind::PairEvents;
    spec.configPath = iniPath;
    spec.dataPath = dataFile;
    spec.pairEvent = event;
    const QFileInfo ini(iniPath);
    pairs::PairCatalog catalog(ini.absolutePath());
    QString error;
    const pairs::PairParse *parse = catalog.load(ini.completeBaseName(), &error);
    const QStringList names = parse ? keychainNames(parse->pair.user, parse->pair.password) : QStringList();
    return start(spec, tr("pair %1 for %2").arg(ini.completeBaseName(), QFileInfo(dataFile).fileName()), names);
}

bool RunPanel::start(const JobSpec &given, const QString &what, const QStringList &keychain)
{
    JobSpec spec = given;
    spec.stepping = m_stepping->isChecked();
    spec.breakOnError = m_breakOnError->isChecked();
    spec.breakAtLine = m_breakAtLine->text().toInt();
    spec.breakOnChange = m_breakOnChange->currentIndex() > 0 ? m_breakOnChange->currentText() : QString();
    const bool mayStep = spec.stepping || spec.breakOnError || spec.breakAtLine > 0 || !spec.breakOnChange.isEmpty();
    m_trace->clear();
    m_stats->clear();
    m_outputs->clear();
    if (!keychain.isEmpty()) {
        KeychainRead read = readKeychain(keychain);
        if (!read.error.isEmpty()) {
            m_summary->setText(tr("not started: %1").arg(read.error));
            return false;
        }
        spec.keychain = std::move(read.values);
    }
    QString error;
    if (!m_runner->start(spec, &error)) {
        m_summary->setText(tr("not started: %1").arg(error));
        return false;
    }
    m_lastRunConfig = spec.configPath;
    m_clock.start();
    m_chart->start();
    m_summary->setText(tr("running %1").arg(what));
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_step->setEnabled(mayStep);
    m_go->setEnabled(mayStep);
    m_record->clear();
    return true;
}

void RunPanel::cancel()
{
    m_runner->cancel();
    m_sync->cancel();
}

void RunPanel::step()
{
    m_runner->step();
}

void RunPanel::go()
{
    m_runner->go();
    m_step->setEnabled(false);
    m_go->setEnabled(false);
}

void RunPanel::setStepping(bool on)
{
    m_stepping->setChecked(on);
}

void RunPanel::setBreakpoints(bool onError, int atLine, const QString &changeType)
{
    m_breakOnError->setChecked(onError);
    m_breakAtLine->setText(atLine > 0 ? QString::number(atLine) : QString());
    const int index = m_breakOnChange->findText(changeType);
    m_breakOnChange->setCurrentIndex(index > 0 ? index : 0);
}

QString RunPanel::currentRecord() const
{
    return m_record->toPlainText();
}

void RunPanel::showStep(const run::RecordStep &step)
{
    m_record->setPlainText(stepText(step));
    markStep(step);
    m_views->setCurrentWidget(m_record);
    m_step->setEnabled(true);  // paused at this record (a breakpoint may pause again after Go)
    m_go->setEnabled(true);
}

void RunPanel::markStep(const run::RecordStep &step)
{
    // What the record changed: the after row's values that differ from the before row's; a record that
    // failed: its summary and messages, in red.
    QSet<QString> changed;
    for (qsizetype r = 0; r < step.rowsAfter.size(); ++r) {
        const QStringList before = r < step.rowsBefore.size() ? step.rowsBefore.at(r) : QStringList();
        for (const QString &value : step.rowsAfter.at(r)) {
            if (!before.contains(value))
                changed.insert(value);
        }
    }
    QList<QTextEdit::ExtraSelection> marks;
    const auto mark = [&](const QTextBlock &block, const QColor &color) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(block);
        sel.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        sel.format.setBackground(color);
        sel.format.setProperty(QTextFormat::FullWidthSelection, true);
        marks.append(sel);
    };
    const QString afterHeader = tr("Row after");
    const QString messagesHeader = tr("Messages");
    enum class Part { Other, After, Messages } part = Part::Other;
    for (QTextBlock b = m_record->document()->begin(); b.isValid(); b = b.next()) {
        const QString text = b.text();
        if (text == afterHeader)
            part = Part::After;
        else if (text == messagesHeader)
            part = Part::Messages;
        else if (text.isEmpty() && part == Part::After)
            part = Part::Other;
        else if (b.blockNumber() == 0 && step.failed)
            mark(b, QColor(0xf8, 0xd0, 0xd0));
        else if (part == Part::After && changed.contains(text))
            mark(b, QColor(0xd8, 0xf0, 0xd0));
        else if (part == Part::Messages && step.failed && !text.isEmpty())
            mark(b, QColor(0xf8, 0xd0, 0xd0));
    }
    m_record->setExtraSelections(marks);
}

QStringList RunPanel::markedRecordLines() const
{
    QStringList lines;
    for (const QTextEdit::ExtraSelection &sel : m_record->extraSelections())
        lines << sel.cursor.block().text();
    return lines;
}

void RunPanel::showProgress(const run::JobProgress &p)
{
    const double seconds = std::max<qint64>(m_clock.elapsed(), 1) / 1000.0;
    m_chart->addRecords(p.records);
    QString text = tr("%1 records, %2 added/created, %3 modified/updated, %4 deleted, %5 errors - %6 records/s")
                       .arg(p.records)
                       .arg(p.adds)
                       .arg(p.modifies)
                       .arg(p.deletes)
                       .arg(p.errors)
                       .arg(qint64(double(p.records) / seconds));
    if (p.bytesTotal > 0 && p.bytesDone > 0) {
        // The input's size is known: how far, and about how long is left at the rate so far.
        const double done = std::min(1.0, double(p.bytesDone) / double(p.bytesTotal));
        text += tr(" - %1%").arg(int(done * 100));
        if (done < 1.0)
            text += tr(", about %1 s left").arg(qint64(seconds * (1.0 - done) / done + 0.5));
    }
    m_stats->setText(text);
}

}  // namespace oas::ui
