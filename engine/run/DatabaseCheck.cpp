#include "DatabaseCheck.h"

#include "../secrets/Redact.h"

#include "../db/Connection.h"
#include "../db/SqlTypes.h"
#include "../db/Statement.h"
#include "../sql/StatementBuilder.h"

#include <QRegularExpression>

namespace oas::run {

namespace {

config::Diagnostic errorAt(const config::SourcePos &pos, const QString &message, const QString &file)
{
    config::Diagnostic d;
    d.severity = config::Severity::Error;
    d.file = file;
    d.pos = pos;
    d.message = message;
    return d;
}

void addColumns(DatabaseCheckResult &r, const config::AgentConfig &config, const QStringList &abbreviations,
                const QList<db::ColumnInfo> &columns)
{
    for (int i = 0; i < abbreviations.size() && i < columns.size(); ++i) {
        const config::AttributeDef *a = config.attributes.find(abbreviations.at(i));
        if (!a)
            continue;
        r.columns.append({a->abbreviation, a->column.text, columns.at(i)});
        r.columnsText += db::columnInfoHead(a->abbreviation, columns.at(i).name, a->column.text) + QLatin1Char('\n')
                         + db::columnInfoFacts(columns.at(i)) + QLatin1Char('\n');
    }
}

// The tables the configuration names: attribute qualifiers, the import Table, a From that is one name.
QStringList namedTables(const config::AgentConfig &config)
{
    static const QRegularExpression plain(QStringLiteral("^(\\w+|\"[^\"]+\"|\\[[^\\]]+\\])(\\.(\\w+|\"[^\"]+\"|\\[[^\\]]+\\]))*$"));
    QStringList tables;
    auto add = [&](const QString &name) {
        if (!name.isEmpty() && plain.match(name).hasMatch() && !tables.contains(name, Qt::CaseInsensitive))
            tables.append(name);
    };
    add(config.importSection.table.value.trimmed());
    add(config.exportSection.from.value.trimmed());
    for (const config::AttributeDef &a : config.attributes.attributes) {
        if (!a.column.isExpression)
            add(a.column.tableName());
    }
    return tables;
}

void addTableColumns(DatabaseCheckResult &r, const db::Connection &c, const config::AgentConfig &config)
{
    for (const QString &table : namedTables(config)) {
        QList<db::ColumnInfo> columns;
        QString error;
        // A name that is not a table (a correlation name) is simply not described.
        if (!db::describeTable(c, table, &columns, &error))
            continue;
        for (const db::ColumnInfo &column : columns)
            r.tableColumns.append(table + QLatin1Char('.') + column.name);
    }
}

}  // namespace

DatabaseCheckResult checkAgainstDatabase(const config::AgentConfig &config, const db::Credentials &credentials,
                                         const QString &connectionName)
{
    DatabaseCheckResult r;
    const QString file = config.fileName;
    auto opened = db::Connection::open(config.database, credentials, connectionName, db::Connection::Use::Statements);
    if (!opened.connection) {
        r.diagnostics.append(errorAt(config.database.headerPos,
                                     QStringLiteral("cannot connect: %1").arg(db::driverMessage(opened.errorBlock)), file));
        return r;
    }
    r.connected = true;
    const db::Connection &c = *opened.connection;
    const sql::SqlDialect dialect = c.info().dialect();
    QString error;
    if (config.exportSection.present) {
        const sql::ExportStatement st = sql::buildExportSelect(config, dialect);
        QList<db::ColumnInfo> columns;
        if (!db::describeQuery(c, st.select, &columns, &error)) {
            const config::SourcePos pos = config.exportSection.from.present ? config.exportSection.from.pos
                                                                            : config.exportSection.headerPos;
            r.diagnostics.append(errorAt(pos, QStringLiteral("the database refuses the export SELECT: %1").arg(db::driverMessage(error)), file));
        } else {
            addColumns(r, config, st.abbreviations, columns);
        }
    }
    if (config.importSection.present) {
        const sql::ImportStatements st = sql::buildImportStatements(config, dialect);
        QList<db::ColumnInfo> columns;
        if (!db::describeQuery(c, st.dummySelect, &columns, &error)) {
            const config::SourcePos pos = config.importSection.table.present ? config.importSection.table.pos
                                                                             : config.importSection.headerPos;
            r.diagnostics.append(errorAt(pos, QStringLiteral("the database refuses the import's table or columns: %1")
                                                  .arg(db::driverMessage(error)),
                                         file));
        } else {
            addColumns(r, config, st.importAbbreviations, columns);
        }
    }
    addTableColumns(r, c, config);
    return r;
}

DatabaseCheckResult checkAgainstDatabase(const config::AgentConfig &config, const SecretSettings &settings,
                                         const QString &connectionName)
{
    const JobCredentials c = resolveCredentials(config, {}, settings);
    if (!c.ok) {
        DatabaseCheckResult r;
        const config::SourcePos pos = config.database.password.present ? config.database.password.pos : config.database.headerPos;
        r.diagnostics.append(errorAt(pos, QStringLiteral("cannot get the credentials: %1").arg(c.error), config.fileName));
        return r;
    }
    DatabaseCheckResult r = checkAgainstDatabase(config, c.credentials, connectionName);
    for (config::Diagnostic &d : r.diagnostics)
        d.message = secrets::redact(d.message, c.secrets);
    return r;
}

}  // namespace oas::run
