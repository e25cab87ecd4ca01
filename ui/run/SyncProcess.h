#pragma once
// A sync run from the Studio (docs/sync.md): `odbc-agent sync FILE [--dry-run] [--allow-deletes N]` as a
// child process, so a sync runs exactly as from cron or a shell (its own working folder, its own journal
// entries) and the Studio stays responsive; its output streams in line by line, each step announced.
#include <QObject>
#include <QProcess>
#include <QStringList>

#include <optional>

namespace oas::ui {

class SyncProcess : public QObject {
    Q_OBJECT
public:
    explicit SyncProcess(QObject *parent = nullptr);
    // odbc-agent beside the Studio, else in the build's bin folder (tests), else on PATH.
    static QString agentProgram();

    bool start(const QStringList &arguments, QString *error);  // "sync FILE ..." or "schedule ..."
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    void cancel();

signals:
    void lines(const QStringList &lines, bool standardError);
    void stepStarted(int step, int steps, const QString &what);
    // guardDeletes: the deletes a delete guard stopped (the --allow-deletes that lets them through), else 0.
    void finished(int exitCode, const QString &summary, qint64 guardDeletes, const QString &guardMessage);

private:
    void read(QProcess::ProcessChannel channel);

    QProcess m_process;
    QByteArray m_partial[2];
    QString m_summary;
    QString m_guardMessage;
    qint64 m_guardDeletes = 0;
};

}  // namespace oas::ui
