#pragma once

namespace oas::db {

// Sets the process's SQLite library (the one the SQLite3 ODBC driver and Qt's QSQLITE both load) to
// multi-thread mode before anything initialises it: a connection then takes no mutex around each call.
// In its default, serialized mode every sqlite3_column_text / _type the driver makes per value locked and
// unlocked the connection's mutex, a quarter of a SQLite export's time. Safe because no connection of ours
// is used by two threads at once (each run, fetch thread and Studio worker has its own; a fetch thread is
// its statement's only user while it runs), and Qt already opens its connections without mutexes.
// Idempotent and thread-safe; does nothing once the library is initialised (it then stays serialized).
// Called before every connection is opened (db::Connection, the journal, the demo workspace).
void configureSqliteLibrary();

}  // namespace oas::db
