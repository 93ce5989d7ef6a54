#!/usr/bin/env bash
# The browser the console's screen tests drive: Debian's chromium, headless. Not an engine: only `npm test` needs
# it, and it is installed like PostgreSQL, from Debian packages, once.
#
#   browser.sh ensure    install chromium when missing (needs root), then print its path
#
# Environment: ONESEAL_CHROMIUM (a browser of your own: used as is), ONESEAL_CACHE (install log).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR
source "$HERE/lib/common.sh"

ensure_chromium() {
  if [ -n "${ONESEAL_CHROMIUM:-}" ]; then
    [ -x "$ONESEAL_CHROMIUM" ] || fail "browser: ONESEAL_CHROMIUM" "$ONESEAL_CHROMIUM is not an executable"
    echo "$ONESEAL_CHROMIUM"
    return
  fi
  local found
  # A Chinese font too: without one, screenshots of the console show every character as a box.
  if found="$(command -v chromium)" && fc-list :lang=zh 2>/dev/null | grep -q .; then
    echo "$found"
    return
  fi
  local apt_log="$ONESEAL_CACHE/apt-chromium.log"
  mkdir -p "$ONESEAL_CACHE"
  [ "$(id -u)" = 0 ] || fail "browser: install" "chromium or a Chinese font is not installed and installing them needs root: sudo apt-get install -y chromium fonts-wqy-microhei (or set ONESEAL_CHROMIUM)"
  log browser "installing chromium and a Chinese font from Debian packages (once)" >&2
  local install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-wqy-microhei)
  if ! "${install[@]}" >"$apt_log" 2>&1; then
    { apt-get update && "${install[@]}"; } >>"$apt_log" 2>&1 || fail "browser: apt-get install chromium" "apt-get failed" "$apt_log"
  fi
  found="$(command -v chromium)" || fail "browser: apt-get install chromium" "no chromium on PATH after install" "$apt_log"
  echo "$found"
}

case "${1:-}" in
  ensure) ensure_chromium ;;
  *)
    echo "usage: browser.sh ensure" >&2
    exit 2
    ;;
esac
