#include "FindBar.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <Qsci/qsciscintilla.h>

namespace oas::ui {

FindBar::FindBar(QWidget *parent)
    : QWidget(parent), m_find(new QLineEdit(this)), m_replace(new QLineEdit(this)),
      m_case(new QCheckBox(tr("Match case"), this)), m_replaceRow(new QWidget(this)), m_message(new QLabel(this))
{
    m_find->setPlaceholderText(tr("find"));
    m_replace->setPlaceholderText(tr("replace with"));
    auto *next = new QPushButton(tr("Next"), this);
    auto *close = new QPushButton(tr("Close"), this);
    auto *one = new QPushButton(tr("Replace"), m_replaceRow);
    auto *all = new QPushButton(tr("Replace all"), m_replaceRow);
    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replace, 1);
    replaceLayout->addWidget(one);
    replaceLayout->addWidget(all);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_find, 0, 0);
    layout->addWidget(next, 0, 1);
    layout->addWidget(m_case, 0, 2);
    layout->addWidget(m_message, 0, 3);
    layout->addWidget(close, 0, 4);
    layout->addWidget(m_replaceRow, 1, 0, 1, 3);
    layout->setColumnStretch(0, 1);
    connect(m_find, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(next, &QPushButton::clicked, this, &FindBar::findNext);
    connect(one, &QPushButton::clicked, this, &FindBar::replace);
    connect(all, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(close, &QPushButton::clicked, this, &QWidget::hide);
    new QShortcut(QKeySequence(Qt::Key_Escape), this, this, &QWidget::hide, Qt::WidgetWithChildrenShortcut);
    hide();
}

void FindBar::showFind(bool withReplace)
{
    m_replaceRow->setVisible(withReplace);
    m_message->clear();
    if (m_editor && m_editor->hasSelectedText() && !m_editor->selectedText().contains(QLatin1Char('\n')))
        m_find->setText(m_editor->selectedText());
    show();
    m_find->setFocus();
    m_find->selectAll();
}

void FindBar::setSearch(const QString &text, bool caseSensitive)
{
    m_find->setText(text);
    m_case->setChecked(caseSensitive);
}

void FindBar::setReplacement(const QString &text)
{
    m_replace->setText(text);
}

QString FindBar::message() const
{
    return m_message->text();
}

bool FindBar::findFrom(int line, int index, bool wrap)
{
    // Plain text (no regular expression), forwards, not whole words only.
    return m_editor->findFirst(m_find->text(), false, m_case->isChecked(), false, wrap, true, line, index, true);
}

bool FindBar::findNext()
{
    m_message->clear();
    if (!m_editor || m_find->text().isEmpty())
        return false;
    int line = 0;
    int index = 0;
    m_editor->getCursorPosition(&line, &index);
    if (findFrom(line, index, true))
        return true;
    m_message->setText(tr("not found"));
    return false;
}

bool FindBar::replace()
{
    if (!m_editor || m_find->text().isEmpty())
        return false;
    const Qt::CaseSensitivity cs = m_case->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    if (m_editor->hasSelectedText() && m_editor->selectedText().compare(m_find->text(), cs) == 0)
        m_editor->replaceSelectedText(m_replace->text());
    return findNext();
}

int FindBar::replaceAll()
{
    if (!m_editor || m_find->text().isEmpty())
        return 0;
    int count = 0;
    m_editor->beginUndoAction();
    // From the top without wrapping: each search starts after the previous replacement, so a replacement
    // that contains the searched text is not found again.
    bool found = findFrom(0, 0, false);
    while (found) {
        m_editor->replaceSelectedText(m_replace->text());
        ++count;
        int line = 0;
        int index = 0;
        m_editor->getCursorPosition(&line, &index);
        found = findFrom(line, index, false);
    }
    m_editor->endUndoAction();
    m_message->setText(tr("%n replaced", nullptr, count));
    return count;
}

}  // namespace oas::ui
