#pragma once
// The change queue's refresh as a procedure in the database (docs/queue.md, "From SQL"): the SQL that
// `odbc-agent queue install` runs, made from the queue configuration. It does what `odbc-agent queue refresh`
// does, with the same tables and the same state (queue.refresh_state, ties_NAME, snapshot_NAME, NAME_deleted);
// tables without Changed= compare a row hash the database makes ('m:' and the MD5 of the row's text).
#include "QueueStatements.h"

namespace oas::sql {

struct ProcedureTable {
    QString name;       // the queue table's name (the configuration's section)
    QString source;     // the source table, as written
    QStringList keys;   // key columns, as written
    QString changed;    // the change-timestamp column; empty: snapshot
    QStringList keyTypes;  // PostgreSQL: each key column's type (format_type), for the deleted keys
    QStringList columns;   // MariaDB: the source's column names (the row hash, the copies)
};

struct QueueProcedure {
    // "queue.refresh" (a schema) or "queue_refresh" (a prefix); MariaDB also has NAME_since(date).
    static QString name(const QueueNames &n);
    static QString sinceName(const QueueNames &n);  // MariaDB: its procedures take no default arguments
    // The table that says which configuration the procedure was made from.
    static QString installTable(const QueueNames &n);
    static QString createInstallTable(const QueueNames &n);
    static QString readInstall(const QueueNames &n);  // procedure_name, config_hash, tool_version, installed_at
    static QString insertInstall(const QueueNames &n);  // (?, ?, ?, ?)
    static QString clearInstall(const QueueNames &n);
    // The statements that create (or replace) the procedure(s), in order.
    static QStringList postgres(const QueueNames &n, const QList<ProcedureTable> &tables, const QString &lockName);
    static QStringList mariadb(const QueueNames &n, const QList<ProcedureTable> &tables, const QString &lockName);
    static QStringList drop(const QueueNames &n, bool mariadb);
    // The call that refreshes (since: a date as text, or empty).
    static QString call(const QueueNames &n, bool mariadb, bool withSince);
};

}  // namespace oas::sql
