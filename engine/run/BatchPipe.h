#pragma once
// A producer thread and a consumer thread handing batches over a bounded queue: the producer fills a batch
// (fetching rows, reading records) while the consumer works on the previous one, so the two overlap on two
// cores. A fixed number of batches circulate, so memory stays bounded whatever the input size. Batches
// are reused (the consumer gives them back), so their buffers are too.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace oas::run {

template <typename Batch>
class BatchPipe {
public:
    // Fills a batch; returns false when it is the last one (the producer thread then ends).
    using Producer = std::function<bool(Batch &)>;

    explicit BatchPipe(int batches = 4)
    {
        for (int i = 0; i < batches; ++i)
            m_free.push_back(std::make_unique<Batch>());
    }
    ~BatchPipe() { stop(); }
    BatchPipe(const BatchPipe &) = delete;
    BatchPipe &operator=(const BatchPipe &) = delete;

    void start(Producer producer)
    {
        m_producer = std::move(producer);
        m_thread = std::thread([this] { produce(); });
    }
    bool started() const { return m_thread.joinable(); }
    // True once stop() was called: a producer filling a large batch may check it to end early.
    bool stopping() const { return m_stop; }

    // The next filled batch, in order; nullptr after the last one was taken.
    std::unique_ptr<Batch> take()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_full.empty() || m_finished; });
        if (m_full.empty())
            return nullptr;
        std::unique_ptr<Batch> batch = std::move(m_full.front());
        m_full.pop_front();
        return batch;
    }
    // Gives a taken batch back for the producer to fill again.
    void recycle(std::unique_ptr<Batch> batch)
    {
        {
            std::lock_guard lock(m_mutex);
            m_free.push_back(std::move(batch));
        }
        m_changed.notify_all();
    }
    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    void produce()
    {
        for (;;) {
            std::unique_ptr<Batch> batch;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return !m_free.empty() || m_stop; });
                if (m_stop)
                    break;
                batch = std::move(m_free.front());
                m_free.pop_front();
            }
            const bool more = m_producer(*batch);
            {
                std::lock_guard lock(m_mutex);
                m_full.push_back(std::move(batch));
            }
            m_changed.notify_all();
            if (!more)
                break;
        }
        {
            std::lock_guard lock(m_mutex);
            m_finished = true;
        }
        m_changed.notify_all();
    }

    Producer m_producer;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<Batch>> m_full;
    std::deque<std::unique_ptr<Batch>> m_free;
    std::atomic<bool> m_stop{false};
    bool m_finished = false;
};

}  // namespace oas::run
