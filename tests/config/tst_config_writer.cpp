// Writing NewReferenceFile back into a configuration: only that field changes, byte for byte.
#include "config/ConfigWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace oas::config;

class TestConfigWriter : public QObject {
    Q_OBJECT
private slots:
    void replace_data();
    void replace();
    void fileIsRewrittenAtomically();
};

void TestConfigWriter::replace_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("replace value") << QByteArray("[export]\nSelect=GN\nNewReferenceFile=R6112300\nFrom=E\n")
                                   << QByteArray("[export]\nSelect=GN\nNewReferenceFile=R6112301\nFrom=E\n");
    QTest::newRow("keeps spacing and case") << QByteArray("[EXPORT]\n  newreferencefile =  old\n")
                                            << QByteArray("[EXPORT]\n  newreferencefile =  R6112301\n");
    QTest::newRow("crlf kept") << QByteArray("# c\r\n[export]\r\nNewReferenceFile=\r\nFrom=E\r\n")
                               << QByteArray("# c\r\n[export]\r\nNewReferenceFile=R6112301\r\nFrom=E\r\n");
    QTest::newRow("inserted after last field") << QByteArray("[export]\nSelect=GN\nFrom=E\n\n# tail comment\n[control]\nTrace=1\n")
                                               << QByteArray("[export]\nSelect=GN\nFrom=E\nNewReferenceFile=R6112301\n\n# tail comment\n[control]\nTrace=1\n");
    QTest::newRow("continued value replaced whole") << QByteArray("[export]\nNewReferenceFile=R1\\\n  23\nFrom=E\n")
                                                    << QByteArray("[export]\nNewReferenceFile=R6112301\nFrom=E\n");
    QTest::newRow("other sections untouched") << QByteArray("[import]\nNewReferenceFile=x\n[export]\nFrom=E")
                                              << QByteArray("[import]\nNewReferenceFile=x\n[export]\nFrom=E\nNewReferenceFile=R6112301\n");
    QTest::newRow("commented field ignored") << QByteArray("[export]\n#NewReferenceFile=R1\nFrom=E\n")
                                             << QByteArray("[export]\n#NewReferenceFile=R1\nFrom=E\nNewReferenceFile=R6112301\n");
    QTest::newRow("latin1 bytes kept") << QByteArray("# M\xfcller\n[export]\nWhere=N='\xe9'\nNewReferenceFile=a\n")
                                       << QByteArray("# M\xfcller\n[export]\nWhere=N='\xe9'\nNewReferenceFile=R6112301\n");
    QTest::newRow("no export section") << QByteArray("[control]\nTrace=1")
                                       << QByteArray("[control]\nTrace=1\n[export]\nNewReferenceFile=R6112301\n");
}

void TestConfigWriter::replace()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QCOMPARE(withFieldValue(before, "export", "NewReferenceFile", "R6112301"), after);
}

void TestConfigWriter::fileIsRewrittenAtomically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("a.ini");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[export]\r\nNewReferenceFile=R1\r\n");
    f.close();
    QString error;
    QVERIFY(setFieldValue(path, "export", "NewReferenceFile", "R6112399", &error));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("[export]\r\nNewReferenceFile=R6112399\r\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"a.ini"});  // no temporary left over
    QVERIFY(!setFieldValue(dir.filePath("missing.ini"), "export", "NewReferenceFile", "x", &error));
    QVERIFY(error.startsWith("cannot read configuration file"));
}

QTEST_GUILESS_MAIN(TestConfigWriter)
#include "tst_config_writer.moc"
