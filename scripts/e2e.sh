#!/usr/bin/env bash
# End-to-end test in headless Chromium (run by `make test` through ctest): a fresh demo
# workspace, `jangkau serve` on a free port with the built web application, and
# web/e2e/e2e.mjs (playwright-core driving Debian's /usr/bin/chromium).
# Usage: scripts/e2e.sh [JANGKAU_BINARY]; SCREENSHOT_DIR=docs/screenshots keeps the pictures.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jangkau=$(realpath "${1:-$root/build/jangkau}")
tmp=$(mktemp -d)
pid=""
pid2=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ -n "$pid2" ] && kill "$pid2" 2>/dev/null || true
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
"$jangkau" serve --workspace "$tmp/oki.jangkau" --port 0 --web "$root/web/dist" \
  > "$tmp/url" 2> "$tmp/serve.log" &
pid=$!
for _ in $(seq 100); do
  grep -q http "$tmp/url" 2>/dev/null && break
  sleep 0.1
done
base=$(head -1 "$tmp/url" | sed 's|/$||')
[ -n "$base" ] || { cat "$tmp/serve.log"; exit 1; }
# The dispatcher's page on the Musi Banyuasin demo workspace, on a second server.
"$jangkau" serve --workspace "$tmp/muba.jangkau" --port 0 --web "$root/web/dist" \
  > "$tmp/url2" 2> "$tmp/serve2.log" &
pid2=$!
for _ in $(seq 100); do
  grep -q http "$tmp/url2" 2>/dev/null && break
  sleep 0.1
done
dispatch=$(head -1 "$tmp/url2" | sed 's|/$||')
[ -n "$dispatch" ] || { cat "$tmp/serve2.log"; exit 1; }
echo "e2e: $base, $dispatch"
BASE_URL="$base" DISPATCH_URL="$dispatch" SCREENSHOT_DIR="${SCREENSHOT_DIR:-$tmp/screenshots}" \
  node "$root/web/e2e/e2e.mjs"
