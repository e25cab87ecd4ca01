#pragma once
// The Studio's editor tabs, which never lose an edit: a modified tab shows '*'; closing it, closing all
// (switching workspace, quitting) asks Save / Discard / Cancel; a file changed on disk while open is read
// again when it has no edits, else the user chooses reload / keep mine / compare; saving never overwrites a
// change on disk nobody here has seen. The questions go through replaceable prompts (the tests answer
// them; the Studio asks with message boxes).
#include <QTabWidget>

#include <functional>

class QFileSystemWatcher;

namespace oas::ui {

class ConfigEditor;
// The text editor of a tab's widget: a ConfigEditor itself, or the one inside a sync form; else nullptr.
ConfigEditor *textEditorOf(QWidget *tab);

class EditorTabs : public QTabWidget {
    Q_OBJECT
public:
    enum class Unsaved { Save, Discard, Cancel };
    enum class ChangedOnDisk { Reload, KeepMine, Compare };
    enum class SaveConflict { Overwrite, Reload, Cancel };
    struct Prompts {
        std::function<Unsaved(const QStringList &files)> unsaved;  // file names with edits
        std::function<ChangedOnDisk(const QString &file)> changedOnDisk;
        std::function<SaveConflict(const QString &file)> saveConflict;
    };

    explicit EditorTabs(QWidget *parent = nullptr);
    void setPrompts(Prompts prompts) { m_prompts = std::move(prompts); }

    // Adds an editor (ConfigEditor or PairEditor) for path and shows it; its title follows its state.
    void addEditor(QWidget *editor, const QString &title, const QString &path);
    int indexOfPath(const QString &path) const;
    // Saves the tab (asking when the file changed on disk meanwhile); false when not saved.
    bool saveTab(int index);
    // Closes the tab, asking first when it has edits; false when the user cancelled (or saving failed).
    bool closeTab(int index);
    // Closes every tab, asking once for all that have edits; false when cancelled.
    bool closeAll();
    bool anyModified() const;
    QStringList modifiedFiles() const;
    // What the watcher reports; public for the tests, which cannot wait for inotify.
    void fileChangedOnDisk(const QString &path);

signals:
    void compareRequested(const QString &path, const QByteArray &onDisk, const QString &mine);
    void reloaded(const QString &path);

private:
    static bool isModified(QWidget *editor);
    bool save(QWidget *editor, bool askOnConflict);
    void reload(QWidget *editor);
    void forget(QWidget *editor);  // no longer watched
    void updateTitle(QWidget *editor);

    QFileSystemWatcher *m_watcher;
    Prompts m_prompts;
};

}  // namespace oas::ui
