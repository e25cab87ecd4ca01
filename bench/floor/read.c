/* The floor under an export through psqlODBC: a SELECT read with bound column buffers in blocks of 1000
 * rows, each query on its own connection and thread, nothing done with the values but counting their bytes
 * - or, for rows packed as concat_ws(chr(1), mask, values...), each split at its separators and written as
 * tagged "Cn: value" lines to a file of its own (no escaping, no checks: less than any real writer does).
 * Part of bench/export-floor.sh, not of the project.
 * Usage: read CONNECTION-STRING MODE QUERY [QUERY ...]
 *   MODE: columns:N (N columns bound, values counted) or write:N:PREFIX (one packed column split into N
 *   values, written to PREFIX.1, PREFIX.2, ... one per query) */
#include <sql.h>
#include <sqlext.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kRows = 1000, kOut = 1 << 20 };

struct job {
    const char *connection, *query, *output;
    int columns, split;
    long rows;
    unsigned long bytes;
};

static void check(SQLRETURN rc, SQLSMALLINT type, SQLHANDLE handle, const char *what)
{
    if (SQL_SUCCEEDED(rc) || rc == SQL_NO_DATA)
        return;
    SQLCHAR state[6] = "", message[512] = "";
    SQLINTEGER native = 0;
    SQLSMALLINT length = 0;
    SQLGetDiagRec(type, handle, 1, state, &native, message, sizeof message, &length);
    fprintf(stderr, "read: %s: %s %s\n", what, state, message);
    exit(1);
}

/* One packed row as tagged lines into out (at *used); flushed to file when full. */
static void writeRow(struct job *j, const char *p, const char *end, char *out, size_t *used, FILE *file)
{
    unsigned long long mask = strtoull(p, NULL, 10);
    p = memchr(p, 1, (size_t)(end - p));
    if (*used > kOut - 65536) {
        fwrite(out, 1, *used, file);
        *used = 0;
    }
    size_t o = *used;
    memcpy(out + o, "row:\n", 5);
    o += 5;
    static __thread char names[64][8];  /* "Cn: ", made once */
    if (!names[0][0])
        for (int f = 0; f < 64; ++f)
            snprintf(names[f], sizeof names[f], "C%d: ", f + 1);
    for (int f = 0; f < j->split && f < 64; ++f) {
        const size_t nameLength = strlen(names[f]);
        memcpy(out + o, names[f], nameLength);
        o += nameLength;
        if (!(mask & (1ULL << f)) && p && p < end) {
            const char *value = p + 1;
            const char *next = memchr(value, 1, (size_t)(end - value));
            if (!next)
                next = end;
            memcpy(out + o, value, (size_t)(next - value));
            o += (size_t)(next - value);
            p = next;
        }
        out[o++] = '\n';
    }
    out[o++] = '\n';
    *used = o;
}

static void *run(void *arg)
{
    struct job *j = arg;
    SQLHENV env;
    SQLHDBC dbc;
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
    SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
    SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
    check(SQLDriverConnect(dbc, NULL, (SQLCHAR *)j->connection, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT),
          SQL_HANDLE_DBC, dbc, "connect");
    SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0);
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    const SQLLEN width = j->columns == 1 ? 2048 : 512;
    char *values = malloc((size_t)kRows * (size_t)j->columns * (size_t)width);
    SQLLEN *lengths = malloc(sizeof(SQLLEN) * kRows * (size_t)j->columns);
    SQLULEN fetched = 0;
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)(SQLULEN)kRows, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
    check(SQLExecDirect(st, (SQLCHAR *)j->query, SQL_NTS), SQL_HANDLE_STMT, st, "execute");
    for (int c = 0; c < j->columns; ++c)
        SQLBindCol(st, (SQLUSMALLINT)(c + 1), SQL_C_CHAR, values + (size_t)c * kRows * (size_t)width, width,
                   lengths + (size_t)c * kRows);
    FILE *file = j->output ? fopen(j->output, "w") : NULL;
    char *out = j->output ? malloc(kOut) : NULL;
    size_t used = 0;
    for (;;) {
        SQLRETURN rc = SQLFetch(st);
        if (rc == SQL_NO_DATA)
            break;
        check(rc, SQL_HANDLE_STMT, st, "fetch");
        for (SQLULEN r = 0; r < fetched; ++r) {
            for (int c = 0; c < j->columns; ++c)
                j->bytes += lengths[(size_t)c * kRows + r] > 0 ? (unsigned long)lengths[(size_t)c * kRows + r] : 0;
            if (file)
                writeRow(j, values + r * (size_t)width, values + r * (size_t)width + lengths[r], out, &used, file);
        }
        j->rows += (long)fetched;
    }
    if (file) {
        fwrite(out, 1, used, file);
        fclose(file);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT);
    SQLDisconnect(dbc);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: read CONNECTION-STRING columns:N|write:N:PREFIX QUERY [QUERY ...]\n");
        return 2;
    }
    const int count = argc - 3;
    struct job *jobs = calloc((size_t)count, sizeof *jobs);
    pthread_t *threads = calloc((size_t)count, sizeof *threads);
    char prefix[512] = "";
    int n = 0;
    const int writing = sscanf(argv[2], "write:%d:%500s", &n, prefix) == 2;
    if (!writing && sscanf(argv[2], "columns:%d", &n) != 1)
        return 2;
    for (int i = 0; i < count; ++i) {
        jobs[i].connection = argv[1];
        jobs[i].query = argv[3 + i];
        jobs[i].columns = writing ? 1 : n;
        jobs[i].split = writing ? n : 0;
        if (writing) {
            char *path = malloc(strlen(prefix) + 16);
            sprintf(path, "%s.%d", prefix, i + 1);
            jobs[i].output = path;
        }
        pthread_create(&threads[i], NULL, run, &jobs[i]);
    }
    long rows = 0;
    unsigned long bytes = 0;
    for (int i = 0; i < count; ++i) {
        pthread_join(threads[i], NULL);
        rows += jobs[i].rows;
        bytes += jobs[i].bytes;
    }
    printf("%ld rows, %lu bytes\n", rows, bytes);
    return 0;
}
