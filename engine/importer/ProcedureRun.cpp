#include "ProcedureRun.h"

#include "DateValue.h"

#include "../db/SqlTypes.h"
#include "../secrets/Redact.h"
#include "../run/OpenConnection.h"

#include <sql.h>
#include <sqlext.h>

#include <cmath>

namespace oas::importer {

using config::TraceLevel;

namespace {

// The return value's SQL types the manual allows (its "Allowed" column).
bool allowedReturnType(int sqlType)
{
    switch (sqlType) {
    case SQL_DECIMAL:
    case SQL_NUMERIC:
    case SQL_SMALLINT:
    case SQL_INTEGER:
    case SQL_DOUBLE:
    case SQL_TINYINT:
    case SQL_REAL:
    case SQL_FLOAT: return true;
    default: return false;
    }
}

bool isNumericType(int sqlType)
{
    return allowedReturnType(sqlType) || sqlType == SQL_BIGINT || sqlType == SQL_BIT;
}

db::ParamType::Direction directionOf(int kind)
{
    switch (kind) {
    case db::ProcedureColumn::Output:
    case db::ProcedureColumn::ReturnValue: return db::ParamType::Direction::Out;
    case db::ProcedureColumn::InputOutput: return db::ParamType::Direction::InOut;
    default: return db::ParamType::Direction::In;
    }
}

// The ProcedureCharacteristics block of one parameter: the driver's column info, then how it is bound.
QString characteristics(const QString &id, int number, const db::ProcedureColumn &c, const db::ParamType &type)
{
    auto q = [](const QString &v) { return QLatin1Char('"') + (v.isEmpty() ? QStringLiteral("null") : v) + QLatin1Char('"'); };
    const char *direction = type.direction == db::ParamType::Direction::Out     ? "SQL_PARAM_OUTPUT"
                            : type.direction == db::ParamType::Direction::InOut ? "SQL_PARAM_INPUT_OUTPUT"
                                                                                : "SQL_PARAM_INPUT";
    return QStringLiteral("column info\nprocedure=%1\nprocedure-cat = %2\nprocedure-schema = %3\nprocedure-identifier = %4\n"
                          "parameter-name = %5\nparameter-type = %6\ndata-type = %7\ntype-name = %8\ncolumn-size = %9\n")
               .arg(id, q(c.catalog), q(c.schema), q(c.procedure), q(c.name), db::procedureColumnKindName(c.kind),
                    db::sqlTypeName(c.dataType), q(c.typeName))
               .arg(c.columnSize)
           + QStringLiteral("buffer-length = %1\ndecimal-digits = %2\nnum-prec-radix = %3\nnullable = %4\nremarks = %5\n"
                            "column-def = %6\nsql-data-type = %7\nsql-datetime-sub = %8\nchar-octet-length = %9\n")
                 .arg(c.bufferLength)
                 .arg(c.decimalDigits)
                 .arg(c.radix)
                 .arg(c.nullable == SQL_NULLABLE ? QStringLiteral("SQL_NULLABLE")
                      : c.nullable == SQL_NO_NULLS ? QStringLiteral("SQL_NO_NULLS")
                                                   : QStringLiteral("SQL_NULLABLE_UNKNOWN"), q(c.remarks),
                      q(c.columnDef), db::sqlTypeName(c.sqlDataType), db::sqlTypeName(c.datetimeSub))
                 .arg(c.charOctetLength)
           + QStringLiteral("ordinal-position = %1\nis-nullable = %2\n\nparameter bind info\nparameter-number = %3\n"
                            "parameter-type = %4\nc-data-type = %5\nsql_type = %6\nprecision = %7\nscale = %8\nbuffer-width = %9")
                 .arg(c.ordinal)
                 .arg(q(c.isNullable))
                 .arg(number)
                 .arg(QLatin1String(direction), db::isBinaryType(type.sqlType) ? QStringLiteral("SQL_C_BINARY") : QStringLiteral("SQL_C_WCHAR"),
                      db::sqlTypeName(type.sqlType))
                 .arg(type.size)
                 .arg(type.decimalDigits)
                 .arg(db::parameterBufferBytes(type));
}

}  // namespace

ProcedureRun::ProcedureRun(const ImportRequest &request, trace::Trace &trace, run::StepController *step,
                           run::JobObserver *observer)
    : m_req(request), m_cfg(request.config), m_trace(trace), m_step(step), m_observer(observer),
      m_format(datafile::DataFormat::fromConfig(request.config.control))
{
}

bool ProcedureRun::fail(const QString &given)
{
    const QString block = secrets::redact(given, m_recordSecrets);
    m_trace.error(block);
    m_result.error = block;
    return false;
}

bool ProcedureRun::connect()
{
    QString error;
    m_connection = run::openTracedConnection(m_cfg.database, m_req.credentials, m_req.connectionName,
                                             db::Connection::Use::Statements, m_trace, &error);
    return m_connection ? true : fail(error);
}

// The declaration against the driver's metadata: one '?' per parameter, the return where the declaration
// says, a numeric return type the manual allows, presets that fit their parameter.
bool ProcedureRun::describe()
{
    m_decl = m_cfg.procedures.active();
    if (!m_decl)
        return fail(QStringLiteral("stored-procedure import: no active procedure (Procedure= names none that is declared)"));
    const QString name = m_decl->procedureName;
    if (!db::supportsProcedures(*m_connection))
        return fail(QStringLiteral("stored-procedure import: stored procedures are not supported by this driver (%1, %2)")
                        .arg(m_connection->info().driverName, m_connection->info().dbmsName));
    if (m_trace.on(TraceLevel::AllProcedures)) {
        QStringList entries;
        QString error;
        if (db::allProcedures(*m_connection, &entries, &error))
            m_trace.write(TraceLevel::AllProcedures, entries.join(QStringLiteral("\n\n")));
        else
            m_trace.write(TraceLevel::AllProcedures, error);
    }
    QList<db::ProcedureColumn> columns;
    QString error;
    if (!db::procedureColumns(*m_connection, name, &columns, &error))
        return fail(QStringLiteral("%1\nprocedure %2").arg(error, name));
    columns.removeIf([](const db::ProcedureColumn &c) { return c.kind == db::ProcedureColumn::ResultColumn; });
    if (columns.isEmpty())
        return fail(QStringLiteral("stored-procedure import: the database has no procedure or function %1 (or the driver "
                                   "does not describe it)").arg(name));
    m_call = sql::buildProcedureCall(*m_decl);
    if (columns.size() != m_call.params.size())
        return fail(QStringLiteral("stored-procedure import: %1 has %2 parameter(s)%3 in the database, the declaration %4 "
                                   "gives %5")
                        .arg(name)
                        .arg(columns.size())
                        .arg(columns.first().kind == db::ProcedureColumn::ReturnValue ? QStringLiteral(" incl. its return value") : QString())
                        .arg(m_decl->id)
                        .arg(m_call.params.size()));
    const bool function = !m_decl->returnTag.isEmpty();
    if (function && columns.first().kind != db::ProcedureColumn::ReturnValue)
        return fail(QStringLiteral("stored-procedure import: %1 declares the return tag %2, but %3 returns no value "
                                   "(not a function)").arg(m_decl->id, m_decl->returnTag, name));
    m_params.clear();
    m_returnIndex = function ? 0 : -1;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        Param p;
        p.tag = m_call.params.at(i);
        p.column = columns.at(i);
        p.declared = function ? (i == 0 ? nullptr : &m_decl->params.at(i - 1)) : &m_decl->params.at(i);
        p.type = {p.column.dataType, p.column.columnSize, p.column.decimalDigits, directionOf(p.column.kind)};
        if (p.declared && p.declared->isReturn) {
            if (p.type.direction == db::ParamType::Direction::In)
                return fail(QStringLiteral("stored-procedure import: %1: RETURN %2 needs an OUT or IN OUT parameter; %3 "
                                           "of %4 is %5").arg(m_decl->id, p.tag, p.column.name, name,
                                                              db::procedureColumnKindName(p.column.kind)));
            m_returnIndex = int(i);
        }
        if (p.declared && p.declared->preset) {
            const QString preset = p.declared->preset->text;
            if (isNumericType(p.type.sqlType)) {
                bool ok = false;
                preset.toDouble(&ok);
                if (!ok)
                    return fail(QStringLiteral("stored-procedure import: %1: the preset of %2 (\"%3\") is not a number, "
                                               "but parameter %4 is %5").arg(m_decl->id, p.tag, preset, p.column.name,
                                                                             db::sqlTypeName(p.type.sqlType)));
            } else if (isDateColumn(p.type.sqlType) || isTimestampColumn(p.type.sqlType)) {
                if (!parseDateValue(preset, m_cfg.control.dateFormat.value))
                    return fail(QStringLiteral("stored-procedure import: %1: the preset of %2 (\"%3\") is not a date in "
                                               "the form %4").arg(m_decl->id, p.tag, preset, m_cfg.control.dateFormat.value.text));
            }
        }
        if (m_trace.on(TraceLevel::ProcedureCharacteristics))
            m_trace.write(TraceLevel::ProcedureCharacteristics, characteristics(m_decl->id, int(i + 1), p.column, p.type));
        m_params.push_back(p);
    }
    if (m_returnIndex >= 0 && !allowedReturnType(m_params[size_t(m_returnIndex)].type.sqlType))
        return fail(QStringLiteral("stored-procedure import: the return value of %1 is %2, which is not supported (allowed: "
                                   "SQL_DECIMAL, SQL_NUMERIC, SQL_SMALLINT, SQL_INTEGER, SQL_DOUBLE, SQL_TINYINT, SQL_REAL, "
                                   "SQL_FLOAT)").arg(name, db::sqlTypeName(m_params[size_t(m_returnIndex)].type.sqlType)));
    return true;
}

bool ProcedureRun::prepare(bool native)
{
    m_native = native;
    // MariaDB runs a function only as SELECT f(...) ({? = CALL f(...)} is a syntax error there).
    m_select = !m_call.selectCall.isEmpty() && m_connection->info().isMariaDb();
    const QString sql = m_select ? m_call.selectCall : native ? m_call.nativeCall : m_call.call;
    m_statement = std::make_unique<db::Statement>(*m_connection);
    m_statement->setDirect(m_cfg.importSection.sqlExecDirect.value);
    std::vector<db::ParamType> types;
    for (size_t i = m_select ? 1 : 0; i < m_params.size(); ++i)
        types.push_back(m_params[i].type);
    m_statement->setParamTypes(std::move(types));
    m_trace.write(TraceLevel::Sql, QStringLiteral("CALL statement (%1)\n%2").arg(m_decl->id, sql));
    QString error;
    if (!m_statement->prepare(sql, &error))
        return fail(QStringLiteral("%1\n%2").arg(error, sql));
    return true;
}

QString ProcedureRun::label(const datafile::Record &record) const
{
    QStringList parts;
    for (const Param &p : m_params) {
        if (p.type.direction == db::ParamType::Direction::Out)
            continue;
        if (const datafile::Attribute *a = record.find(p.tag); a && !a->value.isEmpty())
            parts.append(a->value);
        if (parts.size() == 2)
            break;
    }
    return parts.join(QLatin1Char('/'));
}

std::optional<Outcome> ProcedureRun::call(const datafile::Record &record, QStringList *statements)
{
    Outcome outcome;
    outcome.disposition = Disposition::Error;
    for (const datafile::RecordProblem &p : record.problems)
        outcome.events.append(Event::error(QStringLiteral("error: unreadable input\nline %1: %2").arg(p.line).arg(p.message)));
    std::vector<db::Value> values(m_params.size());
    for (size_t i = 0; i < m_params.size(); ++i) {
        const Param &p = m_params[i];
        if (p.type.direction == db::ParamType::Direction::Out)
            continue;
        if (const datafile::Attribute *a = record.find(p.tag))
            values[i] = a->value.isEmpty() && !a->emptyString ? db::Value() : db::Value(a->value);
        else if (p.declared && p.declared->preset)
            values[i] = p.declared->preset->text;
        if (values[i] && (isDateColumn(p.type.sqlType) || isTimestampColumn(p.type.sqlType))) {
            const std::optional<QString> date = dateColumnText(*values[i], m_cfg.control.dateFormat.value,
                                                               isTimestampColumn(p.type.sqlType));
            if (!date) {
                outcome.events.append(Event::error(QStringLiteral("error: invalid date\n%1: %2 (expected the form %3)")
                                                       .arg(p.tag, *values[i], m_cfg.control.dateFormat.value.text)));
                continue;
            }
            values[i] = *date;
        }
        if (values[i] && db::isBinaryType(p.type.sqlType) && !db::isHexText(*values[i]))
            outcome.events.append(Event::error(QStringLiteral("error: invalid binary value\n%1: %2 (an even number of hex digits expected)")
                                                   .arg(p.tag, values[i]->left(80))));
    }
    if (!outcome.events.isEmpty())
        return outcome;
    std::vector<const db::Value *> pointers;
    for (size_t i = m_select ? 1 : 0; i < values.size(); ++i)
        pointers.push_back(&values[i]);
    if (statements) {
        QString text = m_statement->sql();
        for (size_t i = m_select ? 1 : 0; i < values.size(); ++i)
            text += QStringLiteral("\n  ?%1 = %2").arg(i + (m_select ? 0 : 1)).arg(m_params[i].type.direction == db::ParamType::Direction::Out
                                                                      ? QStringLiteral("(out)")
                                                                      : values[i] ? QLatin1Char('\'') + *values[i] + QLatin1Char('\'')
                                                                                  : QStringLiteral("NULL"));
        statements->append(text);
    }
    QString block;
    bool ok = m_statement->execute(pointers, &block);
    if (!ok && !m_native && db::isProcedureNotFunction(m_statement->diagnostics())) {
        // A PostgreSQL PROCEDURE through psqlODBC: the native CALL from now on.
        m_trace.write(TraceLevel::Sql, QStringLiteral("%1 is a procedure, not a function: called with CALL").arg(m_decl->procedureName));
        if (!prepare(true))
            return std::nullopt;
        ok = m_statement->execute(pointers, &block);
    }
    if (!ok) {
        if (db::isConnectionLost(m_statement->diagnostics()) || db::isDatabaseBusy(m_statement->diagnostics())) {
            fail(QStringLiteral("%1\n%2: records from line %3 on are not imported")
                     .arg(block.trimmed(), db::isDatabaseBusy(m_statement->diagnostics())
                                               ? QStringLiteral("the database stayed locked by another writer longer than the wait allows")
                                               : QStringLiteral("the connection was lost"))
                     .arg(record.line));
            m_result.resumeLine = record.line;
            return std::nullopt;
        }
        outcome.events.append(Event::error(QStringLiteral("error: CALL failed\n%1").arg(block.trimmed())));
        return outcome;
    }
    db::Value returned;
    if (m_select) {
        std::vector<db::Value> row;
        if (m_statement->fetch(row, &block) && !row.empty())
            returned = row.front();
        if (!block.isEmpty()) {
            m_statement->closeCursor();
            outcome.events.append(Event::error(QStringLiteral("error: CALL failed\n%1").arg(block.trimmed())));
            return outcome;
        }
    } else if (m_returnIndex >= 0) {
        // Output parameters are complete once every result is read (ODBC's rule; MariaDB Connector/ODBC
        // delivers them only then).
        m_statement->readRemainingResults();
        returned = m_statement->output(size_t(m_returnIndex));
    }
    m_statement->closeCursor();
    return classify(record.line, returned, outcome);
}

Outcome ProcedureRun::classify(int line, const db::Value &returned, Outcome outcome)
{
    if (m_returnIndex < 0) {  // nothing declared to return: a call that succeeds is OK
        outcome.disposition = Disposition::Called;
        return outcome;
    }
    const QString tag = m_params[size_t(m_returnIndex)].tag;
    if (!returned) {
        outcome.events.append(Event::error(QStringLiteral("error: the procedure returned no value\n%1: NULL").arg(tag)));
        return outcome;
    }
    bool ok = false;
    const double number = returned->trimmed().toDouble(&ok);
    if (m_trace.on(TraceLevel::ProcedureReturns))
        m_trace.write(TraceLevel::ProcedureReturns, QStringLiteral("procedure return value at line %1\nresult=%2")
                                                        .arg(line)
                                                        .arg(ok ? QString::number(number, 'f', 6) : *returned));
    if (!ok || number != std::floor(number) || std::abs(number) > 9.2e18) {
        outcome.events.append(Event::error(QStringLiteral("error: the procedure's return value is not an integer\n%1: %2").arg(tag, *returned)));
        return outcome;
    }
    const qint64 value = qint64(number);
    const config::ReturnRangeItem item = m_decl->classify(value);
    switch (item.outcome) {
    case config::ReturnOutcome::Ok: outcome.disposition = Disposition::Called; break;
    case config::ReturnOutcome::Warning:
        outcome.disposition = Disposition::Called;
        outcome.events.append(Event::warning(QStringLiteral("warning: the procedure returned %1\n%2").arg(value).arg(item.message)));
        break;
    case config::ReturnOutcome::Failure:
        outcome.events.append(Event::error(item.message.isEmpty()
                                               ? QStringLiteral("error: the procedure returned %1 (a failure by RETURNING)").arg(value)
                                               : QStringLiteral("error: the procedure returned %1\n%2").arg(value).arg(item.message)));
        break;
    }
    return outcome;
}

void ProcedureRun::report(const datafile::Record &record, const Outcome &given, const QStringList &statements,
                          const QStringList &secrets)
{
    const bool stepping = m_step && (m_step->isStepping() || m_step->hasBreakpoint());
    const bool traced = m_trace.on(TraceLevel::Summary) || (given.failed() && m_trace.on(TraceLevel::FailSummary))
                        || (m_trace.on(TraceLevel::Warnings) && !given.events.isEmpty());
    std::optional<Outcome> hidden;  // with the decrypted values as ***, when the events are shown or written
    if (!secrets.isEmpty() && (stepping || traced || given.failed()))
        hidden = redacted(given, secrets);
    const Outcome &outcome = hidden ? *hidden : given;
    m_account.account(record.line, record.rawText, outcome);
    if (!stepping && !traced)
        return;
    const QString summary = secrets::redact(summaryLine(label(record), record.line, outcome), secrets);
    m_lastSummary = summary;
    const QString block = recordBlock(summary, outcome);
    if (m_trace.on(TraceLevel::Summary))
        m_trace.write(TraceLevel::Summary, block);
    else if (outcome.failed() && m_trace.on(TraceLevel::FailSummary))
        m_trace.write(TraceLevel::FailSummary, block);
    else if (!outcome.events.isEmpty())
        m_trace.write(TraceLevel::Warnings, block);
    if (stepping) {
        const datafile::ChangeType change = datafile::changeTypeOf(record, m_cfg.importSection.changeType.value, nullptr);
        run::RecordStep step = recordStep(record, change, summary, outcome);
        step.statements = statements;
        redact(step, secrets);
        if (m_step->stopsAt(step) && m_observer)
            m_observer->recordStepped(step);
    }
}

void ProcedureRun::reportProgress()
{
    if (!m_observer)
        return;
    run::JobProgress p;
    p.records = m_result.recordsRead;
    p.adds = m_result.stats.calls;
    p.errors = m_result.stats.errors;
    p.warnings = m_result.warnings;
    p.bytesDone = m_bytesDone;
    p.bytesTotal = m_input.size();
    m_observer->progress(p);
}

bool ProcedureRun::importAll()
{
    trace::FlowScope flow(m_trace, "import");
    datafile::TaggedReader reader(&m_input, m_format);
    const bool detail = m_step && (m_step->isStepping() || m_step->hasBreakpoint());
    while (std::optional<datafile::Record> record = reader.next()) {
        if (m_step && m_step->stopRequested()) {
            m_result.stopped = true;
            m_result.resumeLine = record->line;
            return true;
        }
        ++m_result.recordsRead;
        if (record->skipped) {
            ++m_result.stats.skips;
            continue;
        }
        const QStringList secrets = m_decryption.apply(*record);
        m_recordSecrets = secrets;  // a failure of the call may quote a value
        QStringList statements;
        const std::optional<Outcome> outcome = call(*record, detail ? &statements : nullptr);
        if (!outcome)
            return false;
        report(*record, *outcome, statements, secrets);
        m_bytesDone = reader.bytesRead();
        if (m_result.recordsRead % 256 == 0)
            reportProgress();
        if (m_step && !m_step->pause(m_lastSummary)) {  // the text is made only when stepping shows it
            m_result.stopped = true;
            if (std::optional<datafile::Record> next = reader.next())
                m_result.resumeLine = next->line;
            return true;
        }
    }
    return true;
}

ImportResult ProcedureRun::run()
{
    trace::FlowScope flow(m_trace, "ODBCAgentImp");
    m_input.setFileName(m_req.inputPath);
    if (!m_input.open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("cannot open import data file for reading\n%1\n%2").arg(m_req.inputPath, m_input.errorString()));
        return m_result;
    }
    QString error;
    std::optional<AttributeDecryption> decryption = prepareDecryption(m_cfg, m_req.decryptAttributes, m_req.keySource, &error);
    if (!decryption) {
        fail(error);
        return m_result;
    }
    m_decryption = std::move(*decryption);
    if (!connect() || !describe() || !prepare(false))
        return m_result;
    if (!m_account.open(m_req.exceptionsPath.isEmpty() ? m_cfg.importSection.exceptions.value : m_req.exceptionsPath,
                        m_trace.secrets(), &error)) {
        fail(error);
        return m_result;
    }
    // Each call is its own transaction (auto-commit): what the procedure does is done once it returns.
    const bool ok = importAll();
    if (!m_account.finish(ok, m_trace, &error))
        fail(error);
    reportProgress();
    return m_result;
}

}  // namespace oas::importer
