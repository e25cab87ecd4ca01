#include "EditorTabs.h"

#include "editor/ConfigEditor.h"
#include "pairs/PairEditor.h"
#include "sync/SyncEditor.h"
#include "workspace/WorkspaceModel.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QMessageBox>
#include <QPushButton>

namespace oas::ui {

namespace {

QString pathOf(const QWidget *editor)
{
    return editor->property("path").toString();
}

EditorTabs::Prompts messageBoxes(QWidget *parent)
{
    EditorTabs::Prompts p;
    p.unsaved = [parent](const QStringList &files) {
        QMessageBox box(QMessageBox::Warning, EditorTabs::tr("Unsaved changes"),
                        files.size() == 1 ? EditorTabs::tr("%1 has changes that are not saved.").arg(files.first())
                                          : EditorTabs::tr("These files have changes that are not saved:\n%1").arg(files.join(QLatin1Char('\n'))),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
        box.setDefaultButton(QMessageBox::Save);
        switch (box.exec()) {
        case QMessageBox::Save: return EditorTabs::Unsaved::Save;
        case QMessageBox::Discard: return EditorTabs::Unsaved::Discard;
        default: return EditorTabs::Unsaved::Cancel;
        }
    };
    p.changedOnDisk = [parent](const QString &file) {
        QMessageBox box(QMessageBox::Question, EditorTabs::tr("File changed on disk"),
                        EditorTabs::tr("%1 was changed by another program, and you have edits that are not saved.").arg(file),
                        QMessageBox::NoButton, parent);
        QPushButton *reload = box.addButton(EditorTabs::tr("Reload (drop my edits)"), QMessageBox::DestructiveRole);
        QPushButton *compare = box.addButton(EditorTabs::tr("Compare"), QMessageBox::ActionRole);
        QPushButton *keep = box.addButton(EditorTabs::tr("Keep mine"), QMessageBox::RejectRole);
        box.setDefaultButton(keep);
        box.exec();
        return box.clickedButton() == reload ? EditorTabs::ChangedOnDisk::Reload
               : box.clickedButton() == compare ? EditorTabs::ChangedOnDisk::Compare
                                                : EditorTabs::ChangedOnDisk::KeepMine;
    };
    p.saveConflict = [parent](const QString &file) {
        QMessageBox box(QMessageBox::Warning, EditorTabs::tr("File changed on disk"),
                        EditorTabs::tr("%1 was changed by another program since you opened it. Saving would overwrite "
                                       "that change.").arg(file),
                        QMessageBox::NoButton, parent);
        QPushButton *overwrite = box.addButton(EditorTabs::tr("Overwrite"), QMessageBox::DestructiveRole);
        QPushButton *reload = box.addButton(EditorTabs::tr("Reload (drop my edits)"), QMessageBox::ActionRole);
        QPushButton *cancel = box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(cancel);
        box.exec();
        return box.clickedButton() == overwrite ? EditorTabs::SaveConflict::Overwrite
               : box.clickedButton() == reload  ? EditorTabs::SaveConflict::Reload
                                                : EditorTabs::SaveConflict::Cancel;
    };
    return p;
}

}  // namespace

ConfigEditor *textEditorOf(QWidget *tab)
{
    if (auto *e = qobject_cast<ConfigEditor *>(tab))
        return e;
    if (auto *s = qobject_cast<SyncEditor *>(tab))
        return s->editor();
    return nullptr;
}

EditorTabs::EditorTabs(QWidget *parent) : QTabWidget(parent), m_watcher(new QFileSystemWatcher(this)), m_prompts(messageBoxes(this))
{
    setTabsClosable(true);
    setDocumentMode(true);
    connect(this, &QTabWidget::tabCloseRequested, this, &EditorTabs::closeTab);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &EditorTabs::fileChangedOnDisk);
}

void EditorTabs::addEditor(QWidget *editor, const QString &title, const QString &path)
{
    editor->setProperty("path", path);
    editor->setProperty("title", title);
    if (auto *e = textEditorOf(editor)) {
        connect(e, &QsciScintilla::modificationChanged, this, [this, editor] { updateTitle(editor); });
        if (!e->filePath().isEmpty())
            m_watcher->addPath(e->filePath());
    } else if (auto *p = qobject_cast<PairEditor *>(editor)) {
        connect(p, &PairEditor::modificationChanged, this, [this, editor] { updateTitle(editor); });
    }
    setCurrentIndex(addTab(editor, title));
    setTabToolTip(indexOf(editor), path);
}

int EditorTabs::indexOfPath(const QString &path) const
{
    for (int i = 0; i < count(); ++i) {
        if (pathOf(widget(i)) == path)
            return i;
    }
    return -1;
}

bool EditorTabs::isModified(QWidget *editor)
{
    if (auto *e = textEditorOf(editor))
        return e->isModified() && !e->isReadOnly();
    if (auto *p = qobject_cast<PairEditor *>(editor))
        return p->isModified();
    return false;
}

void EditorTabs::updateTitle(QWidget *editor)
{
    const int i = indexOf(editor);
    if (i >= 0)
        setTabText(i, editor->property("title").toString() + (isModified(editor) ? QStringLiteral(" *") : QString()));
}

bool EditorTabs::anyModified() const
{
    return !modifiedFiles().isEmpty();
}

QStringList EditorTabs::modifiedFiles() const
{
    QStringList files;
    for (int i = 0; i < count(); ++i) {
        if (isModified(widget(i)))
            files << QFileInfo(pathOf(widget(i))).fileName();
    }
    return files;
}

void EditorTabs::forget(QWidget *editor)
{
    auto *e = textEditorOf(editor);
    if (e && !e->filePath().isEmpty() && indexOfPath(e->filePath()) == indexOf(editor))
        m_watcher->removePath(e->filePath());
}

void EditorTabs::reload(QWidget *editor)
{
    auto *e = textEditorOf(editor);
    if (!e)
        return;
    QString error;
    const bool readOnly = e->isReadOnly();
    e->setReadOnly(false);
    e->openFile(e->filePath(), &error, classifyFile(e->filePath()) == FileKind::Configuration);
    e->setReadOnly(readOnly);
    if (auto *s = qobject_cast<SyncEditor *>(editor))
        s->reparse();
    updateTitle(editor);
    emit reloaded(e->filePath());
}

bool EditorTabs::save(QWidget *editor, bool askOnConflict)
{
    QString error;
    if (auto *p = qobject_cast<PairEditor *>(editor)) {
        if (p->save(&error))
            return true;
        QMessageBox::warning(this, tr("Save"), error);
        return false;
    }
    auto *e = textEditorOf(editor);
    if (!e || e->isReadOnly())
        return true;
    if (askOnConflict && e->changedOnDisk()) {
        switch (m_prompts.saveConflict(QFileInfo(e->filePath()).fileName())) {
        case SaveConflict::Overwrite: break;
        case SaveConflict::Reload: reload(editor); return false;
        case SaveConflict::Cancel: return false;
        }
    }
    // The watcher sees our own write: forget the path for the moment of saving.
    m_watcher->removePath(e->filePath());
    const bool ok = e->save(&error);
    m_watcher->addPath(e->filePath());
    if (!ok)
        QMessageBox::warning(this, tr("Save"), error);
    return ok;
}

bool EditorTabs::saveTab(int index)
{
    QWidget *editor = widget(index);
    return editor && save(editor, true);
}

bool EditorTabs::closeTab(int index)
{
    QWidget *editor = widget(index);
    if (!editor)
        return true;
    if (isModified(editor)) {
        switch (m_prompts.unsaved({QFileInfo(pathOf(editor)).fileName()})) {
        case Unsaved::Save:
            if (!save(editor, true))
                return false;
            break;
        case Unsaved::Discard: break;
        case Unsaved::Cancel: return false;
        }
    }
    forget(editor);
    removeTab(index);
    delete editor;
    return true;
}

bool EditorTabs::closeAll()
{
    const QStringList files = modifiedFiles();
    if (!files.isEmpty()) {
        switch (m_prompts.unsaved(files)) {
        case Unsaved::Save:
            for (int i = 0; i < count(); ++i) {
                if (isModified(widget(i)) && !save(widget(i), true))
                    return false;
            }
            break;
        case Unsaved::Discard: break;
        case Unsaved::Cancel: return false;
        }
    }
    while (count() > 0) {
        QWidget *editor = widget(0);
        forget(editor);
        removeTab(0);
        delete editor;
    }
    return true;
}

void EditorTabs::fileChangedOnDisk(const QString &path)
{
    for (int i = 0; i < count(); ++i) {
        auto *e = textEditorOf(widget(i));
        if (!e || e->filePath() != path || !e->changedOnDisk())
            continue;
        if (!isModified(widget(i))) {  // an export's output, a rewritten exceptions file: shown as it is now
            reload(widget(i));
            continue;
        }
        switch (m_prompts.changedOnDisk(QFileInfo(path).fileName())) {
        case ChangedOnDisk::Reload: reload(widget(i)); break;
        case ChangedOnDisk::KeepMine: break;  // saving will ask before it overwrites
        case ChangedOnDisk::Compare: emit compareRequested(path, e->diskBytes(), e->text()); break;
        }
    }
    if (QFileInfo::exists(path) && !m_watcher->files().contains(path))
        m_watcher->addPath(path);  // a file replaced by rename is watched again
}

}  // namespace oas::ui
