#!/usr/bin/env bash
# `make bench`: runs the benchmarks on this machine and prints the figures that go into
# docs/benchmarks.md, with the machine they were measured on.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$build/jangkau_bench" --benchmark_counters_tabular=true
