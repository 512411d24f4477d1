#!/usr/bin/env bash
# The sanitizer build: AddressSanitizer + UndefinedBehaviorSanitizer over our code, in its own
# build folder, running the suites of the lower modules (core, model, media, providers and the
# providers' loopback cloud tests). Any report fails the run (-fno-sanitize-recover, ASan aborts).
# Usage: scripts/sanitize.sh [ctest args]    env: SANITIZE_BUILD_DIR (default build-sanitize)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${SANITIZE_BUILD_DIR:-$ROOT/build-sanitize}"
TARGETS=(core_tests model_tests media_tests providers_tests providers_cloud_tests)
if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSCENEWRIGHT_SANITIZE=address,undefined -DSCENEWRIGHT_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target "${TARGETS[@]}" >&2
export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$ROOT/scripts/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
cd "$BUILD_DIR"
ctest --output-on-failure --parallel "$(nproc)" -L '^(core|model|media|providers)$' "$@"
