#pragma once
// Colours an agent configuration as the parser reads it: section headers, field names, values, comments
// (# at the start of a line), and the attribute abbreviations where the export and import fields use them.
#include <QSet>
#include <Qsci/qscilexercustom.h>

namespace oas::ui {

class ConfigLexer : public QsciLexerCustom {
    Q_OBJECT
public:
    enum Style { Default = 0, Comment, Section, Field, Value, Abbreviation, Operator };

    explicit ConfigLexer(QObject *parent = nullptr);
    const char *language() const override { return "ODBC agent configuration"; }
    QString description(int style) const override;
    void styleText(int start, int end) override;
    // Abbreviations defined in [attributes], coloured where they are used.
    void setAbbreviations(const QSet<QString> &upperCaseNames) { m_abbreviations = upperCaseNames; }

private:
    QSet<QString> m_abbreviations;
};

}  // namespace oas::ui
