#include "Utf8Text.h"

#include <cstring>

#include <sql.h>
#include <sqlext.h>

namespace oas::db {

bool probeUtf8Text(void *dbc, ProbeSql dialect)
{
    SQLHSTMT stmt = nullptr;
    if (!dbc || !SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt)))
        return false;
    // é (2 bytes), € (3 bytes), 😀 (4 bytes), then a line feed that LFConversion would turn into CR LF.
    static const char expected[] = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\n";
    const char *probe = dialect == ProbeSql::MariaDb ? "SELECT CONVERT(X'C3A9E282ACF09F98800A' USING utf8mb4)"
                                                     : "SELECT CAST(chr(233) || chr(8364) || chr(128512) || chr(10) AS text)";
    char buffer[64] = {};
    SQLLEN length = 0;
    const bool ok = SQL_SUCCEEDED(SQLExecDirect(stmt, reinterpret_cast<SQLCHAR *>(const_cast<char *>(probe)), SQL_NTS))
                    && SQL_SUCCEEDED(SQLFetch(stmt))
                    && SQL_SUCCEEDED(SQLGetData(stmt, 1, SQL_C_CHAR, buffer, sizeof buffer, &length))
                    && length == SQLLEN(sizeof expected - 1) && std::memcmp(buffer, expected, sizeof expected - 1) == 0;
    SQLFreeStmt(stmt, SQL_CLOSE);
    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
    return ok;
}

}  // namespace oas::db
