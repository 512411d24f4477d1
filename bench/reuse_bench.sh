#!/usr/bin/env bash
# P8 (issue 12): an audio-only re-render against a full render, both at 1080p from the cache.
#   full:  `restitch` of scene 1 of the sample project to a new file (every chunk re-encoded)
#   audio: `render` to that same file again without the SFX track: only the audio changed, so
#          the picture of the last render is stream-copied (render/picture_reuse.h)
# ratio = audio / full (target <= 0.1). Both read the same cached assets; the first render that
# fills the cache is not timed.
# Usage: bench/reuse_bench.sh [path/to/scenewright-cli] [work-dir]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI="${1:-$ROOT/build/app/cli/scenewright-cli}"
WORK="${2:-${TMPDIR:-/tmp}/scenewright-reuse-bench}"
[[ -x "$CLI" ]] || { echo "reuse_bench: build scenewright-cli first ($CLI)" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK"
export XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config"
PROJECT="$WORK/Sample.scenewright"
"$CLI" import-json "$ROOT/resources/sample/sample_project.json" "$PROJECT" >/dev/null
COMMON=(--scene 1 --resolution 1080p)
"$CLI" render "$PROJECT" "${COMMON[@]}" --backend local -o "$WORK/warm.mp4" >/dev/null 2>&1

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N);
            awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'; }
full=$(seconds "$CLI" restitch "$PROJECT" "${COMMON[@]}" -o "$WORK/out.mp4")
audio=$(seconds "$CLI" render "$PROJECT" "${COMMON[@]}" --backend local --tracks narration,dialogue,music \
        -o "$WORK/out.mp4")
awk -v a="$audio" -v f="$full" -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  printf "P8 audio-only re-render vs full render, 1080p: %.2f s / %.2f s = %.3f (target <= 0.1), load %s\n", a, f, a / f, l }'
