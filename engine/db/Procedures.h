#pragma once
// What the driver says about stored procedures, through the raw connection handle: whether it supports them
// at all (SQLGetInfo SQL_PROCEDURES), the parameters of one (SQLProcedureColumns), and the list of all
// (SQLProcedures). The import's procedure mode checks its declaration against these, and the trace levels
// ProcedureCharacteristics and AllProcedures show them.
#include "Connection.h"

namespace oas::db {

struct ProcedureColumn {
    QString catalog, schema, procedure, name;
    enum Kind { Unknown = 0, Input = 1, InputOutput = 2, ResultColumn = 3, Output = 4, ReturnValue = 5 };
    int kind = Unknown;  // COLUMN_TYPE
    int dataType = 0;    // SQL type
    QString typeName;
    qint64 columnSize = 0;
    qint64 bufferLength = 0;
    int decimalDigits = 0;
    int radix = 0;
    int nullable = 0;
    QString remarks, columnDef;
    int sqlDataType = 0;
    int datetimeSub = 0;
    qint64 charOctetLength = 0;
    int ordinal = 0;
    QString isNullable;
};

// "Y" from SQLGetInfo(SQL_PROCEDURES); a driver that does not answer is taken at its word of SQLProcedureColumns.
bool supportsProcedures(const Connection &connection);
// The parameters (and return value) of the procedure, in ordinal order; name may be schema.name. The name
// is looked up as written, then in lower and upper case (PostgreSQL folds unquoted names to lower case).
// False with the driver's block when the call fails; true with no columns when nothing has that name.
bool procedureColumns(const Connection &connection, const QString &name, QList<ProcedureColumn> *columns,
                      QString *errorBlock);
// Every procedure the connection can see, one text block each (the AllProcedures trace).
bool allProcedures(const Connection &connection, QStringList *entries, QString *errorBlock);

// "SQL_PARAM_INPUT", "SQL_RETURN_VALUE", ...
QString procedureColumnKindName(int kind);

}  // namespace oas::db
