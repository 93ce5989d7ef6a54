#!/usr/bin/env bash
# The project's two commands and their companions, as the README describes them:
#   npm start  -> oneseal.sh start   (install what is missing, engines, build, migrations, services, URLs)
#   npm run status / npm run stop
#   npm test   -> oneseal.sh test    (typecheck, lint, unit, integration and end-to-end tiers on real engines)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export ONESEAL_STATE="${ONESEAL_STATE:-$ROOT/.oneseal}"
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE="${NX_SKIP_NX_CACHE:-false}"
RESULTS="$ONESEAL_STATE/test-results"

# Which engines run: the embedded profile (one Kafka node, Temporal's dev server) or the cluster profile
# (`npm start -- --cluster`: three Kafka nodes, replication factor 3). Recorded, so status and stop act on it.
PROFILE_FILE="$ONESEAL_STATE/profile"
recorded_profile() { cat "$PROFILE_FILE" 2>/dev/null || echo embedded; }
cluster_flag() { if [ "$1" = cluster ]; then echo 1; else echo 0; fi; }
export ONESEAL_CLUSTER="${ONESEAL_CLUSTER:-$(cluster_flag "$(recorded_profile)")}"

# Switches profiles: what runs under the other one is stopped first (both use the same ports).
use_profile() {
  local wanted=$1 recorded
  recorded=$(recorded_profile)
  if [ "$recorded" != "$wanted" ]; then
    step "switching from the $recorded profile to the $wanted one (stopping what runs now)"
    (
      export ONESEAL_CLUSTER
      ONESEAL_CLUSTER=$(cluster_flag "$recorded")
      node deploy/local/stack.mjs down 2>/dev/null || true
      bash deploy/local/engines.sh down
    ) || true
  fi
  mkdir -p "$ONESEAL_STATE"
  echo "$wanted" >"$PROFILE_FILE"
  ONESEAL_CLUSTER=$(cluster_flag "$wanted")
}

step() { printf '\n==> %s\n' "$*"; }
die() { printf '\noneseal: %s\n' "$*" >&2; exit 1; }

ensure_dependencies() {
  # A fresh clone has no node_modules; a changed lock file means dependencies changed since the last install; a
  # changed patch (patches/*.patch, applied by npm ci's postinstall) is not in node_modules yet.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] ||
    [ -n "$(find patches -name '*.patch' -newer node_modules/.package-lock.json -print -quit 2>/dev/null)" ]; then
    step "installing npm dependencies (npm ci)"
    npm ci --no-audit --no-fund || die "npm ci failed"
  fi
}

load_engine_env() {
  local paths
  paths="$(bash deploy/local/engines.sh paths)" || die "engines.sh paths failed"
  set -a
  # shellcheck disable=SC1090
  source <(printf '%s\n' "$paths")
  set +a
}

build() {
  step "building (tsc -b)"
  npx tsc -b tsconfig.build.json || die "the TypeScript build failed"
}

services_up() {
  step "migrating the database"
  node deploy/local/stack.mjs migrate || die "database migrations failed"
  step "creating the Kafka topics"
  node deploy/local/stack.mjs topics || die "creating the Kafka topics failed"
  step "seeding the reference data"
  node deploy/local/stack.mjs seed || die "seeding the reference data failed"
  step "starting the services"
  node deploy/local/stack.mjs up || die "services failed to start (logs in $ONESEAL_STATE/logs)"
}

print_urls() {
  echo
  echo "OneSeal is up. API docs and health of each service:"
  node deploy/local/stack.mjs urls
  if [ "$ONESEAL_CLUSTER" = 1 ]; then
    echo "  Temporal Server   ${TEMPORAL_ADDRESS} (no web UI in this profile)"
  else
    echo "  Temporal Web UI   http://127.0.0.1:${TEMPORAL_UI_PORT:-8233}"
  fi
  echo "  PostgreSQL        ${DATABASE_URL}"
  echo "  Kafka             ${KAFKA_BROKERS}"
  echo "  engines' metrics  Temporal ${TEMPORAL_METRICS_URL}  PostgreSQL ${PG_METRICS_URL}"
  echo "                    Kafka ${KAFKA_METRICS_URLS}"
  echo
  echo "npm run status   what is up      npm run stop   stop it all      logs: $ONESEAL_STATE/logs"
}

# The address the public opens the console at: printed in receipts' and documents' QR codes, so never loopback.
# Unless it is set, this machine's LAN address, which a phone on the same network can open.
public_base_url() {
  if [ -z "${PUBLIC_BASE_URL:-}" ]; then
    local lan
    lan=$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$' | grep -v '^127\.' | head -1)
    export PUBLIC_BASE_URL="http://${lan:-oneseal.test}:3100"
  fi
  echo "  public address (QR codes of receipts and documents): $PUBLIC_BASE_URL"
}

cmd_start() {
  local began=$SECONDS profile=embedded
  [ "${1:-}" = --cluster ] && profile=cluster
  [ $# -eq 0 ] || [ "${1:-}" = --cluster ] || die "usage: npm start [-- --cluster]"
  use_profile "$profile"
  public_base_url
  ensure_dependencies
  step "starting the engines"
  bash deploy/local/engines.sh up || die "the engines failed to start"
  load_engine_env
  build
  services_up
  print_urls
  echo "(started in $((SECONDS - began)) s)"
}

cmd_status() {
  local ok=0
  bash deploy/local/engines.sh status || ok=1
  node deploy/local/stack.mjs status || ok=1
  backup_status
  return $ok
}

# The newest backup in the default folder and its age (a line of the status; it changes nothing of the exit code).
backup_status() {
  local newest made
  newest=$(ls -1 "$BACKUPS"/oneseal-*.tar.gz 2>/dev/null | sort | tail -1) || true
  if [ -z "$newest" ]; then
    echo "  backup:   none in $BACKUPS yet (npm run backup)"
    return 0
  fi
  made=$(stat -c %Y "$newest")
  echo "  backup:   $(basename "$newest"), $(( ($(date +%s) - made) / 3600 )) h ago ($(du -h "$newest" | cut -f1))"
}

cmd_stop() {
  node deploy/local/stack.mjs down
  bash deploy/local/engines.sh down
}

run_jest() {
  local tier=$1
  shift
  step "$tier tests"
  npx jest -c "jest.$tier.config.js" --json --outputFile="$RESULTS/$tier.json" "$@"
}

summarize() {
  local code=$?
  node deploy/local/test-summary.mjs "$RESULTS" || true
  if [ "${CI:-}" = "true" ]; then
    # Nothing of a CI run may outlive it.
    node deploy/local/stack.mjs down >/dev/null 2>&1 || true
    bash deploy/local/engines.sh down >/dev/null 2>&1 || true
  elif [ "${services_were_up:-1}" = "0" ]; then
    node deploy/local/stack.mjs down >/dev/null 2>&1 || true
  fi
  exit $code
}

cmd_test() {
  local began=$SECONDS
  rm -rf "$RESULTS" && mkdir -p "$RESULTS"
  trap summarize EXIT
  ensure_dependencies
  # The tiers test the embedded profile (their topics have one replica each).
  use_profile embedded
  step "starting the engines (if not running)"
  bash deploy/local/engines.sh up || die "the engines failed to start"
  load_engine_env
  step "a browser for the console's screen tests"
  ONESEAL_CHROMIUM="$(bash deploy/local/browser.sh ensure)" || die "no browser for the console's screen tests"
  export ONESEAL_CHROMIUM
  echo "  browser:  $ONESEAL_CHROMIUM"
  build
  step "typecheck (tsc, tests included)"
  npx tsc -p tsconfig.json || die "typecheck failed"
  step "lint (eslint with Nx module boundaries)"
  npx nx show projects >/dev/null || die "nx could not compute the project graph"
  npx eslint --max-warnings 0 libs services workflows e2e deploy || die "lint failed"
  npx prettier --check . >/dev/null || die "formatting differs from Prettier: run npm run format"
  run_jest unit
  run_jest integration
  # The end-to-end tier runs the system exactly as `npm start` does, from this build; receipts carry a public address
  # (a reserved test name, RFC 2606) so their QR codes are checked too.
  export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://oneseal.test}"
  services_were_up=0
  if node deploy/local/stack.mjs status >/dev/null 2>&1; then services_were_up=1; fi
  node deploy/local/stack.mjs down >/dev/null
  services_up
  run_jest e2e
  # Last: malformed input on every route of the system the e2e tier just used (bounded and seeded).
  run_jest fuzz
  # And the system survives kill -9 under load: services, Kafka, Temporal and PostgreSQL, each restarted.
  step "chaos (short): kill -9 under load, then the verdicts"
  node deploy/chaos/chaos.mjs --short || die "the chaos run's verdicts failed (above)"
  echo "(npm test took $((SECONDS - began)) s)"
}

# npm run chaos: the full run on the cluster profile (started, or switched to, unless it already runs); with --short,
# on whatever runs now (npm test's last step, on the embedded profile).
cmd_chaos() {
  local wanted=cluster
  [[ " $* " == *" --short "* ]] && wanted=$(recorded_profile)
  if [ "$(recorded_profile)" != "$wanted" ] || ! cmd_status >/dev/null 2>&1; then
    if [ "$wanted" = cluster ]; then cmd_start --cluster; else cmd_start; fi
  fi
  step "chaos: kill -9 under load, then the verdicts"
  node deploy/chaos/chaos.mjs "$@"
}

# What a backup holds: every engine's data (PostgreSQL, Temporal, Kafka; both profiles'), the stamped PDFs, the
# generated keys, the profile and the public address. Logs, pids, screenshots and test results are not the
# installation's record.
BACKED_UP=(pg temporal temporal-server kafka documents documents-cluster keys profile public-base-url
  province-stand-in.json)
BACKUPS="${ONESEAL_BACKUPS:-$ROOT/.oneseal-backups}"

# A path as the person typed it: npm runs scripts from the repository's root, so a relative one is taken from where
# npm was called (INIT_CWD).
typed_path() { case "$1" in /*) echo "$1" ;; *) echo "${INIT_CWD:-$PWD}/$1" ;; esac; }

# Whether any engine or service of this installation still runs: a pid file whose process is ours, by the rule of
# lib/common.sh's pid_alive (its command line names the state folder, as every engine's does, or, for a service, this
# repository), and not a zombie a kill -9 left (as stack.mjs's alive() counts it). A pid reused since by an unrelated
# process, after a reboot, does not count.
anything_runs() {
  local pid_file pid stat
  for pid_file in "$ONESEAL_STATE"/pids/*.pid; do
    [ -f "$pid_file" ] || continue
    pid=$(cat "$pid_file")
    [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || continue
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    [ "$(echo "${stat##*) }" | cut -c1)" = Z ] && continue
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -e "$ONESEAL_STATE" -e "$ROOT/" && return 0
  done
  return 1
}

# The database must be in the state folder to be archived with the rest (postgres.sh puts it in /var/tmp when the
# postgres user cannot reach the state folder, or where ONESEAL_PG_HOME says).
require_database_in_state() {
  load_engine_env
  [ "$PG_HOME" = "$ONESEAL_STATE/pg" ] ||
    die "the database lives in $PG_HOME, outside $ONESEAL_STATE: npm run backup and restore cannot take it with the rest (set ONESEAL_PG_HOME=$ONESEAL_STATE/pg, or back up that folder with the others while everything is stopped)"
}

# npm run backup [-- --to DIR]: a cold backup. PostgreSQL, Temporal and Kafka each hold part of a case in flight (its
# rows, its workflow, its events not yet consumed), and copies of them taken while they run would each be of another
# moment: a restore could then hold a workflow whose task's row is missing. So everything stops (services first, so
# nothing is cut short), the state is archived in one piece, and what ran before starts again, also when the backup
# fails or is interrupted.
cmd_backup() {
  local to=$BACKUPS began=$SECONDS stamp archive item present=()
  case "${1:-}" in
    --to) to=$(typed_path "${2:?usage: npm run backup [-- --to DIR]}") ;;
    '') ;;
    *) die "usage: npm run backup [-- --to DIR]" ;;
  esac
  [ -d "$ONESEAL_STATE/pg" ] || die "nothing to back up: $ONESEAL_STATE has no database (run npm start first)"
  require_database_in_state
  # The archive holds every key (the seals' key-encryption key, the personal-data key): readable by its owner only.
  BACKUP_UMASK=$(umask)
  umask 077
  # A folder made here is its owner's only; one the person named is left as it is (the archive itself is 0600).
  [ -d "$to" ] || { mkdir -p "$to" && chmod 700 "$to"; }
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  archive="$to/oneseal-$stamp.tar.gz"
  BACKUP_RESTART=0
  anything_runs && BACKUP_RESTART=1
  BACKUP_PARTIAL="$archive.partial"
  trap backup_ended EXIT
  trap 'exit 130' INT TERM HUP
  step "stopping the services and the engines (a backup of one moment of every store)"
  cmd_stop >/dev/null || die "could not stop everything; nothing was archived"
  ! anything_runs || die "something still runs after the stop; nothing was archived"
  for item in "${BACKED_UP[@]}"; do [ -e "$ONESEAL_STATE/$item" ] && present+=("$item"); done
  step "archiving ${present[*]} into $archive"
  tar -C "$ONESEAL_STATE" -cf - "${present[@]}" | gzip -1 | tee "$BACKUP_PARTIAL" | sha256sum |
    sed "s|-\$|$(basename "$archive")|" >"$archive.sha256.partial" || die "the archive could not be written"
  mv "$archive.partial" "$archive"
  mv "$archive.sha256.partial" "$archive.sha256"
  BACKUP_PARTIAL=
  echo "  $(du -h "$archive" | cut -f1)  $archive (and .sha256); copy both off this machine, and keep them as you keep the seals"
  echo "(archived $((SECONDS - began)) s after the stop began)"
}

# On the way out of a backup, done or not: a partial archive goes, and what ran before starts again.
backup_ended() {
  local status=$?
  trap - EXIT
  [ -n "${BACKUP_PARTIAL:-}" ] && rm -f "$BACKUP_PARTIAL" "${BACKUP_PARTIAL%.partial}.sha256.partial"
  if [ "${BACKUP_RESTART:-0}" = 1 ]; then
    umask "$BACKUP_UMASK"
    (cmd_start_recorded) || status=1
  fi
  exit "$status"
}

# npm run restore -- FILE: the installation as FILE holds it. The archive is checked and unpacked beside the state
# first (a bad one changes nothing); then everything stops, what is there now is moved aside
# ($ONESEAL_STATE/replaced-<time>/), the unpacked state takes its place, the profile the backup ran starts, and the
# document folder is checked against the restored database.
cmd_restore() {
  local archive began=$SECONDS stamp staging aside item
  archive=$(typed_path "${1:?usage: npm run restore -- FILE (a backup made by npm run backup)}")
  [ -f "$archive" ] || die "no backup at $archive"
  [ -f "$archive.sha256" ] || die "no $archive.sha256 beside it: copy the backup with its checksum file"
  (cd "$(dirname "$archive")" && sha256sum --check --quiet "$(basename "$archive").sha256") ||
    die "$archive does not match its .sha256: it was changed or cut short"
  require_database_in_state
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  staging="$ONESEAL_STATE/restoring-$stamp"
  mkdir -p "$staging"
  step "unpacking $archive"
  if ! tar -C "$staging" -xzf "$archive" || [ ! -d "$staging/pg" ]; then
    rm -rf "$staging"
    die "$archive is not a whole backup (nothing was changed)"
  fi
  step "stopping the services and the engines"
  cmd_stop >/dev/null 2>&1 || true
  if anything_runs; then
    rm -rf "$staging"
    die "something still runs after the stop (npm run status); nothing was changed"
  fi
  aside="$ONESEAL_STATE/replaced-$stamp"
  mkdir -p "$aside"
  for item in "${BACKED_UP[@]}"; do
    if [ -e "$ONESEAL_STATE/$item" ]; then mv "$ONESEAL_STATE/$item" "$aside/"; fi
    if [ -e "$staging/$item" ]; then mv "$staging/$item" "$ONESEAL_STATE/"; fi
  done
  rmdir "$staging"
  step "restored $archive (what was there is in $aside)"
  cmd_start_recorded
  step "checking the document folder against the restored database"
  node deploy/ops/seal-documents.mjs check || die "the restored document folder lacks documents the database names"
  # The other profile's folder and database came back too (one PostgreSQL holds both databases): checked as well.
  local other=1 other_folder=documents-cluster
  if [ "$(recorded_profile)" = cluster ]; then other=0 other_folder=documents; fi
  if [ -d "$ONESEAL_STATE/$other_folder" ]; then
    step "checking the other profile's document folder ($other_folder) against its restored database"
    ONESEAL_CLUSTER=$other node deploy/ops/seal-documents.mjs check ||
      die "the restored $other_folder lacks documents the other profile's database names"
  fi
  echo "(restored in $((SECONDS - began)) s; remove $aside once you no longer need it)"
}

# Starts the profile recorded in the state folder (as the last npm start chose it), with the public address it was
# given: that address is signed into every document, so a backup's restart or a restore must not print another.
cmd_start_recorded() {
  if [ -z "${PUBLIC_BASE_URL:-}" ] && [ -s "$ONESEAL_STATE/public-base-url" ]; then
    PUBLIC_BASE_URL=$(cat "$ONESEAL_STATE/public-base-url")
    export PUBLIC_BASE_URL
  fi
  if [ "$(recorded_profile)" = cluster ]; then cmd_start --cluster; else cmd_start; fi
}

case "${1:-}" in
  start) cmd_start "${@:2}" ;;
  chaos) cmd_chaos "${@:2}" ;;
  status) cmd_status ;;
  stop) cmd_stop ;;
  test) cmd_test ;;
  backup) cmd_backup "${@:2}" ;;
  restore) cmd_restore "${@:2}" ;;
  *) die "usage: oneseal.sh start|status|stop|test|chaos|backup|restore" ;;
esac
