#include "StepController.h"

namespace oas::run {

bool StepController::pause(const QString &what)
{
    if (m_stop)
        return false;
    if (!m_stepping)
        return true;
    if (m_prompter) {
        switch (m_prompter(what)) {
        case Decision::Stop: m_stop = true; return false;
        case Decision::Go: m_stepping = false; return true;
        case Decision::Next: return true;
        }
    }
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_permits > 0 || m_stop || !m_stepping; });
    if (m_permits > 0)
        --m_permits;
    return !m_stop;
}

bool StepController::stopsAt(const RecordStep &step)
{
    if (!m_stepping && m_breakpoint && m_breakpoint(step))
        m_stepping = true;
    return m_stepping;
}

void StepController::next()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_permits;
    }
    m_changed.notify_all();
}

void StepController::go()
{
    {
        std::lock_guard lock(m_mutex);
        m_stepping = false;
    }
    m_changed.notify_all();
}

void StepController::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
}

StepController::Decision StepController::decisionForLine(const QString &line)
{
    const QString t = line.trimmed();
    if (t.compare(QLatin1String("q"), Qt::CaseInsensitive) == 0 || t.compare(QLatin1String("n"), Qt::CaseInsensitive) == 0)
        return Decision::Stop;
    if (t.compare(QLatin1String("g"), Qt::CaseInsensitive) == 0)
        return Decision::Go;
    return Decision::Next;
}

}  // namespace oas::run
