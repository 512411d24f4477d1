// Frame-exact test media for tests/media: clips whose every frame is told apart by its colour,
// with an optional display matrix and colour tags, and a frame-by-frame decoder. Made with the
// FFmpeg libraries (no ffmpeg program), small (320x180, a few seconds).
#pragma once

#include "media/ffmpeg_raii.h"

#include <QString>
#include <functional>
#include <vector>

namespace sw::testmedia {

struct Yuv {
  int y, u, v;
};

inline constexpr Yuv kRed{81, 90, 240};  // BT.601 limited-range red

// Grey of a luma that names the frame: 20 + 3 * n (frames 0..70 stay apart after encoding).
inline Yuv frameGrey(int n) { return Yuv{20 + 3 * n, 128, 128}; }
// Which frame a grey luma names (the nearest code).
int greyFrame(double luma);

struct TestClip {
  int width = 320;
  int height = 180;
  AVRational fps{30, 1};
  int frames = 30;
  int gop = 0;  // keyframe interval; 0 = one GOP for the whole clip
  // Paints frame n (yuv420p, width x height); default: frameGrey(n) all over.
  std::function<void(int n, AVFrame* f)> paint;
  int rotation = 0;  // display rotation as ffprobe reports it (-90: shown turned clockwise)
  AVColorPrimaries primaries = AVCOL_PRI_UNSPECIFIED;
  AVColorTransferCharacteristic transfer = AVCOL_TRC_UNSPECIFIED;
  AVColorSpace matrix = AVCOL_SPC_UNSPECIFIED;
  AVColorRange range = AVCOL_RANGE_UNSPECIFIED;
};

// Writes an H.264 MP4 (x264 veryfast, no audio) at path; returns path.
QString makeTestClip(const QString& path, const TestClip& spec);
// A PNG of one colour (RGB) at path.
QString makePng(const QString& path, int width, int height, uint8_t r, uint8_t g, uint8_t b);

void fill(AVFrame* f, Yuv c);
// Mean of plane p over the rectangle (in that plane's pixels).
double planeMean(const AVFrame* f, int plane, int x0, int y0, int w, int h);

struct FrameStat {
  double y, u, v;  // means over the middle quarter of the picture
};
// Every decoded frame of the file's video, in presentation order.
std::vector<FrameStat> frameStats(const QString& path);
// Calls fn for every decoded frame.
void forEachFrame(const QString& path, const std::function<void(const AVFrame*)>& fn);

}  // namespace sw::testmedia
