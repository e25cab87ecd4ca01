#include "SqliteLibrary.h"

#include <sqlite3.h>

#include <mutex>

namespace oas::db {

void configureSqliteLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // SQLITE_MISUSE once the library is initialised (another user came first): it then stays as it is.
        sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        // No global allocation statistics: they take a process-wide mutex at every allocation.
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
}

}  // namespace oas::db
