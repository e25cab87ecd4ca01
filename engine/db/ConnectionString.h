#pragma once
// The ODBC connection string built from a [database] section (DECISIONS.md 3): every driver field as
// KEY=VALUE; in file order, then UID/PWD from the command line or the config. Values that ODBC would
// misread are wrapped in braces.
#include "../config/AgentConfig.h"

#include <optional>

namespace oas::db {

struct Credentials {
    std::optional<QString> user;      // -n, else User= of [database]
    std::optional<QString> password;  // -p, else Password= of [database]
};

// The credentials a job uses: those given (-n / -p), else User= / Password= of the [database] section.
Credentials credentialsOf(const config::DatabaseSection &database, Credentials given = {});

QString quoteValue(const QString &value);  // {value} when it holds ; { } or edge blanks
QString buildConnectionString(const QList<config::DatabaseField> &fields, const Credentials &credentials);
// The same string with the password replaced by ***, for messages and traces.
QString maskedConnectionString(const QList<config::DatabaseField> &fields, const Credentials &credentials);
// What to give Qt's QODBC driver (QSqlDatabase::setDatabaseName) so that SQLDriverConnect gets exactly
// buildConnectionString(). QODBC passes the name unchanged only when it contains "DRIVER=" or "SERVER=";
// otherwise it puts "DSN=" in front, and "FILEDSN=" when the name contains ".dsn" anywhere. So a
// connection through a data source name alone (the manual's DSN=name) gets its DSN field first, without
// its key. Empty, with *error, when there is no such name (".dsn" in the string).
QString qodbcDatabaseName(const QList<config::DatabaseField> &fields, const Credentials &credentials, QString *error);
// Whether a driver field of that name is set (case-insensitive), e.g. UseDeclareFetch.
bool hasField(const QList<config::DatabaseField> &fields, const QString &key);

}  // namespace oas::db
