#pragma once
// The configuration editor: QScintilla with the configuration lexer, line numbers, and live validation
// about 300 ms after typing stops, from the engine's parser: a squiggle where the diagnostic points (the
// manual's ?? position), a margin marker and an annotation with the manual-style message on its line.
#include "config/ConfigParser.h"

#include <QTimer>
#include <Qsci/qsciscintilla.h>

namespace oas::ui {

class ConfigLexer;

class ConfigEditor : public QsciScintilla {
    Q_OBJECT
public:
    explicit ConfigEditor(QWidget *parent = nullptr);

    // validate: a configuration (lexer, live validation, completion); otherwise plain text (data files).
    bool openFile(const QString &path, QString *error, bool validate = true);
    bool save(QString *error);
    // Writes the text to another file and edits that one from now on.
    bool saveAs(const QString &path, QString *error);
    QString filePath() const { return m_path; }
    // Whether the file on disk is no longer what this editor last read or wrote (another program changed,
    // replaced or removed it): saving would overwrite what nobody here has seen.
    bool changedOnDisk() const;
    QByteArray diskBytes() const;  // the file as it is on disk now
    const config::ParseResult &lastResult() const { return m_result; }
    // Validates now instead of waiting for the pause in typing.
    void validateNow();
    // Whether a diagnostic mark (squiggle) covers the given 1-based line.
    bool hasMarkOnLine(int line) const;
    void goToLine(int line, int column);

    // Offers completions for the cursor position (Ctrl+Space, or after typing '[', '=' or ',').
    void complete();
    // The database's column names ("Table.Column", from Check against database) for completion.
    void setDatabaseColumns(const QStringList &columns) { m_databaseColumns = columns; }
    const QStringList &databaseColumns() const { return m_databaseColumns; }

signals:
    void validated(const oas::config::ParseResult &result);
    void helpChanged(const QString &help);  // the short help of the field under the cursor

private:
    void showDiagnostics(const config::Diagnostics &diagnostics);
    QStringList documentLines() const;
    int m_completionPrefix = 0;

    ConfigLexer *m_lexer;
    QTimer m_pause;
    QString m_path;
    QByteArray m_known;  // the bytes last read from or written to m_path
    bool m_validate = true;
    config::ParseResult m_result;
    QStringList m_databaseColumns;
};

}  // namespace oas::ui
