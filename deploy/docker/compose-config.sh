#!/usr/bin/env bash
# Prints the path of compose-config (deploy/docker/compose-config: compose-go, the library the `docker compose` CLI
# is built on), building it once from the Go module proxy into the cache outside the repository (go-program.sh).
# Usage: compose-config.sh            → the binary's path
#        compose-config.sh FILE...    → runs it (prints the resolved project as JSON)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN=$("$HERE/../local/go-program.sh" compose-config "$HERE/compose-config" 'the Compose reader (compose-go)')
if [ $# -eq 0 ]; then echo "$BIN"; else exec "$BIN" "$@"; fi
