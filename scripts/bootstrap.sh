#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/deps.txt that are missing,
# then configures the build directory (incremental: re-running is cheap).
# Usage: scripts/bootstrap.sh [BUILD_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${1:-$ROOT/build}"

mapfile -t WANTED < <(grep -v '^\s*#' "$ROOT/scripts/deps.txt" | awk 'NF {print $1}')
MISSING=()
for pkg in "${WANTED[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [[ "$status" == *"install ok installed"* ]] || MISSING+=("$pkg")
done

if ((${#MISSING[@]})); then
  echo "scenewright: installing missing Debian packages: ${MISSING[*]}" >&2
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "scenewright: need root or sudo to install: ${MISSING[*]}" >&2; exit 1; }
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null
fi

if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)" >&2  # stdout stays free for the commands' results
