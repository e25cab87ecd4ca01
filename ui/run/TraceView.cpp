#include "TraceView.h"

#include "config/Keywords.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace oas::ui {

namespace {
constexpr int kShownLines = 5000;         // the view itself keeps the newest lines
constexpr int kRefillLines = 1000;        // a new filter or search lays out the newest matches only
constexpr int kLinesPerDelivery = 200;    // at most so many new blocks laid out at once
constexpr int kFirstLevel = 3;
}  // namespace

TraceView::TraceView(QWidget *parent)
    : QWidget(parent), m_filter(new QComboBox(this)), m_search(new QLineEdit(this)), m_count(new QLabel(this)),
      m_view(new QPlainTextEdit(this)), m_searchPause(new QTimer(this))
{
    m_filter->addItems({tr("All levels"), tr("Errors and warnings"), tr("Flow (entry/exit)")});
    for (const config::TraceLevelName &level : config::traceLevelNames())
        m_filter->addItem(level.name);
    m_search->setPlaceholderText(tr("search the trace"));
    m_search->setClearButtonEnabled(true);
    m_view->setReadOnly(true);
    m_view->setMaximumBlockCount(kShownLines);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &TraceView::refill);
    // While a large run streams in, each keystroke would filter 20,000 blocks again: once typing pauses.
    m_searchPause->setSingleShot(true);
    m_searchPause->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, m_searchPause, qOverload<>(&QTimer::start));
    connect(m_searchPause, &QTimer::timeout, this, &TraceView::refill);
}

void TraceView::clear()
{
    m_blocks.clear();
    m_matching = 0;
    m_view->clear();
    m_count->clear();
}

void TraceView::showCount()
{
    const bool filtered = m_filter->currentIndex() != 0 || !m_search->text().isEmpty();
    m_count->setText(filtered ? tr("%n of %1 blocks", nullptr, int(m_matching)).arg(m_blocks.size()) : QString());
}

QString TraceView::countText() const
{
    return m_count->text();
}

QString TraceView::display(const TraceBlock &block)
{
    return block.kind == run::TraceKind::Error ? QStringLiteral("! ") + block.text : block.text;
}

bool TraceView::shows(const TraceBlock &block) const
{
    const int f = m_filter->currentIndex();
    bool ok = true;
    if (f == 1)
        ok = block.kind == run::TraceKind::Error || (block.kind == run::TraceKind::Level && block.level == config::TraceLevel::Warnings);
    else if (f == 2)
        ok = block.kind == run::TraceKind::Flow;
    else if (f >= kFirstLevel)
        ok = block.kind == run::TraceKind::Level && block.level == config::traceLevelNames().at(f - kFirstLevel).level;
    const QString search = m_search->text();
    return ok && (search.isEmpty() || block.text.contains(search, Qt::CaseInsensitive));
}

void TraceView::append(const QList<TraceBlock> &blocks)
{
    QStringList shown;
    for (const TraceBlock &b : blocks) {
        m_blocks.push_back(b);
        if (shows(b)) {
            shown.append(display(b));
            ++m_matching;
        }
    }
    while (m_blocks.size() > kMaxBlocks) {
        if (shows(m_blocks.front()))
            --m_matching;
        m_blocks.pop_front();
    }
    showCount();
    // Laying out lines is what costs the GUI thread time: of a large delivery (a job reporting thousands of
    // records a second) the view takes the newest lines and says how many it passed over; all are kept for
    // the filters and are in the trace file.
    if (shown.size() > kLinesPerDelivery) {
        const qsizetype skipped = shown.size() - kLinesPerDelivery;
        shown = shown.mid(skipped);
        shown.prepend(tr("[... %n block(s) passed over while the job reports faster than this view shows; "
                         "filter or search to see them]", nullptr, int(skipped)));
    }
    if (!shown.isEmpty())
        m_view->appendPlainText(shown.join(QLatin1Char('\n')));
}

void TraceView::refill()
{
    // Every kept block is counted; only the newest matching ones the view keeps are laid out.
    m_searchPause->stop();
    QStringList shown;
    qsizetype matching = 0;
    for (auto it = m_blocks.rbegin(); it != m_blocks.rend(); ++it) {
        if (!shows(*it))
            continue;
        if (matching++ < kRefillLines)
            shown.prepend(display(*it));
    }
    m_matching = matching;
    m_view->setPlainText(shown.join(QLatin1Char('\n')));
    m_view->moveCursor(QTextCursor::End);
    showCount();
}

void TraceView::setFilter(int index)
{
    m_filter->setCurrentIndex(index);
}

void TraceView::setSearch(const QString &text)
{
    m_search->setText(text);
    refill();  // at once (the box waits for a pause in typing)
}

QString TraceView::text() const
{
    return m_view->toPlainText();
}

}  // namespace oas::ui
