#!/usr/bin/env bash
# Builds the web application (web/ -> web/dist) with the npm packages pinned in
# web/package-lock.json. npm ci runs only when the lock file changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/../web"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "npm ci (web/)"
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build
