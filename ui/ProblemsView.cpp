#include "ProblemsView.h"

namespace oas::ui {

ProblemsView::ProblemsView(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("Severity"), tr("Line"), tr("Problem")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit lineActivated(item->data(1, Qt::UserRole).toInt(), item->data(2, Qt::UserRole).toInt());
    });
}

void ProblemsView::showDiagnostics(const config::Diagnostics &diagnostics)
{
    clear();
    for (const config::Diagnostic &d : diagnostics) {
        auto *item = new QTreeWidgetItem(this);
        item->setText(0, d.isError() ? tr("error") : tr("warning"));
        item->setText(1, d.pos.isValid() ? QString::number(d.pos.line) : QString());
        item->setText(2, d.excerpt.isEmpty() ? d.message : d.message + QStringLiteral("   ") + d.excerpt);
        item->setData(1, Qt::UserRole, d.pos.line);
        item->setData(2, Qt::UserRole, d.pos.column);
    }
    resizeColumnToContents(0);
    resizeColumnToContents(1);
}

}  // namespace oas::ui
