#!/usr/bin/env bash
# Command 1: install what is missing, build, and run the main job on the bundled sample
# project with the local backend:
#   - with a display: the GUI opened on the sample project;
#   - without one: scenewright-cli renders the sample's first scene to an MP4 and prints its path.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/bootstrap.sh" "$BUILD_DIR"

CLI="$BUILD_DIR/app/cli/scenewright-cli"
GUI="$BUILD_DIR/app/gui/scenewright"
SAMPLE="${SCENEWRIGHT_SAMPLE:-$BUILD_DIR/sample/Sample.scenewright}"
if [[ ! -f "$SAMPLE/project.db" ]]; then
  "$CLI" import-json "$ROOT/resources/sample/sample_project.json" "$SAMPLE" >&2
fi

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -x "$GUI" ]]; then
  exec "$GUI" "$SAMPLE"
fi

# Progress goes to stderr; the CLI prints the MP4's path on stdout, once.
exec "$CLI" render "$SAMPLE" --scene 1 --backend local -o "$SAMPLE/exports/scene-1.mp4"
