#pragma once
// The live trace of a run: the newest blocks (bounded), filtered by level (or errors and warnings only, or
// the TraceFlow lines) and by a search text; changing the filter shows the kept blocks again.
#include "JobRunner.h"

#include <QWidget>

#include <deque>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimer;

namespace oas::ui {

class TraceView : public QWidget {
    Q_OBJECT
public:
    explicit TraceView(QWidget *parent = nullptr);

    void clear();
    void append(const QList<TraceBlock> &blocks);
    // The filter: 0 all, 1 errors and warnings, 2 TraceFlow lines, 3 + i the i-th of config::traceLevelNames().
    void setFilter(int index);
    void setSearch(const QString &text);
    QString text() const;           // what the view shows
    qsizetype keptBlocks() const { return qsizetype(m_blocks.size()); }
    QString countText() const;      // "N of M blocks" while filtered, kept current as blocks arrive

    static constexpr size_t kMaxBlocks = 20000;  // kept for re-filtering; older ones are let go

private:
    bool shows(const TraceBlock &block) const;
    void refill();
    void showCount();
    static QString display(const TraceBlock &block);

    std::deque<TraceBlock> m_blocks;
    QComboBox *m_filter;
    QLineEdit *m_search;
    QLabel *m_count;
    QPlainTextEdit *m_view;
    QTimer *m_searchPause;    // typing in the search box refills once it pauses
    qsizetype m_matching = 0; // kept blocks the filter shows
};

}  // namespace oas::ui
