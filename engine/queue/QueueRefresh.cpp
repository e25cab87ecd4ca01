#include "QueueRefresh.h"

#include "../db/Connection.h"
#include "../db/OdbcDiagnostics.h"
#include "../db/Statement.h"
#include "../exporter/delta/RowHash.h"
#include "../secrets/Redact.h"
#include "../sql/QueueStatements.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

namespace oas::queue {

using sql::QueueStatements;

namespace {

using Row = std::vector<db::Value>;

// Statements run on one connection; the first failure is kept with the statement that caused it.
class Session {
public:
    explicit Session(const db::Connection &c) : m_connection(c) {}
    bool exec(const QString &sql, const Row &values = {}, const std::vector<db::ParamType> &types = {}, qint64 *affected = nullptr)
    {
        db::Statement *st = run(sql, values, types);
        if (!st)
            return false;
        if (affected)
            *affected = st->affectedRows();
        st->closeCursor();
        return true;
    }
    bool query(const QString &sql, QList<Row> *rows, const Row &values = {}, const std::vector<db::ParamType> &types = {})
    {
        return each(sql, values, types, [&](const Row &r) { rows->append(r); });
    }
    bool each(const QString &sql, const Row &values, const std::vector<db::ParamType> &types, const std::function<void(const Row &)> &f)
    {
        db::Statement *st = run(sql, values, types);
        if (!st)
            return false;
        Row row;
        QString block;
        while (st->fetch(row, &block))
            f(row);
        st->closeCursor();
        return block.isEmpty() || fail(block, sql);
    }
    QString error() const { return m_error; }

private:
    // The statement prepared (once) and executed with the values; nullptr after a failure.
    db::Statement *run(const QString &sql, const Row &values, const std::vector<db::ParamType> &types)
    {
        db::Statement &st = prepared(sql);
        if (!m_error.isEmpty())
            return nullptr;
        st.setParamTypes(types);
        std::vector<const db::Value *> pointers;
        for (const db::Value &v : values)
            pointers.push_back(&v);
        QString block;
        if (!st.execute(pointers, &block)) {
            fail(block, sql);
            return nullptr;
        }
        return &st;
    }
    db::Statement &prepared(const QString &sql)
    {
        auto &slot = m_statements[sql];
        if (!slot) {
            slot = std::make_unique<db::Statement>(m_connection);
            QString block;
            if (!slot->prepare(sql, &block))
                fail(block, sql);
        }
        return *slot;
    }
    bool fail(const QString &block, const QString &sql)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1\n%2").arg(db::driverMessage(block), sql);
        return false;
    }
    const db::Connection &m_connection;
    std::map<QString, std::unique_ptr<db::Statement>> m_statements;
    QString m_error;
};

struct State {
    QString refreshedAt;
    QString highWater;
    QStringList tieKeys;  // each key's values joined by a tab
};

sql::QueueNames namesFor(const QueueConfig &config, const db::DriverInfo &info)
{
    sql::QueueNames n;
    if (config.prefix.present)
        n.prefix = config.prefix.value;
    else if (config.schema.present)
        n.schema = config.schema.value;
    else if (info.isSqlite())
        n.prefix = QStringLiteral("queue_");  // SQLite has no schemas
    else
        n.schema = QStringLiteral("queue");
    return n;
}

QString keyText(const Row &row, const QList<int> &keyColumns)
{
    QStringList parts;
    for (int i : keyColumns)
        parts.append(row[size_t(i)].value_or(QString()));
    return parts.join(QLatin1Char('\t'));
}

Row keyValues(const QString &text)
{
    Row values;
    for (const QString &part : text.split(QLatin1Char('\t')))
        values.push_back(part);
    return values;
}

struct Context {
    Session &session;
    const sql::QueueNames &names;
    const RefreshRequest &request;
    QHash<QString, State> &state;
    RefreshResult &result;
    QString now;
};

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

int columnIndex(const QList<db::ColumnInfo> &columns, const QString &name)
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

db::ParamType typeOf(const db::ColumnInfo &c)
{
    return {c.sqlType, c.size, c.decimalDigits};
}

// Rows changed since the high water mark (or --since, or the last 24 hours at first), ties excluded.
bool refreshByTimestamp(Context &x, const QueueTable &t, const QList<db::ColumnInfo> &columns, TableRefresh &out)
{
    const QString q = x.names.table(t.name);
    const int changedIndex = columnIndex(columns, t.changed);
    std::vector<db::ParamType> keyTypes;
    for (const QString &k : t.keys)
        keyTypes.push_back(typeOf(columns.at(columnIndex(columns, k))));
    const db::ParamType changedType = typeOf(columns.at(changedIndex));
    const State old = x.state.value(t.name);
    QString from;
    bool excludeTies = false;
    if (x.request.since) {
        from = x.request.since->toString(Qt::ISODate) + QStringLiteral(" 00:00:00");
        out.how = QStringLiteral("changed on or after %1 (--since)").arg(x.request.since->toString(Qt::ISODate));
    } else if (!old.highWater.isEmpty()) {
        from = old.highWater;
        excludeTies = true;
        out.how = QStringLiteral("changed since %1").arg(old.highWater);
    } else {
        from = QDateTime::currentDateTime().addDays(-1).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        out.how = QStringLiteral("first refresh: changed in the last 24 hours (since %1)").arg(from);
    }
    if (!x.session.exec(QueueStatements::copyChangedSince(q, t.source, t.changed), {from}, {changedType}))
        return false;
    if (excludeTies) {  // rows at the old high water mark that the previous refresh already froze
        for (const QString &key : old.tieKeys) {
            Row values{from};
            for (const db::Value &v : keyValues(key))
                values.push_back(v);
            std::vector<db::ParamType> types{changedType};
            types.insert(types.end(), keyTypes.begin(), keyTypes.end());
            if (!x.session.exec(QueueStatements::deleteTie(q, t.changed, t.keys), values, types))
                return false;
        }
    }
    QList<Row> rows;
    if (!x.session.query(QueueStatements::maxChanged(q, t.changed), &rows))
        return false;
    State next = old;
    next.refreshedAt = x.now;
    const db::Value high = rows.isEmpty() ? db::Value() : rows.first().front();
    if (high) {  // rows were frozen: the new mark, and the keys at it
        QList<Row> ties;
        if (!x.session.query(QueueStatements::keysAt(q, t.changed, t.keys), &ties, {*high}, {changedType}))
            return false;
        QStringList keys = *high == old.highWater && !x.request.since ? old.tieKeys : QStringList();
        QList<int> keyColumns;
        for (int i = 0; i < t.keys.size(); ++i)
            keyColumns.append(i);
        for (const Row &r : ties) {
            const QString k = keyText(r, keyColumns);
            if (!keys.contains(k))
                keys.append(k);
        }
        next.highWater = *high;
        next.tieKeys = keys;
    }
    x.state.insert(t.name, next);
    QList<Row> count;
    if (!x.session.query(QueueStatements::count(q), &count))
        return false;
    out.frozen = count.isEmpty() ? 0 : count.first().front().value_or(QStringLiteral("0")).toLongLong();
    return true;
}

// Rows whose hash differs from the snapshot of the previous refresh; keys gone are listed in NAME_deleted.
bool refreshBySnapshot(Context &x, const QueueTable &t, const QList<db::ColumnInfo> &columns, TableRefresh &out)
{
    const QString q = x.names.table(t.name);
    const QString snapshot = x.names.snapshot(t.name);
    const QString deleted = x.names.deleted(t.name);
    QList<int> keyColumns;
    std::vector<db::ParamType> keyTypes;
    for (const QString &k : t.keys) {
        keyColumns.append(columnIndex(columns, k));
        keyTypes.push_back(typeOf(columns.at(keyColumns.last())));
    }
    out.how = QStringLiteral("snapshot (no Changed= column)");
    if (!x.session.exec(QueueStatements::createSnapshot(snapshot))
        || !x.session.exec(QueueStatements::createLike(deleted, t.source, t.keys.join(QStringLiteral(", "))))
        || !x.session.exec(QueueStatements::clear(deleted)))
        return false;
    QHash<QString, QString> previous;
    QList<Row> snap;
    if (!x.session.query(QueueStatements::readSnapshot(snapshot), &snap))
        return false;
    for (const Row &r : snap)
        previous.insert(r[0].value_or(QString()), r[1].value_or(QString()));
    snap.clear();
    QList<QPair<QString, QString>> changed;  // key text, new hash
    QSet<QString> seen;
    if (!x.session.each(QueueStatements::selectAll(t.source), {}, {}, [&](const Row &row) {
            const QString key = keyText(row, keyColumns);
            const QString hash = QString::fromLatin1(exporter::delta::rowHash(row, 16).toHex());
            seen.insert(key);
            const auto it = previous.constFind(key);
            if (it == previous.constEnd() || *it != hash)
                changed.append({key, hash});
        }))
        return false;
    const bool first = previous.isEmpty();
    if (first) {
        if (!x.session.exec(QueueStatements::copyAll(q, t.source)))
            return false;
    }
    for (const auto &[key, hash] : changed) {
        if (!first && !x.session.exec(QueueStatements::copyByKey(q, t.source, t.keys), keyValues(key), keyTypes))
            return false;
        if ((!first && !x.session.exec(QueueStatements::deleteSnapshotKey(snapshot), {key}))
            || !x.session.exec(QueueStatements::insertSnapshot(snapshot), {key, hash}))
            return false;
    }
    for (auto it = previous.constBegin(); it != previous.constEnd(); ++it) {
        if (seen.contains(it.key()))
            continue;
        if (!x.session.exec(QueueStatements::insertKeys(deleted, t.keys), keyValues(it.key()), keyTypes)
            || !x.session.exec(QueueStatements::deleteSnapshotKey(snapshot), {it.key()}))
            return false;
        ++out.deleted;
    }
    State next;
    next.refreshedAt = x.now;
    x.state.insert(t.name, next);
    out.frozen = changed.size();
    return true;
}

std::unique_ptr<db::Connection> connect(const QueueConfig &config, const run::SecretSettings &secrets, const QString &name,
                                        QString *error)
{
    const run::JobCredentials credentials = run::resolveCredentials(config.database, config.fileName, {}, secrets);
    if (!credentials.ok) {
        *error = credentials.error;
        return nullptr;
    }
    auto opened = db::Connection::open(config.database, credentials.credentials, name, db::Connection::Use::Statements);
    if (!opened.connection) {
        *error = secrets::redact(QStringLiteral("cannot connect: %1").arg(db::driverMessage(opened.errorBlock)), credentials.secrets);
    }
    return std::move(opened.connection);
}

}  // namespace

RefreshResult refreshQueue(const RefreshRequest &request, const std::function<void(const QString &)> &progress)
{
    RefreshResult result;
    QString error;
    std::unique_ptr<db::Connection> c = connect(request.config, request.secrets, request.connectionName, &error);
    if (!c) {
        result.error = error;
        return result;
    }
    const sql::QueueNames names = namesFor(request.config, c->info());
    if (!db::setAutoCommit(*c, false, &error)) {
        result.error = db::driverMessage(error);
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
    if (!names.schema.isEmpty() && !session.exec(QueueStatements::createSchema(names.schema)))
        return failed(QStringLiteral("cannot make the queue schema %1 (a database without schemas needs TablePrefix= in "
                                     "[queue]): %2").arg(names.schema, session.error()));
    QList<Row> stateRows;
    if (!session.exec(QueueStatements::createState(names)) || !session.query(QueueStatements::readState(names), &stateRows))
        return failed(session.error());
    for (const Row &r : stateRows) {
        const QString ties = r[3].value_or(QString());
        state.insert(r[0].value_or(QString()), {r[1].value_or(QString()), r[2].value_or(QString()),
                                                ties.isEmpty() ? QStringList() : ties.split(QLatin1Char('\n'))});
    }
    for (const QueueTable &t : request.config.tables) {
        QList<db::ColumnInfo> columns;
        if (!columnTypes(*c, t, &columns, &error))
            return failed(error);
        for (const QString &k : t.keys + (t.changed.isEmpty() ? QStringList() : QStringList{t.changed})) {
            if (columnIndex(columns, k) < 0)
                return failed(QStringLiteral("table %1 (%2 line %3): the source table %4 has no column %5")
                                  .arg(t.name, request.config.fileName).arg(t.line).arg(t.source, k));
        }
        TableRefresh out;
        out.table = t.name;
        out.queueTable = names.table(t.name);
        if (!session.exec(QueueStatements::createLike(out.queueTable, t.source))
            || !session.exec(QueueStatements::createKeyIndex(names.prefix + t.name + QStringLiteral("_qkey"), out.queueTable, t.keys))
            || !session.exec(QueueStatements::clear(out.queueTable)))
            return failed(session.error());
        const bool ok = t.changed.isEmpty() ? refreshBySnapshot(x, t, columns, out) : refreshByTimestamp(x, t, columns, out);
        if (!ok)
            return failed(QStringLiteral("table %1: %2").arg(t.name, session.error()));
        if (t.changed.isEmpty() && request.since)
            result.notes.append(QStringLiteral("--since does not apply to %1 (no Changed= column): its changes are found by "
                                               "snapshot").arg(t.name));
        result.tables.append(out);
        if (progress)
            progress(QStringLiteral("table %1: %2 rows in %3 (%4)%5")
                         .arg(t.name).arg(out.frozen).arg(out.queueTable, out.how,
                              out.deleted ? QStringLiteral(", %1 deleted").arg(out.deleted) : QString()));
    }
    for (auto it = state.constBegin(); it != state.constEnd(); ++it) {
        if (!session.exec(QueueStatements::deleteState(names), {it.key()})
            || !session.exec(QueueStatements::insertState(names),
                             {it.key(), it->refreshedAt, it->highWater.isEmpty() ? db::Value() : db::Value(it->highWater),
                              it->tieKeys.isEmpty() ? db::Value() : db::Value(it->tieKeys.join(QLatin1Char('\n')))}))
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
    std::unique_ptr<db::Connection> c = connect(config, secrets, connectionName, &error);
    if (!c) {
        status.error = error;
        return status;
    }
    const sql::QueueNames names = namesFor(config, c->info());
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
        QList<Row> count;
        if (own.query(QueueStatements::count(s.queueTable), &count) && !count.isEmpty())
            s.rows = count.first().front().value_or(QStringLiteral("0")).toLongLong();
        status.tables.append(s);
    }
    status.ok = true;
    return status;
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
