# PostgreSQL from Debian packages, as a cluster of the project's own under the state folder.

PG_BIN="/usr/lib/postgresql/$PG_MAJOR/bin"

# The server runs as the `postgres` user, which must reach its data. A clone under a private folder (mode 700,
# as mktemp makes them) is out of its reach, so the cluster then lives in /var/tmp, one per state folder.
pg_home() {
  if [ -n "${ONESEAL_PG_HOME:-}" ]; then echo "$ONESEAL_PG_HOME"; return; fi
  mkdir -p "$ONESEAL_STATE"
  if [ "$(id -u)" != 0 ] || runuser -u postgres -- test -x "$ONESEAL_STATE" 2>/dev/null; then
    echo "$ONESEAL_STATE/pg"
  else
    echo "/var/tmp/oneseal-pg-$(printf '%s' "$ONESEAL_STATE" | md5sum | cut -c1-12)"
  fi
}
PG_HOME="$(pg_home)"
PG_DATA="$PG_HOME/data"
PG_SOCKETS="$PG_HOME/run"
PG_LOG="$PG_HOME/postgres.log"
DATABASE_URL="postgres://oneseal@127.0.0.1:$PG_PORT/oneseal"

postgres_fetch() {
  [ -x "$PG_BIN/pg_ctl" ] && return 0
  log postgres "installing postgresql-$PG_MAJOR from Debian packages"
  mkdir -p "$ONESEAL_CACHE"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "postgresql-$PG_MAJOR"; } \
    >"$ONESEAL_CACHE/apt-postgres.log" 2>&1 || fail "postgres: apt-get install postgresql-$PG_MAJOR" "see the log" "$ONESEAL_CACHE/apt-postgres.log"
}

# initdb and the server refuse to run as root: they run as the `postgres` user, which must own the data.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

postgres_ready() {
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" &&
    psql -q -h 127.0.0.1 -p "$PG_PORT" -U oneseal -d oneseal -tAc 'select 1' >/dev/null 2>&1
}

postgres_running() { as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

postgres_up() {
  postgres_fetch
  if postgres_running && postgres_ready; then log postgres "already up on 127.0.0.1:$PG_PORT"; return 0; fi
  mkdir -p "$PG_DATA" "$PG_SOCKETS" "$LOGS" "$PIDS"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_HOME"
  ln -sfn "$PG_LOG" "$LOGS/postgres.log"
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log postgres "initialising a new cluster in $PG_DATA"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$LOGS/postgres-initdb.log" 2>&1 ||
      fail "postgres: initdb" "see the log" "$LOGS/postgres-initdb.log"
  fi
  require_free_port postgres "$PG_PORT" PG_PORT
  local fast=()
  # A throwaway CI cluster trades crash safety for speed; a developer's cluster keeps its data safe.
  if [ "${ONESEAL_PG_FAST:-$([ "${CI:-}" = true ] && echo 1 || echo 0)}" = 1 ]; then
    fast=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
  fi
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$ENGINE_READY_TIMEOUT" start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$PG_SOCKETS -c max_connections=200 ${fast[*]:-}" \
    >/dev/null || fail "postgres: start" "pg_ctl start failed" "$PG_LOG"
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status | sed -n 's/.*PID: \([0-9]*\).*/\1/p' >"$PIDS/postgres.pid"
  postgres_create_database
  local deadline=$((SECONDS + ENGINE_READY_TIMEOUT))
  until postgres_ready; do
    [ $SECONDS -ge $deadline ] && fail "postgres: readiness" "not answering queries" "$PG_LOG"
    sleep 1
  done
  log postgres "up on 127.0.0.1:$PG_PORT"
}

postgres_create_database() {
  local psql_admin=(psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc)
  [ "$("${psql_admin[@]}" "select 1 from pg_roles where rolname = 'oneseal'")" = 1 ] ||
    "${psql_admin[@]}" "create role oneseal login createdb" || fail "postgres: create role oneseal" "psql failed"
  [ "$("${psql_admin[@]}" "select 1 from pg_database where datname = 'oneseal'")" = 1 ] ||
    "${psql_admin[@]}" "create database oneseal owner oneseal" || fail "postgres: create database oneseal" "psql failed"
}

postgres_down() {
  if [ -f "$PG_DATA/PG_VERSION" ] && postgres_running; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null && log postgres "stopped"
  fi
  rm -f "$PIDS/postgres.pid"
}

postgres_status() {
  if [ -x "$PG_BIN/pg_isready" ] && postgres_ready; then log postgres "up    $DATABASE_URL"; else log postgres "DOWN  127.0.0.1:$PG_PORT"; return 1; fi
}
