// The manual's own examples parse and produce the manual's SQL text byte for byte.
#include "common/TestSupport.h"
#include "sql/StatementBuilder.h"

#include <QTest>

using namespace oas;
using namespace oas::config;

static ParseResult parseManual(const char *name)
{
    return parseConfigFile(QStringLiteral(OAS_TEST_DATA_DIR "/manual/") + QLatin1String(name));
}

class TestManualExamples : public QObject {
    Q_OBJECT
private slots:
    void employeesSqlByteForByte();
    void procedureDeclarations();
    void returningClassification();
    void expressionAttribute();
    void selfJoinAndSubstitution();
    void qualifierExample();
    void selectByExampleWithExtraParenthesis();
};

void TestManualExamples::employeesSqlByteForByte()
{
    const ParseResult r = parseManual("employees.ini");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    QCOMPARE(sql::describeStatements(r.config),
             QString::fromUtf8(test::readAll(QStringLiteral(OAS_TEST_DATA_DIR "/manual/employees.sql.expected"))));
    const sql::ImportStatements st = sql::buildImportStatements(r.config);
    QCOMPARE(st.whereParams, (QStringList{"GN", "SN"}));
    QCOMPARE(st.updateParams.size(), 14);
    QCOMPARE(st.updateParams.first(), QStringLiteral("T"));
    QCOMPARE(st.updateParams.last(), QStringLiteral("SN"));
    QCOMPARE(st.insertParams.size(), 14);
}

void TestManualExamples::procedureDeclarations()
{
    const ParseResult r = parseManual("procedures.ini");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    const ProceduresSection &p = r.config.procedures;
    QCOMPARE(p.declarations.size(), 2);
    QCOMPARE(p.active()->id, QStringLiteral("FullSP"));

    const ProcedureDecl &full = p.declarations.at(0);
    QCOMPARE(full.returnTag, QStringLiteral("res"));
    QCOMPARE(full.procedureName, QStringLiteral("SP_BENUTZERROLLE"));
    QCOMPARE(full.params.size(), 3);
    QCOMPARE(full.params.at(0).tag, QStringLiteral("op"));
    QCOMPARE(full.params.at(0).preset->kind, Preset::Kind::Number);
    QCOMPARE(full.params.at(0).preset->text, QStringLiteral("2"));
    QVERIFY(!full.params.at(1).preset);
    QCOMPARE(full.returning.size(), 4);
    QCOMPARE(full.returning.at(0).outcome, ReturnOutcome::Ok);
    QCOMPARE(full.returning.at(1).outcome, ReturnOutcome::Failure);
    QCOMPARE(full.returning.at(1).message, QStringLiteral("make it a good error!"));
    QCOMPARE(full.returning.at(2).outcome, ReturnOutcome::Failure);
    QCOMPARE(full.returning.at(2).message, QStringLiteral("quite extraordinary"));
    QCOMPARE(full.returning.at(3).outcome, ReturnOutcome::Failure);  // "!amazing": the ! inside the quotes
    QCOMPARE(full.returning.at(3).message, QStringLiteral("amazing"));

    const ProcedureDecl &delta = p.declarations.at(1);
    QCOMPARE(delta.returnTag, QStringLiteral("result"));
    QCOMPARE(delta.params.at(1).tag, QStringLiteral("addend"));
    QCOMPARE(delta.params.at(1).preset->text, QStringLiteral("5"));
    QCOMPARE(delta.returning.at(0).ranges, (QList<QPair<qint64, qint64>>{{0, 0}, {1, 6}}));
    QCOMPARE(delta.returning.at(1).outcome, ReturnOutcome::Warning);
    QCOMPARE(delta.returning.at(1).message, QStringLiteral("Too many for comfort"));
    QCOMPARE(delta.returning.at(2).outcome, ReturnOutcome::Failure);
    QCOMPARE(delta.returning.at(2).message, QStringLiteral("far too many altogether"));

    QCOMPARE(sql::buildProcedureCall(full).call, QStringLiteral("{? = CALL SP_BENUTZERROLLE(?, ?, ?)}"));
    QCOMPARE(sql::buildProcedureCall(full).params, (QStringList{"res", "op", "rname", "mitarb"}));

    const ParseResult out = test::parse("[version]\nVersion=1.04\n[database]\nDSN=x\n[procedures]\nProcedure=P\n"
                                        "P=call hr.set_role(a, RETURN rc, b = \"x y\") returning (0)");
    QVERIFY2(out.ok(), qPrintable(test::diagnosticsText(out)));
    QCOMPARE(out.config.procedures.active()->returnParam()->tag, QStringLiteral("rc"));
    QCOMPARE(out.config.procedures.active()->params.at(2).preset->text, QStringLiteral("x y"));
    QCOMPARE(sql::buildProcedureCall(*out.config.procedures.active()).call, QStringLiteral("{CALL hr.set_role(?, ?, ?)}"));
}

void TestManualExamples::returningClassification()
{
    const ParseResult r = parseManual("procedures.ini");
    const ProcedureDecl &full = r.config.procedures.declarations.at(0);
    QCOMPARE(full.classify(0).outcome, ReturnOutcome::Ok);
    QCOMPARE(full.classify(9999).outcome, ReturnOutcome::Ok);
    QCOMPARE(full.classify(-1).outcome, ReturnOutcome::Failure);
    QCOMPARE(full.classify(-3).message, QStringLiteral("amazing"));
    QCOMPARE(full.classify(10000).outcome, ReturnOutcome::Failure);  // out of range
    QCOMPARE(full.classify(10000).message, QStringLiteral("return value 10000 out of range"));
    const ProcedureDecl &delta = r.config.procedures.declarations.at(1);
    QCOMPARE(delta.classify(8).outcome, ReturnOutcome::Warning);
    QCOMPARE(delta.classify(500).outcome, ReturnOutcome::Failure);
}

void TestManualExamples::expressionAttribute()
{
    const ParseResult r = parseManual("orders.ini");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    QVERIFY(r.config.attributes.find(QStringLiteral("MaxPrice"))->column.isExpression);
    QCOMPARE(sql::buildExportSelect(r.config).select,
             QStringLiteral("SELECT Orders.OrderID, (SELECT MAX(OrdDet.UnitPrice) FROM Northwind.dbo.[Order Details] AS "
                            "OrdDet WHERE Orders.OrderID = OrdDet.OrderID), Orders.OrderDate FROM Orders WHERE "
                            "Orders.OrderDate >= '1998-01-01' ;"));
}

void TestManualExamples::selfJoinAndSubstitution()
{
    const ParseResult r = parseManual("selfjoin.ini");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    // Abbreviations in Where are replaced as whole words, never inside quotes; the manual's From ends with a
    // ';' that would break the statement once a WHERE follows, so a trailing ';' is dropped.
    QCOMPARE(sql::buildExportSelect(r.config).select,
             QStringLiteral("SELECT Employees.FirstName, Employees.LastName, Employees_1.Title, Employees_1.LastName "
                            "FROM Employees INNER JOIN Employees AS Employees_1 ON Employees.ReportsTo = "
                            "Employees_1.EmployeeID WHERE Employees.LastName LIKE 'D%' AND Employees_1.Title <> 'SN' ;"));
}

void TestManualExamples::qualifierExample()
{
    const ParseResult r = test::parse("[attributes]\nSN(text[1-64])#=Employees.LastName\n[database]\nDSN=x\n");
    QVERIFY(r.ok());
    const AttributeDef &sn = r.config.attributes.attributes.first();
    QCOMPARE(sn.qualifier.minimum, 1);
    QCOMPARE(sn.qualifier.maximum, 64);
    QVERIFY(sn.qualifier.failIfTooBig);
}

void TestManualExamples::selectByExampleWithExtraParenthesis()
{
    // The manual's "A&!(B|C|!(D&E&(!F))))" has one closing parenthesis too many.
    const ParseResult r = test::parse(
        "[attributes]\nA=t.a\nB=t.b\nC=t.c\nD=t.d\nE=t.e\nF=t.f\nG=t.g\n[database]\nDSN=x\n"
        "[import]\nTable=t\nSelectBy=A&!(B|C|!(D&E&(!F))))\nModify=G\n");
    QCOMPARE(test::diagnosticsText(r), QStringLiteral("unmatched closing parenthesis at line 13\n"
                                                      "SelectBy=A&!(B|C|!(D&E&(!F)))??)"));
    const ParseResult fixed = test::parse(
        "[attributes]\nA=t.a\nB=t.b\nC=t.c\nD=t.d\nE=t.e\nF=t.f\nG=t.g\n[database]\nDSN=x\n"
        "[import]\nTable=t\nSelectBy=A&!(B|C|!(D&E&(!F)))\nModify=G\n");
    QVERIFY2(fixed.ok(), qPrintable(test::diagnosticsText(fixed)));
    QCOMPARE(sql::buildImportStatements(fixed.config).remove,
             QStringLiteral("DELETE FROM t WHERE (t.a=?) AND NOT ((t.b=?) OR (t.c=?) OR NOT ((t.d=?) AND (t.e=?) AND "
                            "(NOT (t.f=?))))"));
}

QTEST_GUILESS_MAIN(TestManualExamples)
#include "tst_manual_examples.moc"
