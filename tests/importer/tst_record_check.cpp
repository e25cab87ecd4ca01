// The importer's steps that need no database: reading a record against the plan (change type, repeated and
// unrecognized attributes, naming attributes, length limits), ModifyAnyway's matching rules, and the text
// of summary lines, statistics and exceptions entries.
#include "common/TestSupport.h"
#include "datafile/TaggedReader.h"
#include "importer/DateValue.h"
#include "importer/ExceptionsFile.h"
#include "importer/RecordCheck.h"
#include "importer/ValueMatch.h"

#include <QBuffer>
#include <QTest>

#include <sql.h>
#include <sqlext.h>

using namespace oas;
using namespace oas::importer;

namespace {

config::AgentConfig employees()
{
    const config::ParseResult r = test::parse(
        "[attributes]\nGN=Employees.FirstName\nSN(text[2-20])=Employees.LastName\nT(text[-5])=Employees.Title\n"
        "C(text[-4])#=Employees.City\nX=Employees.Extra\n[database]\nDSN=x\n"
        "[import]\nTable=Employees\nSelectBy=GN & SN\nModify=T, C\n");
    if (!r.ok())
        qWarning("%s", qPrintable(test::diagnosticsText(r)));
    return r.config;
}

datafile::Record record(const QByteArray &text)
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    datafile::TaggedReader reader(&buffer, datafile::DataFormat{});
    return reader.next().value_or(datafile::Record{});
}

QStringList eventTexts(const CheckedRecord &r)
{
    QStringList out;
    for (const Event &e : r.events)
        out.append(e.lines.join('|'));
    return out;
}

}  // namespace

class TestRecordCheck : public QObject {
    Q_OBJECT
private slots:
    void checks_data();
    void checks();
    void valuesAndLabel();
    void matchRules_data();
    void matchRules();
    void texts();
    void dates_data();
    void dates();
    void dateColumnForms_data();
    void dateColumnForms();
    void exceptionsReadBack();
};

void TestRecordCheck::checks_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("failed");
    QTest::addColumn<QStringList>("events");
    QTest::newRow("plain") << QByteArray("row:\nGN: Ann\nSN: Lee\nT: Boss\n") << false << QStringList();
    QTest::newRow("unset naming") << QByteArray("row:\nGN: Ann\nT: Boss\n") << true << QStringList{"unset naming attributes|SN"};
    QTest::newRow("empty naming") << QByteArray("row:\nGN:\nSN: Lee\n") << true
                                  << QStringList{"error: empty naming attribute|GN"};
    QTest::newRow("unrecognized and repeated")
        << QByteArray("row:\nGN: Ann\nSN: Lee\nFoo: 1\nT: a\nt: b\nBar: 2\nFoo: 3\n") << false
        << QStringList{"warning: unrecognized attribute in import data file|Foo|Bar",
                       "warning: repeated attribute, first value used|t"};
    QTest::newRow("truncated") << QByteArray("row:\nGN: Ann\nSN: Lee\nT: Director\n") << false
                               << QStringList{"warning: value truncated|T: 8 characters, maximum 5"};
    QTest::newRow("fail if too big") << QByteArray("row:\nGN: Ann\nSN: Lee\nC: Seattle\n") << true
                                     << QStringList{"error: value too long|C: 7 characters, maximum 4"};
    QTest::newRow("naming too short") << QByteArray("row:\nGN: Ann\nSN: L\n") << true
                                      << QStringList{"error: value too short|SN: 1 characters, minimum 2"};
    QTest::newRow("empty modify is quiet") << QByteArray("row:\nGN: Ann\nSN: Lee\nT:\n") << false
                                           << QStringList{"warning: empty import attribute|T"};
    QTest::newRow("invalid change type") << QByteArray("row:\nChangeType: replace\nGN: Ann\nSN: Lee\n") << true
                                         << QStringList{"error: invalid change type (add, modify or delete expected)|"
                                                        "ChangeType: replace"};
    QTest::newRow("unreadable line") << QByteArray("row:\nGN: Ann\nSN: Lee\nno colon here\n") << true
                                     << QStringList{"error: unreadable input|line 4: missing colon in attribute line"};
}

void TestRecordCheck::checks()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, failed);
    QFETCH(QStringList, events);
    const config::AgentConfig cfg = employees();
    const ImportPlan plan(cfg);
    const CheckedRecord r = checkRecord(record(input), plan, "ChangeType");
    QCOMPARE(eventTexts(r), events);
    QCOMPARE(r.failed, failed);
}

void TestRecordCheck::valuesAndLabel()
{
    const config::AgentConfig cfg = employees();
    ImportPlan plan(cfg);
    // The column's size caps the configured maximum: T allows 5, the column 3.
    db::ColumnInfo title;
    title.sqlType = SQL_VARCHAR;
    title.size = 3;
    plan.describe({"T"}, {title});
    const CheckedRecord r = checkRecord(record("row:\nchangetype: Delete\nSN: Lee\nGN: Ann\nT: Boss\nX:\n"), plan, "ChangeType");
    QCOMPARE(r.change, datafile::ChangeType::Delete);
    QCOMPARE(r.label, QString("Ann/Lee"));  // SelectBy order, not file order
    QCOMPARE(*r.values[size_t(plan.indexOf("T"))], QString("Bos"));
    QVERIFY(!r.supplied(plan.indexOf("C")));
    QCOMPARE(*r.values[size_t(plan.indexOf("X"))], QString());  // supplied, empty: NULL
    QCOMPARE(r.line, 1);
}

void TestRecordCheck::matchRules_data()
{
    QTest::addColumn<int>("sqlType");
    QTest::addColumn<QString>("stored");  // "<null>" for NULL
    QTest::addColumn<QString>("incoming");
    QTest::addColumn<bool>("match");
    QTest::newRow("integer leading zeros") << int(SQL_INTEGER) << "7" << "007" << true;
    QTest::newRow("integer not a number") << int(SQL_INTEGER) << "7" << "seven" << false;
    QTest::newRow("numeric trailing zeros") << int(SQL_NUMERIC) << "12.50" << "12.5" << true;
    QTest::newRow("numeric negative zero") << int(SQL_DECIMAL) << "0.00" << "-0" << true;
    QTest::newRow("numeric differs") << int(SQL_DECIMAL) << "12.51" << "12.5" << false;
    QTest::newRow("varchar case") << int(SQL_VARCHAR) << "Seattle" << "seattle" << false;
    QTest::newRow("wvarchar same") << int(SQL_WVARCHAR) << "Zoë" << "Zoë" << true;
    QTest::newRow("date case-ignore") << int(SQL_TYPE_DATE) << "1995-JAN-15" << "1995-jan-15" << true;
    QTest::newRow("double never") << int(SQL_DOUBLE) << "1.5" << "1.5" << false;
    QTest::newRow("long text never") << int(SQL_LONGVARCHAR) << "a" << "a" << false;
    QTest::newRow("null and empty") << int(SQL_VARCHAR) << "<null>" << "" << true;
    QTest::newRow("null and value") << int(SQL_VARCHAR) << "<null>" << "x" << false;
    QTest::newRow("value and empty") << int(SQL_VARCHAR) << "x" << "" << false;
}

void TestRecordCheck::matchRules()
{
    QFETCH(int, sqlType);
    QFETCH(QString, stored);
    QFETCH(QString, incoming);
    QFETCH(bool, match);
    const std::optional<QString> s = stored == "<null>" ? std::nullopt : std::optional<QString>(stored);
    QCOMPARE(valuesMatch(matchRuleFor(sqlType), s, incoming), match);
}

void TestRecordCheck::texts()
{
    Outcome ok;
    ok.disposition = Disposition::Updated;
    ok.events = {Event::warning("warning: empty import attribute\nREG", true)};
    QCOMPARE(summaryLine("Nancy/Davolio", 1, ok), QString("record Nancy/Davolio at line 1 (updated)"));
    QCOMPARE(eventsText(ok), QString());  // quiet events only show on failure
    Outcome failed = ok;
    failed.disposition = Disposition::Absent;
    failed.events.append(Event::error("insertion forbidden"));
    QCOMPARE(summaryLine("Annette/Dodsworth", 129, failed), QString("record Annette/Dodsworth at line 129 (absent) #"));
    QCOMPARE(eventsText(failed), QString("warning: empty import attribute\nREG\n\ninsertion forbidden"));

    ImportStats stats;
    QCOMPARE(stats.text(), QString("import statistics:"));
    stats.count(failed);
    stats.count(ok);
    stats.skips = 2;
    QCOMPARE(stats.text(), QString("import statistics:\nupdates: 1\nerrors: 1\ntotal imports: 2\nskips: 2"));

    // A record without a separator line gets one, so each entry reads back as one record; comments are
    // encoded like the file (Latin-1 here).
    const QByteArray entry = exceptionEntry(3, "GN: Ann\n", {Event::error("error: x\nZo\u00eb")}, datafile::DataFormat{});
    QCOMPARE(entry, QByteArray("# record at line 3\nrow:\nGN: Ann\n# error: x\n# Zo\xeb\n#\n"));
}

void TestRecordCheck::dates_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("date");       // empty: refused
    QTest::addColumn<QString>("timestamp");
    QTest::newRow("iso") << "YYYY-MM-DD" << "2003-04-02" << "2003-04-02" << "2003-04-02 00:00:00";
    QTest::newRow("single digits") << "YYYY/MM/DD" << "2003/4/1" << "2003-04-01" << "2003-04-01 00:00:00";
    QTest::newRow("month name") << "date-of-birth: DD-MON-YYYY" << "date-of-birth: 1-Apr-2003" << "2003-04-01" << "2003-04-01 00:00:00";
    QTest::newRow("month name case") << "DD MON YYYY" << "15 JAN 1995" << "1995-01-15" << "1995-01-15 00:00:00";
    QTest::newRow("escape") << "DD.MM.YYYY" << "{d '1995-01-15'}" << "1995-01-15" << "1995-01-15 00:00:00";
    QTest::newRow("escape blanks") << "DD.MM.YYYY" << "{ D '1995-1-5' }" << "1995-01-05" << "1995-01-05 00:00:00";
    QTest::newRow("with time") << "YYYY-MM-DD" << "1948-12-08 10:30:05" << "1948-12-08" << "1948-12-08 10:30:05";
    QTest::newRow("with fraction") << "YYYY-MM-DD" << "1948-12-08 10:30:05.25" << "1948-12-08" << "1948-12-08 10:30:05.25";
    QTest::newRow("no such day") << "YYYY-MM-DD" << "2003-02-30" << "" << "";
    QTest::newRow("two-digit year") << "YYYY-MM-DD" << "03-02-01" << "" << "";
    QTest::newRow("wrong literal") << "DD.MM.YYYY" << "01-02-2003" << "" << "";
    QTest::newRow("trailing text") << "YYYY-MM-DD" << "2003-02-01x" << "" << "";
    QTest::newRow("bad month name") << "DD-MON-YYYY" << "1-Foo-2003" << "" << "";
}

void TestRecordCheck::dates()
{
    QFETCH(QString, format);
    QFETCH(QString, value);
    QFETCH(QString, date);
    QFETCH(QString, timestamp);
    const config::ParseResult r = test::parse("[attributes]\nA=T.a\n[database]\nDSN=x\n[control]\nDateFormat=" + format + "\n");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    const auto parsed = parseDateValue(value, r.config.control.dateFormat.value);
    QCOMPARE(parsed.has_value(), !date.isEmpty());
    if (parsed) {
        QCOMPARE(dateParameter(*parsed, false), date);
        QCOMPARE(dateParameter(*parsed, true), timestamp);
    }
}

// What is bound for a DATE / TIMESTAMP column (DECISIONS.md 15): PostgreSQL's own forms as they are, the
// fraction digit for digit; on SQLite (not enforced) any text of the default format as it is.
void TestRecordCheck::dateColumnForms_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("timestamp");
    QTest::addColumn<bool>("enforced");
    QTest::addColumn<QString>("bound");  // "REFUSED": not a date
    QTest::newRow("infinity") << "YYYY-MM-DD" << "infinity" << false << true << "infinity";
    QTest::newRow("-infinity timestamp") << "YYYY-MM-DD" << "-infinity" << true << true << "-infinity";
    QTest::newRow("BC date") << "YYYY-MM-DD" << "0044-03-15 BC" << false << true << "0044-03-15 BC";
    QTest::newRow("year 10000") << "YYYY-MM-DD" << "10000-01-01" << false << true << "10000-01-01";
    QTest::newRow("microseconds") << "YYYY-MM-DD" << "2024-01-01 10:00:00.123456" << true << true << "2024-01-01 10:00:00.123456";
    QTest::newRow("offset") << "YYYY-MM-DD" << "2024-01-01 10:00:00.5+05:30" << true << true << "2024-01-01 10:00:00.5+05:30";
    QTest::newRow("BC timestamp") << "YYYY-MM-DD" << "0044-03-15 10:00:00.5 BC" << true << true << "0044-03-15 10:00:00.5 BC";
    QTest::newRow("T separator") << "YYYY-MM-DD" << "2024-01-01T10:00:00" << true << true << "2024-01-01T10:00:00";
    QTest::newRow("time into a date column") << "YYYY-MM-DD" << "2024-01-01 10:00:00" << false << true << "2024-01-01";
    QTest::newRow("plain date into a timestamp") << "YYYY-MM-DD" << "2024-01-01" << true << true << "2024-01-01 00:00:00";
    QTest::newRow("no such hour") << "YYYY-MM-DD" << "2024-01-01 25:00:00" << true << true << "REFUSED";
    QTest::newRow("no such day") << "YYYY-MM-DD" << "2024-02-30 10:00:00" << true << true << "REFUSED";
    QTest::newRow("other format: converted") << "DD.MM.YYYY" << "15.03.2024 10:00:00.000001" << true << true << "2024-03-15 10:00:00.000001";
    QTest::newRow("other format: no exact forms") << "DD.MM.YYYY" << "infinity" << false << true << "REFUSED";
    QTest::newRow("sqlite: not a date kept") << "YYYY-MM-DD" << "notadate" << false << false << "notadate";
    QTest::newRow("sqlite: date-only timestamp kept") << "YYYY-MM-DD" << "2024-01-01" << true << false << "2024-01-01";
    QTest::newRow("sqlite: other format still converted") << "DD.MM.YYYY" << "15.03.2024" << false << false << "2024-03-15";
    QTest::newRow("sqlite: other format refuses") << "DD.MM.YYYY" << "notadate" << false << false << "REFUSED";
}

void TestRecordCheck::dateColumnForms()
{
    QFETCH(QString, format);
    QFETCH(QString, value);
    QFETCH(bool, timestamp);
    QFETCH(bool, enforced);
    QFETCH(QString, bound);
    const config::ParseResult r = test::parse("[attributes]\nA=T.a\n[database]\nDSN=x\n[control]\nDateFormat=" + format + "\n");
    QVERIFY2(r.ok(), qPrintable(test::diagnosticsText(r)));
    const std::optional<QString> got = dateColumnText(value, r.config.control.dateFormat.value, timestamp, enforced);
    QCOMPARE(got.value_or(QStringLiteral("REFUSED")), bound);
}

void TestRecordCheck::exceptionsReadBack()
{
    // What exceptionEntry writes, readExceptions reads back: line, record as supplied, events.
    QByteArray file = exceptionEntry(17, "row:\nGN: Nancy\nSN: Davolio\n", {Event::error("error: row already exists")},
                                     datafile::DataFormat{});
    file += exceptionEntry(1, "row:\nGN: Nancy\nSurname: Davolio\n",
                           {Event::warning("warning: unrecognized attribute in import data file\nSurname"),
                            Event::error("unset naming attributes\nSN")},
                           datafile::DataFormat{});
    QBuffer buffer(&file);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const QList<ExceptionEntry> entries = readExceptions(&buffer);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].line, 17);
    QCOMPARE(entries[0].record, QByteArray("row:\nGN: Nancy\nSN: Davolio\n"));
    QCOMPARE(entries[0].events, QList<QStringList>({{"error: row already exists"}}));
    QCOMPARE(entries[1].line, 1);
    QCOMPARE(entries[1].events, QList<QStringList>({{"warning: unrecognized attribute in import data file", "Surname"},
                                                    {"unset naming attributes", "SN"}}));
}

QTEST_GUILESS_MAIN(TestRecordCheck)
#include "tst_record_check.moc"
