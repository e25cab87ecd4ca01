// The main window's Monitor: the run journal in a dock, run again / resume through the Run panel, and a
// desktop notification when a run fails or is interrupted, whoever started it.
#include "MainWindow.h"

#include "journal/RunEntry.h"
#include "monitor/MonitorView.h"
#include "monitor/RunsModel.h"
#include "run/RunPanel.h"

#include <QApplication>
#include <QDockWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>

namespace oas::ui {

void MainWindow::createMonitor()
{
    auto *dock = new QDockWidget(tr("Monitor"), this);
    dock->setObjectName(QStringLiteral("MonitorDock"));
    dock->setWidget(m_monitor);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (auto *runDock = findChild<QDockWidget *>(QStringLiteral("RunDock"))) {
        tabifyDockWidget(runDock, dock);
        runDock->raise();
    }
    connect(m_monitor, &MonitorView::openFileRequested, this, &MainWindow::openFile);
    // Run again / resume: through the Run panel, with the run's configuration and data file.
    const auto rerun = [this](const journal::RunEntry &e, int kind, const QString &dataFile) {
        if (m_run->isRunning()) {
            statusBar()->showMessage(tr("A job is running; start this one when it is done"));
            return;
        }
        openFile(e.config);
        m_run->setConfigPath(e.config);
        m_run->setJobKind(kind);
        m_run->setDataFile(dataFile);
        m_run->run();
        if (auto *runDock = findChild<QDockWidget *>(QStringLiteral("RunDock")))
            runDock->raise();
    };
    connect(m_monitor, &MonitorView::runAgainRequested, this, [this, rerun](const journal::RunEntry &e) {
        if (e.kind == QLatin1String("import"))
            rerun(e, 2, e.dataFile);
        else if (e.kind == QLatin1String("export"))
            rerun(e, e.referenceFile.isEmpty() ? 0 : 1, e.dataFile);
        else if (e.kind == QLatin1String("sync"))
            m_run->runSync(e.config, e.dryRun);
        else
            statusBar()->showMessage(tr("Run %1 again from the command line: %2").arg(e.id).arg(e.command));
    });
    connect(m_monitor, &MonitorView::resumeRequested, this, [rerun](const journal::RunEntry &e, const QString &file) { rerun(e, 2, file); });
    connect(m_monitor, &MonitorView::runFailed, this, [this](const journal::RunEntry &e) {
        notifyFailure(tr("%1 %2").arg(RunsModel::whatText(e), RunsModel::stateText(e.state)),
                      tr("Run %1 (%2 on %3): %4").arg(e.id).arg(e.kind, e.host, e.firstError.section(QLatin1Char('\n'), 0, 0)));
    });
}

void MainWindow::notifyFailure(const QString &title, const QString &text)
{
    // A desktop notification where the desktop has a tray; else the status bar, and the window asks for
    // attention.
    m_lastNotification = title + QStringLiteral(": ") + text;
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(windowIcon(), this);
            m_tray->show();
        }
        m_tray->showMessage(title, text, QSystemTrayIcon::Warning, 10000);
    }
    statusBar()->showMessage(m_lastNotification, 30000);
    QApplication::alert(this);
}

}  // namespace oas::ui
