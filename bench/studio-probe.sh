#!/usr/bin/env bash
# The Studio's GUI thread during a large import: the Run panel imports N records (SQLite, the demo's replica,
# a Summary trace line per record) while a 10 ms timer on the GUI thread measures its longest wait
# (tests/ui/tst_run_panel.cpp, largeImportStaysResponsive, with OAS_PROBE_RECORDS=N), ROUNDS times.
# Writes bench/results/studio.md and bench/REPORT.md. Not part of the tests.
# Usage: bench/studio-probe.sh [N]      (default: 1000000; ROUNDS=3)
set -euo pipefail
N=${1:-1000000}
ROUNDS=${ROUNDS:-3}
cd "$(dirname "$0")/.."
ROOT=$(pwd)
bash scripts/build.sh --target tst_ui_run_panel >/dev/null
JOURNAL=$(mktemp -d /tmp/oas-probe-XXXXXX)
trap 'rm -rf "$JOURNAL"' EXIT
waits=()
times=()
for ((r = 1; r <= ROUNDS; r++)); do
  out=$(QT_QPA_PLATFORM=offscreen OAS_PROBE_RECORDS=$N OAS_JOURNAL="$JOURNAL/journal.db" \
        "$ROOT/${OAS_BUILD_DIR:-build}/tests/tst_ui_run_panel" largeImportStaysResponsive 2>&1) || { echo "$out" >&2; exit 1; }
  line=$(grep -o "[0-9]* records in [0-9]* ms: longest wait of the GUI thread [0-9]* ms" <<<"$out")
  echo "$line"
  times+=("$(awk '{print $4}' <<<"$line")")
  waits+=("$(awk '{print $(NF-1)}' <<<"$line")")
done
sorted=$(printf '%s\n' "${waits[@]}" | sort -n | tr '\n' ' ')
median=$(printf '%s\n' "${waits[@]}" | sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}')
mkdir -p bench/results
{
  echo "## Studio responsiveness (\`bench/studio-probe.sh $N\`, $(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "The Run panel imports $N records (SQLite, a Summary trace line per record) while a 10 ms timer on the GUI"
  echo "thread measures its longest wait; $ROUNDS rounds. Target (issue 20): under 50 ms."
  echo
  echo "| records | import ms per round | longest wait of the GUI thread, ms: median (all rounds) |"
  echo "| --- | --- | --- |"
  echo "| $N | ${times[*]} | $median ($sorted) |"
} > bench/results/studio.md
source "$ROOT/bench/report.sh"
write_report
