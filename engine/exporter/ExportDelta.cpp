// The delta export and reference-file writing of an export run: after sorting (writeSorted, also a full
// export's first reference file), or while streaming when the rows arrive in key order (streamDelta).
#include "ExportRun.h"

#include "delta/ReferenceNaming.h"

#include <QFileInfo>

namespace oas::exporter {

using config::TraceLevel;

QByteArray ExportRun::deleteBody(const RefElement &old)
{
    QList<datafile::Attribute> attrs;
    const config::ExportSection &x = m_cfg.exportSection;
    for (size_t i = 0; i < old.keys.size(); ++i)
        attrs.append({x.keys.value.at(qsizetype(i)).name, old.keys[i].value_or(QString()), 0});
    for (size_t i = 0; i < old.saved.size(); ++i)
        attrs.append({x.saveAttr.value.at(qsizetype(i)).name, old.saved[i].value_or(QString()), 0});
    return m_writer.formatBody(attrs).value_or(QByteArray());  // these values were written before
}

bool ExportRun::writeChange(Change kind, const Values &keys, const QByteArray &body)
{
    const QString name = kind == Change::Add ? QStringLiteral("add") : kind == Change::Modify ? QStringLiteral("modify")
                                                                                               : QStringLiteral("delete");
    ++(kind == Change::Add ? m_result.adds : kind == Change::Modify ? m_result.modifies : m_result.deletes);
    const QByteArray record = m_writer.separatorLine()
                              + *m_writer.formatBody({{m_cfg.importSection.changeType.value, name, 0}}) + body + '\n';
    if (m_output->device()->write(record) != record.size())
        return fail(QStringLiteral("cannot write export data file\n%1").arg(m_output->path()));
    ++m_result.records;
    if (m_trace.on(TraceLevel::Summary))
        m_trace.write(TraceLevel::Summary, QStringLiteral("record %1 at line %2 (%3)")
                                               .arg(describeKey(keys), QString::number(m_outputLine), name));
    const qint64 line = m_outputLine;
    m_outputLine += body.count('\n') + 3;
    return stepAfter(line, QStringLiteral("%1 record %2 written").arg(name, describeKey(keys)), name, record);
}

// The sorted rows merged with the previous snapshot (a delta), or with none (the first reference file:
// every row is kept once, duplicate keys are reported).
bool ExportRun::writeSorted()
{
    trace::FlowScope flow(m_trace, m_base ? "delta_merge" : "write_reference");
    if (m_base)
        m_rowData.flush();
    QString error;
    if (!m_sorter->finish(&error))
        return fail(error);
    ReferenceWriter refOut;
    QString refPath;
    MergeHandlers h;
    if (!openReference(refOut, &refPath, h))
        return false;
    h.nextNew = [this](RefElement &e) { return m_sorter->next(e); };
    if (m_base) {
        h.nextOld = [this](RefElement &e) { return m_base->next(e); };
        h.change = [this](Change kind, const RefElement &e) {
            if (kind == Change::Delete)
                return writeChange(kind, e.keys, deleteBody(e));
            m_rowData.seek(e.dataOffset);
            return writeChange(kind, e.keys, m_rowData.read(e.dataLength));
        };
    } else {
        h.nextOld = [](RefElement &) { return false; };
        h.change = [](Change, const RefElement &) { return true; };
    }
    if (!mergeSnapshots(KeyOrder(m_forms), h) || m_result.stopped) {
        refOut.abandon();
        return m_result.stopped && commitAll(nullptr, {});  // else keep() or change() said why
    }
    return commitAll(&refOut, refPath);
}

// The same merge as writeSorted, fed by the rows as they stream in: nextNew formats each row and checks that
// it comes after the one before (by our comparator); change writes the row formatted last. When the order
// breaks, nothing is written from then on and the attempt is dropped.
ExportRun::Streamed ExportRun::streamDelta()
{
    trace::FlowScope flow(m_trace, "delta_stream");
    const KeyOrder order(m_forms);
    ReferenceWriter refOut;
    QString refPath;
    MergeHandlers h;
    if (!openReference(refOut, &refPath, h))
        return Streamed::Failed;
    const qint64 maxRows = m_cfg.exportSection.maxRows.value;
    bool outOfOrder = false;
    Values previous;
    bool havePrevious = false;
    RowValues row;
    QByteArray body;  // a changed row, formatted (its capacity reused)
    h.nextOld = [&](RefElement &e) { return m_base->next(e); };
    h.nextNew = [&](RefElement &e) {
        while (m_result.rows < maxRows && nextRow(row)) {
            if (m_step && m_step->stopRequested()) {
                m_result.stopped = true;  // cancelled: what was written stays, no reference file
                return false;
            }
            if (++m_result.rows % 1000 == 0)
                reportProgress();
            e = elementOf(row);
            if (havePrevious && order.compare(previous, e.keys) > 0) {
                outOfOrder = true;
                return false;
            }
            if (!rowWritable(row))
                continue;  // left out of the reference: offered again next time (a delete now if it existed)
            previous = e.keys;
            havePrevious = true;
            return true;
        }
        return false;
    };
    h.change = [&](Change kind, const RefElement &e) {
        if (outOfOrder || m_result.stopped || m_rows->failed())
            return false;  // the new rows did not end normally: write nothing more
        if (kind == Change::Delete)
            return writeChange(kind, e.keys, deleteBody(e));
        body.resize(0);  // only changed rows are formatted: the row nextNew handed out last
        if (!appendRow(body, row))  // rowWritable() said it would
            return fail(QStringLiteral("record %1 could not be formatted after all").arg(describeKey(e.keys)));
        return writeChange(kind, e.keys, body);
    };
    const bool merged = mergeSnapshots(order, h);
    if (outOfOrder || m_result.stopped || !merged || m_rows->failed()) {
        refOut.abandon();
        if (outOfOrder)
            return Streamed::OutOfOrder;
        if (m_result.stopped)
            return commitAll(nullptr, {}) ? Streamed::Done : Streamed::Failed;
        if (m_rows->failed())
            fail(m_rows->errorBlock());
        return Streamed::Failed;
    }
    return commitAll(&refOut, refPath) ? Streamed::Done : Streamed::Failed;
}

bool ExportRun::openReference(ReferenceWriter &writer, QString *path, MergeHandlers &h)
{
    QString error;
    *path = QDir(m_plan.directory)
                .filePath(nextReferenceName(QFileInfo(m_plan.basePath).fileName(), m_plan.available, m_today));
    if (!writer.open(*path, m_header, &error))
        return fail(error);
    h.duplicate = [this](const RefElement &e) {
        warn(QStringLiteral("duplicate key %1 in the export: only its first row is tracked; the Keys should be unique")
                 .arg(describeKey(e.keys)));
    };
    h.keep = [this, &writer, where = *path](const RefElement &e) {
        return writer.append(e) || fail(QStringLiteral("cannot write reference file\n%1").arg(where));
    };
    return true;
}

}  // namespace oas::exporter
