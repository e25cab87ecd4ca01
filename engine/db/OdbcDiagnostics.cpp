#include "OdbcDiagnostics.h"

#include <sql.h>
#include <sqlext.h>

namespace oas::db {

QList<DiagRecord> readDiagnostics(HandleKind kind, void *handle)
{
    QList<DiagRecord> records;
    if (!handle)
        return records;
    const SQLSMALLINT type = kind == HandleKind::Environment ? SQL_HANDLE_ENV
                             : kind == HandleKind::Connection ? SQL_HANDLE_DBC
                                                              : SQL_HANDLE_STMT;
    for (SQLSMALLINT i = 1; i < 50; ++i) {
        SQLCHAR state[6] = {};
        SQLINTEGER native = 0;
        SQLCHAR message[2048] = {};
        SQLSMALLINT length = 0;
        const SQLRETURN rc = SQLGetDiagRec(type, handle, i, state, &native, message, sizeof message, &length);
        if (!SQL_SUCCEEDED(rc))
            break;
        records.append({QString::fromLatin1(reinterpret_cast<const char *>(state)), int(native),
                        QString::fromUtf8(reinterpret_cast<const char *>(message)).trimmed()});
    }
    return records;
}

QString formatBlock(const QString &what, const QList<DiagRecord> &records)
{
    QString block = what + QLatin1Char('\n');
    for (const DiagRecord &r : records) {
        block += QStringLiteral("state=%1\nnative error=%2\nerror message=%3\n")
                     .arg(r.state.isEmpty() ? QStringLiteral("HY000") : r.state)
                     .arg(r.nativeError)
                     .arg(r.message);
    }
    return block;
}

QList<DiagRecord> fromSqlError(const QSqlError &error)
{
    if (!error.isValid())
        return {};
    QString message = error.databaseText();
    if (message.isEmpty())
        message = error.driverText();
    return {DiagRecord{QString(), error.nativeErrorCode().toInt(), message}};
}

QString driverMessage(const QString &block)
{
    const qsizetype at = block.indexOf(QLatin1String("error message="));
    return at < 0 ? block.trimmed() : block.mid(at + 14).section(QLatin1Char('\n'), 0, 0).trimmed();
}

}  // namespace oas::db
