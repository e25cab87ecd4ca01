// MariaDB's form of the queue procedure (QueueProcedure.h). MariaDB commits at every CREATE TABLE, so the
// tables are made first and the refresh itself is one transaction after them: a call that fails or whose
// session is killed rolls back to the previous queue. Its procedures take no default arguments: NAME() calls
// NAME_since(NULL). A stored procedure reads unqualified tables in its own database, so the sources come
// qualified (QueueInstall does that). Local variables win over columns in MariaDB: all are prefixed oas_.
// The current keys are kept as bytes (VARBINARY): keys that differ only in case are never taken for one
// another when gone keys are looked for (DECISIONS.md 6).
#include "QueueProcedure.h"
#include "QueueProcedureParts.h"

namespace oas::sql {

using namespace procedure;

namespace {

QString quotedColumns(const QStringList &columns, const QString &prefix = {})
{
    QStringList out;
    for (const QString &c : columns)
        out.append(prefix + QLatin1Char('`') + QString(c).replace(QLatin1Char('`'), QStringLiteral("``")) + QLatin1Char('`'));
    return out.join(QStringLiteral(", "));
}

QString timestampTable(const QueueNames &n, const ProcedureTable &t)
{
    const QString q = n.table(t.name);
    const QString ties = n.ties(t.name);
    return QStringLiteral(
               "  SET oas_mark = (SELECT high_water FROM %1 WHERE table_name = %2);\n"
               "  DELETE FROM %3;\n"
               "  IF oas_start IS NOT NULL THEN\n"
               "    %4;\n"
               "  ELSEIF oas_mark IS NULL THEN\n"
               "    %5;\n"
               "  ELSE\n"
               "    %6;\n"
               "    %7;\n"
               "  END IF;\n"
               "  SET oas_high = (%8);\n"
               "  IF oas_high IS NOT NULL THEN\n"
               "    IF oas_start IS NOT NULL OR oas_mark IS NULL OR EXISTS (SELECT 1 FROM %3 WHERE %9 > oas_mark) THEN\n"
               "      %10;\n"
               "    END IF;\n"
               "    %11;\n"
               "  ELSE\n"
               "    SET oas_high = oas_mark;\n"
               "  END IF;\n")
        .arg(n.state(), literal(t.name), q, QueueStatements::copyChangedSince(q, t.source, t.changed, QStringLiteral("oas_start")),
             QueueStatements::copyChangedSince(q, t.source, t.changed, QStringLiteral("NOW(6) - INTERVAL 24 HOUR")),
             QueueStatements::copyChangedAfter(q, t.source, t.changed, QStringLiteral("oas_mark")),
             QueueStatements::copyUntiedAt(q, t.source, t.changed, ties, t.keys, QStringLiteral("oas_mark")),
             QueueStatements::maxChanged(q, t.changed), t.changed)
        .arg(QueueStatements::clear(ties), QueueStatements::addTies(ties, q, t.changed, t.keys, QStringLiteral("oas_high")));
}

QString snapshotTable(const QueueNames &n, const ProcedureTable &t)
{
    QStringList rowText;
    for (const QString &c : t.columns)
        rowText.append(QStringLiteral("QUOTE(%1)").arg(quotedColumns({c}, QStringLiteral("s."))));
    QStringList keyValues;
    for (qsizetype k = 0; k < t.keys.size(); ++k)
        keyValues.append(QStringLiteral("NULLIF(SUBSTRING_INDEX(SUBSTRING_INDEX(p.key_text, CHAR(9), %1), CHAR(9), -1), '')").arg(k + 1));
    const QString snapshot = n.snapshot(t.name);
    return QStringLiteral(
               "  DELETE FROM %1;\n"
               "  DELETE FROM %2;\n"
               // The first refresh (no snapshot yet) freezes every row, as the CLI's does.
               "  IF NOT EXISTS (SELECT 1 FROM %6) THEN\n"
               "    INSERT INTO %1 SELECT * FROM %4;\n"
               "    INSERT INTO %6 (key_text, row_hash) SELECT %3, CONCAT('m:', MD5(CONCAT_WS(CHAR(31), %5))) FROM %4 s;\n"
               "  ELSE\n"
               "  DROP TEMPORARY TABLE IF EXISTS oas_keys;\n"
               "  CREATE TEMPORARY TABLE oas_keys (key_text VARBINARY(1600) NOT NULL PRIMARY KEY);\n"
               "  INSERT IGNORE INTO oas_keys SELECT %3 FROM %4 s;\n"
               "  DROP TEMPORARY TABLE IF EXISTS oas_changed;\n"
               "  CREATE TEMPORARY TABLE oas_changed AS\n"
               "    SELECT c.* FROM (SELECT %3 AS oas_key_text, CONCAT('m:', MD5(CONCAT_WS(CHAR(31), %5))) AS oas_row_hash, s.* FROM %4 s) c\n"
               "    LEFT JOIN %6 p ON p.key_text = c.oas_key_text WHERE p.row_hash IS NULL OR p.row_hash <> c.oas_row_hash;\n"
               "  INSERT INTO %1 SELECT %7 FROM oas_changed;\n"
               "  INSERT INTO %6 (key_text, row_hash) SELECT oas_key_text, oas_row_hash FROM oas_changed\n"
               "    ON DUPLICATE KEY UPDATE row_hash = VALUES(row_hash);\n"
               "  INSERT INTO %2 (%8) SELECT %9 FROM %6 p LEFT JOIN oas_keys k ON k.key_text = p.key_text WHERE k.key_text IS NULL;\n"
               "  DELETE p FROM %6 p LEFT JOIN oas_keys k ON k.key_text = p.key_text WHERE k.key_text IS NULL;\n"
               "  DROP TEMPORARY TABLE oas_changed;\n"
               "  DROP TEMPORARY TABLE oas_keys;\n"
               "  END IF;\n"
               "  SET oas_high = NULL;\n")
        .arg(n.table(t.name), n.deleted(t.name), keyText(t.keys, true), t.source, rowText.join(QStringLiteral(", ")), snapshot,
             quotedColumns(t.columns), t.keys.join(QStringLiteral(", ")), keyValues.join(QStringLiteral(", ")));
}

}  // namespace

QStringList QueueProcedure::mariadb(const QueueNames &n, const QList<ProcedureTable> &tables, const QString &lockName)
{
    const QString proc = name(n);
    const QString lock = literal(lockName);
    QString body = QStringLiteral(
                       "  DECLARE oas_start DATETIME(6) DEFAULT NULL;\n"
                       "  DECLARE oas_now VARCHAR(40) DEFAULT DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%dT%H:%i:%sZ');\n"
                       "  DECLARE oas_mark VARCHAR(64) DEFAULT NULL;\n"
                       "  DECLARE oas_high VARCHAR(64) DEFAULT NULL;\n"
                       "  DECLARE EXIT HANDLER FOR SQLEXCEPTION\n"
                       "  BEGIN\n"
                       "    ROLLBACK;\n"
                       "    DO RELEASE_LOCK(%1);\n"
                       "    RESIGNAL;\n"
                       "  END;\n"
                       "  IF IFNULL(GET_LOCK(%1, 0), 0) = 0 THEN\n"
                       "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '%2 is already running in another session; call it again once that call has ended';\n"
                       "  END IF;\n"
                       "  IF oas_since IS NOT NULL THEN\n"
                       "    SET oas_since = TRIM(oas_since);\n"
                       "    IF oas_since REGEXP '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$' THEN SET oas_start = STR_TO_DATE(oas_since, '%Y-%m-%d');\n"
                       "    ELSEIF oas_since REGEXP '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$' THEN SET oas_start = STR_TO_DATE(oas_since, '%m/%d/%Y');\n"
                       "    ELSEIF oas_since REGEXP '^[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}$' THEN SET oas_start = STR_TO_DATE(oas_since, '%d.%m.%Y');\n"
                       "    END IF;\n"
                       "    IF oas_start IS NULL THEN\n"
                       "      SIGNAL SQLSTATE '22007' SET MESSAGE_TEXT = '%2: the since argument is not a date; write it as 1/1/2017 or 2017-01-01';\n"
                       "    END IF;\n"
                       "  END IF;\n")
                       .arg(lock, proc);
    // The tables first (each CREATE commits), then the refresh in one transaction.
    body += statements({QueueStatements::createState(n)}, QStringLiteral("  "));
    for (const ProcedureTable &t : tables)
        body += statements(QueueStatements::tablesOf(n, t.name, t.source, t.keys, t.changed), QStringLiteral("  "));
    body += QStringLiteral("  START TRANSACTION;\n");
    for (const ProcedureTable &t : tables) {
        body += QStringLiteral("  -- %1\n").arg(t.name);
        body += t.changed.isEmpty() ? snapshotTable(n, t) : timestampTable(n, t);
        body += QStringLiteral(
                    "  DELETE FROM %1 WHERE table_name = %2;\n"
                    "  INSERT INTO %1 (table_name, refreshed_at, high_water) VALUES (%2, oas_now, oas_high);\n")
                    .arg(n.state(), literal(t.name));
    }
    body += QStringLiteral("  COMMIT;\n  DO RELEASE_LOCK(%1);\n").arg(lock);
    QStringList out;
    if (!n.schema.isEmpty())
        out << QueueStatements::createSchema(n.schema);
    out << drop(n, true);
    out << QStringLiteral("CREATE PROCEDURE %1(IN oas_since VARCHAR(40))\nMODIFIES SQL DATA\nBEGIN\n%2END").arg(sinceName(n), body);
    out << QStringLiteral("CREATE PROCEDURE %1()\nMODIFIES SQL DATA\nCALL %2(NULL)").arg(proc, sinceName(n));
    return out;
}

}  // namespace oas::sql
