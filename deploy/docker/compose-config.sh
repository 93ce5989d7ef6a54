#!/usr/bin/env bash
# Prints the path of compose-config (deploy/docker/compose-config: compose-go, the library the `docker compose` CLI
# is built on), building it once from the Go module proxy into the cache outside the repository. Rebuilt when its
# source or go.sum changes. Usage: compose-config.sh            → the binary's path
#                                  compose-config.sh FILE...    → runs it (prints the resolved project as JSON)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SOURCE="$HERE/compose-config"
ONESEAL_CACHE="${ONESEAL_CACHE:-$HOME/.cache/oneseal}"
version=$(cat "$SOURCE/main.go" "$SOURCE/go.mod" "$SOURCE/go.sum" | sha256sum | cut -c1-12)
BIN="$ONESEAL_CACHE/compose-config-$version/compose-config"

if [ ! -x "$BIN" ]; then
  command -v go >/dev/null || { echo "compose-config: Go is needed to build the Compose reader (compose-go)" >&2; exit 1; }
  mkdir -p "$(dirname "$BIN")"
  log="$(dirname "$BIN")/build.log"
  (cd "$SOURCE" && GOFLAGS="-mod=readonly -buildvcs=false" go build -o "$BIN.partial" .) >"$log" 2>&1 || {
    echo "compose-config: go build failed (log: $log)" >&2
    tail -20 "$log" >&2
    exit 1
  }
  mv "$BIN.partial" "$BIN"
fi

if [ $# -eq 0 ]; then echo "$BIN"; else exec "$BIN" "$@"; fi
