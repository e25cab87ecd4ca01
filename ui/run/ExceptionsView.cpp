#include "ExceptionsView.h"

#include "importer/ExceptionsFile.h"

#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace oas::ui {

ExceptionsView::ExceptionsView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_list(new QTreeWidget(this)), m_detail(new QPlainTextEdit(this)),
      m_open(new QPushButton(tr("Open in editor"), this)), m_reimport(new QPushButton(tr("Import again"), this))
{
    m_list->setHeaderLabels({tr("Line"), tr("Problem")});
    m_list->setRootIsDecorated(false);
    m_detail->setReadOnly(true);
    m_detail->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_list);
    split->addWidget(m_detail);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_title, 1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_reimport);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_detail->setPlainText(item ? item->data(0, Qt::UserRole).toString() : QString());
    });
    connect(m_open, &QPushButton::clicked, this, [this] { emit openRequested(m_path); });
    connect(m_reimport, &QPushButton::clicked, this, [this] { emit reimportRequested(m_path); });
    load({});
}

void ExceptionsView::load(const QString &path)
{
    m_path = path;
    m_list->clear();
    m_detail->clear();
    QFile f(path);
    QList<importer::ExceptionEntry> entries;
    if (!path.isEmpty() && f.open(QIODevice::ReadOnly))
        entries = importer::readExceptions(&f);
    for (const importer::ExceptionEntry &e : entries) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, QString::number(e.line));
        QStringList events;
        for (const QStringList &event : e.events)
            events.append(event.join(QLatin1Char('\n')));
        item->setText(1, e.events.isEmpty() ? QString() : e.events.last().value(0));
        item->setData(0, Qt::UserRole, QString::fromUtf8(e.record) + QLatin1Char('\n') + events.join(QStringLiteral("\n\n")));
    }
    m_list->resizeColumnToContents(0);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    m_title->setText(path.isEmpty() ? tr("No import run yet")
                                    : tr("%n record(s) in %1", nullptr, int(entries.size())).arg(QFileInfo(path).fileName()));
    m_open->setEnabled(!path.isEmpty() && QFile::exists(path));
    m_reimport->setEnabled(!entries.isEmpty());
}

int ExceptionsView::entryCount() const
{
    return m_list->topLevelItemCount();
}

}  // namespace oas::ui
