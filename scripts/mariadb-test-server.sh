#!/usr/bin/env bash
# A throwaway MariaDB server for the integration tests, on 127.0.0.1 only (own data folder, free port).
#   scripts/mariadb-test-server.sh start   -> prints "export NAME=VALUE" lines (eval them)
#   scripts/mariadb-test-server.sh stop DIR
# Set-up runs as root over the server's socket; the agents log in over TCP as the user oas. When the shared
# Northwind fixture is present it is loaded into the database northwind (scripts/northwind-mariadb.sh).
# OAS_MARIADB_FSYNC=on makes it durable like a real server (the benchmarks use that; the tests do not need it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || { echo "mariadb-test-server: mariadbd not found (install mariadb-server)" >&2; exit 1; }
MARIADBD=$(command -v mariadbd || echo /usr/sbin/mariadbd)

source "$ROOT/scripts/test-server-common.sh"

case "${1:-}" in
start)
  DIR=$(server_dir oas-mariadb mysql)
  PORT=$(free_port 33060 33199) || { echo "mariadb-test-server: no free port in 33060-33199" >&2; exit 1; }
  as_owner mysql mariadb-install-db --no-defaults --datadir="$DIR/data" --auth-root-authentication-method=normal \
    --skip-test-db >"$DIR/install.log" 2>&1 || { cat "$DIR/install.log" >&2; exit 1; }
  # fsync off like the PostgreSQL test server: the tests need no durability across a machine crash.
  DURABLE=(--innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0)
  [ "${OAS_MARIADB_FSYNC:-off}" = on ] && DURABLE=(--innodb-flush-log-at-trx-commit=1 --innodb-doublewrite=1)
  as_owner mysql "$MARIADBD" --no-defaults --datadir="$DIR/data" --socket="$DIR/mysqld.sock" --port="$PORT" \
    --bind-address=127.0.0.1 --pid-file="$DIR/mysqld.pid" --log-error="$DIR/server.log" \
    "${DURABLE[@]}" --sync-binlog=0 --skip-name-resolve --local-infile=1 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_bin --innodb-buffer-pool-size=256M \
    --max-connections=300 >/dev/null 2>&1 &
  for _ in $(seq 1 600); do
    [ -S "$DIR/mysqld.sock" ] && mariadb --no-defaults -S "$DIR/mysqld.sock" -u root -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.1
  done
  CLIENT=(mariadb --no-defaults -S "$DIR/mysqld.sock" -u root)
  "${CLIENT[@]}" -e "SELECT 1" >/dev/null 2>&1 || { echo "mariadb-test-server: the server did not start:" >&2; cat "$DIR/server.log" >&2; exit 1; }
  "${CLIENT[@]}" -e "CREATE USER 'oas'@'127.0.0.1' IDENTIFIED BY 'oas-secret';
    GRANT ALL PRIVILEGES ON *.* TO 'oas'@'127.0.0.1' WITH GRANT OPTION;
    CREATE DATABASE oas_test; CREATE DATABASE northwind;"
  FIXTURE="$ROOT/../shared/fixtures/northwind/sqlite-create.sql"
  if [ -f "$FIXTURE" ]; then
    bash "$ROOT/scripts/northwind-mariadb.sh" "$FIXTURE" "$DIR" | "${CLIENT[@]}" northwind 2>"$DIR/northwind.log" \
      || { echo "mariadb-test-server: loading the Northwind fixture failed:" >&2; cat "$DIR/northwind.log" >&2; exit 1; }
    echo "export OAS_TEST_MARIADB_NORTHWIND='DRIVER={MariaDB Unicode};Server=127.0.0.1;Port=$PORT;Database=northwind;UID=oas;PWD=oas-secret'"
  fi
  echo "export OAS_MARIADB_DIR='$DIR'"
  echo "export OAS_TEST_MARIADB='DRIVER={MariaDB Unicode};Server=127.0.0.1;Port=$PORT;Database=oas_test;UID=oas;PWD=oas-secret'"
  ;;
stop)
  DIR=${2:?usage: mariadb-test-server.sh stop DIR}
  if [ -f "$DIR/mysqld.pid" ]; then
    PID=$(cat "$DIR/mysqld.pid")
    kill -9 "$PID" 2>/dev/null || true
  fi
  rm -rf "$DIR"
  ;;
*)
  echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
