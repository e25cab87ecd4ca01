#pragma once
// What the export's integration suites share: a table of three employees (NULLs, a line break, a
// backslash, umlauts, edge blanks) on each backend, a configuration writer, in-process exports that
// capture the trace, and the bytes the full export of that table must give.
#include "Backend.h"
#include "common/TestSupport.h"
#include "exporter/ExportJob.h"

#include <QDir>
#include <QTest>

namespace oas::test {

struct Capture : run::JobObserver {
    QStringList errors;
    void traceLine(run::TraceKind kind, config::TraceLevel, const QString &text) override
    {
        if (kind == run::TraceKind::Error)
            errors << text;
    }
};

// The SQL trace of a run.
struct SqlCapture : run::JobObserver {
    QStringList sql;
    void traceLine(run::TraceKind kind, config::TraceLevel level, const QString &text) override
    {
        if (kind == run::TraceKind::Level && level == config::TraceLevel::Sql)
            sql << text;
    }
};

inline QByteArray readFile(const QString &path)
{
    return readAll(path);
}

// Runs an export of the configuration at path as request (its config and connection name filled in) says;
// a configuration with errors is shown and not run (exit code 1).
inline exporter::ExportResult runRequest(const QString &path, exporter::ExportRequest request, run::JobObserver &capture,
                                         run::StepController *step = nullptr)
{
    const config::ParseResult parsed = config::parseConfigFile(path, config::Operation::Export);
    if (!parsed.ok()) {
        qWarning("%s", qPrintable(diagnosticsText(parsed)));
        return {};
    }
    request.config = parsed.config;
    request.connectionName = QUuid::createUuid().toString();
    trace::Trace::Options options = trace::Trace::Options::fromConfig(parsed.config.control);
    options.observer = &capture;
    trace::Trace trace(options);
    trace.open(nullptr);
    return exporter::runExport(request, trace, step, &capture);
}

// The full export of prepareTable()'s rows (Encoding=UTF-8, 8bit off).
inline const QByteArray kFull = "row:\nID: 1\nNAME: Nancy\nBORN: 1948-12-08\nHIRED: 1992-05-01 00:00:00\n"
                                "NOTES: line1\\x0aline2\n\n"
                                "row:\nID: 2\nNAME:\nBORN:\nHIRED:\nNOTES: back\\\\slash #x\n\n"
                                "row:\nID: 3\nNAME: Zo\\xc3\\xab M\\xc3\\xbcller\nBORN: 2000-02-29\n"
                                "HIRED: 2020-01-02 03:04:05\nNOTES: \\x20padded\\x20\n\n";

// Each test function works in a temporary directory of its own (the current directory) on a table of its
// own; setUp() / tearDown() are called from the suite's init() / cleanup().
class ExportFixture {
protected:
    void setUp()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        QDir::setCurrent(m_dir->path());
        m_table = uniqueTable("emp");
        m_capture.errors.clear();
    }
    void tearDown()
    {
        QDir::setCurrent(QDir::tempPath());
        delete m_dir;
        m_dir = nullptr;
    }
    static void addBackends() { addBackendRows(); }

    bool prepareTable(const Backend &b)
    {
        Sql sql(b);
        if (!sql.ok()) {
            qWarning("%s", qPrintable(sql.error()));
            return false;
        }
        const QString t = m_table;
        // Dates as text: SQLite keeps the text it is given (a QDateTime would be stored with ".000"), and the
        // export writes what is stored.
        const bool ok = sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(40), born DATE, "
                                                "hired TIMESTAMP, notes VARCHAR(200))")
                                     .arg(t))
                        && sql.exec(QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?, ?, ?)").arg(t),
                                    {1, "Nancy", "1948-12-08", "1992-05-01 00:00:00", "line1\nline2"})
                        && sql.exec(QStringLiteral("INSERT INTO %1 (id, notes) VALUES (?, ?)").arg(t), {2, "back\\slash #x"})
                        && sql.exec(QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?, ?, ?)").arg(t),
                                    {3, QStringLiteral("Zoë Müller"), "2000-02-29", "2020-01-02 03:04:05", " padded "});
        if (!ok)
            qWarning("%s", qPrintable(sql.error()));
        return ok;
    }

    QString writeConfig(const Backend &b, const QString &exportLines, const QString &extraControl = {})
    {
        const QString t = m_table;
        const QString text = QStringLiteral("[version]\nVersion=1.06\n[attributes]\nID=%1.id\nNAME=%1.name\nBORN=%1.born\n"
                                            "HIRED=%1.hired\nNOTES=%1.notes\n[database]\n%2\n[export]\n%3\n"
                                            "[control]\nEncoding=UTF-8\n%4")
                                 .arg(t, b.fieldLines.join('\n'), exportLines, extraControl);
        const QString path = m_dir->filePath("export.ini");
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(text.toUtf8());
        return path;
    }

    exporter::ExportResult exportOnce(const QString &configPath, const QString &output, QDate today = {},
                                      bool referenceFlag = false, const QString &referenceFile = {},
                                      run::StepController *step = nullptr)
    {
        exporter::ExportRequest request;
        request.configPath = configPath;
        request.outputPath = output;
        request.todayUtc = today.isValid() ? today : QDate(2026, 11, 23);
        request.referenceFlag = referenceFlag;
        request.referenceFile = referenceFile;
        return runRequest(configPath, request, m_capture, step);
    }

    QTemporaryDir *m_dir = nullptr;
    QString m_table;
    Capture m_capture;
};

}  // namespace oas::test
