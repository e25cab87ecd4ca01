#!/usr/bin/env bash
# Builds everything and runs every test through CTest: unit suites, the programs end to end, integration
# suites on SQLite (ODBC) and on a throwaway PostgreSQL server (psqlODBC) on 127.0.0.1, and the fuzz
# harnesses. Works on a fresh Debian 12 machine as root; the last lines printed are CTest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
bash scripts/build.sh
PG_ENV=$(bash "$ROOT/scripts/pg-test-server.sh" start) || { echo "test.sh: could not start the test PostgreSQL server" >&2; exit 1; }
eval "$PG_ENV"
trap 'bash "$ROOT/scripts/pg-test-server.sh" stop "$OAS_PG_DIR"' EXIT
cd "${OAS_BUILD_DIR:-build}"
ctest --output-on-failure --parallel "$(nproc)" --timeout 900
