// odbc-agent-studio [WORKSPACE]: the Studio, opening the folder given (else the last workspace).
#include "MainWindow.h"

#include <QApplication>
#include <QSettings>
#include <QTranslator>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ODBC Agent Studio"));
    QApplication::setApplicationName(QStringLiteral("odbc-agent-studio"));
    QApplication::setApplicationVersion(QStringLiteral(OAS_VERSION));
    // The language chosen in the Studio (View > Language), English by default.
    QTranslator translator;
    const QString language = QSettings().value(QStringLiteral("ui/language"), QStringLiteral("en")).toString();
    if (language != QLatin1String("en") && translator.load(QStringLiteral(":/i18n/oas_%1.qm").arg(language)))
        QApplication::installTranslator(&translator);
    oas::ui::MainWindow window;
    const QStringList args = QApplication::arguments();
    if (args.size() > 1)
        window.openWorkspace(args.at(1));
    else if (!oas::ui::MainWindow::recentWorkspaces().isEmpty())
        window.openWorkspace(oas::ui::MainWindow::recentWorkspaces().first());
    window.show();
    return QApplication::exec();
}
