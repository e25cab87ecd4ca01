#include "RateChart.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace oas::ui {

RateChart::RateChart(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(120, 36);
    setToolTip(tr("records per second"));
}

void RateChart::start()
{
    m_samples.clear();
    m_clock.start();
    m_lastMs = 0;
    m_lastRecords = 0;
    update();
}

void RateChart::addRecords(qint64 total)
{
    if (!m_clock.isValid())
        m_clock.start();
    const qint64 now = m_clock.elapsed();
    if (now - m_lastMs < kWindowMs && !m_samples.empty())
        return;  // a sample per 200 ms: the line stays readable at any rate of updates
    const double seconds = std::max<qint64>(now - m_lastMs, 1) / 1000.0;
    m_samples.push_back(double(std::max<qint64>(total - m_lastRecords, 0)) / seconds);
    if (m_samples.size() > kSamples)
        m_samples.pop_front();
    m_lastMs = now;
    m_lastRecords = total;
    update();
}

double RateChart::peak() const
{
    return m_samples.empty() ? 0.0 : *std::max_element(m_samples.begin(), m_samples.end());
}

void RateChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(1, 1, -1, -1);
    p.fillRect(area, palette().base());
    p.setPen(palette().mid().color());
    p.drawRect(area);
    const double top = peak();
    if (m_samples.empty() || top <= 0)
        return;
    const double step = area.width() / double(kSamples - 1);
    QPainterPath line;
    const size_t n = m_samples.size();
    for (size_t i = 0; i < n; ++i) {
        const double x = area.right() - double(n - 1 - i) * step;
        const double y = area.bottom() - m_samples[i] / top * (area.height() - 12);
        i == 0 ? line.moveTo(x, y) : line.lineTo(x, y);
    }
    p.setPen(QPen(palette().highlight().color(), 1.5));
    p.drawPath(line);
    p.setBrush(palette().highlight());
    p.drawEllipse(line.currentPosition(), 2.5, 2.5);  // the newest sample, visible from the first one on
    p.setPen(palette().text().color());
    p.drawText(area.adjusted(4, 0, -4, 0), Qt::AlignLeft | Qt::AlignTop, tr("peak %1/s").arg(qint64(top)));
}

}  // namespace oas::ui
