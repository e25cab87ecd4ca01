#include "Connection.h"

#include "DriverLog.h"
#include "SqliteLibrary.h"
#include "Utf8Text.h"

#include <QSqlQuery>

#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <sql.h>
#include <sqlext.h>

namespace oas::db {

void *rawHandle(const QVariant &v)
{
    if (!v.isValid() || qstrcmp(v.typeName(), "void*") != 0)
        return nullptr;
    return *static_cast<void *const *>(v.constData());
}

namespace {

QString infoString(SQLHDBC dbc, SQLUSMALLINT item)
{
    char buffer[512] = {};
    SQLSMALLINT length = 0;
    if (!SQL_SUCCEEDED(SQLGetInfo(dbc, item, buffer, sizeof buffer, &length)))
        return {};
    return QString::fromUtf8(buffer);
}

unsigned infoBits(SQLHDBC dbc, SQLUSMALLINT item)
{
    SQLUINTEGER bits = 0;
    return SQL_SUCCEEDED(SQLGetInfo(dbc, item, &bits, sizeof bits, nullptr)) ? unsigned(bits) : 0u;
}

bool tryOpen(const QString &name, const QList<config::DatabaseField> &fields, const Credentials &credentials,
             QString *errorBlock, QList<DiagRecord> *warnings)
{
    QString problem;
    const QString databaseName = qodbcDatabaseName(fields, credentials, &problem);
    if (databaseName.isEmpty()) {
        *errorBlock = QStringLiteral("SQLDriverConnect failure\n") + problem;
        return false;
    }
    db::configureSqliteLibrary();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QODBC"), name);
    db.setDatabaseName(databaseName);
    db.setConnectOptions(QStringLiteral("SQL_ATTR_ODBC_VERSION=SQL_OV_ODBC3"));
    bool opened = false;
    {
        OwnerOnlyFiles ownerOnly(PsqlOdbcLog::askedFor(fields));  // the driver creates its log while connecting
        opened = db.open();
    }
    if (!opened) {
        QList<DiagRecord> records = readDiagnostics(HandleKind::Connection, rawHandle(db.driver()->handle()));
        if (records.isEmpty())
            records = fromSqlError(db.lastError());
        *errorBlock = formatBlock(QStringLiteral("SQLDriverConnect failure"), records);
        return false;
    }
    *warnings = readDiagnostics(HandleKind::Connection, rawHandle(db.driver()->handle()));
    return true;
}

}  // namespace

bool DriverInfo::isPostgreSql() const
{
    return driverName.contains(QLatin1String("psqlodbc"), Qt::CaseInsensitive)
           || dbmsName.contains(QLatin1String("PostgreSQL"), Qt::CaseInsensitive);
}

bool DriverInfo::isSqlite() const
{
    return dbmsName.contains(QLatin1String("SQLite"), Qt::CaseInsensitive);
}

bool DriverInfo::isMariaDb() const
{
    return driverName.contains(QLatin1String("maodbc"), Qt::CaseInsensitive)
           || driverName.contains(QLatin1String("myodbc"), Qt::CaseInsensitive)
           || dbmsName.contains(QLatin1String("MariaDB"), Qt::CaseInsensitive)
           || dbmsName.contains(QLatin1String("MySQL"), Qt::CaseInsensitive);
}

bool DriverInfo::dbmsVersionAtLeast(int major, int minor) const
{
    const QStringList parts = dbmsVersion.split(QLatin1Char('.'));
    const int have = parts.value(0).toInt();
    return have > major || (have == major && parts.value(1).toInt() >= minor);
}

sql::SqlDialect DriverInfo::dialect() const
{
    // OAS_DIALECT=generic (or another dialect's name) overrides what the driver says: the manual's generic
    // SQL for a driver the agents do not know, tried on one they do.
    if (const QString forced = qEnvironmentVariable("OAS_DIALECT"); !forced.isEmpty()) {
        if (const std::optional<sql::SqlDialect> d = sql::SqlDialect::byName(forced))
            return *d;
    }
    return driverDialect();
}

sql::SqlDialect DriverInfo::driverDialect() const
{
    if (isPostgreSql())
        return sql::SqlDialect::postgresql();
    if (isSqlite())
        return sql::SqlDialect::sqlite();
    if (isMariaDb())
        return sql::SqlDialect::mariadb();
    if (dbmsName.contains(QLatin1String("Oracle"), Qt::CaseInsensitive))
        return sql::SqlDialect::oracle();
    return sql::SqlDialect::generic();
}

sql::SqlDialect expectedDialect(const config::DatabaseSection &database)
{
    DriverInfo guess;
    for (const config::DatabaseField &f : database.driverFields) {
        if (f.key.compare(QLatin1String("DRIVER"), Qt::CaseInsensitive) == 0)
            guess.driverName = guess.dbmsName = f.value;
    }
    return guess.driverDialect();
}

namespace {

// Driver options the agents set unless the configuration does: psqlODBC and the SQLite3 ODBC driver read a
// whole result set into memory unless told to step through it; psqlODBC's default statement-level
// rollback sends a SAVEPOINT before every statement (the import replays a batch itself when a statement
// fails, so there it only costs time, transaction-level being 1.7 times faster; a snapshot cannot be
// exported inside one). Debian registers psqlODBC with CommLog=1, so every process would leave a
// world-readable /tmp/psqlodbc_*.log behind. MariaDB Connector/ODBC takes its switches as one OPTION
// bitmask: rows matched rather than rows changed as the count of an UPDATE (FOUND_ROWS, 2: an UPDATE that
// writes the values a row already has still found it), and for a large SELECT the rows read from the
// server as they are fetched (NO_CACHE, 1048576, with FORWARD_CURSOR, 2097152) instead of all at once.
QList<config::DatabaseField> driverOptions(sql::SqlDialect::Kind kind, Connection::Use use,
                                           const QList<config::DatabaseField> &fields)
{
    QList<config::DatabaseField> options;
    auto add = [&](const char *key, const QString &value) {
        if (!hasField(fields, QLatin1String(key)) && !hasField(options, QLatin1String(key)))
            options.append({QLatin1String(key), value, {}});
    };
    switch (kind) {
    case sql::SqlDialect::Kind::PostgreSql:
        add("CommLog", QStringLiteral("0"));
        if (use != Connection::Use::Statements && !hasField(fields, QStringLiteral("UseDeclareFetch"))) {
            add("UseDeclareFetch", QStringLiteral("1"));
            add("Fetch", QStringLiteral("2000"));
        }
        if (use != Connection::Use::Streaming)
            add("Protocol", QStringLiteral("7.4-1"));
        break;
    case sql::SqlDialect::Kind::Sqlite:
        add("StepAPI", QStringLiteral("1"));
        add("Timeout", QStringLiteral("30000"));  // ms a busy database is waited for (the driver's own default is 100 s a statement)
        break;
    case sql::SqlDialect::Kind::MariaDb:
        if (!hasField(fields, QStringLiteral("OPTIONS")))
            add("OPTION", QString::number(use == Connection::Use::Streaming || use == Connection::Use::SnapshotStreaming ? 2 | 1048576 | 2097152 : 2));
        break;
    case sql::SqlDialect::Kind::Generic:
    case sql::SqlDialect::Kind::Oracle:
        break;
    }
    return options;
}

}  // namespace

Connection::Opened Connection::open(const config::DatabaseSection &section, const Credentials &credentials,
                                    const QString &name, Use use)
{
    Opened result;
    std::unique_ptr<Connection> c(new Connection);
    c->m_name = name;
    c->m_fields = section.driverFields;
    // The driver options go into the connection string from the start when DRIVER names the driver; the
    // driver's own facts, known once connected, decide in the end (a DSN, an unusual name): then the
    // connection is opened again with what was missing.
    c->m_fields += driverOptions(expectedDialect(section).kind, use, c->m_fields);
    QString error;
    if (!tryOpen(name, c->m_fields, credentials, &error, &c->m_connectWarnings)) {
        QSqlDatabase::removeDatabase(name);
        result.errorBlock = error;
        return result;
    }
    auto readInfo = [&] {
        c->m_handle = db::rawHandle(c->database().driver()->handle());
        SQLHDBC dbc = c->rawHandle();
        c->m_info = {infoString(dbc, SQL_ODBC_VER),     infoString(dbc, SQL_DRIVER_ODBC_VER),
                     infoString(dbc, SQL_DRIVER_NAME),  infoString(dbc, SQL_DRIVER_VER),
                     infoString(dbc, SQL_DBMS_NAME),    infoString(dbc, SQL_DBMS_VER),
                     infoString(dbc, SQL_IDENTIFIER_QUOTE_CHAR), infoBits(dbc, SQL_GETDATA_EXTENSIONS),
                     infoBits(dbc, SQL_POS_OPERATIONS)};
    };
    readInfo();
    // Counted before a first connection is closed again below: that close may be the process's last.
    auto commLogOff = [&] {
        for (const config::DatabaseField &f : c->m_fields) {
            if (f.key.compare(QLatin1String("CommLog"), Qt::CaseInsensitive) == 0)
                return f.value.trimmed() == QLatin1String("0");
        }
        return false;
    };
    c->m_psqlOdbc = c->m_info.isPostgreSql() && c->m_info.driverName.contains(QLatin1String("psqlodbc"), Qt::CaseInsensitive);
    if (c->m_psqlOdbc)
        PsqlOdbcLog::opened(commLogOff());
    const QList<config::DatabaseField> missing = driverOptions(c->m_info.driverDialect().kind, use, c->m_fields);
    if (!missing.isEmpty()) {
        c->database().close();
        QSqlDatabase::removeDatabase(name);
        c->m_fields += missing;
        const bool reopened = tryOpen(name, c->m_fields, credentials, &error, &c->m_connectWarnings);
        if (c->m_psqlOdbc)
            PsqlOdbcLog::opened(commLogOff());
        if (c->m_psqlOdbc)
            PsqlOdbcLog::closed();  // the first connection's close (balanced only now, so the count stayed above 0)
        if (!reopened) {
            QSqlDatabase::removeDatabase(name);
            if (c->m_psqlOdbc)
                PsqlOdbcLog::closed();
            c->m_psqlOdbc = false;
            result.errorBlock = error;
            return result;
        }
        readInfo();
    }
    // Statements prepared once and run many times get a generic plan from PostgreSQL after five runs; for
    // a table that was empty or small then (an initial load), that plan is a sequential scan, and every
    // later lookup reads the whole table. Custom plans per execution keep lookups on the index.
    if ((use == Use::Statements || use == Use::Refresh) && c->m_info.isPostgreSql()) {
        QSqlQuery(c->database()).exec(QStringLiteral("SET plan_cache_mode = force_custom_plan"));  // PostgreSQL 12+
        // A row another session holds is waited for 30 s at most, not for ever (SETOPTIONS may change it).
        QSqlQuery(c->database()).exec(QStringLiteral("SET lock_timeout = '30s'"));
    }
    if ((use == Use::Statements || use == Use::Refresh) && c->m_info.isMariaDb()) {
        // The same bounded wait for a locked row; and values a column cannot hold are refused, never cut or
        // changed with only a warning, whatever the server's default SQL mode is.
        QSqlQuery(c->database()).exec(QStringLiteral("SET SESSION innodb_lock_wait_timeout = 30"));
        QSqlQuery(c->database()).exec(QStringLiteral("SET SESSION sql_mode = CONCAT_WS(',', @@SESSION.sql_mode, 'STRICT_ALL_TABLES')"));
    }
    // Streamed results are read as UTF-8 where the driver gives it unchanged; checked now, in auto-commit
    // mode, before any transaction of the job begins.
    // (For writing sessions too, whose parameters then go as UTF-8 and whose SELECTs come back as UTF-8.)
    c->m_info.utf8Text = c->m_info.isSqlite() || (c->m_info.isPostgreSql() && probeUtf8Text(c->rawHandle()))
                         || (c->m_info.isMariaDb() && probeUtf8Text(c->rawHandle(), ProbeSql::MariaDb));
    result.connection = std::move(c);
    return result;
}

Connection::~Connection()
{
    {
        QSqlDatabase db = database();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
    if (m_psqlOdbc)
        PsqlOdbcLog::closed();
}

QStringList Connection::connectAttributes() const
{
    QStringList lines;
    for (const config::DatabaseField &f : m_fields) {
        if (f.key.compare(QLatin1String("UID"), Qt::CaseInsensitive) == 0
            || f.key.compare(QLatin1String("PWD"), Qt::CaseInsensitive) == 0)
            continue;
        lines.append(f.key + QLatin1Char('=') + f.value);
    }
    if (!hasField(m_fields, QStringLiteral("DRIVER")))
        lines.append(QStringLiteral("Driver=") + m_info.driverName);
    return lines;
}

}  // namespace oas::db
