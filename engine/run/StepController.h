#pragma once
// Single-step mode, once for every front-end: the job calls pause() after each record; the CLI answers
// through a synchronous prompter (a line from the keyboard), the Studio through next() / go() / stop()
// from the GUI thread. stop() also cancels a job that is not stepping.
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
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_permits = 0;
};

}  // namespace oas::run
