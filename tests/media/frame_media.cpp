#include "frame_media.h"

#include "media/encoders.h"
#include "media/image_encode.h"
#include "media/media_error.h"
#include "media/media_input.h"
#include "media/output_file.h"

extern "C" {
#include <libavutil/display.h>
}

#include <cmath>
#include <cstring>

namespace sw::testmedia {

using namespace sw::media;

int greyFrame(double luma) { return static_cast<int>(std::lround((luma - 20.0) / 3.0)); }

void fill(AVFrame* f, Yuv c) {
  const int vals[3] = {c.y, c.u, c.v};
  for (int p = 0; p < 3; ++p) {
    const int w = p ? f->width / 2 : f->width;
    const int h = p ? f->height / 2 : f->height;
    for (int r = 0; r < h; ++r) std::memset(f->data[p] + r * f->linesize[p], vals[p], w);
  }
}

double planeMean(const AVFrame* f, int plane, int x0, int y0, int w, int h) {
  double sum = 0;
  for (int r = y0; r < y0 + h; ++r) {
    const uint8_t* row = f->data[plane] + r * f->linesize[plane];
    for (int c = x0; c < x0 + w; ++c) sum += row[c];
  }
  return sum / (static_cast<double>(w) * h);
}

QString makeTestClip(const QString& path, const TestClip& spec) {
  OutputFile out(path);
  VideoEncodeSettings vs;
  vs.width = spec.width;
  vs.height = spec.height;
  vs.fps = spec.fps;
  vs.preset = "veryfast";
  vs.gop = spec.gop > 0 ? spec.gop : spec.frames + 1;
  vs.globalHeader = out.wantsGlobalHeader();
  vs.colorPrimaries = spec.primaries;
  vs.colorTransfer = spec.transfer;
  vs.colorSpace = spec.matrix;
  vs.colorRange = spec.range;
  VideoEncoder enc(vs);
  AVStream* st = out.addStream(enc.context());
  if (spec.rotation != 0) {
    uint8_t* m = av_stream_new_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, 9 * sizeof(int32_t));
    if (!m) throw MediaError(MediaError::Kind::Internal, QStringLiteral("display matrix"));
    // FFmpeg 5.1's mov muxer stores this matrix transposed: the file reads back (ffprobe, our
    // probe) with the opposite angle. Set it so that what is read back is spec.rotation.
    av_display_rotation_set(reinterpret_cast<int32_t*>(m), -spec.rotation);
  }
  out.open(true);
  FramePtr frame = makeFrame();
  frame->format = AV_PIX_FMT_YUV420P;
  frame->width = spec.width;
  frame->height = spec.height;
  checkAv(av_frame_get_buffer(frame.get(), 0), QStringLiteral("frame"), path);
  const AVRational tb = enc.context()->time_base;
  const int64_t tick = av_rescale_q(1, av_inv_q(spec.fps), tb);
  auto sink = [&](AVPacket* p) {
    p->stream_index = 0;
    if (p->duration <= 0) p->duration = tick;  // the last frame lasts a full frame too
    out.write(p, tb);
  };
  for (int n = 0; n < spec.frames; ++n) {
    checkAv(av_frame_make_writable(frame.get()), QStringLiteral("frame"), path);
    if (spec.paint)
      spec.paint(n, frame.get());
    else
      fill(frame.get(), frameGrey(n));
    frame->pts = n * tick;
    enc.encode(frame.get(), sink);
  }
  enc.encode(nullptr, sink);
  out.finish();
  return path;
}

QString makePng(const QString& path, int width, int height, uint8_t r, uint8_t g, uint8_t b) {
  FramePtr f = makeFrame();
  f->format = AV_PIX_FMT_RGB24;
  f->width = width;
  f->height = height;
  checkAv(av_frame_get_buffer(f.get(), 0), QStringLiteral("frame"), path);
  for (int y = 0; y < height; ++y) {
    uint8_t* row = f->data[0] + y * f->linesize[0];
    for (int x = 0; x < width; ++x) {
      row[3 * x] = r;
      row[3 * x + 1] = g;
      row[3 * x + 2] = b;
    }
  }
  writeFileAtomically(path, encodePng(f.get()));
  return path;
}

void forEachFrame(const QString& path, const std::function<void(const AVFrame*)>& fn) {
  MediaInput input(path, true);
  FrameReader reader(input, input.videoStream());
  FramePtr f = makeFrame();
  while (reader.next(f.get())) fn(f.get());
}

std::vector<FrameStat> frameStats(const QString& path) {
  std::vector<FrameStat> out;
  forEachFrame(path, [&](const AVFrame* f) {
    const int w = f->width, h = f->height;
    out.push_back({planeMean(f, 0, w / 4, h / 4, w / 2, h / 2),
                   planeMean(f, 1, w / 8, h / 8, w / 4, h / 4),
                   planeMean(f, 2, w / 8, h / 8, w / 4, h / 4)});
  });
  return out;
}

}  // namespace sw::testmedia
