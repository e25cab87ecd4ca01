#include "DeleteGuard.h"

#include "../datafile/TaggedReader.h"
#include "../db/Connection.h"
#include "../db/Statement.h"

#include <QFile>

namespace oas::sync {

DeleteCheck countDeletes(const QString &dataFile, const config::AgentConfig &config)
{
    DeleteCheck c;
    QFile f(dataFile);
    if (!f.open(QIODevice::ReadOnly)) {
        c.reason = QStringLiteral("cannot open the data file %1: %2").arg(dataFile, f.errorString());
        return c;
    }
    datafile::TaggedReader reader(&f, datafile::DataFormat::fromConfig(config.control));
    const QString changeType = config.importSection.changeType.value;
    while (const auto record = reader.next()) {
        ++c.records;
        if (datafile::changeTypeOf(*record, changeType) == datafile::ChangeType::Delete)
            ++c.deletes;
    }
    c.ok = true;
    return c;
}

std::optional<qint64> countTargetRows(const config::AgentConfig &config, const db::Credentials &credentials, QString *error)
{
    const QString table = config.importSection.primaryTable;
    if (table.isEmpty()) {
        *error = QStringLiteral("the configuration names no import table");
        return std::nullopt;
    }
    auto opened = db::Connection::open(config.database, credentials, QStringLiteral("delete-guard"), db::Connection::Use::Statements);
    if (!opened.connection) {
        *error = opened.errorBlock;
        return std::nullopt;
    }
    db::Statement count(*opened.connection);
    std::vector<db::Value> row;
    if (!count.prepare(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table), error) || !count.execute({}, error)
        || !count.fetch(row, error) || row.empty() || !row.front()) {
        if (error->isEmpty())
            *error = QStringLiteral("SELECT COUNT(*) FROM %1 gave no row").arg(table);
        return std::nullopt;
    }
    return row.front()->toLongLong();
}

void judge(DeleteCheck &check, const GuardSettings &guard, std::optional<qint64> allowDeletes)
{
    check.allowed = true;
    if (!guard.on || check.deletes == 0)
        return;
    if (allowDeletes && check.deletes <= *allowDeletes)
        return;
    if (guard.maxDeletes > 0 && check.deletes > guard.maxDeletes) {
        check.allowed = false;
        check.reason = QStringLiteral("%1 deletes, more than MaxDeletes=%2").arg(check.deletes).arg(guard.maxDeletes);
        return;
    }
    if (check.targetRows > 0 && check.deletes >= check.targetRows) {  // an empty or truncated source never empties it
        check.allowed = false;
        check.reason = QStringLiteral("%1 deletes: every row of the target (%2 rows) would be deleted").arg(check.deletes).arg(check.targetRows);
        return;
    }
    if (check.targetRows >= guard.minRows && check.targetRows > 0
        && check.deletes * 100 > qint64(guard.maxDeletePercent) * check.targetRows) {
        check.allowed = false;
        check.reason = QStringLiteral("%1 deletes of the target's %2 rows (%3%), more than MaxDeletePercent=%4 of a table "
                                      "of MinRows=%5 rows or more")
                           .arg(check.deletes)
                           .arg(check.targetRows)
                           .arg(double(check.deletes) * 100.0 / double(check.targetRows), 0, 'f', 0)
                           .arg(guard.maxDeletePercent)
                           .arg(guard.minRows);
    }
}

}  // namespace oas::sync
