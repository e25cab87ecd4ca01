#!/usr/bin/env bash
# The main job on the embedded default: builds the agents, lays out a demo workspace and runs the agents
# on it. Usage: scripts/demo.sh [WORKSPACE_DIR]   (default: ./demo-workspace)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
bash scripts/build.sh --target ODBCAgentExp ODBCAgentImp odbc-agent
BIN="$ROOT/${OAS_BUILD_DIR:-build}/bin"
WS=${1:-demo-workspace}
mkdir -p "$WS"
for f in resources/demo/*; do
  [ -e "$WS/$(basename "$f")" ] || cp "$f" "$WS/"
done
cd "$WS"
echo "== demo workspace: $(pwd)"
echo "== odbc-agent validate employees.ini"
"$BIN/odbc-agent" validate employees.ini
echo "== odbc-agent sql employees.ini --dialect sqlite"
"$BIN/odbc-agent" sql employees.ini --dialect sqlite
echo "== ODBCAgentExp -f employees.ini -o employees.txt"
status=0
"$BIN/ODBCAgentExp" -f employees.ini -o employees.txt || status=$?
echo "== exit code $status"
