#!/usr/bin/env bash
# Builds everything and runs every test through CTest (unit, program and fuzz tests).
# Works on a fresh Debian 12 machine as root; the last line printed is CTest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
cd "${OAS_BUILD_DIR:-build}"
ctest --output-on-failure --parallel "$(nproc)" --timeout 900
