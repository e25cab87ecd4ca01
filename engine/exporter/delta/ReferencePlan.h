#pragma once
// Which reference file an export compares with and whether it writes a new one, from Mode, -r and the
// reference directory: Mode=full writes none (unless -r alone asks for one); -r alone forces a full export
// that writes one; -r FILE names the base; otherwise the base is NewReferenceFile, or the newest Rymmddnn
// file in ReferencePath.
#include "../../config/AgentConfig.h"

#include <QDate>

namespace oas::exporter::delta {

struct ReferencePlan {
    bool writeReference = false;
    bool wantsDelta = false;   // Mode delta / delta-or-full, and not forced to full by -r
    QString directory;         // where reference files live (ReferencePath, or the working directory)
    QString basePath;          // the previous reference file to compare with; empty when there is none
    QStringList available;     // reference files found in the directory, newest first
};

ReferencePlan planReference(const config::ExportSection &exportSection, bool referenceFlag,
                            const QString &referenceFile, const QDate &todayUtc);

}  // namespace oas::exporter::delta
