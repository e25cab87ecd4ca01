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

// The "KEY=value" parts of a connection string, credentials last.
static QStringList parts(const QList<config::DatabaseField> &fields, const Credentials &credentials, bool mask)
{
    QStringList out;
    for (const config::DatabaseField &f : fields) {
        const bool isPwd = f.key.compare(QLatin1String("PWD"), Qt::CaseInsensitive) == 0;
        // A DRIVER value already in braces ({SQLite3}) is passed as written.
        const bool braced = f.value.startsWith(QLatin1Char('{')) && f.value.endsWith(QLatin1Char('}'));
        out += f.key + QLatin1Char('=') + (mask && isPwd ? QStringLiteral("***") : braced ? f.value : quoteValue(f.value));
    }
    if (credentials.user)
        out += QStringLiteral("UID=") + quoteValue(*credentials.user);
    if (credentials.password)
        out += QStringLiteral("PWD=") + (mask ? QStringLiteral("***") : quoteValue(*credentials.password));
    return out;
}

static QString build(const QList<config::DatabaseField> &fields, const Credentials &credentials, bool mask)
{
    QString s;
    for (const QString &part : parts(fields, credentials, mask))
        s += part + QLatin1Char(';');
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
    QStringList all = parts(fields, credentials, false);
    const QString full = all.join(QLatin1Char(';'));
    if (full.contains(QLatin1String(".dsn"), Qt::CaseInsensitive)) {
        *error = QStringLiteral("the connection string holds \".dsn\", which Qt's ODBC driver always takes for the "
                                "name of a file DSN (FILEDSN=); rename the data source or the file so that no "
                                "field of [database] contains \".dsn\"");
        return {};
    }
    const bool named = !full.contains(QLatin1String("DRIVER="), Qt::CaseInsensitive) && !full.contains(QLatin1String("SERVER="), Qt::CaseInsensitive);
    if (named) {
        // QODBC puts "DSN=" in front of the name: the DSN goes first.
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all.at(i).startsWith(QLatin1String("DSN="), Qt::CaseInsensitive)) {
                all.move(i, 0);
                break;
            }
        }
    }
    // Qt's QODBC passes the string with a length that counts its terminating NUL. MariaDB Connector/ODBC
    // then fails to parse a string that ends with ';' or a braced value ("Error while parsing DSN"): the
    // string has no trailing ';', and a part with a plain value goes last.
    auto bracedValue = [](const QString &part) { return part.endsWith(QLatin1Char('}')); };
    if (!all.isEmpty() && bracedValue(all.last())) {
        for (qsizetype i = all.size() - 1; i >= (named ? 1 : 0); --i) {
            if (!bracedValue(all.at(i))) {
                all.move(i, all.size() - 1);
                break;
            }
        }
    }
    const QString joined = all.join(QLatin1Char(';'));
    if (!named)
        return joined;
    if (!joined.startsWith(QLatin1String("DSN="), Qt::CaseInsensitive))
        return joined;  // neither DSN nor DRIVER: QODBC takes all of it for a DSN name, as the driver manager would fail anyway
    return joined.mid(4);
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
