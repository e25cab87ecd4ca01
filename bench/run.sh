#!/usr/bin/env bash
# Export benchmark: full export vs the databases' own bulk tools, delta export (1% of rows changed) vs full
# export, and peak memory, on SQLite (SQLite3 ODBC driver) and PostgreSQL (psqlODBC, throwaway server on
# 127.0.0.1). Writes bench/REPORT.md. Not part of the tests.
# Usage: bench/run.sh [ROWS ...]      (default: 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROWS=("$@")
[ ${#ROWS[@]} -gt 0 ] || ROWS=(100000 1000000)
bash scripts/build.sh --target ODBCAgentExp >/dev/null
BIN="$ROOT/${OAS_BUILD_DIR:-build}/bin"
WORK=$(mktemp -d /tmp/oas-bench-XXXXXX)
PG_ENV=$(bash "$ROOT/scripts/pg-test-server.sh" start)
eval "$PG_ENV"
trap 'bash "$ROOT/scripts/pg-test-server.sh" stop "$OAS_PG_DIR"; rm -rf "$WORK"' EXIT
PORT=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$OAS_TEST_PG")
export PGPASSWORD=oas-secret
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U oas -d oas_test)
COLS="EmployeeID, LastName, FirstName, Title, TitleOfCourtesy, BirthDate, HireDate, Address, City, Region, PostalCode, Country, HomePhone, Extension, Notes"
TABLE_SQL="CREATE TABLE Employees (EmployeeID INTEGER PRIMARY KEY, LastName VARCHAR(20), FirstName VARCHAR(10),
  Title VARCHAR(30), TitleOfCourtesy VARCHAR(25), BirthDate VARCHAR(10), HireDate VARCHAR(10), Address VARCHAR(60),
  City VARCHAR(15), Region VARCHAR(15), PostalCode VARCHAR(10), Country VARCHAR(15), HomePhone VARCHAR(24),
  Extension VARCHAR(4), Notes VARCHAR(200))"
ROW_SQL="i, 'Last' || i, 'First' || (i % 1000), 'Sales Representative', 'Ms.', '1948-12-08', '1992-05-01',
  i || ' - 20th Ave. E.', 'Seattle', 'WA', '98122', 'USA', '(206) 555-9857', '4109',
  'Education includes a BA in psychology from Colorado State University. Row ' || i"

config() {  # config FILE MODE DATABASE-LINES
  cat > "$1" <<INI
[version]
Version=1.06
[attributes]
EID=Employees.EmployeeID
SN=Employees.LastName
GN=Employees.FirstName
T=Employees.Title
TOC=Employees.TitleOfCourtesy
BD=Employees.BirthDate
HD=Employees.HireDate
A=Employees.Address
CITY=Employees.City
REG=Employees.Region
PC=Employees.PostalCode
C=Employees.Country
TEL=Employees.HomePhone
EXT=Employees.Extension
DESC=Employees.Notes
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

measure() {  # measure NAME COMMAND... -> "seconds peakKB" appended to $WORK/NAME
  /usr/bin/time -f "%e %M" -o "$WORK/$1.time" "${@:2}" >/dev/null 2>"$WORK/$1.err" || { cat "$WORK/$1.err" >&2; exit 1; }
  cat "$WORK/$1.time"
}

declare -a LINES
for n in "${ROWS[@]}"; do
  for db in sqlite postgresql; do
    d="$WORK/$db-$n"; mkdir -p "$d"; cd "$d"
    if [ $db = sqlite ]; then
      sqlite3 bench.db "$TABLE_SQL; WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $n)
                        INSERT INTO Employees SELECT $ROW_SQL FROM s;"
      fields=$'DRIVER=SQLite3\nDatabase=bench.db'
      reference=(sqlite3 -csv bench.db "SELECT $COLS FROM Employees")
      refname='sqlite3 -csv'
      change=(sqlite3 bench.db "UPDATE Employees SET Title = 'Changed' WHERE EmployeeID % 100 = 0")
    else
      "${PSQL[@]}" -c "DROP TABLE IF EXISTS Employees" -c "$TABLE_SQL" \
        -c "INSERT INTO Employees SELECT $ROW_SQL FROM generate_series(1, $n) AS s(i)"
      fields=$(tr ';' '\n' <<<"$OAS_TEST_PG")
      reference=("${PSQL[@]}" -c "\\copy (SELECT $COLS FROM Employees) TO 'copy.txt'")
      refname='psql \copy'
      change=("${PSQL[@]}" -c "UPDATE Employees SET Title = 'Changed' WHERE EmployeeID % 100 = 0")
    fi
    config full.ini full "$fields"
    config delta.ini delta-or-full "$fields"
    read -r t_ref _ < <(measure ref "${reference[@]}")
    read -r t_full m_full < <(measure full "$BIN/ODBCAgentExp" -f full.ini -o full.txt)
    read -r t_first m_first < <(measure first "$BIN/ODBCAgentExp" -f delta.ini -o first.txt)
    "${change[@]}" >/dev/null
    read -r t_delta m_delta < <(measure delta "$BIN/ODBCAgentExp" -f delta.ini -o delta.txt)
    changed=$(grep -c '^ChangeType: modify' delta.txt || true)
    LINES+=("| $db | $n | $t_ref ($refname) | $t_full | $(awk "BEGIN{printf \"%.1fx\", $t_full/$t_ref}") | $t_first | $t_delta ($changed modified) | $(awk "BEGIN{printf \"%.2fx\", $t_delta/$t_full}") | $((m_full / 1024)) / $((m_first / 1024)) / $((m_delta / 1024)) |")
    echo "${LINES[-1]}"
    cd "$ROOT"
    rm -rf "$d"
  done
done

{
  echo "# Export benchmark"
  echo
  echo "Produced by \`bench/run.sh ${ROWS[*]}\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores,"
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB."
  echo "Table: Employees-like, id + 14 text columns (~230 bytes of text per row). Times in seconds (wall clock);"
  echo "memory is peak RSS in MiB (/usr/bin/time). \"first\" is the first delta-or-full run (full export that also"
  echo "writes the reference file); \"delta\" runs after 1% of the rows changed."
  echo
  echo "| database | rows | bulk tool | full export | vs tool | first (full + reference) | delta | delta vs full | RSS MiB full / first / delta |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${LINES[@]}"
  echo
  cat "$ROOT/bench/NOTES.md"
} > "$ROOT/bench/REPORT.md"
echo "wrote bench/REPORT.md"
