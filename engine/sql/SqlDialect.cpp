#include "SqlDialect.h"

namespace oas::sql {

QString SqlDialect::sequenceNextValue(const QString &sequence) const
{
    switch (kind) {
    case Kind::PostgreSql: return QStringLiteral("nextval('%1')").arg(sequence);
    case Kind::Sqlite: return QStringLiteral("NULL");  // SQLite has no sequences: NULL numbers an INTEGER PRIMARY KEY
    case Kind::MariaDb: return QStringLiteral("NEXT VALUE FOR %1").arg(sequence);  // MariaDB 10.3+ sequences
    case Kind::Generic:
    case Kind::Oracle: break;
    }
    return sequence + QStringLiteral(".NEXTVAL");
}

QString SqlDialect::rowIdentity() const
{
    switch (kind) {
    case Kind::PostgreSql: return QStringLiteral("ctid");
    case Kind::Sqlite: return QStringLiteral("rowid");
    case Kind::Oracle: return QStringLiteral("ROWID");
    case Kind::MariaDb:  // no row identity, but UPDATE takes a join as written
    case Kind::Generic: break;
    }
    return {};
}

SqlDialect SqlDialect::generic()
{
    return {Kind::Generic, QStringLiteral("generic"), true};
}

SqlDialect SqlDialect::postgresql()
{
    return {Kind::PostgreSql, QStringLiteral("postgresql"), false};
}

SqlDialect SqlDialect::sqlite()
{
    return {Kind::Sqlite, QStringLiteral("sqlite"), false};
}

SqlDialect SqlDialect::oracle()
{
    return {Kind::Oracle, QStringLiteral("oracle"), false};
}

SqlDialect SqlDialect::mariadb()
{
    return {Kind::MariaDb, QStringLiteral("mariadb"), true};
}

QStringList SqlDialect::names()
{
    QStringList out;
    for (const SqlDialect &d : {generic(), postgresql(), sqlite(), oracle(), mariadb()})
        out << d.name;
    return out;
}

std::optional<SqlDialect> SqlDialect::byName(const QString &name)
{
    if (name.compare(QLatin1String("mysql"), Qt::CaseInsensitive) == 0)
        return mariadb();
    for (const SqlDialect &d : {generic(), postgresql(), sqlite(), oracle(), mariadb()}) {
        if (d.name.compare(name, Qt::CaseInsensitive) == 0)
            return d;
    }
    return std::nullopt;
}

}  // namespace oas::sql
