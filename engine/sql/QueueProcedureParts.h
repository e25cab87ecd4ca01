#pragma once
// What the PostgreSQL and MariaDB forms of the queue procedure share (QueueProcedure.cpp,
// QueueProcedureMariaDb.cpp); not for use elsewhere.
#include "QueueProcedure.h"

namespace oas::sql::procedure {

QString literal(const QString &text);                     // 'text' with its quotes doubled
QString keyText(const QStringList &keys, bool mariadb);   // a row's key as tab-separated text (alias s)
QString statements(const QStringList &list, const QString &indent);   // each with ";\n"

}  // namespace oas::sql::procedure
