#!/usr/bin/env bash
# End-to-end test in headless Chromium (run by `make test` through ctest): a fresh demo
# workspace, `jangkau serve` on a free port with the built web application, and
# web/e2e/e2e.mjs (playwright-core driving Debian's /usr/bin/chromium).
# The dispatcher's page runs on a second server over the Musi Banyuasin demo workspace.
# Usage: scripts/e2e.sh [JANGKAU_BINARY]; SCREENSHOT_DIR=docs/screenshots keeps the pictures.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jangkau=$(realpath "${1:-$root/build/jangkau}")
tmp=$(mktemp -d)
cleanup() {
  for f in "$tmp"/*.pid; do
    [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

if [ ! -x /usr/bin/chromium ]; then
  echo "e2e: /usr/bin/chromium tidak ada / missing (scripts/install-deps.sh e2e)" >&2
  exit 1
fi
cd "$root"
DEMO_OUT="$tmp" bash scripts/demo.sh "$jangkau" > "$tmp/demo.log" 2>&1 ||
  { cat "$tmp/demo.log"; exit 1; }
# serve NAME: `jangkau serve` on $tmp/NAME.jangkau with the built web application; its base URL
# in $tmp/NAME.url, its process id in $tmp/NAME.pid.
serve() {
  "$jangkau" serve --workspace "$tmp/$1.jangkau" --port 0 --web "$root/web/dist" \
    > "$tmp/$1.out" 2> "$tmp/$1.log" &
  echo $! > "$tmp/$1.pid"
  for _ in $(seq 100); do
    grep -q http "$tmp/$1.out" 2>/dev/null && break
    sleep 0.1
  done
  head -1 "$tmp/$1.out" | sed 's|/$||' > "$tmp/$1.url"
  [ -s "$tmp/$1.url" ] || { cat "$tmp/$1.log"; exit 1; }
}
serve oki
base=$(cat "$tmp/oki.url")
# The dispatcher's page on the Musi Banyuasin demo workspace, on a second server.
serve muba
dispatch=$(cat "$tmp/muba.url")
echo "e2e: $base, $dispatch"
BASE_URL="$base" DISPATCH_URL="$dispatch" SCREENSHOT_DIR="${SCREENSHOT_DIR:-$tmp/screenshots}" \
  node "$root/web/e2e/e2e.mjs"
