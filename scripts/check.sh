#!/usr/bin/env bash
# The project's own checks, run by .ci/run before the tests (and by hand before a commit):
#   1. clang-format --dry-run --Werror over every tracked .cpp/.h (the whole tree, ~2 s);
#   2. clang-tidy (.clang-tidy) on the .cpp files changed since CHECK_BASE (default: the last 10
#      commits, plus uncommitted changes), with the build's compile_commands.json.
# Usage: scripts/check.sh [--format-only]    env: BUILD_DIR (default build), CHECK_BASE
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
cd "$ROOT"

mapfile -t SOURCES < <(git ls-files '*.cpp' '*.h')
echo "check: clang-format on ${#SOURCES[@]} files" >&2
clang-format --dry-run --Werror "${SOURCES[@]}"

[[ "${1:-}" == "--format-only" ]] && exit 0

if [[ ! -f "$BUILD_DIR/compile_commands.json" ]]; then
  echo "check: no $BUILD_DIR/compile_commands.json: build first (scripts/bootstrap.sh)" >&2
  exit 1
fi
BASE="${CHECK_BASE:-$(git rev-list --max-count=1 --skip=10 HEAD 2>/dev/null || true)}"
[[ -n "$BASE" ]] || BASE="$(git rev-list --max-parents=0 HEAD | tail -n 1)"
mapfile -t CHANGED < <({ git diff --name-only --diff-filter=d "$BASE" -- 'src/*.cpp' 'app/*.cpp'
                        git ls-files --others --exclude-standard -- 'src/*.cpp' 'app/*.cpp'; } | sort -u)
if ((${#CHANGED[@]} == 0)); then
  echo "check: clang-tidy: no changed .cpp files since ${BASE:0:12}" >&2
  exit 0
fi
echo "check: clang-tidy on ${#CHANGED[@]} files changed since ${BASE:0:12}" >&2
printf '%s\n' "${CHANGED[@]}" |
  xargs -P "$(nproc)" -n 1 clang-tidy -p "$BUILD_DIR" --quiet 2> >(grep -v '^[0-9]* warnings generated' >&2)
echo "check: passed" >&2
