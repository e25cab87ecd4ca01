#!/usr/bin/env bash
# A throwaway PostgreSQL server for the integration tests, on 127.0.0.1 only.
#   scripts/pg-test-server.sh start   -> prints "export NAME=VALUE" lines (eval them)
#   scripts/pg-test-server.sh stop DIR
# OAS_PG_FSYNC=on makes it durable like a real server (the benchmarks use that; the tests do not need it).
# initdb refuses to run as root, so as root the cluster belongs to the postgres user.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$PGBIN/initdb" ] || { echo "pg-test-server: PostgreSQL server binaries not found (install postgresql)" >&2; exit 1; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/test-server-common.sh"

case "${1:-}" in
start)
  DIR=$(server_dir oas-pg postgres)
  PORT=$(free_port 54320 54399) || { echo "pg-test-server: no free port in 54320-54399" >&2; exit 1; }
  # Connections over TCP must give the right password (the credentials tests rely on it); the socket,
  # which only the set-up below uses, trusts.
  as_owner postgres "$PGBIN/initdb" -D "$DIR/data" --auth-local=trust --auth-host=scram-sha-256 -U postgres -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
  as_owner postgres "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=${OAS_PG_FSYNC:-off} -c full_page_writes=${OAS_PG_FSYNC:-off}" start >/dev/null \
    || { cat "$DIR/server.log" >&2; exit 1; }
  PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres)
  "${PSQL[@]}" -d postgres -c "CREATE ROLE oas LOGIN PASSWORD 'oas-secret' SUPERUSER" \
    -c "CREATE DATABASE oas_test OWNER oas" -c "CREATE DATABASE northwind OWNER oas" >/dev/null
  FIXTURE="$ROOT/../shared/fixtures/northwind/postgresql.sql"
  if [ -f "$FIXTURE" ]; then
    PGPASSWORD=oas-secret psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U oas -d northwind -f "$FIXTURE" >/dev/null 2>"$DIR/northwind.log" \
      || { echo "pg-test-server: loading the Northwind fixture failed:" >&2; cat "$DIR/northwind.log" >&2; exit 1; }
    echo "export OAS_TEST_PG_NORTHWIND='DRIVER={PostgreSQL Unicode};Server=127.0.0.1;Port=$PORT;Database=northwind;UID=oas;PWD=oas-secret'"
  fi
  echo "export OAS_PG_DIR='$DIR'"
  echo "export OAS_TEST_PG='DRIVER={PostgreSQL Unicode};Server=127.0.0.1;Port=$PORT;Database=oas_test;UID=oas;PWD=oas-secret'"
  ;;
stop)
  DIR=${2:?usage: pg-test-server.sh stop DIR}
  [ -d "$DIR/data" ] && as_owner postgres "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
  ;;
*)
  echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
