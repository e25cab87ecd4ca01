#include "SyncProcess.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace oas::ui {

SyncProcess::SyncProcess(QObject *parent) : QObject(parent)
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] { read(QProcess::StandardOutput); });
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] { read(QProcess::StandardError); });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        read(QProcess::StandardOutput);
        read(QProcess::StandardError);
        for (int c = 0; c < 2; ++c) {
            if (!m_partial[c].isEmpty())
                emit lines({QString::fromUtf8(m_partial[c])}, c == 1);
            m_partial[c].clear();
        }
        const int code = status == QProcess::NormalExit ? exitCode : 1;
        emit finished(code, status == QProcess::NormalExit ? m_summary : tr("stopped"), m_guardDeletes, m_guardMessage);
    });
}

QString SyncProcess::agentProgram()
{
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString &candidate : {dir + QStringLiteral("/odbc-agent"), dir + QStringLiteral("/../bin/odbc-agent")}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).absoluteFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("odbc-agent"));
}

bool SyncProcess::start(const QStringList &arguments, QString *error)
{
    const QString program = agentProgram();
    if (program.isEmpty()) {
        *error = tr("odbc-agent is not installed beside the Studio nor on PATH");
        return false;
    }
    m_summary.clear();
    m_guardMessage.clear();
    m_guardDeletes = 0;
    m_partial[0].clear();
    m_partial[1].clear();
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        *error = tr("cannot start %1: %2").arg(program, m_process.errorString());
        return false;
    }
    m_process.closeWriteChannel();
    return true;
}

void SyncProcess::cancel()
{
    if (isRunning())
        m_process.terminate();  // the running agent's entry shows interrupted; what it committed stays
}

void SyncProcess::read(QProcess::ProcessChannel channel)
{
    m_process.setReadChannel(channel);
    QByteArray &partial = m_partial[channel == QProcess::StandardError ? 1 : 0];
    partial += m_process.readAll();
    const qsizetype end = partial.lastIndexOf('\n');
    if (end < 0)
        return;
    const QStringList got = QString::fromUtf8(partial.left(end)).split(QLatin1Char('\n'));
    partial = partial.mid(end + 1);
    static const QRegularExpression step(QStringLiteral("^== sync .*, step (\\d+) of (\\d+): (.*)$"));
    static const QRegularExpression done(QStringLiteral("^sync .*: (done|done with warnings|not done) \\(exit \\d+\\)$"));
    static const QRegularExpression allow(QStringLiteral("--allow-deletes (\\d+)\\s*$"));
    for (const QString &line : got) {
        if (const auto m = step.match(line); m.hasMatch())
            emit stepStarted(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3));
        if (done.match(line).hasMatch())
            m_summary = line;
        if (line.contains(QLatin1String("stopped by the delete guard")))
            m_guardMessage = line;
        if (const auto m = allow.match(line); m.hasMatch() && !m_guardMessage.isEmpty())
            m_guardDeletes = m.captured(1).toLongLong();
    }
    emit lines(got, channel == QProcess::StandardError);
}

}  // namespace oas::ui
