#pragma once
// A sync's world for the tests: a source table in SQLite (src.db) exported by export.ini, a target table on
// the row's backend imported by import.ini, and a sync file chaining them (docs/sync.md). The journal is
// the test's own (OAS_JOURNAL in the folder), read back through `odbc-agent runs --json`.
#include "Backend.h"
#include "ProgramRun.h"
#include "common/TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

namespace oas::test {

struct SyncWorld {
    std::unique_ptr<WorkDir> dir = std::make_unique<WorkDir>();
    Backend target;
    QString source = uniqueTable("sync_src");
    QString table = uniqueTable("sync_tgt");

    QString path(const QString &name) const { return dir->filePath(name); }
    Backend sourceBackend() const { return Backend::sqlite(path(QStringLiteral("src.db"))); }

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("OAS_JOURNAL"), path(QStringLiteral("journal/journal.db")));
        return e;
    }
    ProgramRun run(const QString &program, const QStringList &args) const { return runProgram(program, args, dir->path(), env()); }
    ProgramRun sync(const QStringList &extra = {}) const
    {
        return run(QStringLiteral("odbc-agent"), QStringList{QStringLiteral("sync"), QStringLiteral("test.sync")} + extra);
    }

    static void write(const QString &file, const QString &text)
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
    }

    // rows source rows (id 1..rows), an empty target, the configurations and the sync file (body: the
    // [step] sections; empty: export then import of its output).
    void create(const QString &backend, int rows, const QString &syncBody = {})
    {
        target = backendNamed(backend, dir->path());
        Sql src(sourceBackend());
        QVERIFY2(src.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(40), n INTEGER)").arg(source)),
                 qPrintable(src.error()));
        for (int i = 1; i <= rows; ++i)
            QVERIFY(src.exec(QStringLiteral("INSERT INTO %1 VALUES (%2, 'name %2', %3)").arg(source).arg(i).arg(i * 7)));
        Sql tgt(target);
        QVERIFY2(tgt.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, name VARCHAR(40), n INTEGER)").arg(table)),
                 qPrintable(tgt.error()));
        write(path("export.ini"), QStringLiteral("[version]\nVersion=1.06\n[attributes]\nID=%1.id\nNAME=%1.name\nN=%1.n\n"
                                                 "[database]\nDRIVER=SQLite3\nDatabase=%2\n"
                                                 "[export]\nMode=delta-or-full\nFrom=%1\nSelect=ID,NAME,N\nKeys=ID\nReferencePath=refs\n")
                                      .arg(source, path("src.db")));
        write(path("import.ini"), QStringLiteral("[version]\nVersion=1.06\n[attributes]\nID=%1.id\nNAME=%1.name\nN=%1.n\n"
                                                 "[database]\n%2\n[import]\nTable=%1\nSelectBy=ID\nModify=NAME,N\nExceptions=except.txt\n")
                                      .arg(table, target.fieldLines.join(QLatin1Char('\n'))));
        write(path("test.sync"), QStringLiteral("[sync]\nName=test\n")
                                     + (syncBody.isEmpty() ? QStringLiteral("[step export]\nKind=export\nConfig=export.ini\nOutput=delta.txt\n"
                                                                            "[step import]\nKind=import\nConfig=import.ini\nInput=@export\n")
                                                           : syncBody));
    }

    QStringList sourceRows() const { return Sql(sourceBackend()).rows(QStringLiteral("SELECT id, name, n FROM %1 ORDER BY id").arg(source)); }
    QStringList targetRows() const { return Sql(target).rows(QStringLiteral("SELECT id, name, n FROM %1 ORDER BY id").arg(table)); }
    bool changeSource(const QString &sql) const
    {
        Sql src(sourceBackend());
        return src.exec(sql.arg(source));
    }

    // The journal's entries, newest first (odbc-agent runs --json with the given filter).
    QJsonArray runs(const QStringList &filter = {}) const
    {
        const ProgramRun r = run(QStringLiteral("odbc-agent"), QStringList{QStringLiteral("runs"), QStringLiteral("--json")} + filter);
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    // Every file under a folder with its bytes (names relative), for "nothing changed" comparisons.
    static QMap<QString, QByteArray> snapshot(const QString &folder)
    {
        QMap<QString, QByteArray> files;
        QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            files.insert(QDir(folder).relativeFilePath(file), readAll(file));
        }
        return files;
    }
};

}  // namespace oas::test
