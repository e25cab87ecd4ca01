// The delta export and reference-file writing of an export run: after sorting (writeDelta), while
// streaming when the rows arrive in key order (streamDelta), or a full export's reference (writeReferenceOnly).
#include "ExportRun.h"

#include "delta/ReferenceNaming.h"

#include <QFileInfo>

#include <optional>

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
    m_outputLine += body.count('\n') + 3;
    return stepAfter(QStringLiteral("%1 record %2 written").arg(name, describeKey(keys)));
}

bool ExportRun::writeDelta()
{
    trace::FlowScope flow(m_trace, "delta_merge");
    m_rowData.flush();
    ReferenceWriter refOut;
    QString refPath;
    MergeHandlers h;
    if (!startReference(refOut, &refPath, h))
        return false;
    h.nextOld = [&](RefElement &e) { return m_base->next(e); };
    h.change = [&](Change kind, const RefElement &e) {
        if (kind == Change::Delete)
            return writeChange(kind, e.keys, deleteBody(e));
        m_rowData.seek(e.dataOffset);
        return writeChange(kind, e.keys, m_rowData.read(e.dataLength));
    };
    if (!mergeSnapshots(KeyOrder(m_forms), h) || m_result.stopped) {
        refOut.abandon();
        return m_result.stopped && commitAll(nullptr, {});
    }
    return commitAll(&refOut, refPath);
}

ExportRun::Streamed ExportRun::streamDelta()
{
    trace::FlowScope flow(m_trace, "delta_stream");
    const KeyOrder order(m_forms);
    ReferenceWriter refOut;
    const QString refPath = QDir(m_plan.directory)
                                .filePath(nextReferenceName(QFileInfo(m_plan.basePath).fileName(), m_plan.available, m_today));
    QString error;
    if (!refOut.open(refPath, m_header, &error))
        return fail(error), Streamed::Failed;
    auto failed = [&] {
        refOut.abandon();
        return Streamed::Failed;
    };
    // Writes a delta record; a value when the run ends here: stopped by the user (what was written stays,
    // no reference file) or failed.
    auto emitChange = [&](Change kind, const Values &keys, const QByteArray &b) -> std::optional<Streamed> {
        if (writeChange(kind, keys, b))
            return std::nullopt;
        refOut.abandon();
        if (m_result.stopped)
            return commitAll(nullptr, {}) ? Streamed::Done : Streamed::Failed;
        return Streamed::Failed;
    };
    RefElement old;
    bool haveOld = m_base->next(old);
    RefElement previous;
    bool havePrevious = false;
    const qint64 maxRows = m_cfg.exportSection.maxRows.value;
    RowValues row;
    QList<datafile::Attribute> attrs;
    QByteArray body;
    while (m_result.rows < maxRows && m_rows->next(row)) {
        if (m_step && m_step->stopRequested()) {
            m_result.stopped = true;  // cancelled: what was written stays, no reference file
            refOut.abandon();
            return commitAll(nullptr, {}) ? Streamed::Done : Streamed::Failed;
        }
        ++m_result.rows;
        RefElement e = elementOf(row);
        if (havePrevious) {
            const int c = order.compare(previous.keys, e.keys);
            if (c > 0) {
                refOut.abandon();
                return Streamed::OutOfOrder;
            }
            if (c == 0) {
                warn(QStringLiteral("duplicate key %1 in the export: only its first row is tracked; the Keys should "
                                    "be unique")
                         .arg(describeKey(e.keys)));
                continue;
            }
        }
        for (size_t i = 0; i < row.size(); ++i)
            attrs.append({m_statement.abbreviations.at(qsizetype(i)), row[i].value_or(QString()), 0});
        body.resize(0);
        const bool formatted = m_writer.appendBody(body, attrs, &error);
        attrs.clear();
        if (!formatted) {
            warn(QStringLiteral("record %1 not exported: %2").arg(describeKey(e.keys), error));
            continue;  // left out of the reference: offered again next time (a delete now if it existed)
        }
        while (haveOld && order.compare(old.keys, e.keys) < 0) {
            if (const auto end = emitChange(Change::Delete, old.keys, deleteBody(old)))
                return *end;
            haveOld = m_base->next(old);
        }
        if (haveOld && order.compare(old.keys, e.keys) == 0) {
            if (old.hash != e.hash) {
                if (const auto end = emitChange(Change::Modify, e.keys, body))
                    return *end;
            }
            haveOld = m_base->next(old);
        } else if (const auto end = emitChange(Change::Add, e.keys, body)) {
            return *end;
        }
        if (!refOut.append(e))
            return fail(QStringLiteral("cannot write reference file\n%1").arg(refPath)), failed();
        previous = std::move(e);
        havePrevious = true;
        if (m_result.rows % 1000 == 0)
            reportProgress();
    }
    if (m_rows->failed())
        return fail(m_rows->errorBlock()), failed();
    while (haveOld) {
        if (const auto end = emitChange(Change::Delete, old.keys, deleteBody(old)))
            return *end;
        haveOld = m_base->next(old);
    }
    return commitAll(&refOut, refPath) ? Streamed::Done : Streamed::Failed;
}

bool ExportRun::startReference(ReferenceWriter &writer, QString *path, MergeHandlers &h)
{
    QString error;
    if (!m_sorter->finish(&error))
        return fail(error);
    *path = QDir(m_plan.directory)
                .filePath(nextReferenceName(QFileInfo(m_plan.basePath).fileName(), m_plan.available, m_today));
    if (!writer.open(*path, m_header, &error))
        return fail(error);
    h.nextNew = [this](RefElement &e) { return m_sorter->next(e); };
    h.duplicate = [this](const RefElement &e) {
        warn(QStringLiteral("duplicate key %1 in the export: only its first row is tracked; the Keys should be unique")
                 .arg(describeKey(e.keys)));
    };
    h.keep = [&writer](const RefElement &e) { return writer.append(e); };
    return true;
}

bool ExportRun::writeReferenceOnly()
{
    trace::FlowScope flow(m_trace, "write_reference");
    ReferenceWriter refOut;
    QString refPath;
    MergeHandlers h;
    if (!startReference(refOut, &refPath, h))
        return false;
    // The same merge against an empty old snapshot: every row is kept once, duplicate keys are reported.
    h.nextOld = [](RefElement &) { return false; };
    h.change = [](Change, const RefElement &) { return true; };
    if (!mergeSnapshots(KeyOrder(m_forms), h)) {
        refOut.abandon();
        return fail(QStringLiteral("cannot write reference file\n%1").arg(refPath));
    }
    return commitAll(&refOut, refPath);
}

}  // namespace oas::exporter
