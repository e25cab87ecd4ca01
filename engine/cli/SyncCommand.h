#pragma once
// odbc-agent sync FILE.sync [--dry-run] [--allow-deletes N] (docs/sync.md).
#include <QStringList>
#include <QTextStream>

namespace oas::cli {

int syncCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
// validate for a sync file: its problems, and each step's configuration validated too.
int validateSyncFile(const QString &path, QTextStream &out);

}  // namespace oas::cli
