#pragma once
// The mapping-pair editor (docs/studio.md): the CSV as a table (the key row marked, the type a drop-down,
// target field names completed from and checked against the target table's real columns, a case mismatch
// flagged), the INI as a form with "Test connection", live validation (the engine's own parser) and the
// SQL preview of the three events; "Fire" asks the run panel to fire the pair for a data file's records.
#include <QWidget>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTableWidget;
class QTimer;

namespace oas::ui {

class PairEditor : public QWidget {
    Q_OBJECT
public:
    explicit PairEditor(QWidget *parent = nullptr);
    // Opens NAME.csv / NAME.ini (either path).
    bool openPair(const QString &path, QString *error);
    bool save(QString *error);
    bool isModified() const { return m_modified; }
    QString iniPath() const { return m_iniPath; }
    QString csvPath() const { return m_csvPath; }

    // The files' text as they would be saved.
    QString csvText() const;
    QString iniText() const;
    QStringList problems() const;  // as the list shows them
    QString sqlPreview() const;
    // Saves, then connects on a worker thread; the result comes as the problems and the column names.
    void testConnection();
    QString connectionResult() const { return m_connectionResult; }
    void setTargetColumns(const QStringList &columns);
    // For tests and callers: fill the fire controls.
    void setFireInput(const QString &dataFile, const QString &event);

signals:
    void fireRequested(const QString &iniPath, const QString &dataFile, const QString &event);
    void connectionTested();
    void modificationChanged(bool modified);

private:
    void addRow(const QString &target, const QString &code, const QString &type);
    void changed();
    void validate();
    void moveRow(int delta);
    QString typeAt(int row) const;

    QString m_csvPath;
    QString m_iniPath;
    QString m_header;      // the CSV's header row, kept as it was
    QString m_iniComments;  // the INI's comment lines before its first section, kept
    QTableWidget *m_fields;
    QPlainTextEdit *m_source;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_table;
    QListWidget *m_problems;
    QPlainTextEdit *m_preview;
    QComboBox *m_event;
    QLineEdit *m_dataFile;
    QTimer *m_timer;
    QStringList m_columns;
    QString m_connectionResult;
    bool m_modified = false;
    bool m_loading = false;
};

}  // namespace oas::ui
