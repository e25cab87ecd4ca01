#pragma once
// The state of one export run, shared by ExportJob.cpp (connect, read rows, commit) and ExportDelta.cpp
// (the delta and reference-file writing). Internal to the exporter.
#include "DataOutput.h"
#include "ExportJob.h"
#include "RowSource.h"
#include "delta/DeltaMerge.h"
#include "delta/ExternalSorter.h"
#include "delta/ReferenceFile.h"
#include "delta/ReferencePlan.h"
#include "../datafile/TaggedWriter.h"
#include "../db/Connection.h"
#include "../run/RunLock.h"
#include "../sql/StatementBuilder.h"

#include <QDir>
#include <QTemporaryDir>

namespace oas::exporter {

using namespace delta;

class ExportRun {
public:
    ExportRun(const ExportRequest &request, trace::Trace &trace, run::StepController *step, run::JobObserver *observer)
        : m_req(request), m_cfg(request.config), m_trace(trace), m_step(step), m_observer(observer),
          m_writer(nullptr, datafile::DataFormat::fromConfig(request.config.control))
    {
    }
    ~ExportRun()
    {
        m_rows.reset();  // the statements first: their connections' transactions end next
        endSplit();
    }

    ExportResult run();

private:
    bool fail(const QString &block)
    {
        m_trace.error(block);
        m_result.error = block;
        return false;
    }
    void warn(const QString &block)
    {
        m_trace.error(block);
        ++m_result.warnings;
    }
    bool connect();
    // ExportSplit.cpp: the SELECT (one, two halves read in parallel, or key ranges read alternately) and its
    // RowSource, executed.
    bool openRows();
    QString plainTable() const;
    qint64 splitPages(const QString &table);
    bool openSnapshotConnections(int count);
    QStringList splitParts();
    bool openSqliteSnapshot(const QString &table);
    bool sqliteRowids(const QString &table, qint64 *low, qint64 *high);
    QStringList sqliteSplitParts(const QString &table);
    QStringList sqliteKeyRanges(const config::AttributeDef &key, const QString &table);
    QStringList keyRanges();
    QStringList mariaDbKeyRanges(const config::AttributeDef &key, const QString &table);
    void endSplit();
    bool prepareColumns();
    bool chooseBase();
    bool exportRows();
    bool writeSorted();
    bool commitAll(ReferenceWriter *reference, const QString &referencePath);
    // Opens the next reference file and sets the merge's duplicate and keep handlers.
    bool openReference(ReferenceWriter &writer, QString *path, MergeHandlers &handlers);
    // The attribute lines of a row appended to out; false, with a warning naming its key, when a value
    // cannot be written in the file's encoding.
    bool appendRow(QByteArray &out, const RowValues &row);
    // Whether appendRow would succeed, without formatting; the same warning when not.
    bool rowWritable(const RowValues &row);
    // Writes one delta record: the change type, then the attribute lines (body).
    bool writeChange(Change kind, const Values &keys, const QByteArray &body);
    QByteArray deleteBody(const RefElement &old);
    // A delta merged while the rows stream in, when they arrive in key order; OutOfOrder: start again on
    // the sorting path (nothing of this attempt is kept).
    enum class Streamed { Done, Failed, OutOfOrder };
    Streamed streamDelta();
    bool restartForSorting();
    // The next row of m_rows; a value whose storage class cannot be carried (BlockFetch::setStorageNotes) is
    // reported as a warning naming the record and the attribute, and the row is exported as it is.
    // A row may come as its record instead (*record non-empty, row unchanged): a full export without a
    // reference file or Summary trace lets the fetch threads format records (RowSource::formatRecords).
    bool nextRow(RowValues &row, QByteArrayView *record = nullptr);
    qint64 m_rowsRead = 0;  // by nextRow
    RefElement elementOf(const RowValues &row) const;
    QString describeKey(const Values &keys) const;
    // After each record written: single step reports it (its line in the output, change type, attribute
    // lines as written) and waits; false when the job must stop.
    bool stepAfter(qint64 line, const QString &what, const QString &changeType, const QByteArray &record);
    void reportProgress();

    const ExportRequest &m_req;
    const config::AgentConfig &m_cfg;
    trace::Trace &m_trace;
    run::StepController *m_step;
    run::JobObserver *m_observer;
    ExportResult m_result;

    std::unique_ptr<db::Connection> m_connection;
    std::vector<std::unique_ptr<db::Connection>> m_snapshot;  // connections sharing a snapshot, when split
    sql::ExportStatement m_statement;
    std::unique_ptr<RowSource> m_rows;
    datafile::TaggedWriter m_writer;
    std::unique_ptr<DataOutput> m_output;
    QList<int> m_keyColumns;
    QList<int> m_savedColumns;
    QList<config::SortForm> m_forms;
    ReferenceHeader m_header;
    ReferencePlan m_plan;
    std::unique_ptr<ReferenceReader> m_base;  // the previous snapshot, when doing a delta
    std::unique_ptr<ExternalSorter> m_sorter;
    QTemporaryDir m_temp{QDir::tempPath() + QStringLiteral("/oas-export-XXXXXX")};
    std::unique_ptr<run::RunLock> m_configLock;     // held for the whole run
    std::unique_ptr<run::RunLock> m_referenceLock;
    QFile m_rowData;  // delta: formatted rows, read back for adds and modifies
    QDate m_today;
    qint64 m_outputLine = 1;
};

}  // namespace oas::exporter
