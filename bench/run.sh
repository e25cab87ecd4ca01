#!/usr/bin/env bash
# Export benchmark: full export vs the databases' own bulk tools, delta export (1% of rows changed) vs full
# export, and peak memory, on SQLite (SQLite3 ODBC driver), PostgreSQL (psqlODBC) and MariaDB (MariaDB
# Connector/ODBC), the servers throwaway ones on 127.0.0.1. Writes bench/results/export.md and bench/REPORT.md. Not part of the tests.
# Usage: [ROUNDS=5] [RESULT=export] bench/run.sh [ROWS ...]      (default: 100000 1000000; writes results/RESULT.md)
set -euo pipefail
ROWS=("$@")
[ ${#ROWS[@]} -gt 0 ] || ROWS=(100000 1000000)
ROUNDS=${ROUNDS:-5}
bash "$(dirname "$0")/../scripts/build.sh" --target ODBCAgentExp >/dev/null
source "$(dirname "$0")/common.sh"

declare -a LINES
for n in "${ROWS[@]}"; do
  for db in "${DBS[@]}"; do
    d="$WORK/$db-$n"; mkdir -p "$d"; cd "$d"
    fill_table $db "$n"
    fields=$(database_fields $db)
    if [ $db = sqlite ]; then
      reference=(sqlite3 -csv -cmd ".output copy.csv" bench.db "SELECT $COLS FROM Employees")
      refname='sqlite3 -csv'
      change=(sqlite3 bench.db "UPDATE Employees SET Title = 'Changed' WHERE EmployeeID % 100 = 0")
    elif [ $db = mariadb ]; then
      reference=(sh -c "exec \"\$@\" > copy.txt" sh "${MARIADB[@]}" --batch --quick -e "SELECT $COLS FROM Employees")
      refname='mariadb --batch'
      change=("${MARIADB[@]}" -e "UPDATE Employees SET Title = 'Changed' WHERE EmployeeID % 100 = 0")
    else
      reference=("${PSQL[@]}" -c "\\copy (SELECT $COLS FROM Employees) TO 'copy.txt'")
      refname='psql \copy'
      change=("${PSQL[@]}" -c "UPDATE Employees SET Title = 'Changed' WHERE EmployeeID % 100 = 0")
    fi
    export_config full.ini full "$fields"
    export_config delta.ini delta-or-full "$fields"
    read -r t_first m_first < <(measure first "$BIN/ODBCAgentExp" -f delta.ini -o first.txt)
    "${change[@]}" >/dev/null
    cp -a refs refs.before; cp delta.ini delta.ini.before
    # Rounds of tool, full export and delta (from the same reference file and configuration each time), one
    # after the other: this 2-core virtual machine has slow spells of many seconds, and a ratio of runs made
    # seconds apart is far steadier than one of runs made minutes apart. Reported: the best time of each,
    # and the median (lowest-highest) of the ratios within a round.
    t_ref=""; t_full=""; t_delta=""; fulls=(); deltas=()
    for _ in $(seq "$ROUNDS"); do
      read -r tr _ < <(measure ref "${reference[@]}")
      read -r tf mf < <(measure full "$BIN/ODBCAgentExp" -f full.ini -o full.txt)
      rm -rf refs; cp -a refs.before refs; cp delta.ini.before delta.ini
      read -r td md < <(measure delta "$BIN/ODBCAgentExp" -f delta.ini -o delta.txt)
      fulls+=("$(awk "BEGIN{print $tf/$tr}")"); deltas+=("$(awk "BEGIN{print $td/$tf}")")
      if [ -z "$t_ref" ] || awk "BEGIN{exit !($tr < $t_ref)}"; then t_ref=$tr; fi
      if [ -z "$t_full" ] || awk "BEGIN{exit !($tf < $t_full)}"; then t_full=$tf; m_full=$mf; fi
      if [ -z "$t_delta" ] || awk "BEGIN{exit !($td < $t_delta)}"; then t_delta=$td; m_delta=$md; fi
    done
    changed=$(grep -c '^ChangeType: modify' delta.txt || true)
    LINES+=("| $db | $n | $t_ref ($refname) | $t_full | $(median_range "${fulls[@]}") | $t_first | $t_delta ($changed modified) | $(median_range "${deltas[@]}") | $((m_full / 1024)) / $((m_first / 1024)) / $((m_delta / 1024)) |")
    echo "${LINES[-1]}"
    cd "$ROOT"
    rm -rf "$d"
  done
done

mkdir -p "$ROOT/bench/results"
{
  echo "## Export (\`ROUNDS=$ROUNDS bench/run.sh ${ROWS[*]}\`, $(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Table: Employees-like, id + 14 text columns (~230 bytes of text per row). The bulk tool and the full"
  echo "export write their output to a file. \"first\" is the first delta-or-full run (full export that also"
  echo "writes the reference file, one run); then $ROUNDS rounds of bulk tool, full export and delta (after 1% of"
  echo "the rows changed, each from the same reference file). Times: the best of the rounds. Ratios: the median"
  echo "(lowest-highest) of the ratios within each round. RSS in MiB."
  echo
  echo "| database | rows | bulk tool | full export | full vs tool | first (full + reference) | delta | delta vs full | RSS MiB full / first / delta |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${LINES[@]}"
  echo
  [ -n "${RESULT:-}" ] || cat "$ROOT/bench/export-notes.md"  # the notes go with the main table only
} > "$ROOT/bench/results/${RESULT:-export}.md"
write_report
