#!/usr/bin/env bash
# The libFuzzer harnesses of tests/fuzz (docs/testing.md, "Fuzzing").
#
#   scripts/fuzz.sh [--build DIR] SECONDS [HARNESS...]
#       Fuzzes each harness (default: all) for SECONDS, starting from its seed corpus
#       (tests/fuzz/corpus/NAME) and its regression inputs (tests/fuzz/regressions/NAME). New
#       inputs go to a temporary directory, never into the repository. Fails at the first crash,
#       hang, leak or memory blow-up and prints the reproducer's path and how to replay it.
#   scripts/fuzz.sh --replay BINARY
#       Runs the harness once on every seed and regression input, no fuzzing (the ctest tests
#       NAME_replay, label "fuzz").
#
# The harnesses are built by `make build-fuzz` (clang-19, build-fuzz/fuzz/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fuzz_dir=$root/tests/fuzz

# Sanitizer settings of every run: stop at the first problem, with a stack (symbolised when an
# llvm-symbolizer is installed, e.g. Debian's llvm-19); leaks inside third-party code that are
# not ours would be listed in lsan.supp, with the reason.
symbolizer=""
for s in llvm-symbolizer-19 /usr/lib/llvm-19/bin/llvm-symbolizer llvm-symbolizer; do
  if command -v "$s" >/dev/null 2>&1; then symbolizer=$(command -v "$s"); break; fi
done
sym=${symbolizer:+:external_symbolizer_path=$symbolizer}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1$sym}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1$sym}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$fuzz_dir/lsan.supp:print_suppressions=0$sym}

# Largest input of each harness (bytes): a few screens of a table, a small spreadsheet.
max_len() {
  case "$1" in
    fuzz_sheet) echo 65536 ;;
    fuzz_geo) echo 16384 ;;
    *) echo 8192 ;;
  esac
}

# Dictionary of a harness, when it has one (tokens libFuzzer splices into inputs).
dict_args() {
  if [ -f "$fuzz_dir/$1.dict" ]; then echo "-dict=$fuzz_dir/$1.dict"; fi
}

if [ "${1:-}" = "--replay" ]; then
  bin=$2
  name=$(basename "$bin")
  mapfile -t inputs < <(find "$fuzz_dir/corpus/$name" "$fuzz_dir/regressions/$name" \
    -type f 2>/dev/null | sort)
  if [ ${#inputs[@]} -eq 0 ]; then
    echo "$name: no seed or regression input" >&2
    exit 1
  fi
  echo "$name: ${#inputs[@]} input(s)"
  exec "$bin" -rss_limit_mb=2048 -timeout=60 "${inputs[@]}"
fi

build=$root/build-fuzz
if [ "${1:-}" = "--build" ]; then
  build=$2
  shift 2
fi
seconds=${1:?usage: scripts/fuzz.sh [--build DIR] SECONDS [HARNESS...]}
shift
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  mapfile -t harnesses < <(cd "$fuzz_dir/corpus" && ls)
fi

work=$(mktemp -d /tmp/jangkau-fuzz-run.XXXXXX)
for name in "${harnesses[@]}"; do
  bin=$build/fuzz/$name
  [ -x "$bin" ] || { echo "fuzz: $bin missing (make build-fuzz)" >&2; exit 1; }
  mkdir -p "$work/$name/new" "$work/$name/artifacts"
  dirs=("$work/$name/new" "$fuzz_dir/corpus/$name")
  if [ -d "$fuzz_dir/regressions/$name" ]; then dirs+=("$fuzz_dir/regressions/$name"); fi
  echo "== $name: ${seconds}s"
  # shellcheck disable=SC2046
  if ! "$bin" -max_total_time="$seconds" -max_len="$(max_len "$name")" -rss_limit_mb=2048 \
    -malloc_limit_mb=2048 -timeout=20 -print_final_stats=1 $(dict_args "$name") \
    -artifact_prefix="$work/$name/artifacts/" \
    "${dirs[@]}" \
    >"$work/$name/log" 2>&1; then
    tail -n 60 "$work/$name/log"
    echo
    echo "fuzz: $name FAILED; full log: $work/$name/log"
    for a in "$work/$name/artifacts"/*; do
      [ -e "$a" ] || continue
      echo "  reproducer: $a"
      echo "  replay:     $bin $a"
      echo "  regression: cp $a tests/fuzz/regressions/$name/<what-it-found>"
    done
    exit 1
  fi
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|cov: ' "$work/$name/log" |
    tail -n 3 || true
done
rm -rf "$work"
echo "fuzz: ok (${#harnesses[@]} harness(es), ${seconds}s each)"
