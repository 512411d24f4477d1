#!/usr/bin/env bash
# Media engine benchmark: scenewright-cli vs the ffmpeg CLI on the same corpus, in one run.
#   (a) plain re-stitch            vs concat demuxer -c copy           (target ratio <= 1.0)
#       on chunks with 48 kHz audio and on chunks with 44.1 kHz audio (each <= 1.0)
#   (b) 1080p render + narration/music/SFX vs one ffmpeg -filter_complex (target <= 0.9)
#   (c) every chunk trimmed 0.4 s at its head: smart render vs full re-encode (target <= 0.35)
#   (d) peak RSS of a 10-minute vs a 1-minute render                   (target <= 1.2)
# Usage: bench/stitch_bench.sh [path/to/scenewright-cli] [work-dir]
# ONLY=bc bench/stitch_bench.sh runs just the named benchmarks (default: abcd).
# Needs the Debian package ffmpeg (tagged bench in scripts/deps.txt) for corpus and baselines.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI="${1:-$ROOT/build/app/cli/scenewright-cli}"
WORK="${2:-${TMPDIR:-/tmp}/scenewright-bench}"
command -v ffmpeg >/dev/null || { echo "stitch_bench: install the Debian package ffmpeg" >&2; exit 1; }
[[ -x "$CLI" ]] || { echo "stitch_bench: build scenewright-cli first ($CLI)" >&2; exit 1; }
mkdir -p "$WORK"
cd "$WORK"
ONLY="${ONLY:-abcd}"
want() { [[ "$ONLY" == *"$1"* ]]; }
FF=(ffmpeg -nostdin -hide_banner -loglevel error -y)

# run NAME CMD...: wall seconds, peak RSS (KiB), CPU seconds (user+sys) and the 1-minute load
# average when it started, appended to results.txt. Other work on the machine slows both sides;
# the CPU-time ratio is printed too because it depends much less on that load.
run() {
  local name="$1"; shift
  python3 - "$name" "$@" <<'PY'
import os, sys, time, resource
name, cmd = sys.argv[1], sys.argv[2:]
load = os.getloadavg()[0]
t0 = time.monotonic()
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_WRONLY)
    os.dup2(fd, 1); os.dup2(fd, 2)
    os.execvp(cmd[0], cmd)
_, status, usage = os.wait4(pid, 0)
dt = time.monotonic() - t0
if status != 0:
    sys.exit(f"{name}: command failed ({status}): {' '.join(cmd)}")
cpu = usage.ru_utime + usage.ru_stime
with open("results.txt", "a") as f:
    f.write(f"{name} {dt:.3f} {usage.ru_maxrss} {cpu:.3f} {load:.2f}\n")
print(f"  {name:<14} {dt:8.2f} s  {usage.ru_maxrss/1024:8.1f} MiB  cpu {cpu:8.2f} s  load {load:5.2f}")
PY
}

echo "== corpus in $WORK"
X264=(-c:v libx264 -profile:v high -preset medium -crf 23 -pix_fmt yuv420p -g 60 -keyint_min 60 -sc_threshold 0)
for i in $(seq -w 1 12); do
  [[ -f chunk$i.mp4 ]] && continue
  "${FF[@]}" -f lavfi -i "testsrc2=s=1280x720:r=30:d=5" -f lavfi -i "sine=f=$((300 + 10#$i * 40)):d=5:r=48000" \
    "${X264[@]}" -c:a aac -b:a 128k -ac 2 -ar 48000 -shortest "chunk$i.mp4"
done
# The same pictures with 44.1 kHz audio (video stream-copied from the 48 kHz corpus).
for i in $(seq -w 1 12); do
  [[ -f chunk44_$i.mp4 ]] && continue
  "${FF[@]}" -i "chunk$i.mp4" -f lavfi -i "sine=f=$((300 + 10#$i * 40)):d=5:r=44100" \
    -map 0:v -map 1:a -c:v copy -c:a aac -b:a 128k -ac 2 -ar 44100 -shortest "chunk44_$i.mp4"
done
[[ -f narration.wav ]] || "${FF[@]}" -f lavfi -i "sine=f=220:d=40:r=48000,volume=0.5" -ac 1 narration.wav
[[ -f music.wav ]] || "${FF[@]}" -f lavfi -i "anoisesrc=d=60:c=pink:r=48000:a=0.2" -ac 2 music.wav
[[ -f sfx.wav ]] || "${FF[@]}" -f lavfi -i "sine=f=1000:d=1:r=48000" -ac 2 sfx.wav
CHUNKS=(chunk[0-9][0-9].mp4)
CHUNKS44=(chunk44_*.mp4)
: > list.txt
for c in "${CHUNKS[@]}"; do echo "file '$PWD/$c'" >> list.txt; done
: > list44.txt
for c in "${CHUNKS44[@]}"; do echo "file '$PWD/$c'" >> list44.txt; done
: > results.txt
inputs=(); n=${#CHUNKS[@]}
for c in "${CHUNKS[@]}"; do inputs+=(-i "$c"); done

if want a; then
echo "== (a) plain re-stitch"
# Both take a fraction of a second (process start-up included): 15 alternating runs each, medians.
for rep in $(seq 15); do
  run a_ours "$CLI" stitch -o a_ours.mp4 "${CHUNKS[@]}"
  run a_ffmpeg "${FF[@]}" -f concat -safe 0 -i list.txt -c copy -movflags +faststart a_ff.mp4
  run a44_ours "$CLI" stitch -o a44_ours.mp4 "${CHUNKS44[@]}"
  run a44_ffmpeg "${FF[@]}" -f concat -safe 0 -i list44.txt -c copy -movflags +faststart a44_ff.mp4
done

fi

if want b; then
echo "== (b) 1080p with narration + music + sfx"
# The machine's speed drifts by 20% over minutes (shared cores): three alternating runs each, medians.
for rep in 1 2 3; do
  run b_ours "$CLI" stitch -o b_ours.mp4 --resolution 1080p --preset medium --crf 23 \
    --audio narration=narration.wav@5 --audio music=music.wav --audio sfx=sfx.wav@20 "${CHUNKS[@]}"
  vpads=""
  for k in "${!CHUNKS[@]}"; do
    vpads+="[$k:v]scale=1920:1080:force_original_aspect_ratio=decrease,pad=1920:1080:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=30,format=yuv420p[v$k];"
  done
  cat_in=""; for k in "${!CHUNKS[@]}"; do cat_in+="[v$k][$k:a]"; done
  fc="${vpads}${cat_in}concat=n=$n:v=1:a=1[v][bus];"
  fc+="[$n:a]adelay=5000:all=1[nar];[$((n+1)):a]atrim=end=60,afade=t=out:st=58.5:d=1.5[mus];[$((n+2)):a]adelay=20000:all=1[sfx];"
  fc+="[nar]asplit=2[key][nmix];[mus][key]sidechaincompress=threshold=0.03:ratio=8[duck];"
  fc+="[bus][nmix][duck][sfx]amix=inputs=4:normalize=0:duration=first,loudnorm=I=-16,aresample=48000[a]"
  run b_ffmpeg "${FF[@]}" "${inputs[@]}" -i narration.wav -i music.wav -i sfx.wav -filter_complex "$fc" \
    -map "[v]" -map "[a]" -c:v libx264 -preset medium -crf 23 -g 60 -c:a aac -b:a 160k -movflags +faststart b_ff.mp4
done
fi

if want c; then
echo "== (c) every chunk trimmed 0.4 s at its head"
python3 - "${CHUNKS[@]}" <<'PY'
import json, os, sys
segs = [{"file": os.path.abspath(f), "in": 0.4} for f in sys.argv[1:]]
plan = {"version": 1, "segments": segs, "audio": [],
        "output": {"path": os.path.abspath("c_ours.mp4"), "preset": "medium", "crf": 23}}
json.dump(plan, open("trim_plan.json", "w"), indent=1)
PY
run c_ours "$CLI" stitch --plan trim_plan.json
tp=""; cat_in=""
for k in "${!CHUNKS[@]}"; do
  tp+="[$k:v]trim=start=0.4,setpts=PTS-STARTPTS[v$k];[$k:a]atrim=start=0.4,asetpts=PTS-STARTPTS[a$k];"
  cat_in+="[v$k][a$k]"
done
run c_ffmpeg "${FF[@]}" "${inputs[@]}" -filter_complex "${tp}${cat_in}concat=n=$n:v=1:a=1[v][a]" \
  -map "[v]" -map "[a]" -c:v libx264 -preset medium -crf 23 -g 60 -c:a aac -movflags +faststart c_ff.mp4

fi

if want d; then
echo "== (d) peak RSS: 10-minute vs 1-minute render (full re-encode at 480p, ultrafast)"
LONG=(); for r in $(seq 10); do LONG+=("${CHUNKS[@]}"); done
run d_1min "$CLI" stitch -o d_1min.mp4 --resolution 480p --preset ultrafast "${CHUNKS[@]}"
run d_10min "$CLI" stitch -o d_10min.mp4 --resolution 480p --preset ultrafast "${LONG[@]}"

fi

echo "== ratios (ours / baseline)"
python3 - <<'PY'
import statistics
runs = {}
for line in open("results.txt"):
    name, t, rss, cpu, load = line.split()
    runs.setdefault(name, []).append((float(t), int(rss), float(cpu), float(load)))
# Several runs of one name: median wall and CPU time, largest RSS, mean load.
r = {n: (statistics.median(x[0] for x in v), max(x[1] for x in v), statistics.median(x[2] for x in v),
         statistics.mean(x[3] for x in v)) for n, v in runs.items()}
rows = []
def show(label, a, b, idx, target):
    if a not in r or b not in r:
        return
    ratio = r[a][idx] / r[b][idx]
    cpu = r[a][2] / r[b][2]
    load = f"{r[a][3]:.1f}/{r[b][3]:.1f}"
    print(f"  {label:<44} {ratio:6.2f}  (target <= {target}) {'ok' if ratio <= target else 'MISSED'}"
          f"   cpu ratio {cpu:5.2f}  load {load}")
    rows.append((label, r[a][idx], r[b][idx], ratio, cpu, target, load))
show("(a) re-stitch vs concat -c copy, 48 kHz (time)", "a_ours", "a_ffmpeg", 0, 1.0)
show("(a) re-stitch vs concat -c copy, 44.1 kHz (time)", "a44_ours", "a44_ffmpeg", 0, 1.0)
show("(b) 1080p + mix vs ffmpeg filter_complex (time)", "b_ours", "b_ffmpeg", 0, 0.9)
show("(c) smart render vs full re-encode (time)", "c_ours", "c_ffmpeg", 0, 0.35)
show("(d) peak RSS 10 min vs 1 min", "d_10min", "d_1min", 1, 1.2)
print("\nREADME table (ours / ffmpeg, wall; d in MiB):")
print("| benchmark | ours | baseline | ratio | CPU-time ratio | target | load (ours/base) |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for label, a, b, ratio, cpu, target, load in rows:
    unit = " MiB" if label.startswith("(d)") else " s"
    scale = 1024 if label.startswith("(d)") else 1
    print(f"| {label} | {a/scale:.2f}{unit} | {b/scale:.2f}{unit} | {ratio:.2f} | {cpu:.2f} | <= {target} | {load} |")
PY
