#pragma once

// psqlODBC's communication log. Debian registers psqlODBC with CommLog=1 in odbcinst.ini; the agents pass
// CommLog=0, which psqlODBC honours while a connection is open, but when the process's last connection
// closes psqlODBC falls back to the global setting and logs the disconnect ("PQfinish: 0x...") into a new
// world-readable /tmp/psqlodbc_PROGRAM_USERPID.log. PsqlOdbcLog counts the process's psqlODBC connections
// and, when the last one has closed, removes the log psqlODBC created during the process if that log
// holds nothing but such disconnect lines (a log somebody asked for, with CommLog=1 in the connection
// string or a Logdir in odbcinst.ini, is never touched).

#include "config/AgentConfig.h"

#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace oas::db {

class PsqlOdbcLog {
public:
    // A psqlODBC connection is open; logOff: it was opened with CommLog=0.
    static void opened(bool logOff);
    // That connection has closed (after SQLDisconnect).
    static void closed();

    // True when FIELDS ask a PostgreSQL driver for a log (CommLog or Debug other than 0).
    static bool askedFor(const QList<config::DatabaseField> &fields);

    // The log files psqlODBC writes for this process in DIRECTORY (psqlodbc_*_USERPID.log).
    static QStringList logsOfThisProcess(const QString &directory);
    // True when TEXT holds only psqlODBC's disconnect lines.
    static bool onlyDisconnectLines(const QByteArray &text);
};

// While it lives, files the process creates are owner-only (umask 077). Used around opening a connection
// whose driver was asked for a log: psqlODBC's communication log holds the connection's password in clear.
class OwnerOnlyFiles {
public:
    explicit OwnerOnlyFiles(bool active);
    ~OwnerOnlyFiles();
    OwnerOnlyFiles(const OwnerOnlyFiles &) = delete;
    OwnerOnlyFiles &operator=(const OwnerOnlyFiles &) = delete;

private:
    bool m_active;
    mode_t m_previous = 0;
};

}  // namespace oas::db
