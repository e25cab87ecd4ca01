#pragma once
// The few places where the SQL text itself differs between databases. Everything else about databases
// (quoting at run time, streaming, quirks) lives in db/.
#include <QString>
#include <QStringList>

#include <optional>

namespace oas::sql {

struct SqlDialect {
    enum class Kind { Generic, PostgreSql, Sqlite, Oracle, MariaDb };
    Kind kind = Kind::Generic;
    QString name;
    // UPDATE t SET t.col=? (the manual's Access / SQL Server form) or SET col=? (PostgreSQL, SQLite).
    bool qualifiedSetColumns = true;

    QString sequenceNextValue(const QString &sequence) const;
    // The hidden column that identifies a row of a table ("ctid", "rowid", "ROWID"); empty for generic SQL.
    // Used to update the tables of a JOIN one at a time where UPDATE cannot name a join.
    QString rowIdentity() const;

    static SqlDialect generic();
    static SqlDialect postgresql();
    static SqlDialect sqlite();
    static SqlDialect oracle();
    static SqlDialect mariadb();  // MariaDB and MySQL
    // generic, postgresql, sqlite, oracle, mariadb (or mysql)
    static std::optional<SqlDialect> byName(const QString &name);
    static QStringList names();  // every dialect's name, generic first
};

}  // namespace oas::sql
