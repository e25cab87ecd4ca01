#include "ScheduleDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace oas::ui {

ScheduleDialog::ScheduleDialog(const QString &syncName, QWidget *parent)
    : QDialog(parent), m_every(new QRadioButton(tr("Every"), this)), m_daily(new QRadioButton(tr("Daily at"), this)),
      m_cron(new QRadioButton(tr("Cron expression"), this)), m_interval(new QComboBox(this)), m_time(new QTimeEdit(QTime(2, 30), this)),
      m_expression(new QLineEdit(this))
{
    setWindowTitle(tr("Schedule sync %1").arg(syncName));
    for (const char *v : {"5m", "10m", "15m", "30m", "1h", "2h", "6h", "12h", "24h"})
        m_interval->addItem(QString::fromLatin1(v));
    m_interval->setCurrentText(QStringLiteral("15m"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_expression->setPlaceholderText(QStringLiteral("*/10 6-22 * * 1-5"));
    m_expression->setToolTip(tr("minute hour day-of-month month day-of-week"));
    m_every->setChecked(true);
    auto *grid = new QGridLayout;
    grid->addWidget(m_every, 0, 0);
    grid->addWidget(m_interval, 0, 1);
    grid->addWidget(m_daily, 1, 0);
    grid->addWidget(m_time, 1, 1);
    grid->addWidget(m_cron, 2, 0);
    grid->addWidget(m_expression, 2, 1);
    auto *note = new QLabel(tr("A systemd user timer where systemd runs this machine, else a line in your crontab. "
                               "Scheduled runs appear in the Monitor."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QStringList ScheduleDialog::whenArguments() const
{
    if (m_daily->isChecked())
        return {QStringLiteral("--daily"), m_time->time().toString(QStringLiteral("HH:mm"))};
    if (m_cron->isChecked())
        return {QStringLiteral("--cron"), m_expression->text().trimmed()};
    return {QStringLiteral("--every"), m_interval->currentText()};
}

}  // namespace oas::ui
