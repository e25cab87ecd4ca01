#pragma once
// The change queue's panel (docs/studio.md): the queue configurations of the workspace, their tables with
// the rows in each queue table and the last refresh, a Refresh button and a "since" date. Refresh and status
// run on a worker thread.
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace oas::ui {

class QueuePanel : public QWidget {
    Q_OBJECT
public:
    explicit QueuePanel(QWidget *parent = nullptr);
    // The queue configurations among the workspace's .ini files.
    void setWorkspace(const QString &folder);
    QStringList configurations() const;
    void setConfiguration(const QString &path);
    void setSince(const QDate &date);  // invalid: no --since
    void refresh();                     // the queue's Refresh
    void showStatus();                  // reads the status again
    bool isBusy() const { return m_busy; }
    QString message() const;
    QString procedure() const;  // the SQL procedure's line (installed, from which configuration)
    // Each table's row as shown: table, queue table, rows, last refresh, mode, joined by '|'.
    QStringList rows() const;
    // Reads what the last refresh froze for table, and its deleted keys, into the views below (rowsShown()).
    void showRows(const QString &table);
    QStringList shownRows(bool deleted) const;  // as shown: values joined by '|'

signals:
    void finished();
    void rowsShown();

private:
    void setBusy(bool busy);
    QComboBox *m_configs;
    QTableWidget *m_tables;
    QCheckBox *m_useSince;
    QDateEdit *m_since;
    QPushButton *m_refresh;
    QLabel *m_message;
    QLabel *m_procedure;
    QTabWidget *m_rowViews;
    QTableWidget *m_frozen;
    QTableWidget *m_deleted;
    QString m_shownTable;
    bool m_busy = false;
};

}  // namespace oas::ui
