// The main window's syncs: a sync file opens in its form; Sync and Dry run go to the Run panel (odbc-agent
// sync as a child process); a delete guard that stops a sync asks whether to let it through once; Schedule...
// goes through odbc-agent schedule.
#include "MainWindow.h"

#include "EditorTabs.h"
#include "editor/ConfigEditor.h"
#include "monitor/MonitorView.h"
#include "run/RunPanel.h"
#include "run/SyncProcess.h"
#include "sync/ScheduleDialog.h"
#include "sync/SyncEditor.h"

#include <QDockWidget>
#include <QFileInfo>
#include <QMessageBox>
#include <QProcess>
#include <QStatusBar>

namespace oas::ui {

bool MainWindow::openSync(const QString &path)
{
    auto *editor = new SyncEditor(m_tabs);
    QString error;
    if (!editor->openFile(path, &error)) {
        delete editor;
        QMessageBox::warning(this, tr("Open file"), error);
        return false;
    }
    connect(editor, &SyncEditor::openConfigRequested, this, &MainWindow::openFile);
    connect(editor, &SyncEditor::syncRequested, this, [this, editor](const QString &file, bool dryRun) {
        const int tab = m_tabs->indexOf(editor);
        if (editor->editor()->isModified() && !m_tabs->saveTab(tab))
            return;  // the sync runs the file as it is on disk: saved first, or not at all
        if (m_run->runSync(file, dryRun)) {
            if (auto *dock = findChild<QDockWidget *>(QStringLiteral("RunDock")))
                dock->raise();
        }
    });
    connect(editor, &SyncEditor::scheduleRequested, this, [this, editor](const QString &file) {
        ScheduleDialog dialog(editor->definition().name, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        QString output;
        const bool ok = scheduleSync(file, dialog.whenArguments(), &output);
        if (ok)
            QMessageBox::information(this, tr("Schedule"), output);
        else
            QMessageBox::warning(this, tr("Schedule"), output);
    });
    m_tabs->addEditor(editor, QFileInfo(path).fileName(), path);
    return true;
}

void MainWindow::connectSyncRuns()
{
    confirmAllowDeletes = [this](const QString &message, qint64 deletes) {
        return QMessageBox::warning(this, tr("The delete guard stopped the sync"),
                                    tr("%1\n\nNothing was changed by that step. Run the sync once more and let these %2 "
                                       "deletes through?").arg(message).arg(deletes),
                                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               == QMessageBox::Yes;
    };
    connect(m_run, &RunPanel::deleteGuardStopped, this, [this](const QString &file, qint64 deletes, const QString &message, bool dryRun) {
        if (confirmAllowDeletes(message, deletes))
            m_run->runSync(file, dryRun, deletes);
    });
}

bool MainWindow::scheduleSync(const QString &syncFile, const QStringList &whenArguments, QString *output)
{
    QProcess p;
    p.start(SyncProcess::agentProgram(), QStringList{QStringLiteral("schedule"), syncFile} + whenArguments);
    if (!p.waitForFinished(60000)) {
        *output = tr("odbc-agent schedule did not finish: %1").arg(p.errorString());
        return false;
    }
    *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed();
    m_monitor->refreshSchedules();
    statusBar()->showMessage(output->section(QLatin1Char('\n'), 0, 0));
    return p.exitCode() == 0;
}

}  // namespace oas::ui
