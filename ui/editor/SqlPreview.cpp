#include "SqlPreview.h"

#include "db/Connection.h"
#include "sql/StatementBuilder.h"

#include <Qsci/qscilexersql.h>

namespace oas::ui {

SqlPreview::SqlPreview(QWidget *parent) : QsciScintilla(parent)
{
    setUtf8(true);
    setLexer(new QsciLexerSQL(this));
    setReadOnly(true);
    setWrapMode(WrapWord);
    setMarginWidth(0, 0);
    setMarginWidth(1, 0);
}

void SqlPreview::setDialect(const QString &name)
{
    m_dialect = name;
    showConfig(m_config);
}

void SqlPreview::showConfig(const config::AgentConfig &config)
{
    m_config = config;
    // Automatic: the dialect the engine will use with this [database] section's driver.
    const sql::SqlDialect dialect = sql::SqlDialect::byName(m_dialect).value_or(db::expectedDialect(config.database));
    setReadOnly(false);
    QString text = sql::describeStatements(config, dialect);
    if (config.database.present) {
        // The connection the jobs open; passwords (PWD, Password=) are masked.
        text += QStringLiteral("\n-- connection\n-- ")
                + db::maskedConnectionString(config.database.driverFields, db::credentialsOf(config.database));
    }
    setText(text);
    setReadOnly(true);
}

void SqlPreview::addNote(const QString &note)
{
    setReadOnly(false);
    append(note);
    setReadOnly(true);
}

}  // namespace oas::ui
