#!/usr/bin/env bash
# The change queue's SQL procedure (odbc-agent queue install, docs/queue.md "From SQL") next to the CLI's own
# refresh, on PostgreSQL and MariaDB: the same Employees table, one queue refreshed by the CLI alone (never
# installed), one by `CALL ...refresh()` through the database's client; a snapshot table (no time stamp) and
# a time stamp table; the first refresh (every row) and the next after 1% of the rows changed. Not part of
# the tests. Usage: bench/queue-procedure.sh [ROWS] (default 1000000); writes results/queue-procedure.md.
set -euo pipefail
N=${1:-1000000}
bash "$(dirname "$0")/../scripts/build.sh" --target odbc-agent >/dev/null
source "$(dirname "$0")/common.sh"

config() {  # config FILE DB QUEUE MODE(snapshot|stamp)
  {
    printf '[database]\n%s\n' "$(database_fields "$2")"
    if [ "$2" = mariadb ]; then printf '[queue]\nTablePrefix=%s_\n' "$3"; else printf '[queue]\nSchema=%s\n' "$3"; fi
    printf '[Employees]\nKey=EmployeeID\n'
    [ "$4" = snapshot ] || printf 'Changed=Modified\n'
  } > "$1"
}

sql() {  # sql DB STATEMENT
  if [ "$1" = mariadb ]; then "${MARIADB[@]}" -e "$2"; else "${PSQL[@]}" -c "$2"; fi
}
client() {  # client DB: the command that runs a statement given after it
  if [ "$1" = mariadb ]; then echo "${MARIADB[*]} -e"; else echo "${PSQL[*]} -c"; fi
}

frozen() {  # frozen DB TABLE: its rows
  if [ "$1" = mariadb ]; then "${MARIADB[@]}" -N -e "SELECT COUNT(*) FROM $2"; else "${PSQL[@]}" -tA -c "SELECT COUNT(*) FROM $2"; fi
}

declare -a LINES
for db in postgresql mariadb; do
  d="$WORK/$db"; mkdir -p "$d"; cd "$d"
  fill_table $db "$N"
  if [ $db = mariadb ]; then
    "${MARIADB[@]}" -e "ALTER TABLE Employees ADD COLUMN Modified DATETIME(6) DEFAULT '2026-01-01 00:00:00', ADD INDEX (Modified)"
  else
    sql $db "DROP SCHEMA IF EXISTS clisnapshot CASCADE; DROP SCHEMA IF EXISTS procsnapshot CASCADE; DROP SCHEMA IF EXISTS clistamp CASCADE; DROP SCHEMA IF EXISTS procstamp CASCADE" 2>/dev/null
    sql $db "ALTER TABLE Employees ADD COLUMN Modified TIMESTAMP DEFAULT '2026-01-01 00:00:00'" >/dev/null
    sql $db "CREATE INDEX employees_modified ON Employees (Modified)" >/dev/null
  fi
  for mode in snapshot stamp; do
    config cli.ini $db cli$mode $mode
    config proc.ini $db proc$mode $mode
    "$BIN/odbc-agent" queue install proc.ini >/dev/null
    if [ $db = mariadb ]; then call="CALL proc${mode}_refresh"; q="proc${mode}_Employees"; qc="cli${mode}_Employees"
    else call="CALL proc${mode}.refresh"; q="proc${mode}.Employees"; qc="cli${mode}.Employees"; fi
    since=(); first_call="$call()"
    if [ $mode = stamp ]; then since=(--since 2025-01-01); first_call="$call('2025-01-01')"; [ $db = mariadb ] && first_call="${call}_since('2025-01-01')"; fi
    read -r t_cli1 m_cli1 < <(measure cli1 "$BIN/odbc-agent" queue refresh cli.ini "${since[@]}")
    read -r -a run_sql <<<"$(client $db)"
    read -r t_proc1 _ < <(measure proc1 "${run_sql[@]}" "$first_call")
    [ "$(frozen $db $qc)" = "$N" ] && [ "$(frozen $db $q)" = "$N" ] || { echo "first refresh: unexpected rows" >&2; exit 1; }
    sql $db "UPDATE Employees SET Title = 'Changed $mode', Modified = '2026-06-0$([ $mode = stamp ] && echo 2 || echo 1) 00:00:00' WHERE EmployeeID % 100 = 0" >/dev/null
    read -r t_cli2 m_cli2 < <(measure cli2 "$BIN/odbc-agent" queue refresh cli.ini)
    read -r t_proc2 _ < <(measure proc2 "${run_sql[@]}" "$call()")
    [ "$(frozen $db $qc)" = $((N / 100)) ] && [ "$(frozen $db $q)" = $((N / 100)) ] || { echo "second refresh: unexpected rows" >&2; exit 1; }
    LINES+=("| $db | $mode | $N | $t_cli1 | $t_proc1 | $(ratio "$t_proc1" "$t_cli1")x | $t_cli2 | $t_proc2 | $(ratio "$t_proc2" "$t_cli2")x | $((m_cli1 / 1024)) / $((m_cli2 / 1024)) |")
    echo "${LINES[-1]}"
  done
  cd "$ROOT"
  rm -rf "$d"
done

{
  echo "## The change queue's SQL procedure (\`bench/queue-procedure.sh $N\`, $(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "The same Employees table (id + 14 text columns and a Modified time stamp), one queue refreshed by"
  echo "\`odbc-agent queue refresh\` alone (never installed), one by \`CALL ...refresh()\` through psql / mariadb"
  echo "after \`odbc-agent queue install\`. First: every row frozen (snapshot: the first refresh; time stamp:"
  echo "since 2025-01-01). Next: after 1% of the rows changed. One run each, seconds; memory is the CLI's peak"
  echo "RSS in MiB (the procedure's work is the server's)."
  echo
  echo "| database | table | rows | CLI first | procedure first | ratio | CLI next (1%) | procedure next | ratio | CLI RSS first / next |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${LINES[@]}"
  echo
  cat "$ROOT/bench/queue-procedure-notes.md" 2>/dev/null || true
} > "$ROOT/bench/results/queue-procedure.md"
write_report
