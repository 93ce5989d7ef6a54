#!/usr/bin/env bash
# Builds one of the repository's small Go programs (compose-go's reader, kustomize's renderer) once, with its modules
# from the Go module proxy, into the cache outside the repository, and prints the binary's path. Rebuilt when its
# source or go.sum changes.
# Usage: go-program.sh NAME SOURCE_DIR WHAT   (WHAT: what it is built from, for the error message)
set -euo pipefail
NAME="$1"
SOURCE="$2"
WHAT="$3"
ONESEAL_CACHE="${ONESEAL_CACHE:-$HOME/.cache/oneseal}"
version=$(cat "$SOURCE/main.go" "$SOURCE/go.mod" "$SOURCE/go.sum" | sha256sum | cut -c1-12)
BIN="$ONESEAL_CACHE/$NAME-$version/$NAME"

if [ ! -x "$BIN" ]; then
  command -v go >/dev/null || { echo "$NAME: Go is needed to build $WHAT" >&2; exit 1; }
  mkdir -p "$(dirname "$BIN")"
  log="$(dirname "$BIN")/build.log"
  (cd "$SOURCE" && GOFLAGS="-mod=readonly -buildvcs=false" go build -o "$BIN.partial" .) >"$log" 2>&1 || {
    echo "$NAME: go build failed (log: $log)" >&2
    tail -20 "$log" >&2
    exit 1
  }
  mv "$BIN.partial" "$BIN"
fi
echo "$BIN"
