#include "OpenConnection.h"

namespace oas::run {

using config::TraceLevel;

std::unique_ptr<db::Connection> openTracedConnection(const config::DatabaseSection &section,
                                                     const db::Credentials &credentials, const QString &name,
                                                     db::Connection::Use use, trace::Trace &trace,
                                                     QString *errorBlock)
{
    trace::FlowScope flow(trace, "SQLDriverConnect");
    auto opened = db::Connection::open(section, credentials, name, use);
    if (!opened.connection) {
        *errorBlock = opened.errorBlock;
        return nullptr;
    }
    const db::Connection &c = *opened.connection;
    const db::DriverInfo &info = c.info();
    trace.write(TraceLevel::Odbc, QStringLiteral("ODBC version info\n%1\n\nODBC driver version\n%2\n\nDBMS\n%3 %4")
                                      .arg(info.driverManagerOdbcVersion, info.driverVersion, info.dbmsName, info.dbmsVersion));
    trace.write(TraceLevel::ConnectAttributes,
                QStringLiteral("database connection attributes:\n") + c.connectAttributes().join(QLatin1Char('\n')));
    if (!c.connectWarnings().isEmpty())
        trace.write(TraceLevel::Warnings, db::formatBlock(QStringLiteral("connection with information"), c.connectWarnings()));
    return std::move(opened.connection);
}

}  // namespace oas::run
