#pragma once
// What the import's integration suites share: a table of five employees (two with the same names) on each
// backend, a configuration writer, and an in-process import that captures the trace, the SQL trace and the
// exceptions file.
#include "Backend.h"
#include "common/TestSupport.h"
#include "importer/ImportJob.h"

#include <QDir>
#include <QTest>

namespace oas::test {

struct ImportCapture : run::JobObserver {
    QStringList blocks;  // Summary, FailSummary and Statistics blocks
    QStringList sql;     // SQL blocks
    QStringList errors;
    std::vector<qint64> progressRecords;  // records read at each progress report (after each transaction, and the end)
    std::vector<qint64> progressDone;     // records applied (added, modified, deleted or failed) at each
    void progress(const run::JobProgress &p) override
    {
        progressRecords.push_back(p.records);
        progressDone.push_back(p.adds + p.modifies + p.deletes + p.errors);
    }
    void traceLine(run::TraceKind kind, config::TraceLevel level, const QString &text) override
    {
        if (kind == run::TraceKind::Error)
            errors << text;
        else if (kind == run::TraceKind::Level
                 && (level == config::TraceLevel::Summary || level == config::TraceLevel::FailSummary
                     || level == config::TraceLevel::Statistics))
            blocks << text;
        else if (kind == run::TraceKind::Level && (level == config::TraceLevel::Sql || level == config::TraceLevel::Columns))
            sql << text;
    }
};

struct Imported {
    importer::ImportResult result;
    QStringList trace;
    QStringList sql;
    QStringList errors;
    QByteArray exceptions;
    std::vector<qint64> progressRecords;
    std::vector<qint64> progressDone;
};

inline void verifyAccounting(const importer::ImportResult &r)
{
    const importer::ImportStats &s = r.stats;
    QCOMPARE(r.recordsRead, s.creates + s.updates + s.unchanged + s.deletes + s.errors + s.skips);
    QCOMPARE(r.exceptions, s.errors);
}


// Inherited by the suites' test classes (after QObject); setUp() / tearDown() from their init() / cleanup().
class ImportFixture {
protected:
    void setUp();
    void tearDown();
    void addBackends();
    test::Backend backend(const QString &name) const;
    bool createTable(const test::Backend &b, bool seed = true);
    QString writeConfig(const test::Backend &b, const QString &importLines, const QString &attributePrefix = {},
                        const QString &control = {});
    Imported import(const QString &configPath, const QByteArray &data, int batch = 500,
                    run::StepController *step = nullptr);
    QStringList tableRows(const test::Backend &b, const QString &table = {});

    QTemporaryDir *m_dir = nullptr;
    QString m_table;
};

inline void ImportFixture::setUp()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    QDir::setCurrent(m_dir->path());
    m_table = test::uniqueTable("imp");
}

inline void ImportFixture::tearDown()
{
    QDir::setCurrent(QDir::tempPath());
    delete m_dir;
    m_dir = nullptr;
}

inline void ImportFixture::addBackends()
{
    test::addBackendRows();
}

inline test::Backend ImportFixture::backend(const QString &name) const
{
    return test::backendNamed(name, m_dir->path());
}

inline bool ImportFixture::createTable(const test::Backend &b, bool seed)
{
    test::Sql sql(b);
    bool ok = sql.ok()
              && sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, first VARCHAR(10), last VARCHAR(20), "
                                         "title VARCHAR(30), city VARCHAR(15))")
                              .arg(m_table));
    const QVariantList rows[] = {{1, "Nancy", "Davolio", "Sales Rep", "Seattle"},
                                 {2, "Andrew", "Fuller", "VP", "Tacoma"},
                                 {3, "Janet", "Leverling", "Sales Rep", "Kirkland"},
                                 {4, "Dup", "Name", "a", "b"},
                                 {5, "Dup", "Name", "c", "d"}};
    for (const QVariantList &r : rows) {
        if (ok && seed)
            ok = sql.exec(QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?, ?, ?)").arg(m_table), r);
    }
    if (!ok)
        qWarning("%s", qPrintable(sql.error()));
    return ok;
}

inline QString ImportFixture::writeConfig(const test::Backend &b, const QString &importLines, const QString &attributePrefix,
                                const QString &control)
{
    const QString t = m_table;
    const QString attributes = attributePrefix.isEmpty()
                                   ? QStringLiteral("EID=%1.id\nGN=%1.first\nSN=%1.last\nTI=%1.title\nCITY=%1.city\n").arg(t)
                                   : attributePrefix;
    const QString levels = control.contains("TraceLevel=") ? QString() : QStringLiteral("TraceLevel=Summary Stats\n");
    const QString text = QStringLiteral("[version]\nVersion=1.06\n[attributes]\n%1[database]\n%2\n[import]\n%3\n"
                                        "[control]\nEncoding=UTF-8\n%4%5")
                             .arg(attributes, b.fieldLines.join('\n'), importLines, levels, control);
    const QString path = m_dir->filePath("import.ini");
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(text.toUtf8());
    return path;
}

inline Imported ImportFixture::import(const QString &configPath, const QByteArray &data, int batch, run::StepController *step)
{
    Imported out;
    const config::ParseResult parsed = config::parseConfigFile(configPath, config::Operation::Import);
    if (!parsed.ok()) {
        qWarning("%s", qPrintable(test::diagnosticsText(parsed)));
        return out;
    }
    QFile in(m_dir->filePath("in.txt"));
    in.open(QIODevice::WriteOnly | QIODevice::Truncate);
    in.write(data);
    in.close();
    importer::ImportRequest request;
    request.config = parsed.config;
    request.inputPath = in.fileName();
    request.batchSize = batch;
    request.connectionName = QUuid::createUuid().toString();
    ImportCapture capture;
    trace::Trace::Options options = trace::Trace::Options::fromConfig(parsed.config.control);
    options.observer = &capture;
    trace::Trace trace(options);
    trace.open(nullptr);
    out.result = importer::runImport(request, trace, step, &capture);
    out.trace = capture.blocks;
    out.sql = capture.sql;
    out.errors = capture.errors;
    out.progressRecords = capture.progressRecords;
    out.progressDone = capture.progressDone;
    if (!out.result.exceptionsPath.isEmpty())
        out.exceptions = test::readAll(out.result.exceptionsPath);
    return out;
}

inline QStringList ImportFixture::tableRows(const test::Backend &b, const QString &table)
{
    test::Sql sql(b);
    return sql.rows(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table.isEmpty() ? m_table : table));
}

}  // namespace oas::test
