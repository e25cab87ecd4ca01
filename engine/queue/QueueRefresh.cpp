#include "QueueRefresh.h"
#include "QueueInstall.h"
#include "SnapshotRefresh.h"

#include "../db/Connection.h"
#include "../db/OdbcDiagnostics.h"
#include "../db/Statement.h"
#include "../run/RunLock.h"
#include "../secrets/Redact.h"
#include "../sql/QueueStatements.h"

#include <QDateTime>
#include <QHash>

namespace oas::queue {

using sql::QueueStatements;

namespace {

// The column types of the source table, by name (case-insensitive), for typed parameters.
bool columnTypes(const db::Connection &c, const QueueTable &t, QList<db::ColumnInfo> *columns, QString *error)
{
    QString block;
    if (!db::describeTable(c, t.source, columns, &block)) {
        *error = QStringLiteral("table %1: the source table %2 cannot be read: %3").arg(t.name, t.source, db::driverMessage(block));
        return false;
    }
    return true;
}

// Rows changed since the high water mark (or --since, or the last 24 hours at first), ties excluded.
bool refreshByTimestamp(Context &x, const QueueTable &t, const QList<db::ColumnInfo> &columns, TableRefresh &out)
{
    Session &s = x.session;
    const QString q = x.names.table(t.name);
    const QString ties = x.names.ties(t.name);
    const db::ParamType changedType = typeOf(columns.at(columnIndex(columns, t.changed)));
    const State old = x.state.value(t.name);
    QString from;
    if (x.request.since) {
        from = x.request.since->toString(Qt::ISODate) + QStringLiteral(" 00:00:00");
        out.how = QStringLiteral("changed on or after %1 (--since)").arg(x.request.since->toString(Qt::ISODate));
    } else if (!old.highWater.isEmpty()) {
        out.how = QStringLiteral("changed since %1").arg(old.highWater);
    } else {
        from = QDateTime::currentDateTime().addDays(-1).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        out.how = QStringLiteral("first refresh: changed in the last 24 hours (since %1)").arg(from);
    }
    if (!from.isEmpty()) {
        if (!s.exec(QueueStatements::copyChangedSince(q, t.source, t.changed), {from}, {changedType}))
            return false;
    } else if (!s.exec(QueueStatements::copyChangedAfter(q, t.source, t.changed), {old.highWater}, {changedType})
               || !s.exec(QueueStatements::copyUntiedAt(q, t.source, t.changed, ties, t.keys), {old.highWater}, {changedType})) {
        return false;  // rows after the mark, and those at it that the previous refreshes did not freeze
    }
    QList<Row> rows;
    if (!s.query(QueueStatements::maxChanged(q, t.changed), &rows))
        return false;
    State next = old;
    next.refreshedAt = x.now;
    const db::Value high = rows.isEmpty() ? db::Value() : rows.first().front();
    if (high) {  // rows were frozen: the new mark, and the keys at it (added to those frozen at it before)
        const bool sameMark = *high == old.highWater && !x.request.since;
        if ((!sameMark && !s.exec(QueueStatements::clear(ties)))
            || !s.exec(QueueStatements::addTies(ties, q, t.changed, t.keys), {*high}, {changedType}))
            return false;
        next.highWater = *high;
    }
    x.state.insert(t.name, next);
    return countRows(s, q, &out.frozen);
}

// The progress line of a table done: "table Customers: 3 rows in queue.Customers (changed since ...)".
QString doneLine(const TableRefresh &t)
{
    return QStringLiteral("table %1: %2 rows in %3 (%4)%5")
        .arg(t.table)
        .arg(t.frozen)
        .arg(t.queueTable, t.how, t.deleted ? QStringLiteral(", %1 deleted").arg(t.deleted) : QString());
}

}  // namespace

RefreshResult refreshQueue(const RefreshRequest &request, const std::function<void(const QString &)> &progress)
{
    RefreshResult result;
    QString error;
    // One refresh of a queue at a time (DECISIONS.md 16): a second would freeze from the same mark.
    std::unique_ptr<run::RunLock> lock;
    if (!request.config.fileName.isEmpty()) {
        lock = run::RunLock::acquire(run::RunLock::lockFileForConfig(request.config.fileName),
                                     QStringLiteral("queue configuration %1").arg(request.config.fileName), run::lockWaitSeconds(), &error);
        if (!lock) {
            result.error = error;
            return result;
        }
    }
    std::unique_ptr<db::Connection> c = connectQueue(request.config, request.secrets, request.connectionName, &error);
    if (!c) {
        result.error = error;
        return result;
    }
    const sql::QueueNames names = queueNames(request.config, c->info());
    // A procedure in the database (queue install): every way of refreshing goes through it, one method, one state.
    const InstalledProcedure installed = installedProcedure(*c, names, request.config);
    if (installed.installed && !installed.current) {
        result.error = QStringLiteral("the procedure %1 in the database was made from another version of %2 (installed %3): run "
                                      "odbc-agent queue install %2 again, or queue uninstall")
                           .arg(installed.procedure, request.config.fileName, installed.installedAt);
        return result;
    }
    if (installed.installed) {
        if (progress)
            progress(QStringLiteral("calling %1").arg(installed.procedure));
        refreshByProcedure(*c, names, installed, request, result);
        for (const TableRefresh &t : result.tables) {
            if (progress)
                progress(doneLine(t));
        }
        return result;
    }
    Session session(*c);
    QHash<QString, State> state;
    result.refreshedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    Context x{session, names, request, state, result, result.refreshedAt};
    auto failed = [&](const QString &why) {
        QString ignored;
        db::endTransaction(*c, false, &ignored);  // the previous queue tables and state stay
        result.error = why;
        return result;
    };
    // First, outside the transaction: the schema, the source tables' columns, and the snapshot tables'
    // differences (see SnapshotRefresh.h). Nothing the consumers of the queue see changes here.
    if (!names.schema.isEmpty() && !session.exec(QueueStatements::createSchema(names.schema)))
        return failed(QStringLiteral("cannot make the queue schema %1 (a database without schemas needs TablePrefix= in "
                                     "[queue]): %2").arg(names.schema, session.error()));
    std::vector<QList<db::ColumnInfo>> columns(size_t(request.config.tables.size()));
    std::vector<SnapshotChanges> changes(columns.size());
    for (size_t i = 0; i < columns.size(); ++i) {
        const QueueTable &t = request.config.tables.at(qsizetype(i));
        if (!columnTypes(*c, t, &columns[i], &error))
            return failed(error);
        for (const QString &k : t.keys + (t.changed.isEmpty() ? QStringList() : QStringList{t.changed})) {
            if (columnIndex(columns[i], k) < 0)
                return failed(QStringLiteral("table %1 (%2 line %3): the source table %4 has no column %5")
                                  .arg(t.name, request.config.fileName).arg(t.line).arg(t.source, k));
        }
        if (!t.changed.isEmpty())
            continue;
        if (progress)
            progress(QStringLiteral("reading %1 for the snapshot of %2").arg(t.source, t.name));
        if (!scanSnapshot(x, t, columns[i], changes[i]))
            return failed(QStringLiteral("table %1: %2").arg(t.name, session.error()));
        if (progress)
            progress(QStringLiteral("table %1: %2 rows read, %3 new or changed, %4 gone")
                         .arg(t.name).arg(changes[i].read).arg(changes[i].changed.size()).arg(changes[i].gone.size()));
    }
    // The tables made where missing, before the transaction (MariaDB commits at every CREATE TABLE).
    if (!session.exec(QueueStatements::createState(names)))
        return failed(session.error());
    for (const QueueTable &t : request.config.tables) {
        for (const QString &sql : QueueStatements::tablesOf(names, t.name, t.source, t.keys, t.changed)) {
            if (!session.exec(sql))
                return failed(QStringLiteral("table %1: %2").arg(t.name, session.error()));
        }
    }
    // Then the queue tables, snapshots and state, in one transaction.
    if (!db::setAutoCommit(*c, false, &error))
        return failed(db::driverMessage(error));
    QList<Row> stateRows;
    if (!session.query(QueueStatements::readState(names), &stateRows))
        return failed(session.error());
    for (const Row &r : stateRows)
        state.insert(r[0].value_or(QString()), {r[1].value_or(QString()), r[2].value_or(QString())});
    for (size_t i = 0; i < columns.size(); ++i) {
        const QueueTable &t = request.config.tables.at(qsizetype(i));
        TableRefresh out;
        out.table = t.name;
        out.queueTable = names.table(t.name);
        if (!session.exec(QueueStatements::clear(out.queueTable)))
            return failed(session.error());
        const bool ok = t.changed.isEmpty() ? writeSnapshot(x, t, columns[i], changes[i], out)
                                            : refreshByTimestamp(x, t, columns[i], out);
        changes[i] = {};
        if (!ok)
            return failed(QStringLiteral("table %1: %2").arg(t.name, session.error()));
        if (t.changed.isEmpty() && request.since)
            result.notes.append(QStringLiteral("--since does not apply to %1 (no Changed= column): its changes are found by "
                                               "snapshot").arg(t.name));
        result.tables.append(out);
        if (progress)
            progress(doneLine(out));
    }
    for (auto it = state.constBegin(); it != state.constEnd(); ++it) {
        if (!session.exec(QueueStatements::deleteState(names), {it.key()})
            || !session.exec(QueueStatements::insertState(names),
                             {it.key(), it->refreshedAt, it->highWater.isEmpty() ? db::Value() : db::Value(it->highWater)}))
            return failed(session.error());
    }
    if (!db::endTransaction(*c, true, &error))
        return failed(db::driverMessage(error));
    result.ok = true;
    return result;
}

QueueStatus queueStatus(const QueueConfig &config, const run::SecretSettings &secrets, const QString &connectionName)
{
    QueueStatus status;
    QString error;
    std::unique_ptr<db::Connection> c = connectQueue(config, secrets, connectionName, &error);
    if (!c) {
        status.error = error;
        return status;
    }
    const sql::QueueNames names = queueNames(config, c->info());
    Session session(*c);
    QHash<QString, QString> refreshed;
    QList<Row> rows;
    if (session.query(QueueStatements::readState(names), &rows)) {
        for (const Row &r : rows)
            refreshed.insert(r[0].value_or(QString()), r[1].value_or(QString()));
    }
    for (const QueueTable &t : config.tables) {
        TableStatus s;
        s.table = t.name;
        s.queueTable = names.table(t.name);
        s.lastRefresh = refreshed.value(t.name);
        s.mode = t.changed.isEmpty() ? QStringLiteral("snapshot") : QStringLiteral("Changed=") + t.changed;
        Session own(*c);  // a missing table fails its own statement only
        qint64 rows = 0;
        if (countRows(own, s.queueTable, &rows))
            s.rows = rows;
        status.tables.append(s);
    }
    status.procedure = installedProcedure(*c, names, config).describe();
    status.ok = true;
    return status;
}

namespace {

RowsShown readRows(const db::Connection &c, const QString &table, int limit)
{
    RowsShown shown;
    db::Statement st(c);
    QString error;
    // Plain SQL every database takes; the first `limit` rows are read, the rest not fetched.
    if (!st.prepare(QStringLiteral("SELECT * FROM %1").arg(table), &error) || !st.execute({}, &error))
        return shown;  // no such table (yet)
    QList<db::ColumnInfo> columns;
    if (st.describeResult(&columns, &error)) {
        for (const db::ColumnInfo &col : columns)
            shown.columns << col.name;
    }
    shown.exists = true;
    std::vector<db::Value> row;
    while (shown.rows.size() < limit && st.fetch(row, &error)) {
        QStringList values;
        for (const db::Value &v : row)
            values << v.value_or(QStringLiteral("NULL"));
        shown.rows << values;
    }
    st.closeCursor();
    return shown;
}

}  // namespace

QueueRows queueRows(const QueueConfig &config, const QString &table, const run::SecretSettings &secrets, int limit,
                    const QString &connectionName)
{
    QueueRows out;
    QString error;
    std::unique_ptr<db::Connection> c = connectQueue(config, secrets, connectionName, &error);
    if (!c) {
        out.error = error;
        return out;
    }
    const sql::QueueNames names = queueNames(config, c->info());
    out.frozen = readRows(*c, names.table(table), limit);
    out.deleted = readRows(*c, names.deleted(table), limit);
    out.ok = true;
    return out;
}

std::optional<QDate> parseSinceDate(const QString &text)
{
    for (const char *format : {"yyyy-MM-dd", "M/d/yyyy", "d.M.yyyy"}) {
        const QDate d = QDate::fromString(text.trimmed(), QLatin1String(format));
        if (d.isValid())
            return d;
    }
    return std::nullopt;
}

}  // namespace oas::queue
