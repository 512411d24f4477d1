#!/usr/bin/env bash
# Cloud pipeline benchmark: a batch of 3 scenes x 4 chunks + narration, dialogue and music against
# the loopback fake cloud with fixed per-call latencies; prints wall time, the critical path and
# their ratio (target <= 1.1). See the header of bench/pipeline_bench.cpp for the formula.
# Usage: bench/pipeline_bench.sh [build-dir] [pipeline_bench options, e.g. --scale 0.5]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build-bench}"
shift || true
if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD" --parallel 2 --target pipeline_bench >/dev/null
exec "$BUILD/bench/pipeline_bench" "$@"
