#pragma once
// The one source of SQL text: builds the export SELECT and the import statements from a parsed config, in
// the exact forms of the manual's SQL trace. The agents, their trace and the Studio's preview all call
// these functions, so a preview can never disagree with what runs. Expects a config without errors; with
// errors it still returns text (unknown abbreviations are left out) and never crashes.
#include "../config/AgentConfig.h"
#include "SqlDialect.h"

#include <QHash>

namespace oas::sql {

struct ExportStatement {
    QString select;             // "SELECT a, b FROM t WHERE w ;"
    QStringList abbreviations;  // one per selected column: Select, then Keys and SaveAttr not in Select
};

// One UPDATE of an import: all Modify columns of a single table, or, for a JOIN where the database cannot
// update a join, the columns of one of its tables.
struct UpdatePart {
    QString sql;
    QStringList params;  // abbreviation per '?': the SET values, then the WHERE parameters
};

// A relationship followed before a delete (Relationships, AlwaysFollowReferences): read the referenced
// value of the row about to be deleted, then set the references to it to NULL.
struct RelationshipStatements {
    QString referencedSelect;  // SELECT Clients.Id FROM Clients WHERE <SelectBy>
    QString nullify;           // UPDATE Websites SET Owner=NULL WHERE Websites.Owner=?
    QString referencing;       // abbreviations, for messages
    QString referenced;
};

struct ImportStatements {
    QString dummySelect;  // columns of every importable attribute, never executed
    QString select;       // naming and Modify columns WHERE SelectBy
    QString update;
    QString insert;
    QString remove;       // DELETE
    QStringList importAbbreviations;  // dummy SELECT columns
    QStringList selectAbbreviations;  // SELECT columns
    QStringList whereParams;   // abbreviation per '?' of the WHERE predicate
    QStringList updateParams;  // Modify, then the WHERE parameters
    QStringList insertParams;  // abbreviation per '?' of INSERT (sequence columns take no parameter)
};

struct ProcedureStatement {
    QString call;         // "{? = CALL name(?, ?)}" or "{CALL name(?, ?)}"
    QString nativeCall;   // "CALL name(?, ?)": the SQL statement, for drivers that take procedures only so
    QString selectCall;   // "SELECT name(?, ?)": a function as MariaDB runs it (its value is the one row's);
                          // its '?' are params without the return tag
    QStringList params;   // tag per '?', the return tag first for a function
};

// ByKeys adds ORDER BY the Keys columns: used when the export writes a reference file, so that rows usually
// arrive in the order the delta merge needs (the engine checks the order itself and never relies on it).
enum class ExportOrder { AsStored, ByKeys };
// The order an export with this configuration uses when run without -r: ByKeys unless Mode=full.
ExportOrder defaultExportOrder(const config::AgentConfig &config);

// part: a predicate ANDed to the Where field, to read one part of the table (parallel export).
ExportStatement buildExportSelect(const config::AgentConfig &config, const SqlDialect &dialect = SqlDialect::generic(),
                                  ExportOrder order = ExportOrder::AsStored, const QString &part = {});
ImportStatements buildImportStatements(const config::AgentConfig &config,
                                       const SqlDialect &dialect = SqlDialect::generic());
ProcedureStatement buildProcedureCall(const config::ProcedureDecl &procedure);

// The UPDATE for a subset of the Modify attributes (those a record supplies or that differ), in Modify
// order. One part for a single table or where the dialect updates a join as written; one per table
// otherwise.
QList<UpdatePart> buildUpdate(const config::AgentConfig &config, const SqlDialect &dialect, const QStringList &modify);
// The INSERT for a subset of the primary table's attributes (those a record supplies): sequence columns
// (Autos) are always included and take no parameter. params receives the abbreviation per '?'.
QString buildInsert(const config::AgentConfig &config, const SqlDialect &dialect, const QStringList &attributes,
                    QStringList *params);
// The primary table's importable attributes in INSERT order.
QStringList insertableAttributes(const config::AgentConfig &config);
// Statements that write `rows` records at once, each record's parameters in the order of the single
// statement (buildInsert, buildUpdate for one table, the DELETE): a multi-row INSERT; an UPDATE from a
// VALUES list matched on the SelectBy columns (a conjunction of attributes; PostgreSQL and SQLite name the
// VALUES columns column1, column2, ...); a DELETE with the SelectBy predicate repeated and joined by OR.
QString buildInsertRows(const config::AgentConfig &config, const SqlDialect &dialect, const QStringList &attributes,
                        int rows);
// casts: the type each attribute's VALUES column is cast to (PostgreSQL infers text for untyped
// parameters); attributes without one are not cast. MariaDB has no UPDATE ... FROM: there the rows are a
// derived table of SELECTs joined to the table, and the casts apply to the parameters inside it (a string
// parameter would make a CHAR column of the derived table, which drops trailing blanks).
QString buildUpdateRows(const config::AgentConfig &config, const SqlDialect &dialect, const QStringList &modify, int rows,
                        const QHash<QString, QString> &casts = {});
QString buildDeleteRows(const config::AgentConfig &config, int rows);
// The SELECT of the import for `count` records at once: the SelectBy predicate repeated, joined by OR, with
// the WHERE parameters repeated in that order.
QString buildLocateMany(const config::AgentConfig &config, int count);
// The import's SELECT (its columns, from its table) with another WHERE condition.
QString buildLocateWhere(const config::AgentConfig &config, const QString &where);
QList<RelationshipStatements> buildRelationshipStatements(const config::AgentConfig &config, const SqlDialect &dialect);

// "(A.x=?) AND NOT ((A.y=?) OR (A.z=?))" from a SelectBy tree.
QString renderPredicate(const SelectByNode &node, const config::AttributesSection &attributes);

// The statements as the SQL trace level shows them ("SELECT statement\n<sql>\n" ...), for `odbc-agent sql`.
QString describeStatements(const config::AgentConfig &config, const SqlDialect &dialect = SqlDialect::generic());

}  // namespace oas::sql
