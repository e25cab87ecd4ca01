#include "QueueProcedure.h"
#include "QueueProcedureParts.h"

namespace oas::sql {

namespace procedure {

QString literal(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

// A key's values as one text, tab-separated, NULL as nothing (the CLI's key text for integer and text keys).
QString keyText(const QStringList &keys, bool mariadb)
{
    QStringList parts;
    for (const QString &k : keys)
        parts.append(mariadb ? QStringLiteral("IFNULL(CAST(s.%1 AS CHAR), '')").arg(k) : QStringLiteral("coalesce(CAST(s.%1 AS text), '')").arg(k));
    if (mariadb)
        return parts.size() == 1 ? parts.first() : QStringLiteral("CONCAT_WS(CHAR(9), %1)").arg(parts.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral(" || chr(9) || "));
}

QString statements(const QStringList &list, const QString &indent)
{
    QString out;
    for (const QString &s : list)
        out += indent + s + QStringLiteral(";\n");
    return out;
}

}  // namespace procedure

using namespace procedure;

QString QueueProcedure::name(const QueueNames &n)
{
    return n.table(QStringLiteral("refresh"));
}

QString QueueProcedure::sinceName(const QueueNames &n)
{
    return n.table(QStringLiteral("refresh_since"));
}

QString QueueProcedure::installTable(const QueueNames &n)
{
    return n.table(QStringLiteral("refresh_procedure"));
}

QString QueueProcedure::createInstallTable(const QueueNames &n)
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (procedure_name VARCHAR(200), config_hash VARCHAR(32), tool_version "
                          "VARCHAR(40), installed_at VARCHAR(40))")
        .arg(installTable(n));
}

QString QueueProcedure::readInstall(const QueueNames &n)
{
    return QStringLiteral("SELECT procedure_name, config_hash, tool_version, installed_at FROM %1").arg(installTable(n));
}

QString QueueProcedure::insertInstall(const QueueNames &n)
{
    return QStringLiteral("INSERT INTO %1 (procedure_name, config_hash, tool_version, installed_at) VALUES (?, ?, ?, ?)").arg(installTable(n));
}

QString QueueProcedure::clearInstall(const QueueNames &n)
{
    return QStringLiteral("DELETE FROM %1").arg(installTable(n));
}

QStringList QueueProcedure::drop(const QueueNames &n, bool mariadb)
{
    if (mariadb)
        return {QStringLiteral("DROP PROCEDURE IF EXISTS %1").arg(name(n)), QStringLiteral("DROP PROCEDURE IF EXISTS %1").arg(sinceName(n))};
    return {QStringLiteral("DROP PROCEDURE IF EXISTS %1(text)").arg(name(n))};
}

QString QueueProcedure::call(const QueueNames &n, bool mariadb, bool withSince)
{
    if (mariadb)
        return withSince ? QStringLiteral("CALL %1(?)").arg(sinceName(n)) : QStringLiteral("CALL %1()").arg(name(n));
    return withSince ? QStringLiteral("CALL %1(CAST(? AS text))").arg(name(n)) : QStringLiteral("CALL %1()").arg(name(n));
}

// PostgreSQL: one PL/pgSQL procedure, one transaction (the caller's): a call that fails or whose session
// is killed leaves everything as it was. Its variables are prefixed oas_ and columns win over them.
QStringList QueueProcedure::postgres(const QueueNames &n, const QList<ProcedureTable> &tables, const QString &lockName)
{
    const QString proc = name(n);
    QString declare = QStringLiteral(
        "  oas_start timestamp;\n"
        "  oas_now text := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"');\n"
        "  oas_mark_text text;\n"
        "  oas_new_text text;\n");
    QString body;
    body += QStringLiteral(
                "  IF NOT pg_try_advisory_xact_lock(hashtext(%1)) THEN\n"
                "    RAISE EXCEPTION '%2 is already running in another session' USING ERRCODE = '55P03',\n"
                "      HINT = 'Call it again once that call has ended.';\n"
                "  END IF;\n"
                "  IF since IS NOT NULL THEN\n"
                "    oas_start := CASE WHEN since ~ '^\\s*\\d{4}-\\d{1,2}-\\d{1,2}\\s*$' THEN to_date(trim(since), 'YYYY-MM-DD')\n"
                "                      WHEN since ~ '^\\s*\\d{1,2}/\\d{1,2}/\\d{4}\\s*$' THEN to_date(trim(since), 'MM/DD/YYYY')\n"
                "                      WHEN since ~ '^\\s*\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\s*$' THEN to_date(trim(since), 'DD.MM.YYYY') END;\n"
                "    IF oas_start IS NULL THEN\n"
                "      RAISE EXCEPTION '%2: % is not a date; write it as 1/1/2017 or 2017-01-01', quote_literal(since)\n"
                "        USING ERRCODE = '22007';\n"
                "    END IF;\n"
                "  END IF;\n")
                .arg(literal(lockName), proc);
    body += statements({QueueStatements::createState(n)}, QStringLiteral("  "));
    for (qsizetype i = 0; i < tables.size(); ++i) {
        const ProcedureTable &t = tables.at(i);
        const QString q = n.table(t.name);
            body += QStringLiteral("  -- %1\n").arg(t.name);
        body += statements(QueueStatements::tablesOf(n, t.name, t.source, t.keys, t.changed), QStringLiteral("  "));
        body += QStringLiteral("  DELETE FROM %1;\n").arg(q);
        if (!t.changed.isEmpty()) {
            const QString type = QStringLiteral("%1.%2%TYPE").arg(t.source, t.changed);
            const QString from = QStringLiteral("oas_from_%1").arg(i);
            const QString mark = QStringLiteral("oas_mark_%1").arg(i);
            const QString high = QStringLiteral("oas_high_%1").arg(i);
            declare += QStringLiteral("  %1 %4;\n  %2 %4;\n  %3 %4;\n").arg(from, mark, high, type);
            const QString ties = n.ties(t.name);
            body += QStringLiteral(
                        "  oas_mark_text := (SELECT high_water FROM %1 WHERE table_name = %2);\n"
                        "  IF oas_start IS NOT NULL THEN\n"
                        "    %3 := oas_start;\n"
                        "  ELSIF oas_mark_text IS NULL THEN\n"
                        "    %3 := LOCALTIMESTAMP - interval '24 hours';\n"
                        "  ELSE\n"
                        "    %4 := oas_mark_text;\n"
                        "  END IF;\n"
                        "  IF %3 IS NOT NULL THEN\n"
                        "    %6;\n"
                        "  ELSE\n"
                        "    %7;\n"
                        "    %8;\n"
                        "  END IF;\n"
                        "  %5 := (SELECT MAX(%9) FROM %10);\n"
                        "  IF %5 IS NOT NULL THEN\n"
                        "    IF %4 IS NULL OR %5 <> %4 THEN\n"
                        "      %11;\n"
                        "    END IF;\n"
                        "    %12;\n"
                        "    oas_new_text := CAST(%5 AS varchar(64));\n"
                        "  ELSE\n"
                        "    oas_new_text := oas_mark_text;\n"
                        "  END IF;\n")
                        .arg(n.state(), literal(t.name), from, mark, high, QueueStatements::copyChangedSince(q, t.source, t.changed, from),
                             QueueStatements::copyChangedAfter(q, t.source, t.changed, mark),
                             QueueStatements::copyUntiedAt(q, t.source, t.changed, ties, t.keys, mark), t.changed)
                        .arg(q, QueueStatements::clear(ties), QueueStatements::addTies(ties, q, t.changed, t.keys, high));
        } else {
            const QString snapshot = n.snapshot(t.name);
            const QString deleted = n.deleted(t.name);
            QStringList keyValues;
            for (qsizetype k = 0; k < t.keys.size(); ++k)
                keyValues.append(QStringLiteral("CAST(NULLIF(split_part(key_text, chr(9), %1), '') AS %2)")
                                     .arg(k + 1)
                                     .arg(t.keyTypes.value(k, QStringLiteral("text"))));
            body += QStringLiteral(
                        "  DELETE FROM %1;\n"
                        // The first refresh (no snapshot yet) freezes every row, as the CLI's does.
                        "  IF NOT EXISTS (SELECT 1 FROM %4) THEN\n"
                        "    INSERT INTO %5 SELECT * FROM %3;\n"
                        "    INSERT INTO %4 (key_text, row_hash) SELECT %2, 'm:' || md5(CAST(s AS text)) FROM %3 s;\n"
                        "  ELSE\n"
                        "  IF to_regclass('pg_temp.oas_changed') IS NOT NULL THEN\n"
                        "    DROP TABLE pg_temp.oas_changed;\n"
                        "  END IF;\n"
                        // One pass over the source and the snapshot: new and changed rows, and keys gone (no row).
                        "  CREATE TEMP TABLE oas_changed ON COMMIT DROP AS\n"
                        "    SELECT c.oas_row, coalesce(c.key_text, p.key_text) AS key_text, c.row_hash, c.key_text IS NULL AS gone\n"
                        "    FROM (SELECT s AS oas_row, %2 AS key_text, 'm:' || md5(CAST(s AS text)) AS row_hash FROM %3 s) c\n"
                        "    FULL JOIN %4 p ON p.key_text = c.key_text WHERE p.row_hash IS DISTINCT FROM c.row_hash;\n"
                        "  INSERT INTO %5 SELECT (c.oas_row).* FROM oas_changed c WHERE NOT c.gone;\n"
                        "  INSERT INTO %4 (key_text, row_hash) SELECT key_text, row_hash FROM oas_changed WHERE NOT gone\n"
                        "    ON CONFLICT (key_text) DO UPDATE SET row_hash = EXCLUDED.row_hash;\n"
                        "  DELETE FROM %4 p USING oas_changed c WHERE c.gone AND p.key_text = c.key_text;\n"
                        "  INSERT INTO %1 (%6) SELECT %7 FROM oas_changed WHERE gone;\n"
                        "  DROP TABLE oas_changed;\n"
                        "  END IF;\n"
                        "  oas_new_text := NULL;\n")
                        .arg(deleted, keyText(t.keys, false), t.source, snapshot, q, t.keys.join(QStringLiteral(", ")), keyValues.join(QStringLiteral(", ")));
        }
        body += QStringLiteral(
                    "  DELETE FROM %1 WHERE table_name = %2;\n"
                    "  INSERT INTO %1 (table_name, refreshed_at, high_water) VALUES (%2, oas_now, oas_new_text);\n")
                    .arg(n.state(), literal(t.name));
    }
    QStringList out;
    if (!n.schema.isEmpty())
        out << QueueStatements::createSchema(n.schema);
    out << QStringLiteral("CREATE OR REPLACE PROCEDURE %1(since text DEFAULT NULL)\nLANGUAGE plpgsql\nSET search_path FROM CURRENT\nSET client_min_messages = warning\n"
                          "AS $oas_refresh$\n#variable_conflict use_column\nDECLARE\n%2BEGIN\n%3END\n$oas_refresh$")
               .arg(proc, declare, body);
    return out;
}

}  // namespace oas::sql
