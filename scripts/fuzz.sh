#!/usr/bin/env bash
# The libFuzzer harnesses (fuzz/): configures and builds build-fuzz/ with clang
# (-DSCENEWRIGHT_FUZZ=ON: libraries with -fsanitize=fuzzer-no-link,address,undefined, harnesses
# linked with -fsanitize=fuzzer,address,undefined), then runs every target for a bounded time on a
# copy of its seed corpus (fuzz/corpus/<target>/; the repository is never written). Any crash,
# sanitizer report, timeout (> 10 s per input), leak or out-of-memory fails the run; the
# reproducer is kept in the work folder, whose path is printed.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 30)
#   env: FUZZ_BUILD_DIR (default build-fuzz), FUZZ_WORK_DIR (default a new temp folder),
#        FUZZ_TARGETS (default: all, e.g. "fountain probe")
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_TARGET="${1:-30}"
BUILD_DIR="${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
TARGETS=(${FUZZ_TARGETS:-fountain project_json render_plan probe})
if [[ ! "$SECONDS_PER_TARGET" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2
  exit 2
fi
for tool in clang clang++; do
  command -v "$tool" >/dev/null || { echo "fuzz.sh: $tool is missing (scripts/deps.txt, check)" >&2; exit 2; }
done
if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
  CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSCENEWRIGHT_FUZZ=ON >/dev/null
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target "${TARGETS[@]/#/fuzz_}" >&2

WORK="${FUZZ_WORK_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/scenewright-fuzz.XXXXXX")}"
mkdir -p "$WORK"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$ROOT/scripts/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_QPA_PLATFORM=offscreen
failed=()
for t in "${TARGETS[@]}"; do
  dir="$WORK/$t"
  rm -rf "$dir"
  mkdir -p "$dir/corpus" "$dir/artifacts" "$dir/tmp"
  cp "$ROOT/fuzz/corpus/$t/"* "$dir/corpus/"
  echo "== fuzz_$t: ${SECONDS_PER_TARGET} s, corpus $(ls "$dir/corpus" | wc -l) files" >&2
  start=$(date +%s)
  # TMPDIR: the harnesses' scratch files (project folders, probe inputs) stay in the work folder.
  if TMPDIR="$dir/tmp" "$BUILD_DIR/fuzz/fuzz_$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/artifacts/" "$dir/corpus" \
      >"$dir/log.txt" 2>&1; then
    echo "   ok in $(($(date +%s) - start)) s: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$dir/log.txt" | grep -o '[0-9]*$') runs, corpus $(ls "$dir/corpus" | wc -l) files" >&2
  else
    echo "   FINDING (log: $dir/log.txt, reproducer: $dir/artifacts/)" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$dir/log.txt" | head -5 >&2 || true
    failed+=("$t")
  fi
done
if ((${#failed[@]})); then
  echo "fuzz.sh: findings in: ${failed[*]} (work folder $WORK)" >&2
  exit 1
fi
echo "fuzz.sh: no findings (${#TARGETS[@]} targets x ${SECONDS_PER_TARGET} s; work folder $WORK)" >&2
[[ -n "${FUZZ_WORK_DIR:-}" ]] || rm -rf "$WORK"
