#pragma once
// A sync file (docs/sync.md) in a form: the delete guard's settings, the steps (kind, configuration, input /
// output, stop rules) with each step's configuration one click away, the engine's problems live, and Sync,
// Dry run and Schedule. The file's text stays the source: the form changes only the lines it edits, so
// comments and order are kept, and the text is there to edit below the form.
#include "sync/SyncFile.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace oas::ui {

class ConfigEditor;

class SyncEditor : public QWidget {
    Q_OBJECT
public:
    explicit SyncEditor(QWidget *parent = nullptr);
    bool openFile(const QString &path, QString *error);
    ConfigEditor *editor() const { return m_editor; }
    const sync::SyncDefinition &definition() const { return m_def; }
    QTableWidget *steps() const { return m_steps; }
    QString problemsText() const;
    // The form's guard fields, as the user sets them: the [sync] lines change in the text.
    void setGuard(bool on, qint64 maxDeletes, int maxPercent, qint64 minRows);
    void addStep(const QString &name, sync::StepKind kind, const QString &config);
    void reparse();  // now, instead of after the pause in typing

signals:
    void syncRequested(const QString &path, bool dryRun);
    void scheduleRequested(const QString &path);
    void openConfigRequested(const QString &path);

private:
    void fillForm();
    void guardEdited();
    void setText(const QByteArray &text);  // one undo step

    ConfigEditor *m_editor;
    QTimer m_pause;
    sync::SyncDefinition m_def;
    bool m_filling = false;
    QCheckBox *m_guardOn;
    QSpinBox *m_maxDeletes;
    QSpinBox *m_maxPercent;
    QSpinBox *m_minRows;
    QTableWidget *m_steps;
    QLabel *m_problems;
    QPushButton *m_openConfig;
    QPushButton *m_sync;
    QPushButton *m_dryRun;
    QPushButton *m_schedule;
};

}  // namespace oas::ui
