#include "render/media/probe.h"

#include "render/media/media_error.h"
#include "render/media/media_input.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/pixdesc.h>
}

#include <QFileInfo>
#include <algorithm>
#include <cmath>

namespace sw::media {

namespace {

double seconds(int64_t ts, AVRational tb) { return ts == AV_NOPTS_VALUE ? 0.0 : ts * av_q2d(tb); }

StreamInfo describeStream(AVFormatContext* ctx, AVStream* st) {
  const AVCodecParameters* par = st->codecpar;
  StreamInfo s;
  s.index = st->index;
  const char* type = av_get_media_type_string(par->codec_type);
  s.type = QString::fromLatin1(type ? type : "unknown");
  s.codec = QString::fromLatin1(avcodec_get_name(par->codec_id));
  if (const char* p = avcodec_profile_name(par->codec_id, par->profile)) s.profile = QString::fromLatin1(p);
  s.bitRate = par->bit_rate;
  s.timeBaseNum = st->time_base.num;
  s.timeBaseDen = st->time_base.den;
  s.startTime = seconds(st->start_time, st->time_base);
  s.duration = st->duration != AV_NOPTS_VALUE ? seconds(st->duration, st->time_base)
                                               : (ctx->duration > 0 ? ctx->duration / double(AV_TIME_BASE) : 0.0);
  if (par->codec_type == AVMEDIA_TYPE_VIDEO) {
    s.width = par->width;
    s.height = par->height;
    if (const char* n = av_get_pix_fmt_name(static_cast<AVPixelFormat>(par->format))) s.pixelFormat = QString::fromLatin1(n);
    const AVRational fr = av_guess_frame_rate(ctx, st, nullptr);
    s.frameRateNum = fr.num;
    s.frameRateDen = fr.den ? fr.den : 1;
    s.frameCount = st->nb_frames;
    if (par->extradata_size > 0) s.extradata = QByteArray(reinterpret_cast<const char*>(par->extradata), par->extradata_size);
  } else if (par->codec_type == AVMEDIA_TYPE_AUDIO) {
    s.sampleRate = par->sample_rate;
    if (par->extradata_size > 0) s.extradata = QByteArray(reinterpret_cast<const char*>(par->extradata), par->extradata_size);
    s.channels = par->ch_layout.nb_channels;
    char desc[128] = {};
    if (av_channel_layout_describe(&par->ch_layout, desc, sizeof desc) > 0) s.channelLayout = QString::fromLatin1(desc);
  }
  return s;
}

// Scans packets (no decoding): frame-duration spread of the first seconds and, when the container
// has no index, keyframe times.
void scanPackets(MediaInput& input, StreamInfo& v, const ProbeOptions& opt, bool needKeyframes) {
  AVStream* st = input.stream(v.index);
  const int64_t start = input.startTime(v.index);
  PacketPtr pkt = makePacket();
  std::vector<int64_t> dts;
  const double scanLimit = opt.vfrScanSeconds;
  while (input.read(pkt.get())) {
    if (pkt->stream_index != v.index) continue;
    const double t = seconds((pkt->pts != AV_NOPTS_VALUE ? pkt->pts : pkt->dts) - start, st->time_base);
    if (needKeyframes && (pkt->flags & AV_PKT_FLAG_KEY)) v.keyframes.push_back(t);
    if (pkt->dts != AV_NOPTS_VALUE && t <= scanLimit) dts.push_back(pkt->dts);
    if (!needKeyframes && t > scanLimit) break;
  }
  std::vector<int64_t> steps;
  for (size_t i = 1; i < dts.size(); ++i) steps.push_back(dts[i] - dts[i - 1]);
  if (steps.size() >= 2) {
    const auto [mn, mx] = std::minmax_element(steps.begin(), steps.end());
    // Allow one tick of rounding jitter (e.g. 29.97 in a 1/1000 time base).
    v.variableFrameRate = (*mx - *mn) > std::max<int64_t>(1, *mx / 50);
  }
  std::sort(v.keyframes.begin(), v.keyframes.end());
}

void indexKeyframes(MediaInput& input, StreamInfo& v) {
  AVStream* st = input.stream(v.index);
  const int64_t start = input.startTime(v.index);
  const int n = avformat_index_get_entries_count(st);
  for (int i = 0; i < n; ++i) {
    const AVIndexEntry* e = avformat_index_get_entry(st, i);
    if (e && (e->flags & AVINDEX_KEYFRAME)) v.keyframes.push_back(seconds(e->timestamp - start, st->time_base));
  }
}

}  // namespace

ProbeResult probe(const QString& path, const ProbeOptions& options) {
  MediaInput input(path, options.requireVideo);
  AVFormatContext* ctx = input.context();
  ProbeResult r;
  r.path = path;
  r.format = QString::fromLatin1(ctx->iformat->name);
  r.duration = ctx->duration > 0 ? ctx->duration / double(AV_TIME_BASE) : 0.0;
  r.size = QFileInfo(path).size();
  r.bitRate = ctx->bit_rate;
  for (unsigned i = 0; i < ctx->nb_streams; ++i) {
    r.streams.push_back(describeStream(ctx, ctx->streams[i]));
    if (static_cast<int>(i) == input.videoStream()) r.videoIndex = static_cast<int>(r.streams.size()) - 1;
    if (static_cast<int>(i) == input.audioStream()) r.audioIndex = static_cast<int>(r.streams.size()) - 1;
  }
  if (r.videoIndex >= 0 && !input.isStillImage()) {
    StreamInfo& v = r.streams[r.videoIndex];
    // mp4 index timestamps are dts; with B-frames the first keyframe's dts precedes pts, so the
    // index is used only when the stream has no reordering delay. Otherwise scan packets.
    const bool reorder = input.stream(v.index)->codecpar->video_delay > 0;
    if (options.keyframes && !reorder) indexKeyframes(input, v);
    const bool needScan = options.keyframes && v.keyframes.empty();
    input.onlyStream(v.index);  // the scan needs video packets only
    scanPackets(input, v, options, needScan);
  }
  return r;
}

}  // namespace sw::media
