// odbc-agent: our own multi-command tool (validate, sql, and later pairs and the change queue).
#include "cli/AgentRunner.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("odbc-agent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OAS_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = oas::cli::runOdbcAgent(app.arguments().mid(1), out, err);
    out.flush();
    err.flush();
    return code;
}
