#pragma once
// The SQL the agents will run for the configuration being edited, from the engine's builders (the same
// text the SQL trace shows), in the SQL dialect chosen. Read-only, updated on every validation.
#include "config/AgentConfig.h"

#include <Qsci/qsciscintilla.h>

namespace oas::ui {

class SqlPreview : public QsciScintilla {
    Q_OBJECT
public:
    explicit SqlPreview(QWidget *parent = nullptr);
    void setDialect(const QString &name);  // one of sql::SqlDialect::names(); empty: from the driver
    void showConfig(const config::AgentConfig &config);
    // Text shown under the SQL (what "Check against database" found), until the next update.
    void addNote(const QString &text);

private:
    QString m_dialect;  // empty: the dialect of the configuration's driver
    config::AgentConfig m_config;
};

}  // namespace oas::ui
