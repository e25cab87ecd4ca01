#include "ExportJob.h"

#include "ExportRun.h"
#include "ExportTemp.h"
#include "delta/ReferenceNaming.h"
#include "delta/RowHash.h"
#include "../config/ConfigWriter.h"
#include "../db/Connection.h"
#include "../datafile/Escaping.h"
#include "../db/SqlTypes.h"
#include "../run/OpenConnection.h"

#include <QDir>
#include <QFileInfo>

namespace oas::exporter {

using config::TraceLevel;


bool ExportRun::connect()
{
    QString error;
    m_connection = run::openTracedConnection(m_cfg.database, m_req.credentials, m_req.connectionName,
                                             db::Connection::Use::Streaming, m_trace, &error);
    return m_connection ? true : fail(error);
}

bool ExportRun::prepareColumns()
{
    const config::ExportSection &e = m_cfg.exportSection;
    auto indexOf = [&](const QString &abbr) {
        for (int i = 0; i < m_statement.abbreviations.size(); ++i) {
            if (m_statement.abbreviations.at(i).compare(abbr, Qt::CaseInsensitive) == 0)
                return i;
        }
        return -1;
    };
    const QList<db::ColumnInfo> &cols = m_rows->columns();
    for (int i = 0; i < m_statement.abbreviations.size() && i < cols.size(); ++i) {
        const config::AttributeDef *a = m_cfg.attributes.find(m_statement.abbreviations.at(i));
        m_trace.write(TraceLevel::Columns, db::columnInfoHead(a->abbreviation, cols.at(i).name, a->column.text)
                                               + QLatin1Char('\n') + db::columnInfoFacts(cols.at(i)));
    }
    QStringList keyColumns;
    for (int k = 0; k < e.keys.value.size(); ++k) {
        const int i = indexOf(e.keys.value.at(k).name);
        m_keyColumns.append(i);
        keyColumns.append(m_cfg.attributes.find(e.keys.value.at(k).name)->column.text);
        config::SortForm form = k < e.sortControl.value.size() ? e.sortControl.value.at(k) : config::SortForm::Default;
        if (form == config::SortForm::Default) {
            const int type = i < cols.size() ? cols.at(i).sqlType : 0;
            const auto def = db::defaultSortForm(type);
            if (!def && m_plan.writeReference)
                return fail(QStringLiteral("key attribute %1 is of type %2, which cannot be a delta key (the manual's "
                                           "default matching rules say \"fail\"); choose another key or give its form "
                                           "in SortControl")
                                .arg(e.keys.value.at(k).name, db::sqlTypeName(type)));
            form = def.value_or(config::SortForm::CaseSensitive);
        }
        m_forms.append(form);
    }
    QStringList savedColumns;
    for (const config::NameRef &s : e.saveAttr.value) {
        m_savedColumns.append(indexOf(s.name));
        savedColumns.append(m_cfg.attributes.find(s.name)->column.text);
    }
    QStringList selection;
    for (const QString &abbr : m_statement.abbreviations)
        selection.append(m_cfg.attributes.find(abbr)->column.text);
    m_header.timestamp = QDateTime::currentDateTimeUtc();
    m_header.eightBit = m_cfg.control.eightBit.value;
    m_header.hashSize = m_cfg.control.dataHash.value;
    m_header.selection = selection.join(QStringLiteral(", "));
    m_header.keys = keyColumns.join(QStringLiteral(", "));
    m_header.from = e.from.value;
    m_header.where = e.where.value;
    m_header.sortForms = m_forms;
    m_header.savedColumns = savedColumns;
    return true;
}

bool ExportRun::chooseBase()
{
    const bool deltaOnly = m_cfg.exportSection.mode.value == config::ExportMode::Delta;
    if (!m_plan.writeReference) {  // the manual: Mode=full says only that a full export takes place
        m_trace.write(TraceLevel::RefData, QStringLiteral("Mode=full: full export"));
        return true;
    }
    m_trace.write(TraceLevel::RefData, QStringLiteral("reference data files:\n")
                                           + (m_plan.available.isEmpty() ? QStringLiteral("none")
                                                                         : m_plan.available.join(QLatin1Char('\n'))));
    if (!m_plan.wantsDelta) {
        m_trace.write(TraceLevel::RefData, QStringLiteral("-r: full export with a new reference file"));
        return true;
    }
    if (m_plan.basePath.isEmpty()) {
        m_trace.write(TraceLevel::RefData, QStringLiteral("no previous reference file found"));
        return true;  // the first export: a full export that creates the first reference file
    }
    auto reader = std::make_unique<ReferenceReader>();
    QString why;
    if (reader->open(m_plan.basePath, &why)) {
        m_trace.write(TraceLevel::RefData, QStringLiteral("reference file found:\n%1\n%2")
                                               .arg(m_plan.basePath, reader->header().describe()));
        const QString difference = m_header.differenceFrom(reader->header());
        if (difference.isEmpty()) {
            m_base = std::move(reader);
            return true;
        }
        why = QStringLiteral("the export specification changed since reference file %1 (%2)").arg(m_plan.basePath, difference);
    }
    if (deltaOnly)
        return fail(QStringLiteral("delta export not possible: %1\nMode=delta: no export done (use Mode=delta-or-full, "
                                   "or -r alone to start again with a full export)")
                        .arg(why));
    m_trace.error(QStringLiteral("delta export not possible: %1\nMode=delta-or-full: doing a full export").arg(why));
    return true;
}

bool ExportRun::appendRow(QByteArray &out, const RowValues &row)
{
    QString error;
    const bool ok = m_writer.appendBody(out, m_statement.abbreviations, row, &error);
    if (!ok)
        warn(QStringLiteral("record %1 not exported: %2").arg(describeKey(elementOf(row).keys), error));
    return ok;
}

bool ExportRun::rowWritable(const RowValues &row)
{
    QString error;
    const bool ok = m_writer.canWrite(m_statement.abbreviations, row, &error);
    if (!ok)
        warn(QStringLiteral("record %1 not exported: %2").arg(describeKey(elementOf(row).keys), error));
    return ok;
}

bool ExportRun::nextRow(RowValues &row, QByteArrayView *record)
{
    if (!(record ? m_rows->next(row, record) : m_rows->next(row)))
        return false;
    ++m_rowsRead;
    if (record && !record->isEmpty())
        return true;
    const qsizetype columns = m_statement.abbreviations.size();
    if (qsizetype(row.size()) <= columns)
        return true;
    const std::optional<QString> notes = row.back();
    row.resize(size_t(columns));
    if (!notes)
        return true;
    QStringList lines;
    for (const QString &line : notes->split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int column = line.section(QLatin1Char(':'), 0, 0).toInt();
        lines.append(QStringLiteral("%1: %2").arg(m_statement.abbreviations.value(column), line.section(QLatin1Char(':'), 1)));
    }
    const QString key = m_keyColumns.isEmpty() ? QStringLiteral("at row %1").arg(m_rowsRead) : describeKey(elementOf(row).keys);
    warn(QStringLiteral("record %1: value cannot be carried exactly\n%2").arg(key, lines.join(QLatin1Char('\n'))));
    return true;
}

RefElement ExportRun::elementOf(const RowValues &row) const
{
    RefElement e;
    for (int i : m_keyColumns)
        e.keys.push_back(i >= 0 ? row[size_t(i)] : std::nullopt);
    for (int i : m_savedColumns)
        e.saved.push_back(i >= 0 ? row[size_t(i)] : std::nullopt);
    e.hash = rowHash(row, m_header.hashSize);
    return e;
}

QString ExportRun::describeKey(const Values &keys) const
{
    QStringList parts;
    for (const auto &k : keys)
        parts.append(k.value_or(QString()));
    return parts.join(QLatin1Char('/'));
}

bool ExportRun::stepAfter(qint64 line, const QString &what, const QString &changeType, const QByteArray &record)
{
    if (!m_step)
        return true;
    if (m_step->isStepping() || m_step->hasBreakpoint()) {
        run::RecordStep step;
        step.line = int(line);
        step.summary = what;
        step.changeType = changeType;
        bool ok = true;
        const QString text = datafile::decodeBytes(record, m_cfg.control.encoding.value, &ok);
        step.attributes = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(1);  // after the separator line
        if (m_step->stopsAt(step) && m_observer)
            m_observer->recordStepped(step);
    }
    if (m_step->pause(what))
        return true;
    m_result.stopped = true;
    return false;
}

void ExportRun::reportProgress()
{
    if (!m_observer)
        return;
    run::JobProgress p;
    p.records = m_result.rows;
    p.adds = m_result.adds;
    p.modifies = m_result.modifies;
    p.deletes = m_result.deletes;
    p.warnings = m_result.warnings;
    m_observer->progress(p);
}

bool ExportRun::exportRows()
{
    trace::FlowScope flow(m_trace, "SQLFetch");
    const bool delta = m_base != nullptr;
    if (m_plan.writeReference) {
        m_sorter = std::make_unique<ExternalSorter>(KeyOrder(m_forms), int(m_keyColumns.size()), m_header.hashSize,
                                                    int(m_savedColumns.size()), m_temp.path(), m_req.sortMemoryBytes);
    }
    if (delta) {
        m_rowData.setFileName(m_temp.filePath(QStringLiteral("rows.txt")));
        if (!m_rowData.open(QIODevice::ReadWrite | QIODevice::Truncate))
            return fail(QStringLiteral("cannot create a temporary file in %1").arg(m_temp.path()));
    }
    const qint64 maxRows = m_cfg.exportSection.maxRows.value;
    // Records go to the output in chunks of about kPendingBytes (one at a time while single-stepping, so the
    // file shows each record when it is shown); a delta's formatted rows go to the temporary file one by one.
    constexpr qsizetype kPendingBytes = 256 * 1024;
    QByteArray pending;  // its capacity reused
    auto flush = [&] {
        const bool written = pending.isEmpty() || m_output->device()->write(pending) == pending.size();
        pending.resize(0);
        m_output->startWriteback();
        return written || fail(QStringLiteral("cannot write export data file\n%1").arg(m_output->path()));
    };
    RowValues row;
    QByteArrayView formatted;  // the row's record, where the fetch thread made it (RowSource::formatRecords)
    while (m_result.rows < maxRows && nextRow(row, &formatted)) {
        ++m_result.rows;
        const qint64 recordLine = m_outputLine;
        const qsizetype start = pending.size();
        if (!formatted.isEmpty()) {
            pending += formatted;  // a full export's: its separator line and attribute lines
            ++m_result.recordsFromBytes;
        } else {
            if (!delta)
                pending += m_writer.separatorLine();
            if (!appendRow(pending, row)) {
                pending.truncate(start);
                continue;  // left out of the reference file too, so the next delta export offers it again
            }
        }
        QString error;
        RefElement element = m_plan.writeReference ? elementOf(row) : RefElement();
        if (delta) {
            element.dataOffset = m_rowData.pos();
            element.dataLength = pending.size() - start;
            if (m_rowData.write(pending.constData() + start, element.dataLength) != element.dataLength)
                return fail(QStringLiteral("cannot write a temporary file in %1 (disk full?)").arg(m_temp.path()));
            pending.truncate(start);
        } else {
            pending += '\n';
            ++m_result.records;
            if (m_trace.on(TraceLevel::Summary))
                m_trace.write(TraceLevel::Summary, QStringLiteral("record %1 at line %2 (exported)")
                                                       .arg(describeKey(elementOf(row).keys), QString::number(m_outputLine)));
            m_outputLine += m_statement.abbreviations.size() + 2;  // a line per column (row is not read for a formatted record)
        }
        if (m_sorter && !m_sorter->add(std::move(element), &error))
            return fail(error);
        if (m_result.rows % 1000 == 0)
            reportProgress();
        if (!delta && m_step) {
            if (!m_step->isStepping() && !m_step->hasBreakpoint()) {
                if (m_step->stopRequested()) {  // cancelled: what was written stays
                    m_result.stopped = true;
                    return flush();
                }
            } else {
                const QByteArray record = pending.mid(start);
                if (!flush() || !stepAfter(recordLine, QStringLiteral("row %1 exported").arg(m_result.rows), QString(), record))
                    return flush();
            }
        }
        if (pending.size() >= kPendingBytes && !flush())
            return false;
        if (delta && m_step && m_step->stopRequested()) {
            m_result.stopped = true;  // cancelled while reading: no delta record written yet
            return true;
        }
    }
    if (!flush())
        return false;
    if (m_rows->failed())
        return fail(m_rows->errorBlock());
    return true;
}

// The order matters for a crash at any point: the data file first, then the new reference file, then its
// name in the configuration. Until the last step the configuration still names the previous reference, so a
// rerun produces the same delta again.
bool ExportRun::commitAll(ReferenceWriter *reference, const QString &referencePath)
{
    QString error;
    if (!m_output->commit(&error)) {
        if (reference)
            reference->abandon();
        return fail(error);
    }
    if (!reference)
        return true;
    if (m_req.dryRun) {
        reference->abandon();
        m_trace.write(TraceLevel::RefData, QStringLiteral("dry run: no reference file written, the configuration unchanged"));
        return true;
    }
    if (!reference->commit(&error))
        return fail(error);
    m_result.referenceWritten = referencePath;
    const QString name = QFileInfo(referencePath).fileName();
    m_trace.write(TraceLevel::RefData, (m_base ? QStringLiteral("delta export with new reference file:\n%1")
                                               : QStringLiteral("full export with reference file:\n%1"))
                                           .arg(name));
    if (!m_req.configPath.isEmpty() && m_cfg.version.value >= 101
        && !config::setFieldValue(m_req.configPath, QStringLiteral("export"), QStringLiteral("NewReferenceFile"), name, &error))
        return fail(error);
    return true;
}

// The rows did not come in key order: everything streamed so far is dropped and the export starts again on
// the sorting path.
bool ExportRun::restartForSorting()
{
    m_trace.write(TraceLevel::RefData, QStringLiteral("rows not in key order: comparing after sorting"));
    m_result = ExportResult();
    m_result.delta = true;
    m_outputLine = 1;
    QString error;
    m_output->abandon();
    m_output = std::make_unique<DataOutput>(m_req.outputPath, m_req.toStdout);
    auto base = std::make_unique<ReferenceReader>();
    if (!m_output->open(&error) || !base->open(m_plan.basePath, &error))
        return fail(error);
    m_base = std::move(base);
    m_rows = std::make_unique<RowSource>(*m_connection, m_statement.select);
    if (!m_rows->exec())
        return fail(m_rows->errorBlock());
    return true;
}

ExportResult ExportRun::run()
{
    trace::FlowScope flow(m_trace, "odbc_export");
    m_today = m_req.todayUtc.isValid() ? m_req.todayUtc : QDateTime::currentDateTimeUtc().date();
    m_plan = planReference(m_cfg.exportSection, m_req.referenceFlag, m_req.referenceFile, m_today);
    if (m_plan.writeReference && m_cfg.exportSection.keys.value.isEmpty()) {
        fail(QStringLiteral("a reference file needs the Keys field in the export section"));
        return m_result;
    }
    // -r FILE names the base: one that cannot be read is an error in every mode, never a full export handed
    // on as if it were a delta (the manual's fallback to a full export is for -r alone and for a changed
    // export specification).
    if (m_req.referenceFlag && !m_req.referenceFile.isEmpty()) {
        ReferenceReader probe;
        QString why;
        if (!probe.open(m_req.referenceFile, &why)) {
            fail(QStringLiteral("the reference file given with -r cannot be used: %1\n%2\nexport not done (-r alone starts "
                                "again with a full export and a new reference file)").arg(why, m_req.referenceFile));
            return m_result;
        }
    }
    if (!m_temp.isValid()) {
        fail(QStringLiteral("cannot create a temporary directory in %1").arg(QDir::tempPath()));
        return m_result;
    }
    // This run's scratch folder names its owner; those of killed exports go (ExportTemp.h).
    markTempOwner(m_temp.path());
    if (const int stale = removeStaleTempFolders(QDir::tempPath()))
        m_trace.write(TraceLevel::RefData, QStringLiteral("%1 scratch folder(s) of killed exports removed from %2").arg(stale).arg(QDir::tempPath()));
    if (m_plan.writeReference && !QDir().mkpath(m_plan.directory)) {
        fail(QStringLiteral("cannot create reference directory\n%1").arg(m_plan.directory));
        return m_result;
    }
    // One run of a configuration, and of a reference folder, at a time (DECISIONS.md 16): a second delta
    // at once would compare with the same base and lose or repeat changes.
    const QString configPath = m_req.configPath.isEmpty() ? m_cfg.fileName : m_req.configPath;
    QString lockError;
    if (!configPath.isEmpty()) {
        m_configLock = run::RunLock::acquire(run::RunLock::lockFileForConfig(configPath), QStringLiteral("configuration %1").arg(configPath),
                                             run::lockWaitSeconds(), &lockError);
        if (!m_configLock) {
            fail(lockError + QStringLiteral("\nexport not done"));
            return m_result;
        }
    }
    if (m_plan.writeReference) {
        m_referenceLock = run::RunLock::acquire(run::RunLock::lockFileForFolder(m_plan.directory),
                                                QStringLiteral("reference folder %1").arg(m_plan.directory), run::lockWaitSeconds(), &lockError);
        if (!m_referenceLock) {
            fail(lockError + QStringLiteral("\nexport not done"));
            return m_result;
        }
    }
    if (!connect())
        return m_result;
    if (!openRows() || !prepareColumns() || !chooseBase())
        return m_result;
    m_result.delta = m_base != nullptr;
    QString error;
    m_output = std::make_unique<DataOutput>(m_req.outputPath, m_req.toStdout);
    if (!m_output->open(&error)) {
        fail(error);
        return m_result;
    }
    bool ok;
    // Rows that arrive in key order are merged with the base as they stream (no sort, no temporary file).
    // Not to standard output nor when stepping: there a restart could not take back what was shown.
    const bool tryStreaming = m_base && !m_req.toStdout && !(m_step && m_step->isStepping());
    const Streamed streamed = tryStreaming ? streamDelta() : Streamed::OutOfOrder;
    if (tryStreaming && streamed != Streamed::OutOfOrder) {
        ok = streamed == Streamed::Done;
    } else {
        if (tryStreaming && !restartForSorting())
            return m_result;
        ok = exportRows();
        if (ok && !m_result.stopped)
            ok = m_sorter ? writeSorted() : commitAll(nullptr, {});
        else if (ok)
            ok = commitAll(nullptr, {});
    }
    if (ok && m_result.stopped) {
        // Stopped by the user in single-step mode: what was written stays, but it is not a snapshot.
        warn(QStringLiteral("export stopped by the user after %1 records; no reference file written").arg(m_result.records));
    }
    if (!ok) {
        m_output->abandon();
        return m_result;
    }
    reportProgress();
    m_result.exitCode = m_result.warnings > 0 ? 0x3C : 0;
    m_trace.flush();
    return m_result;
}

ExportResult runExport(const ExportRequest &request, trace::Trace &trace, run::StepController *step,
                       run::JobObserver *observer)
{
    return ExportRun(request, trace, step, observer).run();
}

}  // namespace oas::exporter
