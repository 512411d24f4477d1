#!/usr/bin/env bash
# P4 (issue 12): one 12 s cloud scene (4 s per prediction, fake cloud at time scale 1) rendered
# the old way (the stitch after the last chunk) and encoding while generating; prints the
# generation critical path, the last chunk's encode, the wall time and wall / (CP + last encode)
# for each (target <= 1.1). See the header of bench/scene_pipeline_bench.cpp.
# Usage: bench/scene_pipeline_bench.sh [build-dir] [scene_pipeline_bench options, e.g. --runs 3]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build-bench}"
shift || true
if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD" --parallel 2 --target scene_pipeline_bench >/dev/null
exec "$BUILD/bench/scene_pipeline_bench" "$@"
