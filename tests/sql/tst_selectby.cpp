// SelectBy predicates: SQL precedence (NOT > AND > OR), parentheses kept, errors with exact offsets.
#include "sql/SelectBy.h"

#include <QTest>

using namespace oas::sql;

// The tree as a fully parenthesised string, to compare shapes.
static QString shape(const SelectByNode &n)
{
    switch (n.kind) {
    case SelectByNode::Kind::Attribute: return n.name;
    case SelectByNode::Kind::And: return "and(" + shape(n.children[0]) + "," + shape(n.children[1]) + ")";
    case SelectByNode::Kind::Or: return "or(" + shape(n.children[0]) + "," + shape(n.children[1]) + ")";
    case SelectByNode::Kind::Not: return "not(" + shape(n.children[0]) + ")";
    case SelectByNode::Kind::Group: return "[" + shape(n.children[0]) + "]";
    }
    return {};
}

class TestSelectBy : public QObject {
    Q_OBJECT
private slots:
    void trees_data();
    void trees();
    void errors_data();
    void errors();
    void limitsHold();
    void attributeOrder();
};

void TestSelectBy::trees_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("single") << "GN" << "GN";
    QTest::newRow("and") << "GN & SN" << "and(GN,SN)";
    QTest::newRow("and binds tighter than or") << "A | B & C" << "or(A,and(B,C))";
    QTest::newRow("or left-assoc") << "A|B|C" << "or(or(A,B),C)";
    QTest::newRow("not binds tightest") << "!A & B" << "and(not(A),B)";
    QTest::newRow("double not") << "!!A" << "not(not(A))";
    QTest::newRow("parentheses") << "(A | B) & C" << "and([or(A,B)],C)";
    QTest::newRow("manual example fixed") << "A&!(B|C|!(D&E&(!F)))"
                                          << "and(A,not([or(or(B,C),not([and(and(D,E),[not(F)])]))]))";
    QTest::newRow("hyphen and underscore names") << "first-name & last_name" << "and(first-name,last_name)";
    QTest::newRow("whitespace everywhere") << "  (  A  )  " << "[A]";
}

void TestSelectBy::trees()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const SelectByParse p = parseSelectBy(text);
    QVERIFY(p.errors.isEmpty());
    QVERIFY(p.root);
    QCOMPARE(shape(*p.root), expected);
}

void TestSelectBy::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("length");
    QTest::newRow("empty") << "" << "empty SelectBy predicate" << 0 << 0;
    QTest::newRow("blank") << "   " << "empty SelectBy predicate" << 3 << 0;
    QTest::newRow("dangling and") << "A &" << "missing operand after &" << 2 << 1;
    QTest::newRow("dangling not") << "A & !" << "missing operand after !" << 4 << 1;
    QTest::newRow("leading or") << "| A" << "missing operand before |" << 0 << 1;
    QTest::newRow("double and") << "A && B" << "missing operand before &" << 3 << 1;
    QTest::newRow("unclosed") << "(A & (B | C)" << "missing closing parenthesis" << 0 << 1;
    QTest::newRow("unmatched close") << "A & B)" << "unmatched closing parenthesis" << 5 << 1;
    QTest::newRow("empty parens") << "()" << "missing operand before )" << 1 << 1;
    QTest::newRow("missing operator") << "A B" << "missing operator before B" << 2 << 1;
    QTest::newRow("missing operator paren") << "A (B)" << "missing operator before (" << 2 << 1;
    QTest::newRow("bad character") << "A = B" << "unexpected character = in SelectBy predicate" << 2 << 1;
    // Hostile depth and length: a diagnostic at the first token past the limit, never a stack overflow.
    QTest::newRow("101 parentheses") << QString(101, '(') + "A" + QString(101, ')')
                                     << "SelectBy nested more than 100 deep (parentheses and !)" << 100 << 1;
    QTest::newRow("10,000 parentheses") << QString(10000, '(') + "A" + QString(10000, ')')
                                        << "SelectBy nested more than 100 deep (parentheses and !)" << 100 << 1;
    QTest::newRow("10,000 nots") << QString(10000, '!') + "A" << "SelectBy nested more than 100 deep (parentheses and !)" << 100 << 1;
    QString terms = "A";
    for (int i = 0; i < 1000; ++i)
        terms += " & A";
    QTest::newRow("1001 terms") << terms << "SelectBy names more than 1000 attributes" << 4000 << 1;
}

void TestSelectBy::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(int, offset);
    QFETCH(int, length);
    const SelectByParse p = parseSelectBy(text);
    QVERIFY(!p.root);
    QCOMPARE(p.errors.size(), 1);
    QCOMPARE(p.errors.first().message, message);
    QCOMPARE(p.errors.first().offset, offset);
    QCOMPARE(p.errors.first().length, length);
}

void TestSelectBy::limitsHold()
{
    // Exactly at the limits: parsed.
    QVERIFY(parseSelectBy(QString(100, '(') + "A" + QString(100, ')')).root);
    QVERIFY(parseSelectBy(QString(50, '!') + QString(50, '(') + "A" + QString(50, ')')).root);
    QString terms = "A";
    for (int i = 1; i < 1000; ++i)
        terms += " | A";
    QVERIFY(parseSelectBy(terms).root);
}

void TestSelectBy::attributeOrder()
{
    const SelectByParse p = parseSelectBy(QStringLiteral("gn & (SN | GN) & !T"));
    QVERIFY(p.root);
    QStringList names;
    for (const SelectByNode *n : attributeNodes(*p.root))
        names.append(n->name);
    QCOMPARE(names, (QStringList{"gn", "SN", "GN", "T"}));
    QCOMPARE(distinctAttributes(*p.root), (QStringList{"gn", "SN", "T"}));
    QCOMPARE(attributeNodes(*p.root).at(2)->offset, 11);
}

QTEST_GUILESS_MAIN(TestSelectBy)
#include "tst_selectby.moc"
