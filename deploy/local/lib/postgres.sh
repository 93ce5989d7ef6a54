# PostgreSQL from Debian packages, as a cluster of the project's own (not the system's) under the state folder.

PG_BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
# The cluster profile keeps its data apart (its Temporal and Kafka hold other cases): database oneseal_cluster.
ONESEAL_DATABASE=oneseal
[ "${ONESEAL_CLUSTER:-0}" = 1 ] && ONESEAL_DATABASE=oneseal_cluster
DATABASE_URL="postgres://oneseal@127.0.0.1:$PG_PORT/$ONESEAL_DATABASE"

# The server runs as the `postgres` user, which must reach its data. A state folder it cannot traverse (a clone
# under a private folder, mode 700 as mktemp makes them) would make initdb fail, so the cluster then lives in
# /var/tmp, one per state folder. ONESEAL_PG_HOME overrides both.
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
# initdb and pg_ctl output (the server itself logs to PG_LOG).
PG_CTL_LOG="$LOGS/postgres-ctl.log"

# initdb and the server refuse to run as root.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

psql_as() {
  local user=$1 database=$2
  shift 2
  "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$user" -d "$database" -v ON_ERROR_STOP=1 -tA "$@"
}

postgres_fetch() {
  postgres_exporter_fetch || true
  [ -x "$PG_BIN/pg_ctl" ] && [ -x "$PG_BIN/psql" ] && return 0
  local apt_log="$ONESEAL_CACHE/apt-postgres.log"
  mkdir -p "$ONESEAL_CACHE"
  [ "$(id -u)" = 0 ] || fail "postgres: install" "postgresql-$PG_MAJOR is not installed and installing it needs root: sudo apt-get install -y postgresql-$PG_MAJOR"
  log postgres "installing postgresql-$PG_MAJOR from Debian packages (once)"
  local install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "postgresql-$PG_MAJOR")
  # apt-get update is slow and only needed when the package lists are missing or stale.
  if ! "${install[@]}" >"$apt_log" 2>&1; then
    { apt-get update && "${install[@]}"; } >>"$apt_log" 2>&1 ||
      fail "postgres: apt-get install postgresql-$PG_MAJOR" "apt-get failed" "$apt_log"
  fi
  [ -x "$PG_BIN/pg_ctl" ] || fail "postgres: apt-get install postgresql-$PG_MAJOR" "$PG_BIN/pg_ctl missing after install" "$apt_log"
}

PG_EXPORTER_DIR="$ONESEAL_CACHE/postgres-exporter-$PG_EXPORTER_DEB_VERSION"
PG_EXPORTER="$PG_EXPORTER_DIR/usr/bin/prometheus-postgres-exporter"

# `apt-get download` needs no root; only missing package lists do (then as for PostgreSQL itself). Metrics are not
# worth an engine that does not start: a failed download is reported and PostgreSQL runs without its exporter.
postgres_exporter_fetch() {
  [ -x "$PG_EXPORTER" ] && return 0
  local partial="$PG_EXPORTER_DIR.partial" apt_log="$ONESEAL_CACHE/apt-postgres-exporter.log"
  log postgres "downloading prometheus-postgres-exporter $PG_EXPORTER_DEB_VERSION from Debian's packages (once)"
  rm -rf "$partial" && mkdir -p "$partial"
  local download=(apt-get download "prometheus-postgres-exporter=$PG_EXPORTER_DEB_VERSION")
  if ! (cd "$partial" && "${download[@]}") >"$apt_log" 2>&1; then
    if [ "$(id -u)" != 0 ] || ! { apt-get update && (cd "$partial" && "${download[@]}"); } >>"$apt_log" 2>&1; then
      log postgres "could not download the exporter (see $apt_log): PostgreSQL runs without its own metrics"
      return 1
    fi
  fi
  if ! dpkg-deb -x "$partial"/prometheus-postgres-exporter_*.deb "$partial" >>"$apt_log" 2>&1 ||
    [ ! -x "$partial/usr/bin/prometheus-postgres-exporter" ]; then
    log postgres "the exporter's package did not unpack (see $apt_log): PostgreSQL runs without its own metrics"
    return 1
  fi
  rm -rf "$PG_EXPORTER_DIR" && mv "$partial" "$PG_EXPORTER_DIR"
}

postgres_exporter_ready() { curl -fsS "http://127.0.0.1:$PG_METRICS_PORT/metrics" 2>/dev/null | grep -q '^pg_up 1'; }

# As oneseal_monitor (pg_monitor only; no password: the local cluster trusts loopback). Its command line names the
# state folder (argv[0]), so its pid file is recognised as ours. Started whenever PostgreSQL is up, also when an
# earlier `up` found PostgreSQL already running; never fails the engines' start.
postgres_exporter_up() {
  postgres_exporter_fetch || return 0
  if pid_alive postgres-exporter; then return 0; fi
  clean_stale_pid postgres-exporter
  if port_open "$PG_METRICS_PORT"; then
    log postgres "port $PG_METRICS_PORT is taken (PG_METRICS_PORT): PostgreSQL runs without its own metrics"
    return 0
  fi
  DATA_SOURCE_NAME="postgresql://oneseal_monitor@127.0.0.1:$PG_PORT/$ONESEAL_DATABASE?sslmode=disable" \
    start_detached postgres-exporter bash -c 'exec -a "$0" "$@"' "postgres-exporter[$ONESEAL_STATE]" "$PG_EXPORTER" \
    "--web.listen-address=127.0.0.1:$PG_METRICS_PORT"
  local waited=0
  until postgres_exporter_ready; do
    if ! pid_alive postgres-exporter || [ $waited -ge 30 ]; then
      log postgres "the exporter did not answer (see $LOGS/postgres-exporter.log): PostgreSQL runs without its own metrics"
      return 0
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  log postgres "metrics on http://127.0.0.1:$PG_METRICS_PORT/metrics"
}

postgres_running() { [ -f "$PG_DATA/PG_VERSION" ] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

# Ready means the application's own role can run a query in its own database, not just an open port.
postgres_ready() {
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" &&
    [ "$(psql_as oneseal "$ONESEAL_DATABASE" -c 'select 1' 2>/dev/null)" = 1 ]
}

postgres_init() {
  mkdir -p "$PG_DATA" "$PG_SOCKETS"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_HOME"
  chmod 700 "$PG_DATA"
  log postgres "initialising a new cluster in $PG_DATA"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_CTL_LOG" 2>&1 ||
    fail "postgres: initdb" "initdb exited non-zero" "$PG_CTL_LOG"
}

postgres_start() {
  local options="-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$PG_SOCKETS -c max_connections=200"
  # Sized for a year or two of a county's cases (a million cases is ~35 GB) rather than the 128 MB defaults: more of
  # the working set in memory, fewer checkpoints (each rewrites whole pages) while history loads or a busy day runs.
  # None of it trades durability.
  options+=" -c shared_buffers=512MB -c max_wal_size=4GB -c checkpoint_timeout=15min -c wal_compression=lz4"
  # No JIT: it compiles every query the planner thinks costly, which costs OneSeal's short queries more than it saves.
  options+=" -c maintenance_work_mem=256MB -c jit=off"
  # Statements counted per service login (top-level only), for the bench's SQL statements per lifecycle.
  options+=" -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top"
  # A throwaway CI cluster trades safety against an OS crash for speed (no fsync); a developer's cluster keeps its data
  # safe. Commits stay synchronous: with synchronous_commit=off a kill -9 of PostgreSQL itself (npm test's chaos run
  # does one) loses transactions already reported committed — it did, a routing outbox row. Start options: changing
  # ONESEAL_PG_FAST takes a down/up.
  if [ "${ONESEAL_PG_FAST:-$([ "${CI:-}" = true ] && echo 1 || echo 0)}" = 1 ]; then
    options+=" -c fsync=off -c full_page_writes=off"
  fi
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$ENGINE_READY_TIMEOUT" -o "$options" start \
    >>"$PG_CTL_LOG" 2>&1 9>&- || fail "postgres: start" "pg_ctl start failed" "$PG_LOG"
  head -n 1 "$PG_DATA/postmaster.pid" >"$PIDS/postgres.pid"
}

# Idempotent: the role and database are created only when missing, so it also repairs a half-initialised cluster.
postgres_create_database() {
  [ "$(psql_as postgres postgres -c "select 1 from pg_roles where rolname = 'oneseal'")" = 1 ] ||
    psql_as postgres postgres -c "create role oneseal login createdb createrole" ||
    fail "postgres: create role oneseal" "psql failed" "$PG_LOG"
  # The owner role creates each service's own narrower login role when it migrates (clusters made before that
  # change get the right here).
  [ "$(psql_as postgres postgres -c "select 1 from pg_roles where rolname = 'oneseal' and rolcreaterole")" = 1 ] ||
    psql_as postgres postgres -c "alter role oneseal createrole" ||
    fail "postgres: alter role oneseal" "psql failed" "$PG_LOG"
  # createdb: test suites clone a migrated template database per suite.
  [ "$(psql_as postgres postgres -c "select 1 from pg_database where datname = '$ONESEAL_DATABASE'")" = 1 ] ||
    psql_as postgres postgres -c "create database $ONESEAL_DATABASE owner oneseal" ||
    fail "postgres: create database $ONESEAL_DATABASE" "psql failed" "$PG_LOG"
  # The exporter's login (libs/database monitor-access.ts keeps it a member of pg_monitor only, on every migrate):
  # made here too, so the exporter that starts before the first migrate can log in. Metrics only: never fatal.
  [ "$(psql_as postgres postgres -c "select 1 from pg_roles where rolname = 'oneseal_monitor'")" = 1 ] ||
    psql_as postgres postgres -c "create role oneseal_monitor login inherit; grant pg_monitor to oneseal_monitor" ||
    log postgres "could not create the role oneseal_monitor: PostgreSQL's exporter cannot log in until migrate makes it"
  # What the bench counts statements with (loaded when PostgreSQL starts), readable by the owner role only: a service's
  # login does not see how often the others query. Measurement only: never fatal.
  psql_as postgres "$ONESEAL_DATABASE" -c "create extension if not exists pg_stat_statements;
      revoke all on pg_stat_statements from public; grant select on pg_stat_statements to oneseal;
      revoke all on function pg_stat_statements(boolean) from public;
      grant execute on function pg_stat_statements(boolean) to oneseal" >/dev/null ||
    log postgres "could not create the extension pg_stat_statements: the bench will not count SQL statements"
}

# A postmaster killed a moment ago (kill -9, OOM) stays a zombie until init reaps it, and both pg_ctl and the new
# postmaster's lock-file check count a zombie as running: wait for it to go (about a second here).
postgres_wait_for_killed_postmaster() {
  local pid state tries=0
  pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null) || return 0
  while state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) && [ "$state" = Z ] && [ $tries -lt 100 ]; do
    sleep 0.1
    tries=$((tries + 1))
  done
}

postgres_up() {
  postgres_fetch
  postgres_wait_for_killed_postmaster
  if postgres_running && postgres_ready; then
    log postgres "already up on 127.0.0.1:$PG_PORT"
    postgres_create_database
    postgres_exporter_up
    return 0
  fi
  mkdir -p "$LOGS" "$PIDS"
  if ! postgres_running; then
    rm -f "$PIDS/postgres.pid"
    require_free_port postgres "$PG_PORT" PG_PORT
    [ -f "$PG_DATA/PG_VERSION" ] || postgres_init
    ln -sfn "$PG_LOG" "$LOGS/postgres.log"
    postgres_start
  fi
  postgres_create_database
  local deadline=$((SECONDS + ENGINE_READY_TIMEOUT))
  until postgres_ready; do
    [ $SECONDS -lt $deadline ] || fail "postgres: readiness" "the oneseal role cannot query the oneseal database" "$PG_LOG"
    sleep 1
  done
  log postgres "up on 127.0.0.1:$PG_PORT ($DATABASE_URL)"
  postgres_exporter_up
}

postgres_down() {
  stop_pid postgres-exporter
  if postgres_running; then
    log postgres "stopping"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 ||
      fail "postgres: stop" "pg_ctl stop failed" "$PG_LOG"
    log postgres "stopped"
  fi
  rm -f "$PIDS/postgres.pid"
}

postgres_status() {
  if [ -x "$PG_BIN/pg_ctl" ] && postgres_running && postgres_ready; then
    log postgres "up    $DATABASE_URL"
    if pid_alive postgres-exporter && postgres_exporter_ready; then
      log postgres "metrics http://127.0.0.1:$PG_METRICS_PORT/metrics"
    else
      log postgres "metrics down (127.0.0.1:$PG_METRICS_PORT): \`engines.sh up postgres\` starts them"
    fi
  else
    log postgres "down  127.0.0.1:$PG_PORT"
    return 1
  fi
}
