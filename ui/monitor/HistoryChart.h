#pragma once
// A configuration's or sync's last runs as a chart a person can read: a bar per run for its records (left
// axis), a line for its duration (right axis, seconds), failed runs' bars red, the first and last start
// dates under the x axis.
#include "journal/RunEntry.h"

#include <QList>
#include <QWidget>

namespace oas::ui {

class HistoryChart : public QWidget {
    Q_OBJECT
public:
    explicit HistoryChart(QWidget *parent = nullptr);
    void setRuns(QList<journal::RunEntry> oldestFirst);
    const QList<journal::RunEntry> &runs() const { return m_runs; }
    QSize sizeHint() const override { return {320, 140}; }
    QSize minimumSizeHint() const override { return {220, 110}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<journal::RunEntry> m_runs;
};

}  // namespace oas::ui
