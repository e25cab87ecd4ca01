#include "HistoryChart.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace oas::ui {

namespace {

qint64 recordsOf(const journal::RunEntry &e)
{
    return std::max(e.counts.read, e.counts.written);
}

QString shortNumber(double v)
{
    if (v >= 1e6)
        return QStringLiteral("%1M").arg(v / 1e6, 0, 'g', 3);
    if (v >= 1e4)
        return QStringLiteral("%1k").arg(v / 1e3, 0, 'g', 3);
    return QString::number(qint64(v));
}

}  // namespace

HistoryChart::HistoryChart(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(minimumSizeHint());
}

void HistoryChart::setRuns(QList<journal::RunEntry> oldestFirst)
{
    m_runs = std::move(oldestFirst);
    update();
}

void HistoryChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm(font());
    const int left = fm.horizontalAdvance(QStringLiteral("000.0k")) + 8;
    const int right = fm.horizontalAdvance(QStringLiteral("000.0 s")) + 8;
    const QRectF plot(left, fm.height() + 4, width() - left - right, height() - 2 * fm.height() - 12);
    p.setPen(palette().text().color());
    p.drawText(QRectF(0, 0, width(), fm.height() + 2), Qt::AlignLeft, tr("records"));
    p.drawText(QRectF(0, 0, width(), fm.height() + 2), Qt::AlignRight, tr("duration (s)"));
    p.setPen(palette().mid().color());
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(plot.topLeft(), plot.bottomLeft());
    p.drawLine(plot.topRight(), plot.bottomRight());
    if (m_runs.isEmpty() || plot.width() < 10 || plot.height() < 10) {
        p.setPen(palette().text().color());
        p.drawText(plot, Qt::AlignCenter, tr("no runs yet"));
        return;
    }
    double maxRecords = 1, maxSeconds = 0.1;
    for (const journal::RunEntry &e : m_runs) {
        maxRecords = std::max(maxRecords, double(recordsOf(e)));
        maxSeconds = std::max(maxSeconds, double(e.durationMs()) / 1000.0);
    }
    // Axis labels: 0 and the maximum on each side.
    p.setPen(palette().text().color());
    p.drawText(QRectF(0, plot.top() - fm.height() / 2.0, left - 4, fm.height()), Qt::AlignRight | Qt::AlignVCenter, shortNumber(maxRecords));
    p.drawText(QRectF(0, plot.bottom() - fm.height() / 2.0, left - 4, fm.height()), Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    p.drawText(QRectF(plot.right() + 4, plot.top() - fm.height() / 2.0, right, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("%1 s").arg(maxSeconds, 0, 'g', 3));
    p.drawText(QRectF(plot.right() + 4, plot.bottom() - fm.height() / 2.0, right, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("0"));
    const double slot = plot.width() / double(m_runs.size());
    QPainterPath duration;
    for (int i = 0; i < m_runs.size(); ++i) {
        const journal::RunEntry &e = m_runs.at(i);
        // A run with no records (a failed one, typically) still shows: a sliver at the axis.
        const double h = std::max(2.0, double(recordsOf(e)) / maxRecords * plot.height());
        const double barWidth = std::min(slot * 0.7, 36.0);
        const QRectF bar(plot.left() + (i + 0.5) * slot - barWidth / 2, plot.bottom() - h, barWidth, h);
        const bool bad = e.state == journal::RunState::Failed || e.state == journal::RunState::Interrupted;
        p.fillRect(bar, bad ? QColor(0xd0, 0x40, 0x40) : palette().highlight().color().lighter(130));
        const QPointF point(plot.left() + (i + 0.5) * slot, plot.bottom() - double(e.durationMs()) / 1000.0 / maxSeconds * plot.height());
        i == 0 ? duration.moveTo(point) : duration.lineTo(point);
    }
    p.setPen(QPen(palette().text().color(), 1.5));
    p.drawPath(duration);
    // The time span of the runs shown.
    const QString first = m_runs.first().started.toLocalTime().toString(QStringLiteral("MM-dd HH:mm"));
    const QString last = m_runs.last().started.toLocalTime().toString(QStringLiteral("MM-dd HH:mm"));
    p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), fm.height() + 4), Qt::AlignLeft, first);
    if (last != first && fm.horizontalAdvance(first + last) + 12 < plot.width())
        p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), fm.height() + 4), Qt::AlignRight, last);
}

}  // namespace oas::ui
