// Statement builders beyond the manual's example: dialects, joins, sequences, substitution rules,
// duplicate column mappings, and the parameter order of every '?'.
#include "common/TestSupport.h"
#include "sql/StatementBuilder.h"
#include "sql/Substitution.h"

#include <QTest>

using namespace oas;
using namespace oas::config;

class TestStatements : public QObject {
    Q_OBJECT
private slots:
    void dialectsForUpdateAndSequences();
    void joinImport();
    void joinImportPerTable();
    void subsetsAndRelationships();
    void keysAndSaveAttrAreExported();
    void substitutionRules_data();
    void substitutionRules();
    void duplicateColumnMappings();
    void parameterOrderFollowsPredicate();
    void builderSurvivesBrokenConfig();
};

static ParseResult employees(const QString &extra)
{
    return test::parse(test::baseConfig() + extra);
}

void TestStatements::dialectsForUpdateAndSequences()
{
    const ParseResult r = employees("[import]\nTable=Employees\nSelectBy=EID\nModify=GN, SN\nAutos=EID(emp_seq)\n");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    const auto generic = sql::buildImportStatements(r.config);
    QCOMPARE(generic.update, QStringLiteral("UPDATE Employees SET Employees.FirstName=?, Employees.LastName=? WHERE "
                                            "(Employees.EmployeeID=?)"));
    QCOMPARE(generic.insert, QStringLiteral("INSERT INTO Employees (FirstName, LastName, Title, EmployeeID) VALUES "
                                            "(?, ?, ?, emp_seq.NEXTVAL)"));
    QCOMPARE(generic.insertParams, (QStringList{"GN", "SN", "T"}));
    const auto pg = sql::buildImportStatements(r.config, sql::SqlDialect::postgresql());
    QCOMPARE(pg.update, QStringLiteral("UPDATE Employees SET FirstName=?, LastName=? WHERE (Employees.EmployeeID=?)"));
    QCOMPARE(pg.insert, QStringLiteral("INSERT INTO Employees (FirstName, LastName, Title, EmployeeID) VALUES "
                                       "(?, ?, ?, nextval('emp_seq'))"));
    const auto lite = sql::buildImportStatements(r.config, sql::SqlDialect::sqlite());
    QVERIFY(lite.insert.endsWith(QStringLiteral("(?, ?, ?, NULL)")));
    QVERIFY(sql::SqlDialect::byName("PostgreSQL"));
    QVERIFY(!sql::SqlDialect::byName("db2"));

    // MariaDB: sequences by NEXT VALUE FOR, a join updated as written with qualified columns; several
    // records' UPDATE as a join with a derived table, text parameters cast inside it.
    const auto maria = sql::buildImportStatements(r.config, sql::SqlDialect::mariadb());
    QVERIFY(maria.insert.endsWith(QStringLiteral("(?, ?, ?, NEXT VALUE FOR emp_seq)")));
    QCOMPARE(maria.update, generic.update);
    QCOMPARE(sql::SqlDialect::byName("MySQL")->kind, sql::SqlDialect::Kind::MariaDb);
    QCOMPARE(sql::SqlDialect::names(), (QStringList{"generic", "postgresql", "sqlite", "oracle", "mariadb"}));
    QCOMPARE(sql::buildUpdateRows(r.config, sql::SqlDialect::mariadb(), {"GN", "SN"}, 2,
                                  {{"GN", "CHAR CHARACTER SET utf8mb4"}}),
             QStringLiteral("UPDATE Employees JOIN (SELECT CAST(? AS CHAR CHARACTER SET utf8mb4) AS column1, ? AS column2, "
                            "? AS column3 UNION ALL SELECT CAST(? AS CHAR CHARACTER SET utf8mb4), ?, ?) AS v ON "
                            "Employees.EmployeeID=v.column3 SET Employees.FirstName=v.column1, Employees.LastName=v.column2"));
    QCOMPARE(sql::buildUpdateRows(r.config, sql::SqlDialect::postgresql(), {"GN"}, 2, {{"GN", "varchar"}}),
             QStringLiteral("UPDATE Employees SET FirstName=CAST(v.column1 AS varchar) FROM (VALUES (?, ?), (?, ?)) AS v "
                            "WHERE Employees.EmployeeID=v.column2"));
}

void TestStatements::joinImport()
{
    const ParseResult r = test::parse(
        "[attributes]\nPID=Products.ProductID\nPN=Products.ProductName\nSUP=Suppliers.CompanyName\n"
        "CAT=Categories.CategoryName\nPRICE=UnitPrice\n[database]\nDSN=x\n"
        "[import]\nTable=Products INNER JOIN Suppliers ON Suppliers.SupplierID = Products.SupplierID\n"
        "SelectBy=PID\nModify=PN, SUP, PRICE\n");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    const auto st = sql::buildImportStatements(r.config);
    // Inserts and deletes hit the primary table only, with its own columns.
    QCOMPARE(st.insert, QStringLiteral("INSERT INTO Products (ProductID, ProductName, UnitPrice) VALUES (?, ?, ?)"));
    QCOMPARE(st.remove, QStringLiteral("DELETE FROM Products WHERE (Products.ProductID=?)"));
    QVERIFY(st.update.startsWith(QStringLiteral("UPDATE Products INNER JOIN Suppliers ON")));
    QVERIFY(st.dummySelect.contains(QStringLiteral("Suppliers.CompanyName")));

    const ParseResult wrong = test::parse(
        "[attributes]\nPID=Products.ProductID\nSUP=Suppliers.CompanyName\n[database]\nDSN=x\n"
        "[import]\nTable=Products INNER JOIN Suppliers ON Suppliers.SupplierID = Products.SupplierID\n"
        "SelectBy=SUP\nModify=PID\n");
    QCOMPARE(test::diagnosticsText(wrong), QStringLiteral("naming attribute SUP is not a column of the primary table "
                                                          "Products at line 8\nSelectBy=??SUP"));
}

void TestStatements::joinImportPerTable()
{
    // PostgreSQL and SQLite cannot UPDATE a join: one UPDATE per table, its rows chosen through the join.
    const ParseResult r = test::parse(
        "[attributes]\nPID=Products.ProductID\nPN=Products.ProductName\nSUP=Suppliers.CompanyName\nPRICE=UnitPrice\n"
        "[database]\nDSN=x\n[import]\nTable=Products INNER JOIN Suppliers ON Suppliers.SupplierID = Products.SupplierID\n"
        "SelectBy=PID\nModify=PN, SUP, PRICE\n");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    const QList<sql::UpdatePart> pg = sql::buildUpdate(r.config, sql::SqlDialect::postgresql(), {"PN", "SUP", "PRICE"});
    QCOMPARE(pg.size(), 2);
    QCOMPARE(pg[0].sql, QStringLiteral("UPDATE Products SET ProductName=?, UnitPrice=? WHERE ctid IN (SELECT Products.ctid "
                                       "FROM Products INNER JOIN Suppliers ON Suppliers.SupplierID = Products.SupplierID "
                                       "WHERE (Products.ProductID=?))"));
    QCOMPARE(pg[0].params, (QStringList{"PN", "PRICE", "PID"}));
    QVERIFY(pg[1].sql.startsWith("UPDATE Suppliers SET CompanyName=? WHERE ctid IN (SELECT Suppliers.ctid FROM"));
    QCOMPARE(pg[1].params, (QStringList{"SUP", "PID"}));
    const QList<sql::UpdatePart> lite = sql::buildUpdate(r.config, sql::SqlDialect::sqlite(), {"SUP"});
    QCOMPARE(lite.size(), 1);
    QVERIFY(lite[0].sql.startsWith("UPDATE Suppliers SET CompanyName=? WHERE rowid IN (SELECT Suppliers.rowid FROM"));
    // The generic form is the manual's: the join itself after UPDATE, as Access takes it.
    QCOMPARE(sql::buildUpdate(r.config, sql::SqlDialect::generic(), {"SUP"}).size(), 1);
}

void TestStatements::subsetsAndRelationships()
{
    const ParseResult r = employees("[import]\nTable=Employees\nSelectBy=GN & SN\nModify=T, EID\nAutos=EID(emp_seq)\n"
                                    "Relationships=T=>EID\n");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    const auto pg = sql::SqlDialect::postgresql();
    // Only the attributes a record supplies; sequence columns always, without a parameter.
    QStringList params;
    QCOMPARE(sql::buildInsert(r.config, pg, {"GN", "SN"}, &params),
             QStringLiteral("INSERT INTO Employees (FirstName, LastName, EmployeeID) VALUES (?, ?, nextval('emp_seq'))"));
    QCOMPARE(params, (QStringList{"GN", "SN"}));
    QCOMPARE(sql::insertableAttributes(r.config), (QStringList{"GN", "SN", "T", "EID"}));
    const QList<sql::UpdatePart> u = sql::buildUpdate(r.config, pg, {"T"});
    QCOMPARE(u.size(), 1);
    QCOMPARE(u[0].sql, QStringLiteral("UPDATE Employees SET Title=? WHERE (Employees.FirstName=?) AND (Employees.LastName=?)"));
    QCOMPARE(u[0].params, (QStringList{"T", "GN", "SN"}));
    const auto rel = sql::buildRelationshipStatements(r.config, pg);
    QCOMPARE(rel.size(), 1);
    QCOMPARE(rel[0].referencedSelect, QStringLiteral("SELECT Employees.EmployeeID FROM Employees WHERE "
                                                     "(Employees.FirstName=?) AND (Employees.LastName=?)"));
    QCOMPARE(rel[0].nullify, QStringLiteral("UPDATE Employees SET Title=NULL WHERE Employees.Title=?"));
}

void TestStatements::keysAndSaveAttrAreExported()
{
    const ParseResult r = employees("[export]\nSelect=GN\nKeys=EID\nSaveAttr=SN\nFrom=Employees\nWhere=T = 'Dr.';\n");
    QVERIFY(r.ok());
    const auto st = sql::buildExportSelect(r.config);
    QCOMPARE(st.select, QStringLiteral("SELECT Employees.FirstName, Employees.EmployeeID, Employees.LastName FROM "
                                       "Employees WHERE Employees.Title = 'Dr.' ;"));
    QCOMPARE(st.abbreviations, (QStringList{"GN", "EID", "SN"}));
    // Exports that write a reference file ask for key order (the engine still checks it itself).
    QCOMPARE(sql::buildExportSelect(r.config, sql::SqlDialect::generic(), sql::ExportOrder::ByKeys).select,
             QStringLiteral("SELECT Employees.FirstName, Employees.EmployeeID, Employees.LastName FROM Employees WHERE "
                            "Employees.Title = 'Dr.' ORDER BY Employees.EmployeeID ;"));
    QCOMPARE(sql::defaultExportOrder(r.config), sql::ExportOrder::AsStored);  // Mode=full
    const ParseResult delta = employees("[export]\nMode=delta\nSelect=GN\nKeys=EID, SN\nFrom=Employees\n");
    QCOMPARE(sql::defaultExportOrder(delta.config), sql::ExportOrder::ByKeys);
    QVERIFY(sql::describeStatements(delta.config).contains(" ORDER BY Employees.EmployeeID, Employees.LastName ;\n"));
}

void TestStatements::substitutionRules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("whole words") << "GN = 'x' AND GNX = 1" << "Employees.FirstName = 'x' AND GNX = 1";
    QTest::newRow("case-insensitive") << "gn IS NULL" << "Employees.FirstName IS NULL";
    QTest::newRow("not in quotes") << "GN = 'GN' AND \"GN\" = [GN]" << "Employees.FirstName = 'GN' AND \"GN\" = [GN]";
    QTest::newRow("not next to a dot") << "HR.GN = GN.x" << "HR.GN = GN.x";
    QTest::newRow("longer name wins") << "SN_LONG + SN" << "Employees.Extra + Employees.LastName";
    QTest::newRow("hyphenated name") << "org-unit = 1" << "Employees.OrgUnit = 1";
    QTest::newRow("no recursion") << "ALIAS" << "GN";
    QTest::newRow("unclosed quote kept") << "GN = 'abc" << "Employees.FirstName = 'abc";
    // A correlation name spelled like an abbreviation is never replaced (it once became "AS Boss.LastName").
    QTest::newRow("correlation after AS") << "Employees LEFT OUTER JOIN Employees AS gn ON Employees.ReportsTo = gn.EmployeeID"
                                          << "Employees LEFT OUTER JOIN Employees AS gn ON Employees.ReportsTo = gn.EmployeeID";
    QTest::newRow("implicit correlation") << "Employees JOIN Orders sn ON sn.EmployeeID = Employees.EmployeeID WHERE SN = 1"
                                          << "Employees JOIN Orders sn ON sn.EmployeeID = Employees.EmployeeID WHERE Employees.LastName = 1";
    QTest::newRow("after a comma") << "FROM Orders o, [Order Details] GN" << "FROM Orders o, [Order Details] GN";
    QTest::newRow("backticks are quotes") << "`GN` = GN" << "`GN` = Employees.FirstName";
}

void TestStatements::substitutionRules()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const ParseResult r = test::parse("[attributes]\nGN=Employees.FirstName\nSN=Employees.LastName\n"
                                      "SN_LONG=Employees.Extra\norg-unit=Employees.OrgUnit\nALIAS=GN\n[database]\nDSN=x\n");
    QVERIFY(r.ok());
    QCOMPARE(sql::substituteAbbreviations(text, r.config.attributes), expected);
}

void TestStatements::duplicateColumnMappings()
{
    // A column mapped by two abbreviations is inserted once, by the first.
    const ParseResult r = test::parse("[attributes]\nGN=Employees.FirstName\nFirst=Employees.FirstName\n"
                                      "SN=Employees.LastName\n[database]\nDSN=x\n"
                                      "[import]\nTable=Employees\nSelectBy=SN\nModify=First\n");
    QVERIFY(r.ok());
    const auto st = sql::buildImportStatements(r.config);
    QCOMPARE(st.insert, QStringLiteral("INSERT INTO Employees (FirstName, LastName) VALUES (?, ?)"));
    QCOMPARE(st.insertParams, (QStringList{"GN", "SN"}));
}

void TestStatements::parameterOrderFollowsPredicate()
{
    const ParseResult r = employees("[import]\nTable=Employees\nSelectBy=SN & (GN | !SN)\nModify=T\n");
    QVERIFY(r.ok());
    const auto st = sql::buildImportStatements(r.config);
    QCOMPARE(st.whereParams, (QStringList{"SN", "GN", "SN"}));
    QCOMPARE(st.updateParams, (QStringList{"T", "SN", "GN", "SN"}));
    QCOMPARE(st.select, QStringLiteral("SELECT Employees.LastName, Employees.FirstName, Employees.Title FROM Employees "
                                       "WHERE (Employees.LastName=?) AND ((Employees.FirstName=?) OR NOT "
                                       "(Employees.LastName=?))"));
    QCOMPARE(st.select.count('?'), st.whereParams.size());
    QCOMPARE(st.update.count('?'), st.updateParams.size());
    QCOMPARE(st.insert.count('?'), st.insertParams.size());
}

void TestStatements::builderSurvivesBrokenConfig()
{
    const ParseResult r = employees("[import]\nTable=Employees\nSelectBy=GN & NOPE\nModify=T, ALSO_NOPE\n"
                                    "[export]\nSelect=NOPE\nFrom=E\n");
    QVERIFY(!r.ok());
    const auto st = sql::buildImportStatements(r.config);
    QVERIFY(!st.update.contains(QStringLiteral("ALSO_NOPE")));
    QCOMPARE(sql::buildExportSelect(r.config).abbreviations.size(), 0);
}

QTEST_GUILESS_MAIN(TestStatements)
#include "tst_statements.moc"
