#pragma once
// A process named by pid and start time, so a journal entry can tell "still running" from "gone" even when
// the pid was reused by another process since.
#include <QString>

namespace oas::journal {

QString currentProcessStart();  // /proc/self/stat's start time (clock ticks since boot) with the boot id
QString processStart(qint64 pid);  // empty when the process is gone
QString localHostName();
QString currentUserName();
// True while the process (pid, start) runs on this host.
bool processAlive(qint64 pid, const QString &start);

}  // namespace oas::journal
