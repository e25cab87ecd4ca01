#include "QueueInstall.h"
#include "RefreshSession.h"

#include "../db/Connection.h"
#include "../db/Statement.h"
#include "../sql/QueueProcedure.h"

#include <QCoreApplication>
#include <QDateTime>

#include <xxhash.h>

namespace oas::queue {

using sql::QueueProcedure;
using sql::QueueStatements;

namespace {

QString lockName(const sql::QueueNames &names, const QString &database)
{
    return QStringLiteral("oas_queue:%1:%2").arg(database, names.schema.isEmpty() ? names.prefix : names.schema + QLatin1Char('.')).left(64);
}

// PostgreSQL folds a name written without quotes to lower case.
QString foldedName(const QString &name)
{
    if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
        return name.mid(1, name.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
    return name.toLower();
}

// What the procedure needs to know of each table beyond the configuration.
bool describeTables(Session &s, const db::Connection &c, const QueueConfig &config, const QString &database,
                    bool qualifySources, QList<sql::ProcedureTable> *out, QString *error)
{
    const bool maria = c.info().isMariaDb();
    for (const QueueTable &t : config.tables) {
        sql::ProcedureTable p{t.name, t.source, t.keys, t.changed, {}, {}};
        if (qualifySources && !t.source.contains(QLatin1Char('.')))
            p.source = QStringLiteral("`%1`.%2").arg(database, t.source);  // the procedure lives in the queue's database
        if (t.changed.isEmpty() && maria) {
            QList<db::ColumnInfo> columns;
            QString block;
            if (!db::describeTable(c, t.source, &columns, &block)) {
                *error = QStringLiteral("table %1: the source table %2 cannot be read: %3").arg(t.name, t.source, db::driverMessage(block));
                return false;
            }
            for (const db::ColumnInfo &col : columns)
                p.columns.append(col.name);
        } else if (t.changed.isEmpty()) {
            for (const QString &k : t.keys) {
                QList<Row> rows;
                if (!s.query(QStringLiteral("SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = "
                                            "CAST(? AS regclass) AND a.attname = ? AND NOT a.attisdropped"),
                             &rows, {t.source, foldedName(k)})
                    || rows.isEmpty() || !rows.first().front()) {
                    *error = QStringLiteral("table %1: the type of the key column %2 of %3 cannot be found%4")
                                 .arg(t.name, k, t.source, s.error().isEmpty() ? QString() : QStringLiteral(": ") + s.error());
                    return false;
                }
                p.keyTypes.append(*rows.first().front());
            }
        }
        out->append(p);
    }
    return true;
}

// The queue's connection where it can have the procedure (PostgreSQL, MariaDB); null with the reason.
std::unique_ptr<db::Connection> connectForProcedure(const QueueConfig &config, const run::SecretSettings &secrets, const QString &name,
                                                    QString *error)
{
    std::unique_ptr<db::Connection> c = connectQueue(config, secrets, name, error);
    if (!c || c->info().isMariaDb() || c->info().isPostgreSql())
        return c;
    *error = c->info().isSqlite() ? QStringLiteral("SQLite has no stored procedures: refresh this queue with odbc-agent queue refresh "
                                                   "(docs/queue.md)")
                                  : QStringLiteral("the queue procedure is made for PostgreSQL and MariaDB only (this is %1)")
                                        .arg(c->info().dbmsName);
    return nullptr;
}

QString currentDatabase(Session &s, bool maria)
{
    QList<Row> rows;
    if (!s.query(maria ? QStringLiteral("SELECT DATABASE()") : QStringLiteral("SELECT current_database()"), &rows) || rows.isEmpty()
        || !rows.first().front())
        return {};
    return *rows.first().front();
}

}  // namespace

QString procedureConfigHash(const QueueConfig &config)
{
    QStringList parts{config.schema.present ? QStringLiteral("schema=") + config.schema.value : QString(),
                      config.prefix.present ? QStringLiteral("prefix=") + config.prefix.value : QString()};
    for (const QueueTable &t : config.tables)
        parts << QStringLiteral("[%1] %2 | %3 | %4").arg(t.name, t.source, t.keys.join(QLatin1Char(',')), t.changed);
    const QByteArray text = parts.join(QLatin1Char('\n')).toUtf8();
    return QString::number(XXH3_64bits(text.constData(), size_t(text.size())), 16).rightJustified(16, QLatin1Char('0'));
}

QString InstalledProcedure::describe() const
{
    if (!available)
        return QStringLiteral("none: this database has no stored procedures (SQLite); refresh with odbc-agent queue refresh or the Studio");
    if (!installed)
        return QStringLiteral("not installed (odbc-agent queue install CONFIG makes it)");
    return current ? QStringLiteral("%1 installed %2 by version %3, from this configuration").arg(procedure, installedAt, toolVersion)
                   : QStringLiteral("%1 installed %2 from another version of this configuration: run odbc-agent queue install "
                                    "CONFIG again").arg(procedure, installedAt);
}

InstalledProcedure installedProcedure(const db::Connection &c, const sql::QueueNames &names, const QueueConfig &config)
{
    InstalledProcedure p;
    p.available = c.info().isPostgreSql() || c.info().isMariaDb();
    if (!p.available)
        return p;
    Session s(c);  // no install table: not installed
    QList<Row> rows;
    if (!s.query(QueueProcedure::readInstall(names), &rows) || rows.isEmpty())
        return p;
    const Row &r = rows.first();
    p.installed = true;
    p.procedure = r[0].value_or(QString());
    p.configHash = r[1].value_or(QString());
    p.toolVersion = r[2].value_or(QString());
    p.installedAt = r[3].value_or(QString());
    p.current = p.configHash == procedureConfigHash(config);
    return p;
}

void refreshByProcedure(const db::Connection &c, const sql::QueueNames &names, const InstalledProcedure &installed,
                        const RefreshRequest &request, RefreshResult &result)
{
    const bool maria = c.info().isMariaDb();
    Session s(c);
    result.refreshedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const bool since = request.since.has_value();
    if (!s.exec(QueueProcedure::call(names, maria, since), since ? Row{request.since->toString(Qt::ISODate)} : Row{})) {
        result.error = QStringLiteral("%1: %2").arg(installed.procedure, s.error());
        return;
    }
    for (const QueueTable &t : request.config.tables) {
        TableRefresh out;
        out.table = t.name;
        out.queueTable = names.table(t.name);
        if (!countRows(s, out.queueTable, &out.frozen) || (t.changed.isEmpty() && !countRows(s, names.deleted(t.name), &out.deleted))) {
            result.error = s.error();
            return;
        }
        out.how = QStringLiteral("by the procedure %1%2").arg(installed.procedure, since ? QStringLiteral(", since %1").arg(request.since->toString(Qt::ISODate)) : QString());
        if (t.changed.isEmpty() && since)
            result.notes.append(QStringLiteral("--since does not apply to %1 (no Changed= column): its changes are found by "
                                               "snapshot").arg(t.name));
        result.tables.append(out);
    }
    result.ok = true;
}

InstallResult installProcedure(const QueueConfig &config, const run::SecretSettings &secrets)
{
    InstallResult result;
    std::unique_ptr<db::Connection> c = connectForProcedure(config, secrets, QStringLiteral("queue-install"), &result.error);
    if (!c)
        return result;
    const bool maria = c->info().isMariaDb();
    const sql::QueueNames names = queueNames(config, c->info());
    Session s(*c);
    const QString database = currentDatabase(s, maria);
    QList<sql::ProcedureTable> tables;
    if (database.isEmpty() || !describeTables(s, *c, config, database, maria && !names.schema.isEmpty(), &tables, &result.error)) {
        if (result.error.isEmpty())
            result.error = s.error();
        return result;
    }
    const QString lock = lockName(names, database);
    const QStringList statements = maria ? QueueProcedure::mariadb(names, tables, lock) : QueueProcedure::postgres(names, tables, lock);
    QString error;
    // PostgreSQL: all of it in one transaction (a failure leaves the previous procedure); MariaDB commits at each.
    if (!maria && !db::setAutoCommit(*c, false, &error)) {
        result.error = db::driverMessage(error);
        return result;
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    bool ok = true;
    for (const QString &sql : statements)
        ok = ok && s.exec(sql);
    ok = ok && s.exec(QueueProcedure::createInstallTable(names)) && s.exec(QueueProcedure::clearInstall(names))
         && s.exec(QueueProcedure::insertInstall(names),
                   {QueueProcedure::name(names), procedureConfigHash(config), QCoreApplication::applicationVersion(), now});
    if (!ok) {
        if (!maria)
            db::endTransaction(*c, false, &error);
        result.error = s.error();
        return result;
    }
    if (!maria && !db::endTransaction(*c, true, &error)) {
        result.error = db::driverMessage(error);
        return result;
    }
    result.ok = true;
    result.procedure = QueueProcedure::name(names);
    result.calls << QStringLiteral("CALL %1()").arg(result.procedure)
                 << (maria ? QStringLiteral("CALL %1('1/1/2017')").arg(QueueProcedure::sinceName(names))
                           : QStringLiteral("CALL %1('1/1/2017')").arg(result.procedure));
    return result;
}

InstallResult uninstallProcedure(const QueueConfig &config, const run::SecretSettings &secrets)
{
    InstallResult result;
    std::unique_ptr<db::Connection> c = connectForProcedure(config, secrets, QStringLiteral("queue-uninstall"), &result.error);
    if (!c)
        return result;
    const bool maria = c->info().isMariaDb();
    const sql::QueueNames names = queueNames(config, c->info());
    Session s(*c);
    bool ok = true;
    for (const QString &sql : QueueProcedure::drop(names, maria))
        ok = ok && s.exec(sql);
    ok = ok && s.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(QueueProcedure::installTable(names)));
    if (!ok) {
        result.error = s.error();
        return result;
    }
    result.ok = true;
    result.procedure = QueueProcedure::name(names);
    return result;
}

}  // namespace oas::queue
