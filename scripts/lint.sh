#!/usr/bin/env bash
# Style and static checks run by `make test`: clang-format (no diff allowed) over all C++
# sources, clang-tidy (.clang-tidy) over src/ with the build's compile_commands.json, the
# includes of src/ against the layer table of docs/architecture.md (scripts/check_layers.py),
# and the web front end's ESLint and Prettier check (web/package.json `lint`).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

mapfile -t sources < <(find src tests bench -name '*.cc' -o -name '*.h' | sort)
echo "clang-format: ${#sources[@]} berkas / files"
clang-format --dry-run --Werror "${sources[@]}"

mapfile -t tidy < <(find src -name '*.cc' | sort)
echo "clang-tidy: ${#tidy[@]} berkas / files"
printf '%s\n' "${tidy[@]}" | xargs -P "$(nproc)" -n 4 \
  clang-tidy-19 -p "$build" --quiet --warnings-as-errors='*' 2>/dev/null
echo "layers: docs/architecture.md"
python3 scripts/check_layers.py
echo "web: eslint, prettier"
(cd web && npm run --silent lint)
echo "lint: ok"
