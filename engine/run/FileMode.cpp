#include "FileMode.h"

#include <QString>

#include <sys/stat.h>

namespace oas::run {

unsigned privateFileMode()
{
    bool ok = false;
    const unsigned mode = qEnvironmentVariable("OAS_FILE_MODE").toUInt(&ok, 8);
    return ok && mode <= 0777 ? mode : 0600;
}

bool makePrivate(int fd)
{
    return fd >= 0 && ::fchmod(fd, mode_t(privateFileMode())) == 0;
}

}  // namespace oas::run
