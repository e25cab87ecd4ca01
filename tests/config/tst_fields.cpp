// Every field's valid and invalid forms: the message, its line and the excerpt with "??", as the manual
// prints them. Rows append a snippet to a 9-line base configuration, so the snippet starts at line 10.
#include "common/TestSupport.h"
#include "db/ConnectionString.h"

#include <QTest>

using namespace oas;
using namespace oas::config;

// Snippets without an export, import or procedures section rightly get a file-level "nothing to run"
// warning; it is checked in databaseValues() and left out of the tables so each row shows only its own
// field's diagnostics.
static QString rowDiagnostics(const QString &text)
{
    ParseResult result = test::parse(text);
    result.diagnostics.removeIf([](const Diagnostic &d) { return d.message.startsWith("no export, import"); });
    return test::diagnosticsText(result);
}

class TestFields : public QObject {
    Q_OBJECT
private slots:
    void diagnostics_data();
    void diagnostics();
    void exportValues();
    void importValues();
    void controlValues();
    void attributeValues();
    void databaseValues();
    void backtickNames();
    void versionGating_data();
    void versionGating();
};

void TestFields::diagnostics_data()
{
    QTest::addColumn<QString>("snippet");
    QTest::addColumn<QString>("expected");  // empty: no diagnostics at all

    const QString exp = QStringLiteral("[export]\nSelect=GN, SN\nFrom=Employees\n");  // lines 10-12
    const QString imp = QStringLiteral("[import]\nTable=Employees\nSelectBy=GN & SN\nModify=T\n");  // 10-13
    const QString ctl = QStringLiteral("[control]\n");  // line 10

    // [export]
    QTest::newRow("export valid") << exp << "";
    QTest::newRow("Mode full") << exp + "Mode=full" << "";
    QTest::newRow("Mode case-insensitive") << exp + "Mode=Delta-Or-Full\nKeys=EID" << "";
    QTest::newRow("Mode invalid") << exp + "Mode=partial"
                                  << "invalid Mode value partial, expected delta, delta-or-full or full at line 13\nMode=??partial";
    QTest::newRow("Mode empty") << exp + "Mode=" << "missing Mode value at line 13\nMode=??";
    QTest::newRow("delta needs Keys") << exp + "Mode=delta"
                                      << "missing Keys field in export section (needed for a delta export) at line 10\n[??export]";
    QTest::newRow("Select undefined") << "[export]\nSelect=GN, XX\nFrom=Employees"
                                      << "undefined attribute abbreviation XX at line 11\nSelect=GN, ??XX";
    QTest::newRow("Select empty entry") << "[export]\nSelect=GN,,SN\nFrom=Employees"
                                        << "empty entry in Select list at line 11\nSelect=GN,??,SN";
    QTest::newRow("Select bad name") << "[export]\nSelect=GN, S N\nFrom=Employees"
                                     << "invalid attribute abbreviation S N at line 11\nSelect=GN, ??S N";
    QTest::newRow("Select twice in list") << "[export]\nSelect=GN, gn\nFrom=Employees"
                                          << "warning: gn is listed twice in Select at line 11\nSelect=GN, ??gn";
    QTest::newRow("Select missing") << "[export]\nFrom=Employees"
                                    << "missing Select field in export section at line 10\n[??export]";
    QTest::newRow("From missing") << "[export]\nSelect=GN"
                                  << "missing From field in export section at line 10\n[??export]";
    QTest::newRow("From empty") << "[export]\nSelect=GN\nFrom="
                                << "missing From value at line 12\nFrom=??";
    QTest::newRow("Keys SaveAttr overlap") << exp + "Keys=EID\nSaveAttr=GN, EID"
                                           << "EID cannot be in both Keys and SaveAttr at line 14\nSaveAttr=GN, ??EID";
    QTest::newRow("MaxRows valid") << exp + "MaxRows=100" << "";
    QTest::newRow("MaxRows not a number") << exp + "MaxRows=lots"
                                          << "invalid MaxRows value, expected a number from 0 to 2147483647 at line 13\nMaxRows=??lots";
    QTest::newRow("MaxRows too big") << exp + "MaxRows=2147483648"
                                     << "MaxRows value 2147483648 out of range, expected 0 to 2147483647 at line 13\nMaxRows=??2147483648";
    QTest::newRow("SortControl valid") << exp + "Keys=EID, GN, SN\nSortControl=CI,,Num" << "";
    QTest::newRow("SortControl too many") << exp + "Keys=EID\nSortControl=Int,CS"
                                          << "SortControl has 2 forms but Keys has 1 attributes at line 14\nSortControl=??Int,CS";
    QTest::newRow("SortControl unknown") << exp + "Keys=EID\nSortControl=Bogus"
                                         << "invalid SortControl form Bogus, expected Integer, Numeric, CaseIgnore, CaseSensitive or Any at line 14\nSortControl=??Bogus";
    QTest::newRow("duplicate setting") << exp + "From=Other"
                                       << "duplicate From setting at line 13\nFrom=??Other";
    QTest::newRow("unknown field") << exp + "Colour=blue"
                                   << "unknown field Colour in Export section at line 13\n??Colour=blue";
    QTest::newRow("missing equals") << "[export]\nSelect=GN\nFrom Employees"
                                    << "missing equals sign at line 12\nFrom ??Employees";

    // [import]
    QTest::newRow("import valid") << imp << "";
    QTest::newRow("SelectBy duplicate") << imp + "SelectBy=GN"
                                        << "duplicate SelectBy setting at line 14\nSelectBy=??GN";
    QTest::newRow("SelectBy undefined") << "[import]\nTable=Employees\nSelectBy=GN & XY\nModify=T"
                                        << "undefined attribute abbreviation XY at line 12\nSelectBy=GN & ??XY";
    QTest::newRow("SelectBy dangling") << "[import]\nTable=Employees\nSelectBy=GN &\nModify=T"
                                       << "missing operand after & at line 12\nSelectBy=GN ??&";
    QTest::newRow("SelectBy unbalanced") << "[import]\nTable=Employees\nSelectBy=(GN & SN\nModify=T"
                                         << "missing closing parenthesis at line 12\nSelectBy=??(GN & SN";
    QTest::newRow("naming in Modify") << "[import]\nTable=Employees\nSelectBy=GN & SN\nModify=T, SN"
                                      << "naming attribute SN cannot be in Modify at line 13\nModify=T, ??SN";
    QTest::newRow("Table comma list") << "[import]\nTable=A, B\nSelectBy=GN\nModify=T"
                                      << "Table accepts one table or a JOIN; a comma-separated list of tables cannot be imported into at line 11\nTable=A??, B";
    QTest::newRow("Table join") << "[import]\nTable=Employees INNER JOIN Orders ON Employees.EmployeeID = Orders.EmployeeID\nSelectBy=GN\nModify=T" << "";
    QTest::newRow("booleans") << imp + "CreateIfAbsent=false\nInsertOnly=TRUE\nModifyAnyway=0\nAlwaysFollowReferences=1" << "";
    QTest::newRow("boolean invalid") << imp + "InsertOnly=maybe"
                                     << "invalid InsertOnly value, expected TRUE or FALSE at line 14\nInsertOnly=??maybe";
    QTest::newRow("ChangeType name") << imp + "ChangeType=change_it" << "";
    QTest::newRow("ChangeType invalid") << imp + "ChangeType=change it"
                                        << "invalid ChangeType name change it, expected letters, digits, _ or - at line 14\nChangeType=??change it";
    QTest::newRow("Relationships arrows") << imp + "Relationships=T\u21D2EID, GN=>EID" << "";
    QTest::newRow("Relationships no arrow") << imp + "Relationships=T-EID"
                                            << "invalid relationship T-EID, expected referencing=>referenced at line 14\nRelationships=??T-EID";
    QTest::newRow("Relationships undefined") << imp + "Relationships=T=>Nope"
                                             << "undefined attribute abbreviation Nope at line 14\nRelationships=T=>??Nope";
    QTest::newRow("Autos valid") << imp + "Autos=EID(employeeid)" << "";
    QTest::newRow("Autos invalid") << imp + "Autos=EID"
                                   << "invalid Autos entry EID, expected abbreviation(sequence_name) at line 14\nAutos=??EID";
    QTest::newRow("SETOPTIONS") << imp + "SETOPTIONS = SET ARITHABORT ON; SET ANSI_NULLS OFF" << "";
    QTest::newRow("SETOPTIONS not SET") << imp + "SETOPTIONS=SET A ON; DROP TABLE x"
                                        << "warning: SETOPTIONS statement does not start with SET at line 14\nSETOPTIONS=SET A ON; ??DROP TABLE x";

    // [control]
    QTest::newRow("control valid") << ctl + "RecordSeparator=\\f\nTrace=1\nTraceLevel=SQL S Stats\nTraceFile=imp_trace\n"
                                            "MaxTraceFiles=2\nMaxTraceFileSize=1024\nTraceFlow=9\n8bit=TRUE\nDataHash=16\n"
                                            "DateFormat=DD-MON-YYYY\nEncoding=UTF-8" << "";
    QTest::newRow("RecordSeparator bad escape") << ctl + "RecordSeparator=\\F"
                                                << "only \\f is permitted as an escape in RecordSeparator at line 11\nRecordSeparator=??\\F";
    QTest::newRow("RecordSeparator end:") << ctl + "RecordSeparator=end:"
                                          << "RecordSeparator cannot be end: at line 11\nRecordSeparator=??end:";
    QTest::newRow("Trace invalid") << ctl + "Trace=2" << "invalid Trace value 2, expected 0 or 1 at line 11\nTrace=??2";
    QTest::newRow("TraceLevel unknown") << ctl + "TraceLevel=SQL Bogus"
                                        << "unknown TraceLevel Bogus at line 11\nTraceLevel=SQL ??Bogus";
    QTest::newRow("MaxTraceFiles low") << ctl + "MaxTraceFiles=1"
                                       << "MaxTraceFiles value 1 out of range, expected 2 to 1000 at line 11\nMaxTraceFiles=??1";
    QTest::newRow("MaxTraceFiles high") << ctl + "MaxTraceFiles=1001"
                                        << "MaxTraceFiles value 1001 out of range, expected 2 to 1000 at line 11\nMaxTraceFiles=??1001";
    QTest::newRow("MaxTraceFileSize low") << ctl + "MaxTraceFileSize=1023"
                                          << "MaxTraceFileSize value 1023 out of range, expected 1024 to 2147483647 at line 11\nMaxTraceFileSize=??1023";
    QTest::newRow("MaxTraceSize alias") << ctl + "MaxTraceSize=4096" << "";
    QTest::newRow("TraceFlow high") << ctl + "TraceFlow=10"
                                    << "TraceFlow value 10 out of range, expected 0 to 9 at line 11\nTraceFlow=??10";
    QTest::newRow("DataHash low") << ctl + "DataHash=3"
                                  << "DataHash value 3 out of range, expected 4 to 16 at line 11\nDataHash=??3";
    QTest::newRow("8bit invalid") << ctl + "8bit=yes"
                                  << "invalid 8bit value, expected TRUE or FALSE at line 11\n8bit=??yes";
    QTest::newRow("DateFormat literal text") << ctl + "DateFormat=date-of-birth: DD-MON-YYYY" << "";
    QTest::newRow("DateFormat wrong order") << ctl + "DateFormat=MM-DD-YYYY"
                                            << "invalid DateFormat MM-DD-YYYY, expected YYYY, MM or MON, and DD in year-month-day or day-month-year order at line 11\nDateFormat=??MM-DD-YYYY";
    QTest::newRow("DateFormat stray letter") << ctl + "DateFormat=YYYY-MM-DD Y"
                                             << "invalid character Y in DateFormat; Y, M, D and % only appear in YYYY, MM, MON and DD at line 11\nDateFormat=YYYY-MM-DD ??Y";
    QTest::newRow("Encoding invalid") << ctl + "Encoding=EBCDIC"
                                      << "unsupported Encoding EBCDIC, expected ISO-8859-1 or UTF-8 at line 11\nEncoding=??EBCDIC";

    // [procedures]
    QTest::newRow("procedure valid") << "[procedures]\nProcedure=P\nP=res call SP (a, b = \"x\", c = 2) returning (0:9),(-1)!\"bad\"" << "";
    QTest::newRow("procedure undeclared") << "[procedures]\nProcedure=P, Q\nP=res call SP () returning (0)"
                                          << "procedure Q is not declared at line 11\nProcedure=P, ??Q";
    QTest::newRow("procedure no CALL") << "[procedures]\nProcedure=P\nP=res SP(a) returning (0)"
                                       << "expected CALL in procedure declaration P at line 12\nP=res ??SP(a) returning (0)";
    QTest::newRow("procedure two returns") << "[procedures]\nProcedure=P\nP=call SP(RETURN a, RETURN b) returning (0)"
                                           << "only one RETURN parameter is permitted in procedure declaration P at line 12\nP=call SP(RETURN a, RETURN ??b) returning (0)";
    QTest::newRow("procedure no return") << "[procedures]\nProcedure=P\nP=call SP(a) returning (0)"
                                         << "procedure needs a return tag or a RETURN parameter in procedure declaration P at line 12\nP=??call SP(a) returning (0)";
    QTest::newRow("procedure bad range") << "[procedures]\nProcedure=P\nP=r call SP() returning (5:1)"
                                         << "range start greater than range end in procedure declaration P at line 12\nP=r call SP() returning (??5:1)";

    // [EncryptedAttributes]
    QTest::newRow("encrypted valid") << "[EncryptedAttributes]\nGN=1" << "";
    QTest::newRow("encrypted value") << "[EncryptedAttributes]\nGN=2"
                                     << "invalid EncryptedAttributes value for GN, expected 1 at line 11\nGN=??2";
    QTest::newRow("encrypted unknown") << "[EncryptedAttributes]\nPassword=1"
                                       << "warning: encrypted attribute Password is neither an attribute abbreviation nor a procedure tag at line 11\n??Password=1";

    // Structure
    QTest::newRow("unknown section") << "[exports]\nSelect=GN"
                                     << "unknown section [exports] at line 10\n[??exports]";
    QTest::newRow("duplicate section") << "[database]\nUID=x"
                                       << "duplicate Database section at line 10\n[??database]";
    QTest::newRow("missing bracket") << "[export\nSelect=XX"
                                     << "missing From field in export section at line 10\n[??export\n"
                                        "missing closing bracket at line 10\n[export??\n"
                                        "undefined attribute abbreviation XX at line 11\nSelect=??XX";
    QTest::newRow("hash inside value is data") << exp + "Where=Employees.Notes <> '#1'" << "";
    QTest::newRow("indented comment") << exp + "   # a comment" << "";
}

void TestFields::diagnostics()
{
    QFETCH(QString, snippet);
    QFETCH(QString, expected);
    QCOMPARE(rowDiagnostics(test::baseConfig() + snippet), expected);
}

void TestFields::exportValues()
{
    const ParseResult r = test::parse(test::baseConfig()
                                      + "[export]\nmode = delta-or-full\nSELECT=GN, SN\nKeys=EID, GN\nSaveAttr=SN\n"
                                        "From=Employees\nWhere=GN LIKE 'D%'\nMaxRows=5\nReferencePath=refs\n"
                                        "NewReferenceFile=R6112300\nSortControl=Int,");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    const ExportSection &e = r.config.exportSection;
    QCOMPARE(e.mode.value, ExportMode::DeltaOrFull);
    QCOMPARE(e.select.value.size(), 2);
    QCOMPARE(e.select.value.at(1).name, QStringLiteral("SN"));
    QCOMPARE(e.select.value.at(1).pos.line, 12);
    QCOMPARE(e.select.value.at(1).pos.column, 12);
    QCOMPARE(e.keys.value.size(), 2);
    QCOMPARE(e.where.value, QStringLiteral("GN LIKE 'D%'"));
    QCOMPARE(e.maxRows.value, 5);
    QCOMPARE(e.referencePath.value, QStringLiteral("refs"));
    QCOMPARE(e.newReferenceFile.value, QStringLiteral("R6112300"));
    QCOMPARE(e.sortControl.value, (QList<SortForm>{SortForm::Integer, SortForm::Default}));

    const ParseResult defaults = test::parse(test::baseConfig() + "[export]\nSelect=GN\nFrom=Employees");
    QCOMPARE(defaults.config.exportSection.mode.value, ExportMode::Full);
    QCOMPARE(defaults.config.exportSection.maxRows.value, 2147483647);
    QVERIFY(!defaults.config.exportSection.mode.present);
}

void TestFields::importValues()
{
    const ParseResult r = test::parse(
        test::baseConfig()
        + "[import]\nTable=Employees INNER JOIN (Orders INNER JOIN Shippers ON \\\n"
          "   Orders.ShipVia = Shippers.ShipperID) ON Employees.EmployeeID = Orders.EmployeeID\n"
          "SelectBy=GN\nModify=T\nExceptions=..\\except\\Exceptions.txt\nChangeType=change_it\n"
          "Relationships=T\u21D2EID\nAutos=EID(employeeid), SN(serial)\nSETOPTIONS=SET A ON; SET B OFF");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    const ImportSection &i = r.config.importSection;
    QVERIFY(i.isJoin);
    QCOMPARE(i.primaryTable, QStringLiteral("Employees"));
    QVERIFY(i.table.value.contains(QStringLiteral("ON Orders.ShipVia = Shippers.ShipperID) ON")));
    QCOMPARE(i.exceptions.value, QStringLiteral("..\\except\\Exceptions.txt"));
    QCOMPARE(i.changeType.value, QStringLiteral("change_it"));
    QCOMPARE(i.relationships.value.size(), 1);
    QCOMPARE(i.relationships.value.first().referencing.name, QStringLiteral("T"));
    QCOMPARE(i.relationships.value.first().referenced.name, QStringLiteral("EID"));
    QCOMPARE(i.autos.value.size(), 2);
    QCOMPARE(i.autos.value.at(1).sequence, QStringLiteral("serial"));
    QCOMPARE(i.setOptions.value, (QStringList{"SET A ON", "SET B OFF"}));
    QVERIFY(i.createIfAbsent.value);  // defaults
    QVERIFY(!i.insertOnly.value);
    QVERIFY(!i.modifyAnyway.value);

    const ParseResult d = test::parse(test::baseConfig() + "[import]\nTable=Employees\nSelectBy=GN\nModify=T");
    QCOMPARE(d.config.importSection.exceptions.value, QStringLiteral("except.txt"));
    QCOMPARE(d.config.importSection.changeType.value, QStringLiteral("ChangeType"));
    QVERIFY(!d.config.importSection.isJoin);
}

void TestFields::controlValues()
{
    const ParseResult r = test::parse(test::baseConfig()
                                      + "[control]\nRecordSeparator=\\f--\\f\nTrace=1\nTraceLevel=ca fs ODBC sql s w cols "
                                        "ref stats ap pc pr\nTraceFile=t\nMaxTraceFiles=3\nMaxTraceFileSize=2147483647\n"
                                        "TraceFlow=1\n8bit=true\nDataHash=4\nDateFormat=\"YYYY/MM/DD\"\nEncoding=utf8");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    const ControlSection &c = r.config.control;
    QCOMPARE(c.recordSeparator.value, QStringLiteral("\f--\f"));
    QVERIFY(c.trace.value);
    QCOMPARE(int(c.traceLevel.value.toInt()), 0xFFF);
    QCOMPARE(c.maxTraceFiles.value, 3);
    QCOMPARE(c.maxTraceFileSize.value, 2147483647);
    QCOMPARE(c.traceFlow.value, 1);
    QVERIFY(c.eightBit.value);
    QCOMPARE(c.dataHash.value, 4);
    QCOMPARE(c.dateFormat.value.text, QStringLiteral("YYYY/MM/DD"));
    QCOMPARE(c.dateFormat.value.pieces.size(), 5);
    QCOMPARE(c.encoding.value, Encoding::Utf8);

    const ParseResult d = test::parse(test::baseConfig());
    QCOMPARE(d.config.control.recordSeparator.value, QStringLiteral("row:"));
    QCOMPARE(d.config.control.traceFile.value, QStringLiteral("trace.txt"));
    QCOMPARE(d.config.control.maxTraceFiles.value, 1000);
    QCOMPARE(d.config.control.dataHash.value, 8);
    QCOMPARE(d.config.control.dateFormat.value.text, QStringLiteral("YYYY-MM-DD"));
    QCOMPARE(d.config.control.encoding.value, Encoding::Latin1);
    QVERIFY(!d.config.control.trace.value);

    const ParseResult mon = test::parse(test::baseConfig() + "[control]\nDateFormat=date-of-birth: DD-MON-YYYY");
    const auto &pieces = mon.config.control.dateFormat.value.pieces;
    QCOMPARE(pieces.first().part, DateFormat::Part::Literal);
    QCOMPARE(pieces.first().literal, QStringLiteral("date-of-birth: "));
    QCOMPARE(pieces.at(1).part, DateFormat::Part::Day);
    QCOMPARE(pieces.at(3).part, DateFormat::Part::MonthName);
    QCOMPARE(pieces.at(5).part, DateFormat::Part::Year);
}

void TestFields::attributeValues()
{
    const ParseResult r = test::parse(
        "[attributes]\nSN(text[1-64])#=Employees.LastName\nFN (text[-10]) = [My Table].[First-Name]\n"
        "X(TEXT)=\"org-units\".Name\nMaxPrice=(SELECT MAX(OrdDet.UnitPrice) FROM \\\n"
        "     Northwind.dbo.[Order Details] AS OrdDet WHERE \\\n     Orders.OrderID = OrdDet.OrderID)\n"
        "my_attr-2=HR.Employees.LastName\n[database]\nDSN=x\n");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    const auto &a = r.config.attributes.attributes;
    QCOMPARE(a.size(), 5);
    QCOMPARE(a.at(0).abbreviation, QStringLiteral("SN"));
    QVERIFY(a.at(0).qualifier.present);
    QCOMPARE(a.at(0).qualifier.minimum, 1);
    QCOMPARE(a.at(0).qualifier.maximum, 64);
    QVERIFY(a.at(0).qualifier.failIfTooBig);
    QCOMPARE(a.at(0).column.tableName(), QStringLiteral("Employees"));
    QCOMPARE(a.at(0).column.columnName(), QStringLiteral("LastName"));
    QCOMPARE(a.at(1).abbreviation, QStringLiteral("FN"));
    QVERIFY(!a.at(1).qualifier.minimum.has_value());
    QCOMPARE(a.at(1).qualifier.maximum, 10);
    QVERIFY(!a.at(1).qualifier.failIfTooBig);
    QCOMPARE(a.at(1).column.parts, (QStringList{"[My Table]", "[First-Name]"}));
    QCOMPARE(a.at(2).column.tableName(), QStringLiteral("\"org-units\""));
    QVERIFY(a.at(3).column.isExpression);
    QCOMPARE(a.at(3).column.text, QStringLiteral("(SELECT MAX(OrdDet.UnitPrice) FROM Northwind.dbo.[Order Details] "
                                                 "AS OrdDet WHERE Orders.OrderID = OrdDet.OrderID)"));
    QCOMPARE(a.at(4).column.tableName(), QStringLiteral("HR.Employees"));
    QCOMPARE(r.config.attributes.find(QStringLiteral("MY_ATTR-2")), &a.at(4));

    const ParseResult bad = test::parse("[attributes]\nSN(number[1-5])=x\nA B=x\nGN=\nC=(unclosed\nD(text[9-2])=x\n"
                                        "SN=y\nE#=x\n[database]\nDSN=x\n");
    QCOMPARE(test::diagnosticsText(bad),
             QStringLiteral("warning: no export, import or procedures section: nothing to run\n"
                            "unsupported data type number, only text is permitted at line 2\nSN(??number[1-5])=x\n"
                            "invalid attribute abbreviation A B at line 3\n??A B=x\n"
                            "missing column identifier for GN at line 4\nGN=??\n"
                            "missing closing parenthesis at line 5\nC=??(unclosed\n"
                            "attribute minimum length greater than maximum at line 6\nD(text[??9-2])=x\n"
                            "the # flag must follow a qualifier such as (text[1-64]) at line 8\nE??#=x"));
}

void TestFields::backtickNames()
{
    // MariaDB's and MySQL's quotes are quoted identifiers exactly as [...] and "..." are: in attributes, in
    // Table (a JOIN too), with blanks, dots and commas inside.
    const ParseResult r = test::parse(
        "[version]\nVersion=1.06\n[attributes]\nQTY=`Order Details`.Quantity\nOID=`Order Details`.`Order, ID`\n"
        "D=`my.db`.`Order Details`.`Dis count`\nON=Orders.OrderID\n[database]\nDSN=x\n[import]\n"
        "Table=`Order Details` INNER JOIN Orders ON `Order Details`.`Order, ID` = Orders.OrderID\nSelectBy=OID\nModify=QTY\n");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    const auto &a = r.config.attributes.attributes;
    QCOMPARE(a.at(0).column.parts, (QStringList{"`Order Details`", "Quantity"}));
    QVERIFY(!a.at(0).column.isExpression);
    QCOMPARE(a.at(1).column.columnName(), QStringLiteral("`Order, ID`"));
    QCOMPARE(a.at(2).column.tableName(), QStringLiteral("`my.db`.`Order Details`"));
    QCOMPARE(r.config.importSection.primaryTable, QStringLiteral("`Order Details`"));
    QVERIFY(r.config.importSection.isJoin);
    const ParseResult single = test::parse("[version]\nVersion=1.06\n[attributes]\nQTY=`Order Details`.Quantity\n"
                                           "D=`Order Details`.`Dis count`\n[database]\nDSN=x\n[import]\nTable=`Order Details`\nSelectBy=QTY\nModify=D\n");
    QVERIFY2(single.ok(), qPrintable(test::diagnosticsText(single)));
    QCOMPARE(single.config.importSection.primaryTable, QStringLiteral("`Order Details`"));
    const ParseResult open = test::parse("[version]\nVersion=1.06\n[attributes]\nQTY=`Order Details.Quantity\n[database]\nDSN=x\n");
    QVERIFY(test::diagnosticsText(open).contains("unclosed `"));
}

void TestFields::databaseValues()
{
    const ParseResult r = test::parse("[version]\nVersion=1.04\n[database]\nDRIVER={SQLite3}\nDatabase=/tmp/x.db\n"
                                      "User=scott\nPassword=ti;ger\nTimeout=5\n");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    const DatabaseSection &db = r.config.database;
    QCOMPARE(db.driverFields.size(), 3);
    QCOMPARE(db.driverFields.at(0).key, QStringLiteral("DRIVER"));
    QCOMPARE(db.driverFields.at(0).value, QStringLiteral("{SQLite3}"));
    QCOMPARE(db.driverFields.at(2).key, QStringLiteral("Timeout"));
    QCOMPARE(db.user.value, QStringLiteral("scott"));
    QCOMPARE(db.password.value, QStringLiteral("ti;ger"));

    const ParseResult noDsn = test::parse("[database]\nServer=x\n");
    QCOMPARE(test::diagnosticsText(noDsn),
             QStringLiteral("warning: no export, import or procedures section: nothing to run\n"
                            "missing DSN field in database section (or DRIVER for a connection without a data source "
                            "name) at line 1\n[??database]"));
    const ParseResult none = test::parse("[attributes]\nGN=x\n");
    QCOMPARE(test::diagnosticsText(none), QStringLiteral("missing database section\nwarning: no export, import or "
                                                         "procedures section: nothing to run"));

    // The name Qt's QODBC driver gets: it passes a string with DRIVER= or SERVER= unchanged and puts
    // "DSN=" before any other, so a DSN connection hands over its DSN field first, without the key.
    const db::Credentials scott{QStringLiteral("scott"), QStringLiteral("ti;ger")};
    QString error;
    // The name has no trailing ';' and does not end with a braced value (MariaDB Connector/ODBC fails to parse
    // either, as QODBC passes the terminating NUL too).
    QString expected = db::buildConnectionString(db.driverFields, scott);
    expected.replace(QStringLiteral("UID=scott;PWD={ti;ger};"), QStringLiteral("PWD={ti;ger};UID=scott"));
    QCOMPARE(db::qodbcDatabaseName(db.driverFields, scott, &error), expected);
    const QList<config::DatabaseField> dsn{{"Timeout", "5", {}}, {"DSN", "payroll", {}}};
    QCOMPARE(db::buildConnectionString(dsn, scott), QStringLiteral("Timeout=5;DSN=payroll;UID=scott;PWD={ti;ger};"));
    QCOMPARE(db::qodbcDatabaseName(dsn, scott, &error), QStringLiteral("payroll;Timeout=5;PWD={ti;ger};UID=scott"));
    QCOMPARE(db::qodbcDatabaseName({{"dsn", "{my db}", {}}}, {}, &error), QStringLiteral("{my db}"));
    QVERIFY(db::qodbcDatabaseName({{"DSN", "prod.dsn", {}}}, {}, &error).isEmpty());
    QVERIFY2(error.contains("FILEDSN"), qPrintable(error));
}

void TestFields::versionGating_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("snippet");
    QTest::addColumn<QString>("expected");
    const QString old = QStringLiteral("files without a version section");
    QTest::newRow("Trace in old") << "" << "[control]\nTrace=1"
                                  << "Trace is not supported by " + old + "; it needs Version=1.00 or later at line 9\n??Trace=1";
    QTest::newRow("Trace in 1.00") << "1.00" << "[control]\nTrace=1" << "";
    QTest::newRow("NewReferenceFile in 1.00") << "1.00" << "[export]\nSelect=GN\nFrom=E\nNewReferenceFile=R1"
        << "NewReferenceFile is not supported by Version=1.00; it needs Version=1.01 or later at line 13\n??NewReferenceFile=R1";
    QTest::newRow("NewReferenceFile in 1.01") << "1.01" << "[export]\nSelect=GN\nFrom=E\nNewReferenceFile=R1" << "";
    QTest::newRow("Autos in 1.02") << "1.02" << "[import]\nTable=E\nSelectBy=GN\nModify=T\nAutos=EID(s)"
        << "Autos is not supported by Version=1.02; it needs Version=1.03 or later at line 14\n??Autos=EID(s)";
    QTest::newRow("Autos in 1.03") << "1.03" << "[import]\nTable=E\nSelectBy=GN\nModify=T\nAutos=EID(s)" << "";
    QTest::newRow("procedures in 1.03") << "1.03" << "[procedures]\nProcedure=P\nP=r call X() returning (0)"
        << "The Procedures section is not supported by Version=1.03; it needs Version=1.04 or later at line 10\n[??procedures]";
    QTest::newRow("procedures in 1.04") << "1.04" << "[procedures]\nProcedure=P\nP=r call X() returning (0)" << "";
    QTest::newRow("encrypted in 1.03") << "1.03" << "[EncryptedAttributes]\nGN=1"
        << "The EncryptedAttributes section is not supported by Version=1.03; it needs Version=1.04 or later at line 10\n[??EncryptedAttributes]";
    QTest::newRow("password in 1.03") << "1.03" << "[database]\nPassword=x"
        << "duplicate Database section at line 10\n[??database]\n"
           "Password in the configuration file is not supported by Version=1.03; it needs Version=1.04 or later (or give it with -p on the command line) at line 11\n??Password=x";
    QTest::newRow("SQLExecDirect in 1.04") << "1.04" << "[import]\nTable=E\nSelectBy=GN\nModify=T\nSQLExecDirect=TRUE"
        << "SQLExecDirect is not supported by Version=1.04; it needs Version=1.05 or later at line 14\n??SQLExecDirect=TRUE";
    QTest::newRow("SQLExecDirect in 1.05") << "1.05" << "[import]\nTable=E\nSelectBy=GN\nModify=T\nSQLExecDirect=TRUE" << "";
    QTest::newRow("SETOPTIONS in 1.05") << "1.05" << "[import]\nTable=E\nSelectBy=GN\nModify=T\nSETOPTIONS=SET X ON"
        << "SETOPTIONS is not supported by Version=1.05; it needs Version=1.06 or later at line 14\n??SETOPTIONS=SET X ON";
    QTest::newRow("SETOPTIONS in 1.06") << "1.06" << "[import]\nTable=E\nSelectBy=GN\nModify=T\nSETOPTIONS=SET X ON" << "";
    QTest::newRow("unknown version") << "2.00" << "" << "unsupported version 2.00, expected 1.00 to 1.06 at line 2\nVersion=??2.00";
    QTest::newRow("version format") << "1.1" << "" << "unsupported version 1.1, expected 1.00 to 1.06 at line 2\nVersion=??1.1";
    // Found by fuzzing: the major version times 100 overflowed an int.
    QTest::newRow("huge version") << "957755418.06" << "" << "unsupported version 957755418.06, expected 1.00 to 1.06 at line 2\nVersion=??957755418.06";
    QTest::newRow("huger version") << "99999999999999999999.06" << "" << "unsupported version 99999999999999999999.06, expected 1.00 to 1.06 at line 2\nVersion=??99999999999999999999.06";
}

void TestFields::versionGating()
{
    QFETCH(QString, version);
    QFETCH(QString, snippet);
    QFETCH(QString, expected);
    QString text = test::baseConfig(version);
    if (version.isEmpty())
        text = text.mid(text.indexOf(QLatin1String("[attributes]")));  // an "old" file: no version section
    QCOMPARE(rowDiagnostics(text + snippet), expected);
}

QTEST_GUILESS_MAIN(TestFields)
#include "tst_fields.moc"
