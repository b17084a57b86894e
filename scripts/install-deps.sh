#!/usr/bin/env bash
# Installs the Debian 12 packages Jangkau needs, only those that are missing.
# Runs as root (or through sudo when available). Safe to run again: it does nothing
# when everything is present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libgdal-dev gdal-bin
  libsqlite3-dev sqlite3 libpq-dev postgresql-client-15
  libxlsxwriter-dev
  libcpp-httplib-dev libmicrohttpd-dev libyaml-cpp-dev
  nlohmann-json3-dev
  libcli11-dev
  libfmt-dev
  libsodium-dev
  libgtest-dev libgmock-dev
  libbenchmark-dev
  libglpk-dev
  libboost-dev
  libxml2-dev
  clang-format clang-tidy-19
  clang-19 libclang-rt-19-dev
  grass-core
)
# Extra groups, requested by the Makefile targets that need them.
for group in "$@"; do
  case "$group" in
    bench) packages+=(hyperfine time bc wrk) ;;
    # Browser tests: Debian's Chromium, driven by playwright-core (never a downloaded browser).
    e2e) packages+=(chromium) ;;
    # Reference programs the tests compare against: R with the `survey` package.
    reference) packages+=(r-base-core r-cran-survey r-cran-surveillance) ;;
    # A private PostgreSQL cluster with PostGIS for the second store (scripts/pg-cluster.sh).
    postgres) packages+=(postgresql-15 postgresql-15-postgis-3) ;;
    *) echo "install-deps: unknown group '$group'" >&2; exit 2 ;;
  esac
done

# The web front end is built with Node.js and npm; take Debian's only when none is installed
# (a machine may carry a newer Node.js whose npm must not be replaced).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Memasang paket Debian yang belum ada / installing missing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: perlu root untuk apt-get / root is needed for apt-get" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
