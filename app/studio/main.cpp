// odbc-agent-studio [WORKSPACE]: the Studio, opening the folder given (else the last workspace).
#include "MainWindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ODBC Agent Studio"));
    QApplication::setApplicationName(QStringLiteral("odbc-agent-studio"));
    QApplication::setApplicationVersion(QStringLiteral(OAS_VERSION));
    oas::ui::MainWindow window;
    const QStringList args = QApplication::arguments();
    if (args.size() > 1)
        window.openWorkspace(args.at(1));
    else if (!oas::ui::MainWindow::recentWorkspaces().isEmpty())
        window.openWorkspace(oas::ui::MainWindow::recentWorkspaces().first());
    window.show();
    return QApplication::exec();
}
