#include "RunEntry.h"

namespace oas::journal {

QString stateName(RunState state)
{
    switch (state) {
    case RunState::Running: return QStringLiteral("running");
    case RunState::Succeeded: return QStringLiteral("succeeded");
    case RunState::Warnings: return QStringLiteral("warnings");
    case RunState::Failed: return QStringLiteral("failed");
    case RunState::Interrupted: return QStringLiteral("interrupted");
    }
    return QStringLiteral("failed");
}

RunState stateFromName(const QString &name)
{
    for (RunState s : {RunState::Running, RunState::Succeeded, RunState::Warnings, RunState::Failed, RunState::Interrupted}) {
        if (stateName(s) == name)
            return s;
    }
    return RunState::Failed;
}

RunState stateForExitCode(int exitCode)
{
    return exitCode == 0 ? RunState::Succeeded : exitCode == 0x3C ? RunState::Warnings : RunState::Failed;
}

qint64 RunEntry::durationMs() const
{
    if (!started.isValid())
        return 0;
    return started.msecsTo(ended.isValid() ? ended : QDateTime::currentDateTimeUtc());
}

}  // namespace oas::journal
