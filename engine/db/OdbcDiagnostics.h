#pragma once
// ODBC diagnostic records (SQLSTATE, native error, message) read from raw handles, and the manual's
// warning / error block that shows them:
//   SQLExecDirect failure
//   state=42S02
//   native error=-1305
//   error message=...
#include <QList>
#include <QSqlError>
#include <QString>

namespace oas::db {

struct DiagRecord {
    QString state;
    int nativeError = 0;
    QString message;
};

enum class HandleKind { Environment, Connection, Statement };

// Every diagnostic record of a handle (a void* from QSqlDriver::handle() / QSqlResult::handle()).
QList<DiagRecord> readDiagnostics(HandleKind kind, void *handle);
// The manual's block: a first line naming what failed, then state / native error / message per record.
QString formatBlock(const QString &what, const QList<DiagRecord> &records);
// When no raw record is available: the same block from a QSqlError.
QList<DiagRecord> fromSqlError(const QSqlError &error);
// The first "error message=" of a block (the driver's own words), or the block itself.
QString driverMessage(const QString &block);

}  // namespace oas::db
