#pragma once
// The export's scratch folder (oas-export-XXXXXX in TMPDIR) names its owner (pid and process start time),
// so that the folders of exports that were killed (SIGKILL, a power loss) are removed by a later export: a
// folder of this user whose owner is gone, or an ownerless one older than an hour.
#include <QString>

namespace oas::exporter {

bool markTempOwner(const QString &folder);
int removeStaleTempFolders(const QString &tempRoot);  // how many were removed

}  // namespace oas::exporter
