#pragma once
// The statements of a mapping pair's events (the one source of their SQL, for the events and the Studio's
// preview): the target table as written in the INI, target field names quoted (they are case-sensitive),
// every value a parameter.
//   insert: INSERT INTO t ("F1", "F2", ...) VALUES (?, ?, ...)   the fields the record supplies
//   update: UPDATE t SET "F2" = ?, ... WHERE "KEY" = ?            the record's non-key fields
//   delete: DELETE FROM t WHERE "KEY" = ?
#include <QString>
#include <QStringList>

namespace oas::sql {

enum class PairEvent { Insert, Update, Delete };
QString pairEventName(PairEvent event);  // insert, update, delete

struct PairStatement {
    QString sql;
    QStringList targets;  // the target field of each '?', in order (the key last for update and delete)
};

// fields: the target fields the record supplies (the key first); quote: the driver's identifier quote.
PairStatement buildPairStatement(PairEvent event, const QString &table, const QStringList &fields,
                                 const QString &quote = QStringLiteral("\""));
QString quoteIdentifier(const QString &name, const QString &quote);

}  // namespace oas::sql
