#pragma once
// A small live chart of a run's records per second: one sample per progress update, 200 ms apart at least
// (the rate since the previous sample), the newest samples drawn as a line from right to left.
#include <QElapsedTimer>
#include <QWidget>

#include <deque>

namespace oas::ui {

class RateChart : public QWidget {
    Q_OBJECT
public:
    explicit RateChart(QWidget *parent = nullptr);

    void start();                   // a new run: no samples, the clock at 0
    void addRecords(qint64 total);  // the run's record count so far
    const std::deque<double> &samples() const { return m_samples; }
    double peak() const;

    QSize sizeHint() const override { return {240, 48}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    static constexpr size_t kSamples = 240;
    static constexpr qint64 kWindowMs = 200;
    QElapsedTimer m_clock;
    qint64 m_lastMs = 0;
    qint64 m_lastRecords = 0;
    std::deque<double> m_samples;
};

}  // namespace oas::ui
