#include "PairStatements.h"

namespace oas::sql {

QString pairEventName(PairEvent event)
{
    switch (event) {
    case PairEvent::Insert: return QStringLiteral("insert");
    case PairEvent::Update: return QStringLiteral("update");
    case PairEvent::Delete: return QStringLiteral("delete");
    }
    return {};
}

QString quoteIdentifier(const QString &name, const QString &quote)
{
    if (quote.isEmpty() || quote == QLatin1String(" "))
        return name;  // the driver has no identifier quote
    return quote + QString(name).replace(quote, quote + quote) + quote;
}

PairStatement buildPairStatement(PairEvent event, const QString &table, const QStringList &fields, const QString &quote)
{
    PairStatement st;
    const QString key = quoteIdentifier(fields.first(), quote);
    switch (event) {
    case PairEvent::Insert: {
        QStringList names;
        QStringList marks;
        for (const QString &f : fields) {
            names.append(quoteIdentifier(f, quote));
            marks.append(QStringLiteral("?"));
        }
        st.sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, names.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
        st.targets = fields;
        break;
    }
    case PairEvent::Update: {
        QStringList sets;
        for (qsizetype i = 1; i < fields.size(); ++i) {
            sets.append(quoteIdentifier(fields.at(i), quote) + QStringLiteral(" = ?"));
            st.targets.append(fields.at(i));
        }
        st.sql = QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?").arg(table, sets.join(QStringLiteral(", ")), key);
        st.targets.append(fields.first());
        break;
    }
    case PairEvent::Delete:
        st.sql = QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(table, key);
        st.targets = {fields.first()};
        break;
    }
    return st;
}

}  // namespace oas::sql
