#!/usr/bin/env bash
# Change-queue and mapping-pair benchmark, on SQLite (SQLite3 ODBC driver) and PostgreSQL (psqlODBC,
# throwaway server on 127.0.0.1 with fsync on). Writes bench/results/queue.md and bench/REPORT.md.
# Not part of the tests.
#
# Queue: the Employees-like table of N rows (plus a Modified time stamp) queued by snapshot (no Changed=)
# and by time stamp (Changed=Modified): the first refresh (every row frozen; --since for the time stamp)
# and a refresh after 1% of the rows changed, side by side with what the database's own tool takes to copy
# the same rows inside the database (CREATE TABLE AS / INSERT ... SELECT through sqlite3 / psql) and to read
# the whole table out (sqlite3 -csv / psql \copy), which a snapshot refresh must do.
# Pairs: EVENTS insert, update and delete events through one pair vs the same statements run in
# auto-commit mode by sqlite3 / psql.
# Usage: bench/queue.sh [N ...]      (default: 100000 1000000; EVENTS=10000)
set -euo pipefail
NS=("$@")
[ ${#NS[@]} -gt 0 ] || NS=(100000 1000000)
EVENTS=${EVENTS:-10000}
bash "$(dirname "$0")/../scripts/build.sh" --target odbc-agent >/dev/null
source "$(dirname "$0")/common.sh"

queue_config() {  # queue_config FILE DB MODE(snapshot|stamp)
  {
    printf '[database]\n%s\n' "$(database_fields "$2")"
    if [ "$2" = sqlite ]; then printf '[queue]\nTablePrefix=q%s_\n' "$3"; else printf '[queue]\nSchema=q%s\n' "$3"; fi
    if [ "$3" = snapshot ]; then
      printf '[Employees]\nKey=EmployeeID\n'
    else
      printf '[Employees]\nKey=EmployeeID\nChanged=Modified\n'
    fi
  } > "$1"
}

run_sql() {  # run_sql DB SQL...
  local db=$1; shift
  if [ "$db" = sqlite ]; then sqlite3 bench.db "$@"; else local a=(); for s in "$@"; do a+=(-c "$s"); done; "${PSQL[@]}" -tA "${a[@]}"; fi
}

frozen() {  # frozen NAME: the "N rows" the refresh reported
  sed -n 's/^table Employees: \([0-9]*\) rows in .*/\1/p' "$WORK/$1.out" 2>/dev/null || true
}

measure_out() {  # like measure, keeping stdout in $WORK/NAME.out
  /usr/bin/time -f "%e %M" -o "$WORK/$1.time" "${@:2}" >"$WORK/$1.out" 2>"$WORK/$1.err" || { cat "$WORK/$1.err" >&2; exit 1; }
  cat "$WORK/$1.time"
}

declare -a QLINES PLINES
for n in "${NS[@]}"; do
  for db in sqlite postgresql; do
    d="$WORK/$db-$n"; mkdir -p "$d"; cd "$d"
    [ $db = sqlite ] || run_sql $db "DROP TABLE IF EXISTS copy_all, copy_changed" "DROP SCHEMA IF EXISTS qsnapshot CASCADE" \
      "DROP SCHEMA IF EXISTS qstamp CASCADE" 2>/dev/null
    fill_table $db "$n"
    if [ $db = sqlite ]; then
      run_sql $db "ALTER TABLE Employees ADD COLUMN Modified TEXT DEFAULT '2026-01-01 00:00:00'"
      read_all=(sqlite3 -csv -cmd ".output all.csv" bench.db "SELECT * FROM Employees"); readname='sqlite3 -csv'
      copy_all=(sqlite3 bench.db "CREATE TABLE copy_all AS SELECT * FROM Employees")
      copy_changed=(sqlite3 bench.db "CREATE TABLE copy_changed AS SELECT * FROM Employees WHERE Modified >= '2026-06-01'")
      tool=sqlite3
    else
      run_sql $db "ALTER TABLE Employees ADD COLUMN Modified TIMESTAMP DEFAULT '2026-01-01 00:00:00'" "CREATE INDEX employees_modified ON Employees (Modified)" "VACUUM ANALYZE Employees"
      read_all=("${PSQL[@]}" -c "\\copy Employees TO 'all.txt'"); readname='psql \copy'
      copy_all=("${PSQL[@]}" -c "CREATE TABLE copy_all AS SELECT * FROM Employees")
      copy_changed=("${PSQL[@]}" -c "CREATE TABLE copy_changed AS SELECT * FROM Employees WHERE Modified >= '2026-06-01'")
      tool=psql
    fi
    [ $db = sqlite ] && run_sql $db "CREATE INDEX employees_modified ON Employees (Modified)"
    queue_config snapshot.ini $db snapshot
    queue_config stamp.ini $db stamp
    read -r t_read _ < <(measure_best read "${read_all[@]}")
    read -r t_copy _ < <(measure copy "${copy_all[@]}")
    read -r t_snap1 m_snap1 < <(measure_out snap1 "$BIN/odbc-agent" queue refresh snapshot.ini); f_snap1=$(frozen snap1)
    read -r t_stamp1 m_stamp1 < <(measure_out stamp1 "$BIN/odbc-agent" queue refresh stamp.ini --since 2025-01-01); f_stamp1=$(frozen stamp1)
    run_sql $db "UPDATE Employees SET Title = 'Changed', Modified = '2026-06-01 00:00:00' WHERE EmployeeID % 100 = 0" >/dev/null
    read -r t_copy2 _ < <(measure copy2 "${copy_changed[@]}")
    read -r t_snap2 m_snap2 < <(measure_out snap2 "$BIN/odbc-agent" queue refresh snapshot.ini); f_snap2=$(frozen snap2)
    read -r t_stamp2 m_stamp2 < <(measure_out stamp2 "$BIN/odbc-agent" queue refresh stamp.ini); f_stamp2=$(frozen stamp2)
    [ "$f_snap1" = "$n" ] && [ "$f_stamp1" = "$n" ] && [ "$f_snap2" = $((n / 100)) ] && [ "$f_stamp2" = $((n / 100)) ] || {
      echo "unexpected row counts: $f_snap1 $f_stamp1 $f_snap2 $f_stamp2" >&2; exit 1; }
    QLINES+=("| $db | $n | $t_read ($readname) | $t_copy | $t_snap1 | $t_stamp1 | $t_copy2 | $t_snap2 | $t_stamp2 | $((m_snap1 / 1024)) / $((m_snap2 / 1024)) / $((m_stamp1 / 1024)) / $((m_stamp2 / 1024)) |")
    echo "${QLINES[-1]}"
    cd "$ROOT"
    rm -rf "$d"
  done
done

# Pairs: a Contacts table, EVENTS records inserted, then updated, then deleted.
pair_events() {  # pair_events N KIND(insert|update|delete) FORMAT(data|sql)
  awk -v n="$1" -v kind="$2" -v format="$3" 'BEGIN {
    for (i = 1; i <= n; i++) {
      name = (kind == "update" ? "Changed" : "Last") i
      if (format == "data") {
        if (kind == "delete") printf "row:\nCID: %d\n", i
        else printf "row:\nCID: %d\nNAME: %s\nBAL: %d.25\nOPN: 2024-05-%02d\n", i, name, i, 1 + i % 28
      } else if (kind == "insert") {
        printf "INSERT INTO Contacts (\"ContactID\", \"LastName\", \"Balance\", \"Opened\") VALUES (%d, '\''%s'\'', %d.25, '\''2024-05-%02d'\'');\n", i, name, i, 1 + i % 28
      } else if (kind == "update") {
        printf "UPDATE Contacts SET \"LastName\" = '\''%s'\'', \"Balance\" = %d.25, \"Opened\" = '\''2024-05-%02d'\'' WHERE \"ContactID\" = %d;\n", name, i, 1 + i % 28, i
      } else {
        printf "DELETE FROM Contacts WHERE \"ContactID\" = %d;\n", i
      }
    }
  }'
}
CONTACTS='CREATE TABLE Contacts ("ContactID" INTEGER PRIMARY KEY, "LastName" VARCHAR(40), "Balance" DECIMAL(12,2), "Opened" DATE)'
for db in sqlite postgresql; do
  d="$WORK/pairs-$db"; mkdir -p "$d/odbcsync"; cd "$d"
  rm -f bench.db
  printf 'ODBC Field Name,Source Field Code,ODBC Data Type\nContactID,CID,NUMERIC\nLastName,NAME,CHAR\nBalance,BAL,DECIMAL\nOpened,OPN,TYPE_DATE\n' > odbcsync/contacts.csv
  printf '[database]\n%s\n[target]\nTable=Contacts\n' "$(database_fields $db)" > odbcsync/contacts.ini
  line="| $db | $EVENTS"
  for kind in insert update delete; do
    pair_events "$EVENTS" $kind data > $kind.txt
    pair_events "$EVENTS" $kind sql > $kind.sql
  done
  run_sql $db "DROP TABLE IF EXISTS Contacts" "$CONTACTS" >/dev/null
  declare -A ours tools
  for kind in insert update delete; do
    read -r t m < <(measure pair-$kind "$BIN/odbc-agent" pair contacts --pairs odbcsync --event $kind --input $kind.txt)
    [ "$kind" != insert ] || [ "$(run_sql $db "SELECT COUNT(*) FROM Contacts" | tr -d " ")" = "$EVENTS" ] || { echo "pair inserts missing" >&2; exit 1; }
    ours[$kind]="$t"; mem=$m
  done
  run_sql $db "DROP TABLE Contacts" "$CONTACTS" >/dev/null
  for kind in insert update delete; do
    if [ $db = sqlite ]; then read -r t _ < <(measure tool-$kind sqlite3 bench.db ".read $kind.sql")
    else read -r t _ < <(measure tool-$kind "${PSQL[@]}" -f $kind.sql); fi
    tools[$kind]="$t"
  done
  for kind in insert update delete; do
    line+=" | ${ours[$kind]} / ${tools[$kind]} ($(ratio "${ours[$kind]}" "${tools[$kind]}")x)"
  done
  PLINES+=("$line | $((mem / 1024)) |")
  echo "${PLINES[-1]}"
  cd "$ROOT"
  rm -rf "$d"
done

mkdir -p "$ROOT/bench/results"
{
  echo "## Change queue and mapping pairs (\`EVENTS=$EVENTS bench/queue.sh ${NS[*]}\`, $(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Queue: the export benchmark's Employees-like table plus a time stamp column \`Modified\` (indexed), queued"
  echo "by snapshot (no \`Changed=\`) and by time stamp (\`Changed=Modified\`). \"first\" freezes every row (the"
  echo "snapshot's first refresh; \`--since\` for the time stamp); \"1%\" runs after 1% of the rows were updated."
  echo "The database's own tool: reading the whole table out (what a snapshot refresh must read) and copying"
  echo "the rows inside the database (\`CREATE TABLE AS SELECT\`: all rows, then the 1% changed), the floor of"
  echo "what a refresh writes. RSS in MiB: snapshot first / snapshot 1% / time stamp first / time stamp 1%."
  echo
  echo "| database | rows | read all (tool) | copy all (tool) | snapshot first | time stamp first | copy 1% (tool) | snapshot 1% | time stamp 1% | RSS MiB |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${QLINES[@]}"
  echo
  echo "Pairs: $EVENTS records through one pair (\`odbc-agent pair contacts --event KIND --input FILE\`, 4 fields:"
  echo "NUMERIC key, CHAR, DECIMAL, TYPE_DATE), each event its own auto-committed statement as the pair design"
  echo "asks, vs the same $EVENTS statements run by the database's tool (\`sqlite3 .read\`, \`psql -f\`) in"
  echo "auto-commit mode. Seconds, ours / tool."
  echo
  echo "| database | records | insert | update | delete | RSS MiB |"
  echo "| --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${PLINES[@]}"
  echo
  cat "$ROOT/bench/queue-notes.md"
} > "$ROOT/bench/results/queue.md"
write_report
