#!/usr/bin/env bash
# Configures and builds the project into ${OAS_BUILD_DIR:-build} (installs missing packages first).
# Extra arguments are passed to `cmake --build` (e.g. --target odbc-agent).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_DIR=${OAS_BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja \
  -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc)" "$@"
