#!/usr/bin/env bash
# Issue 13 part 15: the GUI thread's stalls while a scene renders. The real main window runs
# offscreen on the sample project, renders "Storm Warning" with the local backend while a
# scripted user clicks around, and a 10 ms timer samples the event loop; prints the samples, p50,
# p99 and the max stall (target < 50 ms) and the slowest events by receiver and event type.
# See the header of bench/gui_stall_bench.cpp.
# Usage: bench/gui_stall_bench.sh [build-dir] [gui_stall_bench options, e.g. --runs 3]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build-bench}"
shift || true
if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD" --parallel 2 --target gui_stall_bench >/dev/null
QT_QPA_PLATFORM=offscreen exec "$BUILD/bench/gui_stall_bench" "$@"
