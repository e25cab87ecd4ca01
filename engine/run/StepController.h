#pragma once
// Single-step mode, once for every front-end: the job calls pause() after each record; the CLI answers
// through a synchronous prompter (a line from the keyboard), the Studio through next() / go() / stop()
// from the GUI thread. stop() also cancels a job that is not stepping.
#include "JobObserver.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace oas::run {

class StepController {
public:
    enum class Decision { Next, Go, Stop };
    using Prompter = std::function<Decision(const QString &what)>;

    void setStepping(bool stepping) { m_stepping = stepping; }
    bool isStepping() const { return m_stepping; }
    void setPrompter(Prompter prompter) { m_prompter = std::move(prompter); }
    // Breakpoints: a record for which this returns true switches the job to single-step mode before it
    // goes on (errors, a line, a change type). Set before the job starts.
    using Breakpoint = std::function<bool(const RecordStep &)>;
    void setBreakpoint(Breakpoint breakpoint) { m_breakpoint = std::move(breakpoint); }
    bool hasBreakpoint() const { return bool(m_breakpoint); }
    // Whether the job must report this record and pause after it: stepping, or a breakpoint matches (which
    // turns stepping on).
    bool stopsAt(const RecordStep &step);

    // Called by the job after a record. Returns false when the job must stop now.
    bool pause(const QString &what);
    bool stopRequested() const { return m_stop; }

    // From another thread.
    void next();
    void go();
    void stop();

    // The CLI's answer to a line typed at the prompt: q/Q/n/N stop, g/G go, anything else next.
    static Decision decisionForLine(const QString &line);

private:
    std::atomic<bool> m_stepping{false};
    std::atomic<bool> m_stop{false};
    Prompter m_prompter;
    Breakpoint m_breakpoint;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_permits = 0;
};

}  // namespace oas::run
