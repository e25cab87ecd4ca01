#include "ReferencePlan.h"

#include "ReferenceNaming.h"

#include <QDir>

namespace oas::exporter::delta {

ReferencePlan planReference(const config::ExportSection &e, bool referenceFlag, const QString &referenceFile,
                            const QDate &today)
{
    ReferencePlan plan;
    plan.directory = e.referencePath.value.isEmpty() ? QStringLiteral(".") : e.referencePath.value;
    const bool forcedFull = referenceFlag && referenceFile.isEmpty();
    plan.wantsDelta = e.mode.value != config::ExportMode::Full && !forcedFull;
    plan.writeReference = plan.wantsDelta || forcedFull;
    if (!plan.writeReference)
        return plan;
    plan.available = referenceFilesIn(plan.directory, today);
    if (!plan.wantsDelta)
        return plan;
    if (referenceFlag)
        plan.basePath = referenceFile;
    else if (!e.newReferenceFile.value.isEmpty())
        plan.basePath = QDir(plan.directory).filePath(e.newReferenceFile.value);
    else if (!plan.available.isEmpty())
        plan.basePath = QDir(plan.directory).filePath(plan.available.first());
    return plan;
}

}  // namespace oas::exporter::delta
