#include "PairRunner.h"

#include "../db/Connection.h"
#include "../db/OdbcDiagnostics.h"
#include "../db/SqlTypes.h"
#include "../db/Statement.h"
#include "../importer/DateValue.h"
#include "../secrets/Redact.h"

#include <QRegularExpression>
#include <QFileInfo>
#include <QUuid>

namespace oas::pairs {

struct PairRunner::Target {
    QString connectionKey;  // the connection string it was opened with
    std::unique_ptr<db::Connection> connection;
    QString quote = QStringLiteral("\"");
    QString table;  // the table described
    QList<db::ColumnInfo> columns;
    std::map<QString, std::unique_ptr<db::Statement>> statements;  // prepared, by SQL text
};

namespace {

struct Bound {
    std::vector<db::Value> values;
    std::vector<db::ParamType> types;
};

const db::ColumnInfo *columnNamed(const QList<db::ColumnInfo> &columns, const QString &name, Qt::CaseSensitivity cs)
{
    for (const db::ColumnInfo &c : columns) {
        if (c.name.compare(name, cs) == 0)
            return &c;
    }
    return nullptr;
}

bool isNumericColumn(int sqlType)
{
    return (sqlType >= 2 && sqlType <= 8) || sqlType == -5 || sqlType == -6 || sqlType == -7;
}

// The value to bind for a field of the given type, NULL for an empty value; nullopt with *error when the
// value is not of the type.
std::optional<db::Value> convert(const PairField &f, const QString &value, const db::ColumnInfo &column, QString *error)
{
    if (value.isEmpty())
        return db::Value();
    switch (f.type) {
    case FieldType::Char:
        if (db::isBinaryType(column.sqlType) && !db::isHexText(value)) {
            *error = QStringLiteral("type conversion failure: %1 (binary) from field %2: \"%3\" is not hex digits "
                                    "(an even number expected)").arg(f.target, f.code, value.left(80));
            return std::nullopt;
        }
        return db::Value(value);
    case FieldType::Date: {
        const std::optional<QString> date = importer::dateColumnText(value, config::DateFormat::isoDefault(),
                                                                     importer::isTimestampColumn(column.sqlType));
        if (!date) {
            *error = QStringLiteral("type conversion failure: %1 (TYPE_DATE) from field %2: \"%3\" is not a date "
                                    "(expected YYYY-MM-DD or {d 'YYYY-MM-DD'})").arg(f.target, f.code, value);
            return std::nullopt;
        }
        return db::Value(*date);
    }
    case FieldType::Decimal:
    case FieldType::Numeric: {
        static const QRegularExpression number(QStringLiteral("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)$"));
        const QString trimmed = value.trimmed();
        if (!number.match(trimmed).hasMatch()) {
            *error = QStringLiteral("type conversion failure: %1 (%2) from field %3: \"%4\" is not a number")
                         .arg(f.target, typeName(f.type), f.code, value);
            return std::nullopt;
        }
        return db::Value(trimmed);
    }
    }
    return db::Value(value);
}

QString valuesText(const QString &sql, const std::vector<db::Value> &values)
{
    QString text = sql;
    for (size_t i = 0; i < values.size(); ++i)
        text += QStringLiteral("\n  ?%1 = %2").arg(i + 1).arg(values[i] ? QLatin1Char('\'') + QString(*values[i]).replace(QLatin1Char('\''), QLatin1String("''")) + QLatin1Char('\'')
                                                                  : QStringLiteral("NULL"));
    return text;
}

}  // namespace

PairRunner::PairRunner(PairCatalog &catalog, run::SecretSettings secrets, DebugLog *log)
    : m_catalog(catalog), m_secretSettings(std::move(secrets)), m_log(log)
{
}

PairRunner::~PairRunner() = default;

PairRunner::Target *PairRunner::target(const PairParse &parse, QString *error)
{
    const PairDefinition &pair = parse.pair;
    config::DatabaseSection database;
    database.driverFields = pair.driverFields;
    database.user = pair.user;
    database.password = pair.password;
    const run::JobCredentials credentials = run::resolveCredentials(database, pair.iniPath, {}, m_secretSettings);
    if (!credentials.ok) {
        *error = credentials.error;
        return nullptr;
    }
    for (const QString &s : credentials.secrets)
        secrets::addSecret(m_secrets, s);
    const QString key = db::buildConnectionString(pair.driverFields, credentials.credentials);
    std::unique_ptr<Target> &slot = m_targets[pair.name];
    if (!slot || slot->connectionKey != key) {
        slot.reset();
        const QString shown = db::maskedConnectionString(pair.driverFields, credentials.credentials);
        if (m_log)
            m_log->write(QStringLiteral("pair %1: connecting: %2").arg(pair.name, shown));
        auto opened = db::Connection::open(database, credentials.credentials,
                                           QStringLiteral("pair-%1-%2").arg(pair.name, QUuid::createUuid().toString(QUuid::Id128)),
                                           db::Connection::Use::Statements);
        if (!opened.connection) {
            *error = QStringLiteral("cannot connect (%1): %2").arg(shown, secrets::redact(db::driverMessage(opened.errorBlock), m_secrets));
            if (m_log)
                m_log->write(QStringLiteral("pair %1: connection failed: %2").arg(pair.name, *error));
            return nullptr;
        }
        if (m_log)
            m_log->write(QStringLiteral("pair %1: connected to %2 %3").arg(pair.name, opened.connection->info().dbmsName,
                                                                          opened.connection->info().dbmsVersion));
        slot = std::make_unique<Target>();
        slot->connectionKey = key;
        slot->connection = std::move(opened.connection);
        const QString quote = slot->connection->info().identifierQuote;
        slot->quote = quote.trimmed().isEmpty() ? QString() : quote;
    }
    if (slot->table != pair.table.value || slot->columns.isEmpty()) {
        QString block;
        QList<db::ColumnInfo> columns;
        if (!db::describeTable(*slot->connection, pair.table.value, &columns, &block)) {
            *error = QStringLiteral("invalid table name %1 (%2 line %3): %4")
                         .arg(pair.table.value, QFileInfo(pair.iniPath).fileName())
                         .arg(pair.table.pos.line)
                         .arg(db::driverMessage(block));
            slot->table.clear();
            return nullptr;
        }
        slot->table = pair.table.value;
        slot->columns = columns;
        slot->statements.clear();
    }
    return slot.get();
}

bool PairRunner::matchFields(const Target &t, const PairDefinition &pair, QString *error) const
{
    for (const PairField &f : pair.fields) {
        if (columnNamed(t.columns, f.target, Qt::CaseSensitive))
            continue;
        const QString where = QStringLiteral("%1 line %2").arg(QFileInfo(pair.csvPath).fileName()).arg(f.line);
        if (const db::ColumnInfo *c = columnNamed(t.columns, f.target, Qt::CaseInsensitive))
            *error = QStringLiteral("%1: the table %2 has no field %3, but has %4 (target field names are case-sensitive)")
                         .arg(where, pair.table.value, f.target, c->name);
        else
            *error = QStringLiteral("%1: the table %2 has no field %3").arg(where, pair.table.value, f.target);
        return false;
    }
    return true;
}

EventResult PairRunner::fire(const QString &name, sql::PairEvent event, const datafile::Record &record)
{
    EventResult r;
    r.pair = name;
    r.event = event;
    auto failed = [&](const QString &why) {
        r.ok = false;
        r.message = QStringLiteral("pair %1, %2%3: %4")
                        .arg(name, sql::pairEventName(event), r.key.isEmpty() ? QString() : QStringLiteral(", key ") + r.key,
                             secrets::redact(why, m_secrets));
        if (m_log)
            m_log->write(r.message);
        return r;
    };
    QString error;
    const PairParse *parse = m_catalog.load(name, &error);
    if (!parse)
        return failed(error);
    if (!parse->ok())
        return failed(QStringLiteral("the pair's files have errors\n") + formatProblems(parse->diagnostics));
    const PairDefinition &pair = parse->pair;
    const datafile::Attribute *keyValue = record.find(pair.key().code);
    if (!keyValue || keyValue->value.isEmpty())
        return failed(QStringLiteral("missing key value: the record has no %1 (the key field %2)").arg(pair.key().code, pair.key().target));
    r.key = keyValue->value;
    Target *t = target(*parse, &error);
    if (!t)
        return failed(error);
    if (!matchFields(*t, pair, &error))
        return failed(error);

    // The fields the record supplies, the key first; delete needs only the key.
    QStringList targets;
    Bound bound;
    for (const PairField &f : pair.fields) {
        const datafile::Attribute *a = record.find(f.code);
        if (!a || (event == sql::PairEvent::Delete && &f != &pair.key()))
            continue;
        const db::ColumnInfo *column = columnNamed(t->columns, f.target, Qt::CaseSensitive);
        const std::optional<db::Value> value = convert(f, a->value, *column, &error);
        if (!value)
            return failed(error);
        targets.append(f.target);
        bound.values.push_back(*value);
        bound.types.push_back({column->sqlType, column->size, column->decimalDigits});
    }
    if (event == sql::PairEvent::Update && targets.size() < 2)
        return failed(QStringLiteral("nothing to update: the record supplies no field of the pair but the key"));
    const sql::PairStatement st = sql::buildPairStatement(event, pair.table.value, targets, t->quote);
    std::vector<const db::Value *> values;
    std::vector<db::ParamType> types;
    for (const QString &target : st.targets) {
        const qsizetype i = targets.indexOf(target);
        values.push_back(&bound.values[size_t(i)]);
        types.push_back(bound.types[size_t(i)]);
    }
    std::unique_ptr<db::Statement> &statement = t->statements[st.sql];
    if (!statement) {
        auto prepared = std::make_unique<db::Statement>(*t->connection);
        if (!prepared->prepare(st.sql, &error))
            return failed(QStringLiteral("the database refuses the statement: %1\n%2").arg(db::driverMessage(error), st.sql));
        statement = std::move(prepared);
    }
    statement->setParamTypes(types);
    std::vector<db::Value> shown;
    for (const db::Value *v : values)
        shown.push_back(*v);
    if (m_log)
        m_log->write(QStringLiteral("pair %1, %2, key %3\n%4").arg(name, sql::pairEventName(event), r.key, valuesText(st.sql, shown)));
    if (!statement->execute(values, &error)) {
        const QList<db::DiagRecord> diagnostics = statement->diagnostics();
        if (db::isConnectionLost(diagnostics))
            m_targets.erase(pair.name);  // connect again for the next event
        return failed(QStringLiteral("the database refused it: %1").arg(db::driverMessage(error)));
    }
    r.rows = statement->affectedRows();
    if (event == sql::PairEvent::Update && r.rows == 0)
        return failed(QStringLiteral("no row of %1 has %2 = %3: nothing updated").arg(pair.table.value, pair.key().target, r.key));
    r.ok = true;
    if (event == sql::PairEvent::Delete && r.rows == 0)
        r.message = QStringLiteral("already absent");
    if (m_log)
        m_log->write(QStringLiteral("pair %1, %2, key %3: done, %4 row(s)%5")
                         .arg(name, sql::pairEventName(event), r.key)
                         .arg(r.rows)
                         .arg(r.message.isEmpty() ? QString() : QStringLiteral(" (") + r.message + QLatin1Char(')')));
    return r;
}

QStringList PairRunner::targetColumns(const QString &name, QString *error)
{
    const PairParse *parse = m_catalog.load(name, error);
    if (!parse)
        return {};
    if (!parse->ok()) {
        *error = formatProblems(parse->diagnostics);
        return {};
    }
    const Target *t = target(*parse, error);
    QStringList names;
    if (t) {
        for (const db::ColumnInfo &c : t->columns)
            names.append(c.name);
    }
    return names;
}

config::Diagnostics PairRunner::check(const QString &name)
{
    config::Diagnostics list;
    auto add = [&](config::Severity severity, const QString &file, int line, const QString &message) {
        config::Diagnostic d;
        d.severity = severity;
        d.file = file;
        d.pos.line = line;
        d.message = secrets::redact(message, m_secrets);
        list.append(d);
    };
    QString error;
    const PairParse *parse = m_catalog.load(name, &error);
    if (!parse) {
        add(config::Severity::Error, m_catalog.folder(), 0, error);
        return list;
    }
    list = parse->diagnostics;
    if (!parse->ok())
        return list;
    const PairDefinition &pair = parse->pair;
    Target *t = target(*parse, &error);
    if (!t) {
        add(config::Severity::Error, pair.iniPath, error.startsWith(QLatin1String("invalid table")) ? pair.table.pos.line : 0, error);
        return list;
    }
    for (const PairField &f : pair.fields) {
        const db::ColumnInfo *exact = columnNamed(t->columns, f.target, Qt::CaseSensitive);
        if (!exact) {
            const db::ColumnInfo *other = columnNamed(t->columns, f.target, Qt::CaseInsensitive);
            add(config::Severity::Error, pair.csvPath, f.line,
                other ? QStringLiteral("the table %1 has no field %2, but has %3 (target field names are case-sensitive)")
                            .arg(pair.table.value, f.target, other->name)
                      : QStringLiteral("the table %1 has no field %2").arg(pair.table.value, f.target));
            continue;
        }
        const bool date = importer::isDateColumn(exact->sqlType) || importer::isTimestampColumn(exact->sqlType);
        if (f.type == FieldType::Date && !date)
            add(config::Severity::Warning, pair.csvPath, f.line,
                QStringLiteral("%1 is TYPE_DATE, but the column is not a date (SQL type %2)").arg(f.target).arg(exact->sqlType));
        if ((f.type == FieldType::Decimal || f.type == FieldType::Numeric) && !isNumericColumn(exact->sqlType))
            add(config::Severity::Warning, pair.csvPath, f.line,
                QStringLiteral("%1 is %2, but the column is not numeric (SQL type %3)").arg(f.target, typeName(f.type)).arg(exact->sqlType));
    }
    return list;
}

}  // namespace oas::pairs
