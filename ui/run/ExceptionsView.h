#pragma once
// The exceptions of the last import: each failed record with its line and first message; the selected
// one shown whole (the record as supplied and every event). The file can be opened in an editor and, once
// corrected, imported again in one click.
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace oas::ui {

class ExceptionsView : public QWidget {
    Q_OBJECT
public:
    explicit ExceptionsView(QWidget *parent = nullptr);
    // Reads the exceptions file (an absolute path); an empty path clears the view.
    void load(const QString &path);
    int entryCount() const;
    QString path() const { return m_path; }

signals:
    void openRequested(const QString &path);
    void reimportRequested(const QString &path);

private:
    QString m_path;
    QLabel *m_title;
    QTreeWidget *m_list;
    QPlainTextEdit *m_detail;
    QPushButton *m_open;
    QPushButton *m_reimport;
};

}  // namespace oas::ui
