#!/usr/bin/env bash
# Prints the path of kustomize-build (deploy/k8s/kustomize-build: kustomize's own library, krusty, the code
# `kubectl kustomize` runs), building it once from the Go module proxy into the cache outside the repository.
# Rebuilt when its source or go.sum changes. Usage: kustomize-build.sh       → the binary's path
#                                                   kustomize-build.sh DIR   → renders that kustomization (YAML)
# It renders as `kubectl kustomize --load-restrictor LoadRestrictionsNone DIR` does.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SOURCE="$HERE/kustomize-build"
ONESEAL_CACHE="${ONESEAL_CACHE:-$HOME/.cache/oneseal}"
version=$(cat "$SOURCE/main.go" "$SOURCE/go.mod" "$SOURCE/go.sum" | sha256sum | cut -c1-12)
BIN="$ONESEAL_CACHE/kustomize-build-$version/kustomize-build"

if [ ! -x "$BIN" ]; then
  command -v go >/dev/null || { echo "kustomize-build: Go is needed to build kustomize's library (krusty)" >&2; exit 1; }
  mkdir -p "$(dirname "$BIN")"
  log="$(dirname "$BIN")/build.log"
  (cd "$SOURCE" && GOFLAGS="-mod=readonly -buildvcs=false" go build -o "$BIN.partial" .) >"$log" 2>&1 || {
    echo "kustomize-build: go build failed (log: $log)" >&2
    tail -20 "$log" >&2
    exit 1
  }
  mv "$BIN.partial" "$BIN"
fi

if [ $# -eq 0 ]; then echo "$BIN"; else exec "$BIN" "$@"; fi
