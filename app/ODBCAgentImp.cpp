// ODBCAgentImp: see "ODBCAgentImp Command Line Format" in the manual; the work is done by the engine.
#include "cli/AgentRunner.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ODBCAgentImp"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OAS_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = oas::cli::runAgent(oas::cli::AgentKind::Import, app.arguments().mid(1), out, err);
    out.flush();
    err.flush();
    return code;
}
