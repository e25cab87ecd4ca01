#pragma once
// What the two ways of refreshing a queue table share (engine-internal): the statements of one refresh on
// one connection, the refresh state per table, and small helpers on rows and keys.
#include "QueueRefresh.h"

#include "../db/ColumnInfo.h"
#include "../db/Statement.h"
#include "../sql/QueueStatements.h"

#include <QHash>
#include <functional>
#include <map>
#include <memory>

namespace oas::queue {

using Row = std::vector<db::Value>;

// Rows and keys per multi-row statement: few round trips, well under every driver's parameter limit.
constexpr int kRowsPerStatement = 500;

// Statements run on one connection, each prepared once; the first failure is kept with its statement.
class Session {
public:
    explicit Session(const db::Connection &c) : m_connection(c) {}
    bool postgres() const { return m_connection.info().isPostgreSql(); }
    bool exec(const QString &sql, const Row &values = {}, const std::vector<db::ParamType> &types = {}, qint64 *affected = nullptr);
    bool query(const QString &sql, QList<Row> *rows, const Row &values = {}, const std::vector<db::ParamType> &types = {});
    bool each(const QString &sql, const Row &values, const std::vector<db::ParamType> &types, const std::function<void(const Row &)> &f);
    // A large SELECT without parameters, read in blocks (a snapshot refresh's source and snapshot tables;
    // PostgreSQL sends each row as one value, db/PackedRows.h).
    bool stream(const QString &sql, const std::function<void(const Row &)> &f);
    // Runs statement(count) for total items in slices of at most kRowsPerStatement: leading values first,
    // then items(i) appends the values of item i (each typed like typesPerItem).
    bool inSlices(size_t total, const std::function<QString(int)> &statement, const std::vector<db::ParamType> &typesPerItem,
                  const std::function<void(size_t, Row &)> &items, const Row &leading = {},
                  const std::vector<db::ParamType> &leadingTypes = {});
    QString error() const { return m_error; }
    bool fail(const QString &block, const QString &sql);

private:
    db::Statement *run(const QString &sql, const Row &values, const std::vector<db::ParamType> &types);
    db::Statement &prepared(const QString &sql);

    const db::Connection &m_connection;
    std::map<QString, std::unique_ptr<db::Statement>> m_statements;
    QString m_error;
};

struct State {
    QString refreshedAt;
    QString highWater;  // the keys frozen at it are in the ties table (QueueNames::ties)
};

struct Context {
    Session &session;
    const sql::QueueNames &names;
    const RefreshRequest &request;
    QHash<QString, State> &state;
    RefreshResult &result;
    QString now;
};

// The rows in table (SELECT COUNT(*)); false with the session's error when it cannot be read.
bool countRows(Session &s, const QString &table, qint64 *count);
// A key's values joined by a tab, and back.
QString keyText(const Row &row, const QList<int> &keyColumns);
Row keyValues(const QString &text);
// The index of a column by name (case-insensitive), -1 when absent.
int columnIndex(const QList<db::ColumnInfo> &columns, const QString &name);
db::ParamType typeOf(const db::ColumnInfo &c);
// Where the queue's tables go: the configured schema or prefix, else queue. (PostgreSQL) or queue_.
sql::QueueNames queueNames(const QueueConfig &config, const db::DriverInfo &info);
// The queue's database connection (credentials resolved, secrets kept out of the error), or null.
std::unique_ptr<db::Connection> connectQueue(const QueueConfig &config, const run::SecretSettings &secrets, const QString &name,
                                             QString *error);

}  // namespace oas::queue
