#!/usr/bin/env bash
# Export benchmark: full export vs the databases' own bulk tools, delta export (1% of rows changed) vs full
# export, and peak memory, on SQLite (SQLite3 ODBC driver) and PostgreSQL (psqlODBC, throwaway server on
# 127.0.0.1). Writes bench/results/export.md and bench/REPORT.md. Not part of the tests.
# Usage: bench/run.sh [ROWS ...]      (default: 100000 1000000)
set -euo pipefail
ROWS=("$@")
[ ${#ROWS[@]} -gt 0 ] || ROWS=(100000 1000000)
bash "$(dirname "$0")/../scripts/build.sh" --target ODBCAgentExp >/dev/null
source "$(dirname "$0")/common.sh"

config() {  # config FILE MODE DATABASE-LINES
  cat > "$1" <<INI
[version]
Version=1.06
$ATTRIBUTES
[database]
$3
[export]
Mode=$2
Select=EID, SN, GN, T, TOC, BD, HD, A, CITY, REG, PC, C, TEL, EXT, DESC
Keys=EID
From=Employees
ReferencePath=refs
INI
}

declare -a LINES
for n in "${ROWS[@]}"; do
  for db in sqlite postgresql; do
    d="$WORK/$db-$n"; mkdir -p "$d"; cd "$d"
    fill_table $db "$n"
    fields=$(database_fields $db)
    if [ $db = sqlite ]; then
      reference=(sqlite3 -csv -cmd ".output copy.csv" bench.db "SELECT $COLS FROM Employees")
      refname='sqlite3 -csv'
      change=(sqlite3 bench.db "UPDATE Employees SET Title = 'Changed' WHERE EmployeeID % 100 = 0")
    else
      reference=("${PSQL[@]}" -c "\\copy (SELECT $COLS FROM Employees) TO 'copy.txt'")
      refname='psql \copy'
      change=("${PSQL[@]}" -c "UPDATE Employees SET Title = 'Changed' WHERE EmployeeID % 100 = 0")
    fi
    config full.ini full "$fields"
    config delta.ini delta-or-full "$fields"
    read -r t_ref _ < <(measure_best ref "${reference[@]}")
    read -r t_full m_full < <(measure_best full "$BIN/ODBCAgentExp" -f full.ini -o full.txt)
    read -r t_first m_first < <(measure first "$BIN/ODBCAgentExp" -f delta.ini -o first.txt)
    "${change[@]}" >/dev/null
    # Best of three deltas: each starts from the same reference file and configuration.
    cp -a refs refs.before; cp delta.ini delta.ini.before
    t_delta=""
    for _ in 1 2 3; do
      rm -rf refs; cp -a refs.before refs; cp delta.ini.before delta.ini
      read -r t m < <(measure delta "$BIN/ODBCAgentExp" -f delta.ini -o delta.txt)
      if [ -z "$t_delta" ] || awk "BEGIN{exit !($t < $t_delta)}"; then t_delta=$t; m_delta=$m; fi
    done
    changed=$(grep -c '^ChangeType: modify' delta.txt || true)
    LINES+=("| $db | $n | $t_ref ($refname) | $t_full | $(awk "BEGIN{printf \"%.1fx\", $t_full/$t_ref}") | $t_first | $t_delta ($changed modified) | $(awk "BEGIN{printf \"%.2fx\", $t_delta/$t_full}") | $((m_full / 1024)) / $((m_first / 1024)) / $((m_delta / 1024)) |")
    echo "${LINES[-1]}"
    cd "$ROOT"
    rm -rf "$d"
  done
done

mkdir -p "$ROOT/bench/results"
{
  echo "## Export (\`bench/run.sh ${ROWS[*]}\`, $(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Table: Employees-like, id + 14 text columns (~230 bytes of text per row). The bulk tool and the full"
  echo "export write their output to a file; they and the delta are the best of three runs. \"first\" is the first"
  echo "delta-or-full run (full export that also writes the reference file); \"delta\" runs after 1% of the rows"
  echo "changed. RSS in MiB."
  echo
  echo "| database | rows | bulk tool | full export | vs tool | first (full + reference) | delta | delta vs full | RSS MiB full / first / delta |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${LINES[@]}"
  echo
  cat "$ROOT/bench/export-notes.md"
} > "$ROOT/bench/results/export.md"
write_report
