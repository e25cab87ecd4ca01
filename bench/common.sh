# What the export and import benchmarks share: the throwaway PostgreSQL and MariaDB servers (durable, fsync
# on, like real ones), the Employees-like table, the agents' attribute lines, and timing. Sourced, not run.
# DBS="sqlite postgresql mariadb" (the default) chooses the databases.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
BIN="$ROOT/${OAS_BUILD_DIR:-build}/bin"
WORK=$(mktemp -d /tmp/oas-bench-XXXXXX)
read -r -a DBS <<<"${DBS:-sqlite postgresql mariadb}"
PG_ENV=$(OAS_PG_FSYNC=on bash "$ROOT/scripts/pg-test-server.sh" start)
eval "$PG_ENV"
MARIADB_ENV=$(OAS_MARIADB_FSYNC=on bash "$ROOT/scripts/mariadb-test-server.sh" start)
eval "$MARIADB_ENV"
trap 'bash "$ROOT/scripts/pg-test-server.sh" stop "$OAS_PG_DIR"; bash "$ROOT/scripts/mariadb-test-server.sh" stop "$OAS_MARIADB_DIR"; rm -rf "$WORK"' EXIT
MARIADB_PORT=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$OAS_TEST_MARIADB")
# The mariadb client as the agents' user over TCP, like the agents.
MARIADB=(mariadb --no-defaults -h 127.0.0.1 -P "$MARIADB_PORT" -u oas -poas-secret --local-infile=1 oas_test)
MARIADB_FIELDS=$(tr ';' '\n' <<<"$OAS_TEST_MARIADB")
PORT=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$OAS_TEST_PG")
export PGPASSWORD=oas-secret
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U oas -d oas_test)
PG_FIELDS=$(tr ';' '\n' <<<"$OAS_TEST_PG")
COLS="EmployeeID, LastName, FirstName, Title, TitleOfCourtesy, BirthDate, HireDate, Address, City, Region, PostalCode, Country, HomePhone, Extension, Notes"
TABLE_SQL="CREATE TABLE Employees (EmployeeID INTEGER PRIMARY KEY, LastName VARCHAR(20), FirstName VARCHAR(10),
  Title VARCHAR(30), TitleOfCourtesy VARCHAR(25), BirthDate VARCHAR(10), HireDate VARCHAR(10), Address VARCHAR(60),
  City VARCHAR(15), Region VARCHAR(15), PostalCode VARCHAR(10), Country VARCHAR(15), HomePhone VARCHAR(24),
  Extension VARCHAR(4), Notes VARCHAR(200))"
ROW_SQL="i, 'Last' || i, 'First' || (i % 1000), 'Sales Representative', 'Ms.', '1948-12-08', '1992-05-01',
  i || ' - 20th Ave. E.', 'Seattle', 'WA', '98122', 'USA', '(206) 555-9857', '4109',
  'Education includes a BA in psychology from Colorado State University. Row ' || i"
ATTRIBUTES="[attributes]
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
DESC=Employees.Notes"

# The row of ROW_SQL for MariaDB, where || is OR: CONCAT instead.
MARIADB_ROW_SQL="i, CONCAT('Last', i), CONCAT('First', i % 1000), 'Sales Representative', 'Ms.', '1948-12-08', '1992-05-01',
  CONCAT(i, ' - 20th Ave. E.'), 'Seattle', 'WA', '98122', 'USA', '(206) 555-9857', '4109',
  CONCAT('Education includes a BA in psychology from Colorado State University. Row ', i)"

# fill_table DB N: Employees with rows 1..N; DB is "sqlite" (bench.db in the current directory), "postgresql"
# or "mariadb"
fill_table() {
  if [ "$1" = sqlite ]; then
    rm -f bench.db
    sqlite3 bench.db "$TABLE_SQL; WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $2)
                      INSERT INTO Employees SELECT $ROW_SQL FROM s;"
  elif [ "$1" = mariadb ]; then
    "${MARIADB[@]}" -e "DROP TABLE IF EXISTS Employees; $TABLE_SQL;
      INSERT INTO Employees SELECT $MARIADB_ROW_SQL FROM (SELECT seq AS i FROM seq_1_to_$2) AS s; ANALYZE TABLE Employees" >/dev/null
  else
    "${PSQL[@]}" -c "DROP TABLE IF EXISTS Employees" -c "$TABLE_SQL" \
      -c "INSERT INTO Employees SELECT $ROW_SQL FROM generate_series(1, $2) AS s(i)" -c "VACUUM ANALYZE Employees"
  fi
}

# database_fields DB: the [database] lines for DB
database_fields() {
  case "$1" in
  sqlite) printf 'DRIVER=SQLite3\nDatabase=bench.db\n' ;;
  mariadb) printf '%s\n' "$MARIADB_FIELDS" ;;
  *) printf '%s\n' "$PG_FIELDS" ;;
  esac
}

export_config() {  # export_config FILE MODE DATABASE-LINES: the export benchmarks' configuration
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

measure() {  # measure NAME COMMAND... -> "seconds peakKB"
  # Dirty pages of the previous command (a tool's output is not synced; ours is, inside its time) written
  # out first, so that their writeback does not land in this command's time.
  sync
  /usr/bin/time -f "%e %M" -o "$WORK/$1.time" "${@:2}" >/dev/null 2>"$WORK/$1.err" || { cat "$WORK/$1.err" >&2; exit 1; }
  cat "$WORK/$1.time"
}

measure_best() {  # measure_best NAME COMMAND... -> the best "seconds peakKB" of three runs
  local best="" t m
  for _ in 1 2 3; do
    read -r t m < <(measure "$@")
    if [ -z "$best" ] || awk "BEGIN{exit !($t < ${best% *})}"; then best="$t $m"; fi
  done
  echo "$best"
}

# server_cpu DB: the CPU seconds the database server has used so far (PostgreSQL: the postmaster, its
# children alive now and those it has reaped; MariaDB: the server process, all its threads), "" for SQLite,
# which runs inside the agent. The difference before and after a command is the server's work for it.
server_cpu() {
  local pids ticks
  case "$1" in
  postgresql) pids=$(head -1 "$OAS_PG_DIR/data/postmaster.pid"); pids="$pids $(pgrep -P "$pids" | tr '\n' ' ')" ;;
  mariadb) pids=$(cat "$OAS_MARIADB_DIR/mysqld.pid") ;;
  *) return 0 ;;
  esac
  sleep 0.5  # a backend whose client has just gone is reaped by then
  ticks=0
  for pid in $pids; do
    # utime stime cutime cstime: fields 14-17, counted after the ")" that ends the command name
    local t
    t=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $12 + $13 + $14 + $15}') || true
    ticks=$((ticks + ${t:-0}))
  done
  awk "BEGIN{printf \"%.2f\", $ticks / $(getconf CLK_TCK)}"
}

ratio() { awk "BEGIN{printf \"%.1f\", $1/$2}"; }

# median X...: the median of the numbers
median() {
  printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{m = NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; printf "%.2f", m}'
}

# median_range X...: "2.41x (1.97-3.09x)", the median and the range of the numbers
median_range() {
  local sorted
  sorted=$(printf '%s\n' "$@" | sort -g)
  printf '%sx (%.2f-%.2fx)' "$(median "$@")" "$(head -1 <<<"$sorted")" "$(tail -1 <<<"$sorted")"
}

source "$ROOT/bench/report.sh"
