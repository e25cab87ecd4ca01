#include "RefreshSession.h"

#include "../db/BlockFetch.h"
#include "../db/Connection.h"
#include "../db/OdbcDiagnostics.h"
#include "../run/BatchPipe.h"
#include "../secrets/Redact.h"

namespace oas::queue {

bool Session::exec(const QString &sql, const Row &values, const std::vector<db::ParamType> &types, qint64 *affected)
{
    db::Statement *st = run(sql, values, types);
    if (!st)
        return false;
    if (affected)
        *affected = st->affectedRows();
    st->closeCursor();
    return true;
}

bool Session::query(const QString &sql, QList<Row> *rows, const Row &values, const std::vector<db::ParamType> &types)
{
    return each(sql, values, types, [&](const Row &r) { rows->append(r); });
}

bool Session::each(const QString &sql, const Row &values, const std::vector<db::ParamType> &types,
                   const std::function<void(const Row &)> &f)
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

bool Session::stream(const QString &sql, const std::function<void(const Row &)> &f)
{
    if (!m_error.isEmpty())
        return false;
    db::BlockFetch fetch(m_connection, 256);
    QString block;
    if (!fetch.exec(sql, &block))
        return fail(block, sql);
    // MariaDB Connector/ODBC blocks a thread that later prepares or frees a statement on a connection another
    // thread has used (exporter/RowSource.h): its rows are read here.
    if (m_connection.info().isMariaDb()) {
        Row row;
        while (fetch.next(row, &block))
            f(row);
        return block.isEmpty() || fail(block, sql);
    }
    // Elsewhere a thread fetches the rows while f works on the previous ones (hashing a snapshot table's
    // rows costs about as much as fetching them). f never uses the connection.
    struct Rows {
        std::vector<Row> rows;
        size_t count = 0;
        QString error;
    };
    run::BatchPipe<Rows> pipe;
    pipe.start([&fetch](Rows &b) {
        b.count = 0;
        constexpr size_t kRows = 512;
        if (b.rows.size() < kRows)
            b.rows.resize(kRows);
        while (b.count < kRows) {
            if (!fetch.next(b.rows[b.count], &b.error))
                return false;
            ++b.count;
        }
        return true;
    });
    while (std::unique_ptr<Rows> b = pipe.take()) {
        for (size_t i = 0; i < b->count; ++i)
            f(b->rows[i]);
        if (!b->error.isEmpty())
            block = b->error;
        pipe.recycle(std::move(b));
    }
    return block.isEmpty() || fail(block, sql);
}

bool Session::inSlices(size_t total, const std::function<QString(int)> &statement, const std::vector<db::ParamType> &typesPerItem,
                       const std::function<void(size_t, Row &)> &items, const Row &leading,
                       const std::vector<db::ParamType> &leadingTypes)
{
    for (size_t from = 0; from < total; from += kRowsPerStatement) {
        const size_t count = std::min<size_t>(kRowsPerStatement, total - from);
        Row values = leading;
        std::vector<db::ParamType> types = leadingTypes;
        for (size_t i = from; i < from + count; ++i) {
            items(i, values);
            types.insert(types.end(), typesPerItem.begin(), typesPerItem.end());
        }
        if (!exec(statement(int(count)), values, types))
            return false;
    }
    return true;
}

db::Statement *Session::run(const QString &sql, const Row &values, const std::vector<db::ParamType> &types)
{
    db::Statement &st = prepared(sql);
    if (!m_error.isEmpty())
        return nullptr;
    st.setParamTypes(types);
    std::vector<const db::Value *> pointers;
    pointers.reserve(values.size());
    for (const db::Value &v : values)
        pointers.push_back(&v);
    QString block;
    if (!st.execute(pointers, &block)) {
        fail(block, sql);
        return nullptr;
    }
    return &st;
}

db::Statement &Session::prepared(const QString &sql)
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

bool Session::fail(const QString &block, const QString &sql)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("%1\n%2").arg(db::driverMessage(block), sql);
    return false;
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

bool countRows(Session &s, const QString &table, qint64 *count)
{
    QList<Row> rows;
    if (!s.query(sql::QueueStatements::count(table), &rows))
        return false;
    *count = rows.isEmpty() || rows.first().empty() ? 0 : rows.first().front().value_or(QStringLiteral("0")).toLongLong();
    return true;
}

sql::QueueNames queueNames(const QueueConfig &config, const db::DriverInfo &info)
{
    sql::QueueNames n;
    if (config.prefix.present)
        n.prefix = config.prefix.value;
    else if (config.schema.present)
        n.schema = config.schema.value;
    else if (info.isSqlite() || info.isMariaDb())
        n.prefix = QStringLiteral("queue_");  // SQLite has no schemas; a MariaDB schema is a database (server-level CREATE)
    else
        n.schema = QStringLiteral("queue");
    return n;
}

std::unique_ptr<db::Connection> connectQueue(const QueueConfig &config, const run::SecretSettings &secrets, const QString &name,
                                        QString *error)
{
    const run::JobCredentials credentials = run::resolveCredentials(config.database, config.fileName, {}, secrets);
    if (!credentials.ok) {
        *error = credentials.error;
        return nullptr;
    }
    auto opened = db::Connection::open(config.database, credentials.credentials, name, db::Connection::Use::Refresh);
    if (!opened.connection) {
        *error = secrets::redact(QStringLiteral("cannot connect: %1").arg(db::driverMessage(opened.errorBlock)), credentials.secrets);
    }
    return std::move(opened.connection);
}

}  // namespace oas::queue
