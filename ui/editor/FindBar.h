#pragma once
// Find and replace in the current editor: a bar under the tabs (Ctrl+F find, Ctrl+H replace, F3 next,
// Escape closes). Next wraps around the end; Replace all is one undo step and says how many it replaced.
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QsciScintilla;

namespace oas::ui {

class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QWidget *parent = nullptr);

    void setEditor(QsciScintilla *editor) { m_editor = editor; }
    void showFind(bool withReplace);
    void setSearch(const QString &text, bool caseSensitive = false);
    void setReplacement(const QString &text);
    bool findNext();   // false (and says so) when the text is nowhere
    bool replace();    // replaces the current match, then finds the next
    int replaceAll();  // the number of replacements
    QString message() const;

private:
    bool findFrom(int line, int index, bool wrap);

    QPointer<QsciScintilla> m_editor;  // the current tab's; gone when its tab closes
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_case;
    QWidget *m_replaceRow;
    QLabel *m_message;
};

}  // namespace oas::ui
