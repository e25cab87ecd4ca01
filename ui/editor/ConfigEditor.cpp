#include "ConfigEditor.h"

#include "Completion.h"
#include "ConfigLexer.h"

#include <QShortcut>

#include <QFile>
#include <QMap>

#include <algorithm>
#include <QFileInfo>
#include <QSaveFile>

namespace oas::ui {

namespace {
constexpr int kSquiggle = 8;      // indicator number
constexpr int kErrorMarker = 1;   // marker numbers
constexpr int kWarningMarker = 2;
constexpr int kPauseMs = 300;
}  // namespace

ConfigEditor::ConfigEditor(QWidget *parent) : QsciScintilla(parent), m_lexer(new ConfigLexer(this))
{
    setUtf8(true);
    setLexer(m_lexer);
    setMarginType(0, NumberMargin);
    setMarginWidth(0, QStringLiteral("00000"));
    setMarginType(1, SymbolMargin);
    setMarginWidth(1, 14);
    markerDefine(Circle, kErrorMarker);
    setMarkerBackgroundColor(QColor(0xd7, 0x3a, 0x49), kErrorMarker);
    markerDefine(Circle, kWarningMarker);
    setMarkerBackgroundColor(QColor(0xe3, 0x9d, 0x1c), kWarningMarker);
    indicatorDefine(SquiggleIndicator, kSquiggle);
    setIndicatorForegroundColor(QColor(0xd7, 0x3a, 0x49), kSquiggle);
    setAnnotationDisplay(AnnotationBoxed);
    setFolding(BoxedTreeFoldStyle, 2);  // by section (the lexer sets the levels)
    setAutoIndent(false);
    m_pause.setSingleShot(true);
    m_pause.setInterval(kPauseMs);
    connect(this, &QsciScintilla::textChanged, &m_pause, qOverload<>(&QTimer::start));
    connect(&m_pause, &QTimer::timeout, this, &ConfigEditor::validateNow);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space), this);
    connect(shortcut, &QShortcut::activated, this, &ConfigEditor::complete);
    connect(this, &QsciScintilla::SCN_CHARADDED, this, [this](int ch) {
        if (ch == '[' || ch == '=' || ch == ',')
            complete();
    });
    connect(this, &QsciScintilla::userListActivated, this, [this](int, const QString &choice) {
        int line = 0;
        int index = 0;
        getCursorPosition(&line, &index);
        const int position = int(positionFromLineIndex(line, index));
        const QString before = text(line).left(index);
        const int bytes = int(before.right(m_completionPrefix).toUtf8().size());
        SendScintilla(SCI_SETSELECTION, position - bytes, position);
        replaceSelectedText(choice);
    });
    connect(this, &QsciScintilla::cursorPositionChanged, this, [this](int line, int) {
        emit helpChanged(fieldHelp(fieldAt(documentLines(), line)));
    });
}

QStringList ConfigEditor::documentLines() const
{
    QStringList out;
    for (int l = 0; l < lines(); ++l) {
        QString t = text(l);
        while (t.endsWith(QLatin1Char('\n')) || t.endsWith(QLatin1Char('\r')))
            t.chop(1);
        out.append(t);
    }
    return out;
}

void ConfigEditor::complete()
{
    if (!m_validate)
        return;
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    const QString lineText = text(line);
    // index counts bytes in a UTF-8 document; the completion counts characters.
    const int column = int(QString::fromUtf8(lineText.toUtf8().left(index)).size());
    const Completion c = completionsAt(documentLines(), line, column, m_result.config, m_databaseColumns);
    if (c.candidates.isEmpty())
        return;
    m_completionPrefix = c.prefixLength;
    showUserList(1, c.candidates);
}

bool ConfigEditor::openFile(const QString &path, QString *error, bool validate)
{
    m_validate = validate;
    if (!validate) {
        setLexer(nullptr);
        setFolding(NoFoldStyle);
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("cannot open %1: %2").arg(path, f.errorString());
        return false;
    }
    m_path = path;
    m_known = f.readAll();
    setText(QString::fromUtf8(m_known));
    setModified(false);
    validateNow();
    return true;
}

bool ConfigEditor::save(QString *error)
{
    return saveAs(m_path, error);
}

bool ConfigEditor::saveAs(const QString &path, QString *error)
{
    const QByteArray bytes = text().toUtf8();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) < 0 || !f.commit()) {
        *error = tr("cannot save %1: %2").arg(path, f.errorString());
        return false;
    }
    m_path = path;
    m_known = bytes;
    setModified(false);
    return true;
}

QByteArray ConfigEditor::diskBytes() const
{
    QFile f(m_path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool ConfigEditor::changedOnDisk() const
{
    return !QFileInfo::exists(m_path) || diskBytes() != m_known;
}

void ConfigEditor::validateNow()
{
    m_pause.stop();
    if (!m_validate)
        return;
    config::ParseOptions options;
    options.fileName = QFileInfo(m_path).fileName();
    m_result = config::parseConfig(text().toUtf8(), options);
    QSet<QString> names;
    for (const config::AttributeDef &a : m_result.config.attributes.attributes)
        names.insert(a.abbreviation.toUpper());
    m_lexer->setAbbreviations(names);
    recolor();
    showDiagnostics(m_result.diagnostics);
    emit validated(m_result);
}

void ConfigEditor::showDiagnostics(const config::Diagnostics &diagnostics)
{
    const int length = int(SendScintilla(SCI_GETLENGTH));
    SendScintilla(SCI_SETINDICATORCURRENT, kSquiggle);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, length);
    markerDeleteAll();
    clearAnnotations();
    QMap<int, QStringList> notes;
    for (const config::Diagnostic &d : diagnostics) {
        if (!d.pos.isValid())
            continue;
        const int line = d.pos.line - 1;
        if (line >= lines())
            continue;
        // Columns count UTF-16 units; the document counts UTF-8 bytes.
        QString lineText = text(line);
        while (lineText.endsWith(QLatin1Char('\n')) || lineText.endsWith(QLatin1Char('\r')))
            lineText.chop(1);
        // A mark past the line's end (a missing '=' at its end) squiggles the last character: visible.
        int column = std::clamp(d.pos.column - 1, 0, int(lineText.size()));
        int length = std::max(d.pos.length, 1);
        if (column >= lineText.size() && !lineText.isEmpty()) {
            column = int(lineText.size()) - 1;
            length = 1;
        }
        const int from = int(positionFromLineIndex(line, 0)) + int(lineText.left(column).toUtf8().size());
        int bytes = int(lineText.mid(column, length).toUtf8().size());
        if (bytes == 0)
            bytes = 1;
        SendScintilla(SCI_INDICATORFILLRANGE, from, bytes);
        markerAdd(line, d.isError() ? kErrorMarker : kWarningMarker);
        notes[line].append((d.isError() ? QString() : tr("warning: ")) + d.message);
    }
    for (auto it = notes.cbegin(); it != notes.cend(); ++it)
        annotate(it.key(), it.value().join(QLatin1Char('\n')), 0);
}

bool ConfigEditor::hasMarkOnLine(int line) const
{
    auto *self = const_cast<ConfigEditor *>(this);
    // The line's visible characters only: a mark on its line end would not be seen.
    QString lineText = self->text(line - 1);
    while (lineText.endsWith(QLatin1Char('\n')) || lineText.endsWith(QLatin1Char('\r')))
        lineText.chop(1);
    const int start = int(self->positionFromLineIndex(line - 1, 0));
    const int end = start + int(lineText.toUtf8().size());
    for (int pos = start; pos < end; ++pos) {
        if (self->SendScintilla(SCI_INDICATORVALUEAT, kSquiggle, pos))
            return true;
    }
    return false;
}

void ConfigEditor::goToLine(int line, int column)
{
    // Never past the line's end (a diagnostic may point just after its last character).
    QString lineText = text(std::max(line - 1, 0));
    while (lineText.endsWith(QLatin1Char('\n')) || lineText.endsWith(QLatin1Char('\r')))
        lineText.chop(1);
    setCursorPosition(std::max(line - 1, 0), std::clamp(column - 1, 0, int(lineText.size())));
    ensureLineVisible(std::max(line - 1, 0));
    setFocus();
}

}  // namespace oas::ui
