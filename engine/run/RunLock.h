#pragma once
// One run of a configuration at a time (DECISIONS.md 16): a run holds an exclusive flock() on a lock file
// beside its configuration (".NAME.lock") and, for exports that keep reference files, one in the reference
// folder (".oas-reference.lock"). The kernel releases a lock when its process ends, however it ends, so a
// lock left by a dead process is simply taken over, never a stale refusal. The lock file holds who holds it
// (program, pid, host, start time in UTC), so a second run can say whom it waits for.
#include <QString>

#include <memory>

namespace oas::run {

class RunLock {
public:
    ~RunLock();
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

    // Takes the lock of path (a lock file beside a configuration, or in a folder: see lockFileFor*); waits up
    // to waitSeconds for a running holder (0: refuses at once). nullptr with *error naming the holder, or
    // why the lock file cannot be used.
    static std::unique_ptr<RunLock> acquire(const QString &lockFile, const QString &what, int waitSeconds, QString *error);
    static QString lockFileForConfig(const QString &configPath);
    static QString lockFileForFolder(const QString &folder);

private:
    explicit RunLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

// The seconds a run waits for another run of its configuration: OAS_LOCK_WAIT (0-3600), else 0.
int lockWaitSeconds();

}  // namespace oas::run
