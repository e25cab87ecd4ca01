#pragma once
// The change queue's configuration file (docs/queue.md):
//   [database]      the database with the source tables; the queue tables are made in it too
//   [queue]         Schema=queue (the default) or TablePrefix=queue_ (databases without schemas)
//   [Customers]     one section per source table: Key= (comma-separated), optional Changed= (the
//                   change-timestamp column) and Source= (the table's name when it differs)
#include "../config/AgentConfig.h"
#include "../config/Diagnostic.h"

namespace oas::queue {

struct QueueTable {
    QString name;          // the section: the queue table's name
    QString source;        // the source table
    QStringList keys;      // key columns
    QString changed;       // the change-timestamp column; empty: changes found by snapshot
    int line = 0;
};

struct QueueConfig {
    QString fileName;
    config::DatabaseSection database;
    config::Setting<QString> schema;
    config::Setting<QString> prefix;
    QList<QueueTable> tables;
};

struct QueueParse {
    QueueConfig config;
    config::Diagnostics diagnostics;
    bool ok() const { return !config::hasErrors(diagnostics); }
};

QueueParse parseQueueConfig(const QString &fileName, const QByteArray &text);
QueueParse readQueueConfig(const QString &path);  // the file, or an error naming it

}  // namespace oas::queue
