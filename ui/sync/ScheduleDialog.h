#pragma once
// Schedule... for a sync: every N minutes or hours, daily at a time, or a cron expression; the choice
// becomes the options of `odbc-agent schedule` (docs/sync.md).
#include <QDialog>

class QComboBox;
class QLineEdit;
class QRadioButton;
class QTimeEdit;

namespace oas::ui {

class ScheduleDialog : public QDialog {
    Q_OBJECT
public:
    explicit ScheduleDialog(const QString &syncName, QWidget *parent = nullptr);
    QStringList whenArguments() const;  // e.g. {"--every", "15m"}

private:
    QRadioButton *m_every;
    QRadioButton *m_daily;
    QRadioButton *m_cron;
    QComboBox *m_interval;
    QTimeEdit *m_time;
    QLineEdit *m_expression;
};

}  // namespace oas::ui
