#pragma once
// The databases integration tests run against: SQLite through the SQLite3 ODBC driver (always),
// PostgreSQL through psqlODBC when OAS_TEST_PG holds a connection string, and MariaDB through MariaDB
// Connector/ODBC when OAS_TEST_MARIADB does (scripts/test.sh starts throwaway servers and sets both).
// Each test works in its own uniquely named table.
#include "db/DriverLog.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTest>
#include <QTemporaryDir>
#include <QUuid>
#include <QVariant>

namespace oas::test {

struct Backend {
    QString name;            // "sqlite", "postgresql" or "mariadb"
    QStringList fieldLines;  // the [database] section's lines
    QString connectionString;

    static Backend sqlite(const QString &file)
    {
        return {QStringLiteral("sqlite"), {QStringLiteral("DRIVER=SQLite3"), QStringLiteral("Database=") + file},
                QStringLiteral("DRIVER=SQLite3;Database=%1;").arg(file)};
    }
    // Empty name when PostgreSQL is not configured.
    static Backend postgresql(const char *variable = "OAS_TEST_PG") { return fromVariable(QStringLiteral("postgresql"), variable); }
    // Empty name when MariaDB is not configured.
    static Backend mariadb(const char *variable = "OAS_TEST_MARIADB") { return fromVariable(QStringLiteral("mariadb"), variable); }
    static Backend named(const QString &name, const QString &sqliteFile)
    {
        return name == QLatin1String("sqlite") ? sqlite(sqliteFile) : name == QLatin1String("mariadb") ? mariadb() : postgresql();
    }
    bool isPostgres() const { return name == QLatin1String("postgresql"); }
    bool isMariaDb() const { return name == QLatin1String("mariadb"); }
    bool isServer() const { return isPostgres() || isMariaDb(); }

private:
    static Backend fromVariable(const QString &name, const char *variable)
    {
        const QString cs = qEnvironmentVariable(variable);
        if (cs.isEmpty())
            return {};
        QStringList lines;
        for (const QString &part : cs.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            lines.append(part);
        return {name, lines, cs};
    }
};

// Runs statements directly (not through the agents) to set up and change test data.
class Sql {
public:
    explicit Sql(const Backend &backend)
        : m_name(QUuid::createUuid().toString()), m_inlineValues(backend.isMariaDb()),
          m_psqlOdbc(backend.connectionString.contains(QStringLiteral("PostgreSQL"), Qt::CaseInsensitive))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QODBC"), m_name);
        // Like the agents' connections: no communication log, and psqlODBC's disconnect log (db/DriverLog.h)
        // removed when the process's last psqlODBC connection closes, so tests leave no /tmp/psqlodbc_*.log.
        db.setDatabaseName(backend.connectionString + (m_psqlOdbc ? QStringLiteral(";CommLog=0") : QString()));
        db.setConnectOptions(QStringLiteral("SQL_ATTR_ODBC_VERSION=SQL_OV_ODBC3"));
        if (m_psqlOdbc)
            db::PsqlOdbcLog::opened(true);
        m_ok = db.open();
        m_error = db.lastError().text();
    }
    ~Sql()
    {
        QSqlDatabase::removeDatabase(m_name);
        if (m_psqlOdbc)
            db::PsqlOdbcLog::closed();
    }
    Sql(const Sql &) = delete;
    Sql &operator=(const Sql &) = delete;
    bool ok() const { return m_ok; }
    // Starts a transaction on this connection (statements then run inside it until commit()).
    bool begin() { return QSqlDatabase::database(m_name).transaction(); }
    bool commit() { return QSqlDatabase::database(m_name).commit(); }
    QString error() const { return m_error; }
    bool exec(const QString &sql, const QVariantList &values = {})
    {
        if (m_inlineValues && !values.isEmpty())
            return exec(withLiterals(sql, values));
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.prepare(sql)) {
            m_error = q.lastError().text() + " / " + sql;
            return false;
        }
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec()) {
            m_error = q.lastError().text() + " / " + sql;
            return false;
        }
        return true;
    }

    // Every row of a query, values as text ("NULL" for NULL), columns joined by '|'.
    QStringList rows(const QString &sql)
    {
        QStringList out;
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql)) {
            m_error = q.lastError().text() + " / " + sql;
            return {QStringLiteral("ERROR: ") + m_error};
        }
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values.append(q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            out.append(values.join(QLatin1Char('|')));
        }
        return out;
    }

private:
    // Qt's QODBC binds a string with its terminating NUL counted, which MariaDB Connector/ODBC stores: on
    // MariaDB the values go into the statement as literals (the '?' of the test statements, in order).
    static QString withLiterals(const QString &sql, const QVariantList &values)
    {
        QString out;
        qsizetype next = 0;
        for (const QChar c : sql) {
            if (c != QLatin1Char('?') || next >= values.size()) {
                out += c;
                continue;
            }
            const QVariant &v = values.at(next++);
            if (v.isNull())
                out += QStringLiteral("NULL");
            else if (v.typeId() == QMetaType::QByteArray)
                out += QStringLiteral("X'") + QString::fromLatin1(v.toByteArray().toHex()) + QLatin1Char('\'');
            else if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Double)
                out += v.toString();
            else if (v.typeId() == QMetaType::QDate)
                out += QLatin1Char('\'') + v.toDate().toString(Qt::ISODate) + QLatin1Char('\'');
            else {
                QString text = v.toString();
                text.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("''"));
                out += QLatin1Char('\'') + text + QLatin1Char('\'');
            }
        }
        return out;
    }

    QString m_name;
    bool m_inlineValues = false;
    bool m_psqlOdbc = false;
    bool m_ok = false;
    QString m_error;
};

// The backends of a data-driven test: sqlite always, postgresql when OAS_TEST_PG is set, mariadb when
// OAS_TEST_MARIADB is set.
inline QStringList backendNames()
{
    // OAS_TEST_BACKENDS=mariadb (a comma-separated list) keeps only those: the generic-dialect pass
    // (OAS_DIALECT=generic) runs on MariaDB alone.
    const QStringList only = qEnvironmentVariable("OAS_TEST_BACKENDS").split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!only.isEmpty()) {
        QStringList available;
        for (const QString &name : only) {
            if (name == QLatin1String("sqlite") || !Backend::named(name, {}).name.isEmpty())
                available << name;
            else
                qWarning("%s rows skipped: the server is not configured (scripts/test.sh starts one)", qPrintable(name));
        }
        return available;
    }
    QStringList names{QStringLiteral("sqlite")};
    if (!Backend::postgresql().name.isEmpty())
        names << QStringLiteral("postgresql");
    else
        qWarning("PostgreSQL rows skipped: OAS_TEST_PG is not set (scripts/test.sh starts a server and sets it)");
    if (!Backend::mariadb().name.isEmpty())
        names << QStringLiteral("mariadb");
    else
        qWarning("MariaDB rows skipped: OAS_TEST_MARIADB is not set (scripts/test.sh starts a server and sets it)");
    return names;
}

// The generic-dialect pass: the agents use the manual's generic SQL (OAS_DIALECT=generic), as for a driver
// they do not know; dialect-specific expectations (grouped statements, sequences) do not apply.
inline bool genericDialect()
{
    return qEnvironmentVariable("OAS_DIALECT").compare(QLatin1String("generic"), Qt::CaseInsensitive) == 0;
}

// A test written for one backend skips when that backend is not in this pass (OAS_TEST_BACKENDS).
#define OAS_REQUIRE_BACKEND(name)                                                                              \
    do {                                                                                                       \
        if (!oas::test::backendNames().contains(QStringLiteral(name)))                                         \
            QSKIP("the " name " backend is not in this pass (OAS_TEST_BACKENDS)");                              \
    } while (0)

// The "backend" column of a data-driven test, one row per backend.
inline void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    for (const QString &name : backendNames())
        QTest::newRow(qPrintable(name)) << name;
}

// A temporary folder, the current directory while it lives (a test function's workspace).
struct WorkDir {
    QTemporaryDir dir;
    WorkDir() { QDir::setCurrent(dir.path()); }
    ~WorkDir() { QDir::setCurrent(QDir::tempPath()); }
    QString path() const { return dir.path(); }
    QString filePath(const QString &name) const { return dir.filePath(name); }
};

// The backend of a row: SQLite in a file of dir, or the configured server.
inline Backend backendNamed(const QString &name, const QString &dir)
{
    return Backend::named(name, dir + "/test.db");
}

inline QString uniqueTable(const char *stem)
{
    return QStringLiteral("%1_%2").arg(QLatin1String(stem), QUuid::createUuid().toString(QUuid::Id128).left(10));
}

}  // namespace oas::test
