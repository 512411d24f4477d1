// Smart render: stream-copy whole GOPs, re-encode only the frames around in-GOP cuts and
// crossfades with the source's own x264 settings, so the parameter sets stay identical.
#include "media/encoders.h"
#include "media/h264_params.h"
#include "media/island_pool.h"
#include "media/media_error.h"
#include "media/media_input.h"
#include "media/video_paths.h"
#include "media/video_source.h"

#include <QStringList>
#include <cmath>

namespace sw::media {

namespace {

struct CopyRange {
  size_t seg;
  int64_t first, end;  // file frames
  int64_t outFrame;    // where `first` lands
};

std::string readX264Options(const QString& file) {
  MediaInput in(file, true);
  const AVCodecParameters* par = in.stream(in.videoStream())->codecpar;
  std::string o = findX264Options(par->extradata, par->extradata_size);
  PacketPtr pkt = makePacket();
  for (int n = 0; o.empty() && n < 8 && in.read(pkt.get()); ++n) {
    if (pkt->stream_index == in.videoStream()) o = findX264Options(pkt->data, pkt->size);
  }
  return o;
}

VideoEncodeSettings matchedSettings(const Timeline& t, const std::string& params) {
  const StreamInfo& v = *t.segments.front().probe.video();
  VideoEncodeSettings s;
  s.width = t.width;
  s.height = t.height;
  s.fps = t.fps;
  s.preset = "medium";
  s.profile = v.profile.toLower().toStdString();
  s.gop = 0;
  s.x264Params = params;
  // The source's colour tags: they are part of its SPS, which the islands must reproduce.
  s.colorPrimaries = static_cast<AVColorPrimaries>(v.colorPrimaries);
  s.colorTransfer = static_cast<AVColorTransferCharacteristic>(v.colorTransfer);
  s.colorSpace = static_cast<AVColorSpace>(v.colorSpace);
  s.colorRange = static_cast<AVColorRange>(v.colorRange);
  return s;
}

QString encoderBlocker(const Timeline& t, std::string* params) {
  const QString file = t.segments.front().spec.file;
  std::string why;
  const std::string options = readX264Options(file);
  if (options.empty())
    return QStringLiteral("%1 carries no x264 settings (not encoded by x264)").arg(file);
  *params = x264ParamsFromOptions(parseX264Options(options), &why);
  if (params->empty()) return QStringLiteral("%1: %2").arg(file, QString::fromStdString(why));
  return {};
}

std::vector<int64_t> keyframeIndices(const ResolvedSegment& s, const Timeline& t) {
  std::vector<int64_t> k;
  for (double sec : s.probe.video()->keyframes) k.push_back(std::llround(sec * av_q2d(t.fps)));
  return k;
}

int64_t fileFrameCount(const ResolvedSegment& s, const Timeline& t) {
  const StreamInfo& v = *s.probe.video();
  return v.frameCount > 0 ? v.frameCount : std::llround(v.duration * av_q2d(t.fps));
}

std::vector<CopyRange> copyRanges(const Timeline& t) {
  std::vector<CopyRange> out;
  for (size_t i = 0; i < t.segments.size(); ++i) {
    const ResolvedSegment& s = t.segments[i];
    const int64_t xin = i > 0 ? t.segments[i - 1].xfadeFrames : 0;
    const int64_t plainStart = s.inFrame + xin + s.dipInFrames;
    const int64_t plainEnd = s.inFrame + s.frames - s.xfadeFrames - s.dipOutFrames;
    const auto keys = keyframeIndices(s, t);
    int64_t k1 = -1, k2 = -1;
    for (int64_t k : keys) {
      if (k >= plainStart && k1 < 0) k1 = k;
      if (k <= plainEnd) k2 = k;
    }
    if (s.xfadeFrames == 0 && s.dipOutFrames == 0 && plainEnd >= fileFrameCount(s, t))
      k2 = plainEnd;
    if (k1 >= 0 && k2 > k1) out.push_back({i, k1, k2, s.outStart + (k1 - s.inFrame)});
  }
  return out;
}

int avccLengthSize(const Timeline& t) {
  const QByteArray& extra = t.segments.front().probe.video()->extradata;
  return extra.size() > 4 && extra[0] == 1 ? (extra[4] & 3) + 1 : 4;
}

// The output in timeline order: islands to re-encode (index into `islands`) and copy ranges.
struct Piece {
  int island = -1;  // >= 0: islands[island]
  CopyRange copy{};
};

std::vector<Piece> planPieces(const Timeline& t, std::vector<Island>& islands) {
  std::vector<Piece> pieces;
  int64_t cursor = 0;
  auto addIsland = [&](int64_t first, int64_t last) {
    pieces.push_back(Piece{static_cast<int>(islands.size()), {}});
    islands.push_back(Island{first, last});
  };
  for (const CopyRange& r : copyRanges(t)) {
    if (cursor < r.outFrame) addIsland(cursor, r.outFrame);
    pieces.push_back(Piece{-1, r});
    cursor = r.outFrame + (r.end - r.first);
  }
  if (cursor < t.totalFrames) addIsland(cursor, t.totalFrames);
  return pieces;
}

}  // namespace

QString smartRenderBlocker(const Timeline& t) {
  std::string params;
  const QString why = encoderBlocker(t, &params);
  if (!why.isEmpty()) return why;
  const ResolvedSegment& s0 = t.segments.front();
  VideoEncodeSettings settings = matchedSettings(t, params);
  try {
    VideoEncoder probeEncoder(settings);
    const AVCodecContext* c = probeEncoder.context();
    const QByteArray mine(reinterpret_cast<const char*>(c->extradata), c->extradata_size);
    if (!(parameterSets(mine) == parameterSets(s0.probe.video()->extradata))) {
      return QStringLiteral(
          "re-encoding with the source's x264 settings gives different H.264 parameter sets "
          "(SPS/PPS)");
    }
  } catch (const MediaError& e) {
    return QStringLiteral("cannot open an encoder with the source's x264 settings: %1")
        .arg(e.message());
  }
  return {};
}

int64_t writeSmartRender(const Timeline& t, StitchMuxer& mux, const VideoProgress& progress) {
  std::string params;
  encoderBlocker(t, &params);
  const VideoEncodeSettings settings = matchedSettings(t, params);
  const ResolvedSegment& s0 = t.segments.front();
  {
    MediaInput first(s0.spec.file, true);
    AVStream* st = first.stream(first.videoStream());
    mux.addVideoCopy(st->codecpar, st->time_base);
  }
  mux.start();
  std::vector<Island> islands;
  const std::vector<Piece> pieces = planPieces(t, islands);
  // Islands are encoded concurrently while this thread writes copy ranges and finished islands.
  const unsigned workers = islandWorkers(t.width, t.height);
  VideoEncodeSettings islandSettings = settings;
  islandSettings.threads = islandEncoderThreads(workers);
  IslandPool pool(t, islandSettings, islands, avccLengthSize(t), progress.control, workers);
  int64_t encoded = 0;
  for (const Piece& p : pieces) {
    if (p.island < 0) {
      copyPackets(t.segments[p.copy.seg], t, p.copy.first, p.copy.end, p.copy.outFrame, mux,
                  progress);
      continue;
    }
    EncodedIsland e = pool.take(static_cast<size_t>(p.island));
    for (PacketPtr& pkt : e.packets) mux.writeVideo(pkt.get(), e.timeBase);
    encoded += e.frames;
    progress.frames(islands[p.island].last);
  }
  return encoded;
}

}  // namespace sw::media
