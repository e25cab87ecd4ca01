#pragma once
// One open database connection of one job: opened through Qt Sql's QODBC driver with ODBC 3 behaviour,
// with the driver facts read from the raw handle. Database-specific behaviour lives here and in
// SqlTypes / ColumnInfo: streaming options for psqlODBC, the SQL dialect, quirks.
// A Connection belongs to the thread that opened it (Qt Sql connections are per thread).
#include "ConnectionString.h"
#include "OdbcDiagnostics.h"
#include "../sql/SqlDialect.h"

#include <QSqlDatabase>

#include <memory>

namespace oas::db {

struct DriverInfo {
    QString driverManagerOdbcVersion;  // SQL_ODBC_VER
    QString driverOdbcVersion;         // SQL_DRIVER_ODBC_VER
    QString driverName;                // SQL_DRIVER_NAME, e.g. psqlodbcw.so
    QString driverVersion;             // SQL_DRIVER_VER
    QString dbmsName;                  // SQL_DBMS_NAME
    QString dbmsVersion;               // SQL_DBMS_VER
    QString identifierQuote;           // SQL_IDENTIFIER_QUOTE_CHAR ("\"" mostly; " " when there is none)
    unsigned getDataExtensions = 0;    // SQL_GETDATA_EXTENSIONS (SQL_GD_BLOCK, SQL_GD_BOUND, ...)
    unsigned positionOperations = 0;   // SQL_POS_OPERATIONS (SQL_POS_POSITION, ...)
    bool utf8Text = false;             // SQL_C_CHAR gives the database's UTF-8 unchanged (Utf8Text.h)

    bool isPostgreSql() const;
    bool isSqlite() const;
    bool isMariaDb() const;  // MariaDB or MySQL, through MariaDB Connector/ODBC or MySQL's
    // Whether dbmsVersion ("15.18", "09.06.0000") is at least major.minor.
    bool dbmsVersionAtLeast(int major, int minor = 0) const;
    sql::SqlDialect driverDialect() const;  // the dialect of this driver
    sql::SqlDialect dialect() const;        // the SQL the agents write: driverDialect(), unless OAS_DIALECT says
};

// The dialect a connection of this [database] section will most likely use, judged from its DRIVER before
// connecting (a DSN alone: generic). Connected jobs use the driver's own facts instead.
sql::SqlDialect expectedDialect(const config::DatabaseSection &database);

// The raw ODBC handle inside a QSqlDriver / QSqlResult handle() variant, or nullptr.
void *rawHandle(const QVariant &handle);

class Connection {
public:
    struct Opened {
        std::unique_ptr<Connection> connection;
        QString errorBlock;  // the manual's block when opening failed
    };
    // Streaming: one large SELECT (the export): psqlODBC and the SQLite3 driver are told to step through
    // result sets instead of reading them whole. SnapshotStreaming: the same in a transaction that shares
    // its snapshot (no psqlODBC savepoints, which would make exporting the snapshot fail). Statements: many
    // small statements (the import): no cursor round trips for psqlODBC. Refresh: both in one transaction
    // (the queue refresh reads a whole table and writes many statements): streaming, without savepoints.
    enum class Use { Streaming, SnapshotStreaming, Statements, Refresh };
    // name must be unique among the open connections of the process.
    static Opened open(const config::DatabaseSection &section, const Credentials &credentials, const QString &name,
                       Use use = Use::Streaming);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }
    void *rawHandle() const { return m_handle; }  // the ODBC connection handle (SQLHDBC), usable on any thread
    const DriverInfo &info() const { return m_info; }
    // The connection as config fields, for the ConnectAttributes trace: never user or password.
    QStringList connectAttributes() const;
    // Warnings the driver gave while connecting (for the Warnings trace level).
    const QList<DiagRecord> &connectWarnings() const { return m_connectWarnings; }
    // A dry run (docs/sync.md): the run's transactions become a savepoint inside one transaction that is
    // rolled back at the end (endTransaction keeps to it; see beginDryRun / endDryRun in Statement.h).
    void setDryRun(bool on) { m_dryRun = on; }
    bool dryRun() const { return m_dryRun; }

private:
    Connection() = default;
    QString m_name;
    void *m_handle = nullptr;
    DriverInfo m_info;
    QList<config::DatabaseField> m_fields;
    QList<DiagRecord> m_connectWarnings;
    bool m_dryRun = false;
    bool m_psqlOdbc = false;  // counted by PsqlOdbcLog
};

}  // namespace oas::db
