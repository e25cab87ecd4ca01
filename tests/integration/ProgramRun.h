#pragma once
// Runs one of the project's programs (build/bin) as a process, in a folder, with an environment and a
// standard input, and keeps what it printed.
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace oas::test {

struct ProgramRun {
    qint64 pid = 0;
    int exitCode = -1;  // -1: it did not start or did not finish within the time
    QString out;
    QString err;
};

inline ProgramRun runProgram(const QString &program, const QStringList &args, const QString &folder,
                             const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                             const QByteArray &input = {}, int timeoutMs = 120000)
{
    ProgramRun r;
    QProcess p;
    p.setWorkingDirectory(folder);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(OAS_BIN_DIR "/") + program, args);
    if (!p.waitForStarted(10000))
        return r;
    r.pid = p.processId();
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs))
        return r;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

}  // namespace oas::test
