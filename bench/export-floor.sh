#!/usr/bin/env bash
# The floor under a PostgreSQL export through psqlODBC: the benchmark table (bench/run.sh's) read by a small C
# program (bench/floor/read.c) that does nothing with the rows - one connection, two halves on two, each row
# packed as the record syntax ROW(...)::text or as concat_ws(chr(1), ...) - or only writes the packed rows as
# tagged lines without any check; next to `psql \copy` and our full export, in rounds one after the other.
# Where the agent stands between the floor and the tool. Writes bench/results/export-floor.md and
# bench/REPORT.md. Not part of the tests.
# Usage: [ROUNDS=5] bench/export-floor.sh [N]      (default 1000000 rows)
set -euo pipefail
N=${1:-1000000}
ROUNDS=${ROUNDS:-5}
bash "$(dirname "$0")/../scripts/build.sh" --target ODBCAgentExp >/dev/null
DBS=postgresql
source "$(dirname "$0")/common.sh"
cc -O2 -o "$WORK/read" "$ROOT/bench/floor/read.c" -lodbc -lpthread

cd "$WORK"
fill_table postgresql "$N"
export_config full.ini full "$PG_FIELDS"
# The driver options the agent sets for reading (engine/db/Connection.cpp).
CONNECTION="$OAS_TEST_PG;CommLog=0;UseDeclareFetch=1;Fetch=2000"
read -r -a NAMES <<<"$(tr -d , <<<"$COLS")"
mask=""
for i in "${!NAMES[@]}"; do mask+="${mask:+ + }CASE WHEN ${NAMES[$i]} IS NULL THEN $((1 << i)) ELSE 0 END"; done
half=$((N / 2))
halves() {  # halves SELECT-LIST: the two halves' queries
  echo "SELECT $1 FROM Employees WHERE EmployeeID <= $half"
  echo "SELECT $1 FROM Employees WHERE EmployeeID > $half"
}
mapfile -t PLAIN < <(halves "$COLS")
mapfile -t RECORD < <(halves "CAST(ROW($COLS) AS text)")
mapfile -t SEPARATED < <(halves "concat_ws(chr(1), $mask, $COLS)")
declare -A METHODS=(
  [tool]="${PSQL[*]@Q} -c $(printf '%q' "\\copy (SELECT $COLS FROM Employees) TO 'copy.txt'")"
  [plain1]="./read ${CONNECTION@Q} columns:15 $(printf '%q' "SELECT $COLS FROM Employees")"
  [plain2]="./read ${CONNECTION@Q} columns:15 ${PLAIN[*]@Q}"
  [record2]="./read ${CONNECTION@Q} columns:1 ${RECORD[*]@Q}"
  [separated2]="./read ${CONNECTION@Q} columns:1 ${SEPARATED[*]@Q}"
  [written2]="./read ${CONNECTION@Q} write:15:written ${SEPARATED[*]@Q}"
  [ours]="${BIN@Q}/ODBCAgentExp -f full.ini -o full.txt"
)
ORDER=(tool plain1 plain2 record2 separated2 written2 ours)
declare -A BEST RATIOS
for _ in $(seq "$ROUNDS"); do
  for m in "${ORDER[@]}"; do
    read -r t _ < <(measure "$m" sh -c "${METHODS[$m]}")
    [ "$m" = tool ] && tool=$t
    RATIOS[$m]="${RATIOS[$m]:-} $(awk "BEGIN{print $t/$tool}")"
    if [ -z "${BEST[$m]:-}" ] || awk "BEGIN{exit !($t < ${BEST[$m]})}"; then BEST[$m]=$t; fi
  done
done
declare -A WHAT=(
  [tool]="psql \\copy (SELECT ...) TO a file"
  [plain1]="psqlODBC, one connection, 15 columns bound, values only counted"
  [plain2]="psqlODBC, two connections (halves by key), 15 columns bound"
  [record2]="psqlODBC, two connections, each row one value: CAST(ROW(...) AS text) (the agent until today)"
  [separated2]="psqlODBC, two connections, each row one value: concat_ws(chr(1), mask, ...) (the agent's packing, with a one-character separator)"
  [written2]="the same, split and written to files as tagged lines without any escaping or check"
  [ours]="ODBCAgentExp, full export (the same packing, every value checked and escaped)"
)
mkdir -p "$ROOT/bench/results"
{
  echo "## The floor under a PostgreSQL export (\`ROUNDS=$ROUNDS bench/export-floor.sh $N\`, $(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "The export benchmark's table ($N rows, 15 columns) read by bench/floor/read.c, a C program that binds"
  echo "column buffers and fetches blocks of 1000 rows through psqlODBC with the agent's driver options"
  echo "(UseDeclareFetch=1, Fetch=2000), each query on a connection and thread of its own, and does nothing"
  echo "with the rows (or, last but one, writes them out without checks). $ROUNDS rounds, every method one after the"
  echo "other in each: the best time, and the median (lowest-highest) of the ratios to \`psql \\copy\` within rounds."
  echo
  echo "| method | best s | vs psql \\copy |"
  echo "| --- | --- | --- |"
  for m in "${ORDER[@]}"; do
    # shellcheck disable=SC2086
    echo "| ${WHAT[$m]} | ${BEST[$m]} | $(median_range ${RATIOS[$m]}) |"
  done
  echo
  cat "$ROOT/bench/export-floor-notes.md"
} > "$ROOT/bench/results/export-floor.md"
cat "$ROOT/bench/results/export-floor.md"
# psqlODBC logs each process's last disconnect into /tmp even with CommLog=0 (engine/db/DriverLog.h): read's.
rm -f /tmp/psqlodbc_read_"$(id -un)"[0-9]*.log
write_report
