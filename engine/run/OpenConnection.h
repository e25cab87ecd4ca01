#pragma once
// Opening a job's connection with the trace the manual gives it: the ODBC versions (ODBC level), the
// connection attributes (ConnectAttributes, never user or password) and the driver's warnings (Warnings).
#include "../db/Connection.h"
#include "../trace/Trace.h"

namespace oas::run {

// nullptr with the manual's error block in *errorBlock when the connection fails.
std::unique_ptr<db::Connection> openTracedConnection(const config::DatabaseSection &section,
                                                     const db::Credentials &credentials, const QString &name,
                                                     db::Connection::Use use, trace::Trace &trace,
                                                     QString *errorBlock);

}  // namespace oas::run
