#!/usr/bin/env bash
# Prints the path of kustomize-build (deploy/k8s/kustomize-build: kustomize's own library, krusty, the code
# `kubectl kustomize` runs), building it once from the Go module proxy into the cache outside the repository
# (go-program.sh). Usage: kustomize-build.sh       → the binary's path
#                         kustomize-build.sh DIR   → renders that kustomization (YAML)
# It renders as `kubectl kustomize --load-restrictor LoadRestrictionsNone DIR` does.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN=$("$HERE/../local/go-program.sh" kustomize-build "$HERE/kustomize-build" "kustomize's library (krusty)")
if [ $# -eq 0 ]; then echo "$BIN"; else exec "$BIN" "$@"; fi
