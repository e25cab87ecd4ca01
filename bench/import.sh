#!/usr/bin/env bash
# Import benchmark: N records (40% modify, 10% delete, 50% add) into a table of N/2 rows, on SQLite (SQLite3
# ODBC driver), PostgreSQL (psqlODBC) and MariaDB (MariaDB Connector/ODBC), throwaway servers on 127.0.0.1
# with fsync on, side by side with the databases' bulk loaders (psql \copy, sqlite3 .import, LOAD DATA)
# loading N rows into an empty table, a naive script that runs each record's statements in auto-commit mode
# (through psql, sqlite3, mariadb), and our own per-record mode (-Batch 1).
# The last two run on an evenly spread sample of the records (SAMPLE, default 10000), as they are slow.
# Writes bench/results/import.md and bench/REPORT.md. Not part of the tests.
# Usage: [ROUNDS=3] [RESULT=import] bench/import.sh [N ...]      (default: 100000 1000000; writes results/RESULT.md)
set -euo pipefail
NS=("$@")
[ ${#NS[@]} -gt 0 ] || NS=(100000 1000000)
SAMPLE=${SAMPLE:-10000}
ROUNDS=${ROUNDS:-3}
bash "$(dirname "$0")/../scripts/build.sh" --target ODBCAgentImp >/dev/null
source "$(dirname "$0")/common.sh"

# records N STRIDE FORMAT: every STRIDE-th record of the N-record mix, as a data file (FORMAT=data), as
# the naive script's SQL (FORMAT=sql) or as CSV rows of every record as an add (FORMAT=csv).
records() {
  awk -v n="$1" -v stride="$2" -v format="$3" 'BEGIN {
    for (i = stride; i <= n; i += stride) {
      last = "Last" i; first = "First" (i % 1000); notes = "Education includes a BA in psychology. Row " i
      if (format == "csv") {
        printf "%d,%s,%s,Sales Representative,Ms.,1948-12-08,1992-05-01,%d - 20th Ave. E.,Seattle,WA,98122,USA,(206) 555-9857,4109,%s\n", i, last, first, i, notes
      } else if (i <= n * 0.4) {
        if (format == "data")
          printf "row:\nEID: %d\nSN: %s\nGN: %s\nT: Changed title\nCITY: Tacoma\nDESC: Modified row %d\n", i, last, first, i
        else
          printf "SELECT 1 FROM Employees WHERE EmployeeID = %d;\nUPDATE Employees SET LastName = '\''%s'\'', FirstName = '\''%s'\'', Title = '\''Changed title'\'', City = '\''Tacoma'\'', Notes = '\''Modified row %d'\'' WHERE EmployeeID = %d;\n", i, last, first, i, i
      } else if (i <= n * 0.5) {
        if (format == "data")
          printf "row:\nChangeType: delete\nEID: %d\n", i
        else
          printf "SELECT 1 FROM Employees WHERE EmployeeID = %d;\nDELETE FROM Employees WHERE EmployeeID = %d;\n", i, i
      } else if (format == "data") {
        printf "row:\nChangeType: add\nEID: %d\nSN: %s\nGN: %s\nT: Sales Representative\nTOC: Ms.\nBD: 1948-12-08\nHD: 1992-05-01\nA: %d - 20th Ave. E.\nCITY: Seattle\nREG: WA\nPC: 98122\nC: USA\nTEL: (206) 555-9857\nEXT: 4109\nDESC: %s\n", i, last, first, i, notes
      } else {
        printf "SELECT 1 FROM Employees WHERE EmployeeID = %d;\nINSERT INTO Employees VALUES (%d, '\''%s'\'', '\''%s'\'', '\''Sales Representative'\'', '\''Ms.'\'', '\''1948-12-08'\'', '\''1992-05-01'\'', '\''%d - 20th Ave. E.'\'', '\''Seattle'\'', '\''WA'\'', '\''98122'\'', '\''USA'\'', '\''(206) 555-9857'\'', '\''4109'\'', '\''%s'\'');\n", i, i, last, first, i, notes
      }
    }
  }'
}

config() {  # config FILE DATABASE-LINES
  cat > "$1" <<INI
[version]
Version=1.06
$ATTRIBUTES
[database]
$2
[import]
Table=Employees
SelectBy=EID
Modify=SN, GN, T, TOC, BD, HD, A, CITY, REG, PC, C, TEL, EXT, DESC
INI
}

declare -a LINES
for n in "${NS[@]}"; do
  stride=$(( n / SAMPLE > 1 ? n / SAMPLE : 1 ))
  sample=$(( n / stride ))
  for db in "${DBS[@]}"; do
    d="$WORK/$db-$n"; mkdir -p "$d"; cd "$d"
    records "$n" 1 data > in.txt
    records "$n" "$stride" data > sample.txt
    records "$n" "$stride" sql > naive.sql
    records "$n" 1 csv > all.csv
    config import.ini "$(database_fields $db)"

    # The sampled modes once, then ROUNDS rounds of ours and the bulk loader one right after the other
    # (this machine has slow spells): the best times, and the median (range) of the ratios within rounds.
    fill_table $db $((n / 2))
    read -r t_single _ < <(measure single "$BIN/ODBCAgentImp" -f import.ini -i sample.txt -Batch 1)
    fill_table $db $((n / 2))
    if [ $db = sqlite ]; then
      read -r t_naive _ < <(measure naive sqlite3 bench.db ".read naive.sql")
      bulk=(sqlite3 bench.db ".mode csv" ".import all.csv Employees"); empty=(sqlite3 bench.db "DELETE FROM Employees")
      bulkname="sqlite3 .import"
    elif [ $db = mariadb ]; then
      read -r t_naive _ < <(measure naive sh -c 'exec "$@" < naive.sql' sh "${MARIADB[@]}")
      bulk=("${MARIADB[@]}" -e "LOAD DATA LOCAL INFILE 'all.csv' INTO TABLE Employees FIELDS TERMINATED BY ','")
      empty=("${MARIADB[@]}" -e "TRUNCATE Employees")
      bulkname="mariadb LOAD DATA"
    else
      read -r t_naive _ < <(measure naive "${PSQL[@]}" -f naive.sql)
      bulk=("${PSQL[@]}" -c "\\copy Employees FROM 'all.csv' WITH (FORMAT csv)"); empty=("${PSQL[@]}" -c "TRUNCATE Employees")
      bulkname="psql \\copy"
    fi
    t_ours=""; t_bulk=""; ratios=(); cpu_ours=(); cpu_bulk=(); floors=()
    for _ in $(seq "$ROUNDS"); do
      fill_table $db $((n / 2))
      c0=$(server_cpu $db)
      read -r to mo < <(measure ours "$BIN/ODBCAgentImp" -f import.ini -i in.txt)
      c1=$(server_cpu $db)
      grep -q " 0 failed" "$WORK/ours.err" || { cat "$WORK/ours.err" >&2; exit 1; }
      "${empty[@]}" >/dev/null
      c2=$(server_cpu $db)
      read -r tb _ < <(measure bulk "${bulk[@]}")
      c3=$(server_cpu $db)
      ratios+=("$(awk "BEGIN{print $to/$tb}")")
      if [ -n "$c0" ]; then  # the server's own work, and what it alone is of the bulk loader's time
        cpu_ours+=("$(awk "BEGIN{print $c1 - $c0}")"); cpu_bulk+=("$(awk "BEGIN{print $c3 - $c2}")")
        floors+=("$(awk "BEGIN{print ($c1 - $c0) / $tb}")")
      fi
      if [ -z "$t_ours" ] || awk "BEGIN{exit !($to < $t_ours)}"; then t_ours=$to; m_ours=$mo; fi
      if [ -z "$t_bulk" ] || awk "BEGIN{exit !($tb < $t_bulk)}"; then t_bulk=$tb; fi
    done
    r_ours=$(awk "BEGIN{printf \"%d\", $n/$t_ours}")
    r_single=$(awk "BEGIN{printf \"%d\", $sample/$t_single}")
    r_naive=$(awk "BEGIN{printf \"%d\", $sample/$t_naive}")
    server="- | -"
    [ ${#floors[@]} -eq 0 ] || server="$(median "${cpu_ours[@]}") / $(median "${cpu_bulk[@]}") | $(median_range "${floors[@]}")"
    LINES+=("| $db | $n | $t_ours | $r_ours | $((m_ours / 1024)) | $r_single | $r_naive | $(ratio "$r_ours" "$r_naive")x | $t_bulk ($bulkname) | $(median_range "${ratios[@]}") | $server |")
    echo "${LINES[-1]}"
    cd "$ROOT"
    rm -rf "$d"
  done
done

mkdir -p "$ROOT/bench/results"
{
  echo "## Import (\`ROUNDS=$ROUNDS bench/import.sh ${NS[*]}\`, $(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "N records into a table of N/2 rows: 40% modify (no ChangeType, 5 attributes), 10% delete, 50% add (all"
  echo "15 attributes); SelectBy=EID. \"ours\" is ODBCAgentImp with its default transactions (up to 2000 records,"
  echo "about a second of work each). \"per-record mode\" (-Batch 1, one transaction per record) and the naive script (each"
  echo "record's SELECT and write as statements in auto-commit mode, through sqlite3 / psql) run on every"
  echo "N/$SAMPLE-th record. The bulk loaders load N rows into an empty table: the floor no record-by-record"
  echo "import reaches. Ours and the bulk loader run in $ROUNDS rounds, one right after the other: the best times, and"
  echo "the median (lowest-highest) of the ratios within each round. Server CPU: what the database server's"
  echo "processes spent during ours and during the bulk load (/proc, medians); \"server alone\" is the server's CPU"
  echo "for our import against the bulk loader's time: one connection's statements run one after the other, so"
  echo "that is a floor under \"ours vs bulk\" whatever the agent does."
  echo
  echo "| database | records | ours s | ours rec/s | RSS MiB | per-record mode rec/s | naive script rec/s | ours vs naive | bulk load of N rows | ours vs bulk (median, range) | server CPU s, ours / bulk | server alone vs bulk |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${LINES[@]}"
  echo
  [ -n "${RESULT:-}" ] || cat "$ROOT/bench/import-notes.md"  # the notes go with the main table only
} > "$ROOT/bench/results/${RESULT:-import}.md"
write_report
