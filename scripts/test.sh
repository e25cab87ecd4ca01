#!/usr/bin/env bash
# Builds everything and runs every test through CTest: unit suites, the programs end to end, integration
# suites on SQLite (ODBC) and on throwaway PostgreSQL (psqlODBC) and MariaDB (MariaDB Connector/ODBC) servers
# on 127.0.0.1, and the fuzz harnesses; then the same unit and integration suites (and the programs they run) built with
# AddressSanitizer + UndefinedBehaviorSanitizer, every finding fatal. Works on a fresh Debian 12 machine as
# root; the last lines printed are CTest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
bash scripts/build.sh
PG_ENV=$(bash "$ROOT/scripts/pg-test-server.sh" start) || { echo "test.sh: could not start the test PostgreSQL server" >&2; exit 1; }
eval "$PG_ENV"
trap 'bash "$ROOT/scripts/pg-test-server.sh" stop "$OAS_PG_DIR"' EXIT
MARIADB_ENV=$(bash "$ROOT/scripts/mariadb-test-server.sh" start) || { echo "test.sh: could not start the test MariaDB server" >&2; exit 1; }
eval "$MARIADB_ENV"
trap 'bash "$ROOT/scripts/pg-test-server.sh" stop "$OAS_PG_DIR"; bash "$ROOT/scripts/mariadb-test-server.sh" stop "$OAS_MARIADB_DIR"' EXIT
(cd "${OAS_BUILD_DIR:-build}" && ctest --output-on-failure --parallel "$(nproc)" --timeout 900)

# The sanitizer build: the Studio's suites (whose responsiveness probes a sanitized build would only make
# slow) and the package stay with the main build; the fuzz harnesses are sanitized there already.
ASAN_DIR=${OAS_ASAN_BUILD_DIR:-build-asan}
cmake -S . -B "$ASAN_DIR" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DOAS_SANITIZE=ON -DOAS_FUZZ=OFF >/dev/null
mapfile -t SUITES < <(cd "$ASAN_DIR" && ninja -t targets all | sed -n 's/^\(tst_[a-z_]*\): phony$/\1/p' \
  | grep -v -e '_autogen' -e '^tst_ui_')
cmake --build "$ASAN_DIR" --parallel "$(nproc)" --target ODBCAgentExp ODBCAgentImp odbc-agent "${SUITES[@]}"
cd "$ASAN_DIR"
# Leaks are not checked: Qt and the ODBC drivers keep some memory to the end of the process on purpose.
ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure --parallel "$(nproc)" --timeout 900 -E '^(installer|ui)/'
