#include "ConnectionString.h"

namespace oas::db {

QString quoteValue(const QString &value)
{
    const bool needsBraces = value.contains(QLatin1Char(';')) || value.contains(QLatin1Char('{'))
                             || value.contains(QLatin1Char('}')) || value != value.trimmed();
    if (!needsBraces)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('}'), QLatin1String("}}"));
    return QLatin1Char('{') + escaped + QLatin1Char('}');
}

static QString build(const QList<config::DatabaseField> &fields, const Credentials &credentials, bool mask)
{
    QString s;
    for (const config::DatabaseField &f : fields) {
        const bool isPwd = f.key.compare(QLatin1String("PWD"), Qt::CaseInsensitive) == 0;
        // A DRIVER value already in braces ({SQLite3}) is passed as written.
        const bool braced = f.value.startsWith(QLatin1Char('{')) && f.value.endsWith(QLatin1Char('}'));
        s += f.key + QLatin1Char('=') + (mask && isPwd ? QStringLiteral("***") : braced ? f.value : quoteValue(f.value))
             + QLatin1Char(';');
    }
    if (credentials.user)
        s += QStringLiteral("UID=") + quoteValue(*credentials.user) + QLatin1Char(';');
    if (credentials.password)
        s += QStringLiteral("PWD=") + (mask ? QStringLiteral("***") : quoteValue(*credentials.password)) + QLatin1Char(';');
    return s;
}

Credentials credentialsOf(const config::DatabaseSection &database, Credentials given)
{
    if (!given.user && database.user.present)
        given.user = database.user.value;
    if (!given.password && database.password.present)
        given.password = database.password.value;
    return given;
}

QString buildConnectionString(const QList<config::DatabaseField> &fields, const Credentials &credentials)
{
    return build(fields, credentials, false);
}

QString maskedConnectionString(const QList<config::DatabaseField> &fields, const Credentials &credentials)
{
    return build(fields, credentials, true);
}

QString qodbcDatabaseName(const QList<config::DatabaseField> &fields, const Credentials &credentials, QString *error)
{
    const QString full = buildConnectionString(fields, credentials);
    if (full.contains(QLatin1String(".dsn"), Qt::CaseInsensitive)) {
        *error = QStringLiteral("the connection string holds \".dsn\", which Qt's ODBC driver always takes for the "
                                "name of a file DSN (FILEDSN=); rename the data source or the file so that no "
                                "field of [database] contains \".dsn\"");
        return {};
    }
    if (full.contains(QLatin1String("DRIVER="), Qt::CaseInsensitive) || full.contains(QLatin1String("SERVER="), Qt::CaseInsensitive))
        return full;
    QList<config::DatabaseField> dsnFirst;
    for (const config::DatabaseField &f : fields) {
        if (f.key.compare(QLatin1String("DSN"), Qt::CaseInsensitive) == 0)
            dsnFirst.prepend(f);
        else
            dsnFirst.append(f);
    }
    const QString reordered = buildConnectionString(dsnFirst, credentials);
    if (!reordered.startsWith(QLatin1String("DSN="), Qt::CaseInsensitive))
        return full;  // neither DSN nor DRIVER: QODBC takes all of it for a DSN name, as the driver manager would fail anyway
    return reordered.mid(4);
}

bool hasField(const QList<config::DatabaseField> &fields, const QString &key)
{
    for (const config::DatabaseField &f : fields) {
        if (f.key.compare(key, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

}  // namespace oas::db
