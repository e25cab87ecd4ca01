#pragma once
// Stored-procedure mode of the import ([procedures] present; it takes precedence over [import]): for each
// record the active procedure (the first named by Procedure=) is called with its parameters taken by tag
// from the record (case-insensitive), presets for absent values, and its numeric result (the return tag of
// a function, or the one RETURN parameter) mapped through RETURNING: OK, warning (trace) or failure
// (exceptions file). The declaration is checked against the driver's procedure metadata after connecting.
// Internal to the importer; runImport() chooses it.
#include "EncryptedValues.h"
#include "ImportAccount.h"
#include "ImportJob.h"

#include "../datafile/TaggedReader.h"
#include "../db/Connection.h"
#include "../db/Procedures.h"
#include "../db/Statement.h"
#include "../sql/StatementBuilder.h"

#include <QFile>

#include <memory>

namespace oas::importer {

class ProcedureRun {
public:
    ProcedureRun(const ImportRequest &request, trace::Trace &trace, run::StepController *step, run::JobObserver *observer);
    ImportResult run();

private:
    struct Param {
        QString tag;
        const config::ProcedureParam *declared = nullptr;  // null for a function's return tag
        db::ProcedureColumn column;
        db::ParamType type;
    };
    bool fail(const QString &block);
    bool connect();
    bool describe();
    bool prepare(bool native);
    bool importAll();
    // One call: the outcome, or nullopt when the connection is gone (the run stops).
    std::optional<Outcome> call(const datafile::Record &record, QStringList *statements);
    Outcome classify(int line, const db::Value &returned, Outcome outcome);
    void report(const datafile::Record &record, const Outcome &given, const QStringList &statements,
                const QStringList &secrets);
    void reportProgress();
    qint64 m_bytesDone = 0;  // of the input, as far as the records read go
    QString label(const datafile::Record &record) const;

    const ImportRequest &m_req;
    const config::AgentConfig &m_cfg;
    trace::Trace &m_trace;
    run::StepController *m_step;
    run::JobObserver *m_observer;
    ImportResult m_result;
    datafile::DataFormat m_format;
    const config::ProcedureDecl *m_decl = nullptr;
    sql::ProcedureStatement m_call;
    std::vector<Param> m_params;  // per '?'
    int m_returnIndex = -1;       // the '?' that brings the result; -1: none declared
    QFile m_input;
    AttributeDecryption m_decryption;
    QStringList m_recordSecrets;  // the decrypted values of the record being called
    ImportAccount m_account{m_result, m_format};
    std::unique_ptr<db::Connection> m_connection;
    std::unique_ptr<db::Statement> m_statement;
    QString m_lastSummary;  // the single-step prompt
    bool m_native = false;  // the driver takes this procedure only as a native CALL
    bool m_select = false;  // a function called as SELECT f(...) (MariaDB): the value is the one row's
};

}  // namespace oas::importer
