#include "media/probe.h"

#include "media/media_error.h"
#include "media/media_input.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

#include <sys/stat.h>

#include <ctime>

#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <tuple>

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
  if (const char* p = avcodec_profile_name(par->codec_id, par->profile))
    s.profile = QString::fromLatin1(p);
  s.bitRate = par->bit_rate;
  s.timeBaseNum = st->time_base.num;
  s.timeBaseDen = st->time_base.den;
  s.startTime = seconds(st->start_time, st->time_base);
  s.duration = st->duration != AV_NOPTS_VALUE
                   ? seconds(st->duration, st->time_base)
                   : (ctx->duration > 0 ? ctx->duration / double(AV_TIME_BASE) : 0.0);
  if (par->codec_type == AVMEDIA_TYPE_VIDEO) {
    s.width = par->width;
    s.height = par->height;
    if (const char* n = av_get_pix_fmt_name(static_cast<AVPixelFormat>(par->format)))
      s.pixelFormat = QString::fromLatin1(n);
    const AVRational fr = av_guess_frame_rate(ctx, st, nullptr);
    s.frameRateNum = fr.num;
    s.frameRateDen = fr.den ? fr.den : 1;
    s.frameCount = st->nb_frames;
    s.rotation = displayRotation(st);
    s.colorPrimaries = par->color_primaries;
    s.colorTransfer = par->color_trc;
    s.colorSpace = par->color_space;
    s.colorRange = par->color_range;
    if (par->extradata_size > 0)
      s.extradata = QByteArray(reinterpret_cast<const char*>(par->extradata), par->extradata_size);
  } else if (par->codec_type == AVMEDIA_TYPE_AUDIO) {
    s.sampleRate = par->sample_rate;
    if (par->extradata_size > 0)
      s.extradata = QByteArray(reinterpret_cast<const char*>(par->extradata), par->extradata_size);
    s.channels = par->ch_layout.nb_channels;
    char desc[128] = {};
    if (av_channel_layout_describe(&par->ch_layout, desc, sizeof desc) > 0)
      s.channelLayout = QString::fromLatin1(desc);
  }
  return s;
}

// Whether decode timestamps (in stream ticks) are spaced unevenly: variable frame rate. One tick
// of rounding jitter is allowed (e.g. 29.97 in a 1/1000 time base).
bool unevenSpacing(const std::vector<int64_t>& dts) {
  std::vector<int64_t> steps;
  for (size_t i = 1; i < dts.size(); ++i) steps.push_back(dts[i] - dts[i - 1]);
  if (steps.size() < 2) return false;
  const auto [mn, mx] = std::minmax_element(steps.begin(), steps.end());
  return (*mx - *mn) > std::max<int64_t>(1, *mx / 50);
}

// Scans packets (no decoding): frame-duration spread of the first seconds and, when asked,
// keyframe times. Reads the whole stream for keyframes: the fallback for files with no index.
void scanPackets(MediaInput& input, StreamInfo& v, const ProbeOptions& opt, bool needKeyframes) {
  AVStream* st = input.stream(v.index);
  const int64_t start = input.startTime(v.index);
  PacketPtr pkt = makePacket();
  std::vector<int64_t> dts;
  const double scanLimit = opt.vfrScanSeconds;
  while (input.read(pkt.get())) {
    if (pkt->stream_index != v.index) continue;
    const int64_t ts = pkt->pts != AV_NOPTS_VALUE ? pkt->pts : pkt->dts;
    int64_t sinceStart = 0;  // a packet with no time (damaged streams) or a wild one: skipped
    if (ts == AV_NOPTS_VALUE || __builtin_sub_overflow(ts, start, &sinceStart)) continue;
    const double t = seconds(sinceStart, st->time_base);
    if (needKeyframes && (pkt->flags & AV_PKT_FLAG_KEY)) v.keyframes.push_back(t);
    if (pkt->dts != AV_NOPTS_VALUE && t <= scanLimit) dts.push_back(pkt->dts);
    if (!needKeyframes && t > scanLimit) break;
  }
  v.variableFrameRate = unevenSpacing(dts);
  std::sort(v.keyframes.begin(), v.keyframes.end());
}

// The same facts from the container's sample index (mp4/mov hold every sample in it), reading
// at most one packet per keyframe. Index timestamps are decode times: where frames are
// reordered (B-frames) each keyframe is read once for its presentation time. False when the
// index does not cover the stream or a keyframe packet is not where it says (then scanPackets).
bool indexFacts(MediaInput& input, StreamInfo& v, const ProbeOptions& opt) {
  AVStream* st = input.stream(v.index);
  const int n = avformat_index_get_entries_count(st);
  if (n < 2 || st->nb_frames <= 0 || n < st->nb_frames) return false;  // not every sample listed
  const int64_t start = input.startTime(v.index);
  std::vector<int64_t> dts;
  std::vector<int64_t> keyDts;
  for (int i = 0; i < n; ++i) {
    const AVIndexEntry* e = avformat_index_get_entry(st, i);
    if (!e) return false;
    if (seconds(e->timestamp - start, st->time_base) <= opt.vfrScanSeconds)
      dts.push_back(e->timestamp);
    if (e->flags & AVINDEX_KEYFRAME) keyDts.push_back(e->timestamp);
  }
  v.variableFrameRate = unevenSpacing(dts);
  if (!opt.keyframes) return true;
  if (st->codecpar->video_delay <= 0) {
    for (int64_t ts : keyDts) v.keyframes.push_back(seconds(ts - start, st->time_base));
    return true;
  }
  PacketPtr pkt = makePacket();
  for (int64_t ts : keyDts) {
    bool found = false;
    if (input.seekForward(v.index, ts)) {
      while (input.read(pkt.get())) {
        const bool ours = pkt->stream_index == v.index;
        found =
            ours && pkt->dts == ts && pkt->pts != AV_NOPTS_VALUE && (pkt->flags & AV_PKT_FLAG_KEY);
        if (found) v.keyframes.push_back(seconds(pkt->pts - start, st->time_base));
        av_packet_unref(pkt.get());
        if (ours) break;
      }
    }
    if (!found) {  // the index and the packets disagree: scan everything from the start
      v.keyframes.clear();
      input.seek(v.index, avformat_index_get_entry(st, 0)->timestamp);
      return false;
    }
  }
  std::sort(v.keyframes.begin(), v.keyframes.end());
  v.keyframes.erase(std::unique(v.keyframes.begin(), v.keyframes.end()), v.keyframes.end());
  return true;
}

}  // namespace

int displayRotation(const AVStream* st) {
  size_t size = 0;
  const uint8_t* m = av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, &size);
  if (!m || size < 9 * sizeof(int32_t)) return 0;
  const double theta = av_display_rotation_get(reinterpret_cast<const int32_t*>(m));
  if (std::isnan(theta)) return 0;
  int r = static_cast<int>(std::lround(theta / 90.0)) * 90 % 360;  // quarter turns only
  if (r <= -180) r += 360;
  if (r > 180) r -= 360;
  return r;
}

namespace {

// A file's identity and the probe's options: a file written again (another inode, size or
// modification time) is a new key, so a memo never answers for other bytes. Files changed in the
// last two seconds have no key: timestamps are coarser than a quick rewrite in place.
using ProbeKey = std::tuple<std::string, dev_t, ino_t, off_t, int64_t, bool, double, bool>;

std::optional<ProbeKey> probeKey(const QString& path, const ProbeOptions& o) {
  struct stat st {};
  const QByteArray local = QFile::encodeName(path);
  if (::stat(local.constData(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  const int64_t mtimeNs = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  const int64_t nowNs = int64_t(now.tv_sec) * 1000000000 + now.tv_nsec;
  if (nowNs - mtimeNs < int64_t{2} * 1000000000) return std::nullopt;
  return ProbeKey{local.toStdString(), st.st_dev,        st.st_ino,     st.st_size, mtimeNs,
                  o.keyframes,         o.vfrScanSeconds, o.requireVideo};
}

// The successful probes of this process: the render steps (checks, plan, mix, seam QA) ask
// about the same files several times, and opening a file is most of an audio-only re-render.
class ProbeMemo {
 public:
  std::optional<ProbeResult> find(const ProbeKey& key) {
    std::lock_guard lock(mutex_);
    const auto it = results_.find(key);
    if (it == results_.end()) return std::nullopt;
    return it->second;
  }
  void keep(const ProbeKey& key, const ProbeResult& r) {
    std::lock_guard lock(mutex_);
    if (results_.size() >= kMaxEntries) results_.clear();
    results_.emplace(key, r);
  }

 private:
  static constexpr size_t kMaxEntries = 1024;
  std::mutex mutex_;
  std::map<ProbeKey, ProbeResult> results_;
};

ProbeMemo& probeMemo() {
  static ProbeMemo memo;
  return memo;
}

ProbeResult probeFile(const QString& path, const ProbeOptions& options);

}  // namespace

ProbeResult probe(const QString& path, const ProbeOptions& options) {
  const std::optional<ProbeKey> key = probeKey(path, options);
  if (key) {
    if (std::optional<ProbeResult> known = probeMemo().find(*key)) {
      known->path = path;
      return *known;
    }
  }
  ProbeResult r = probeFile(path, options);
  if (key) probeMemo().keep(*key, r);
  return r;
}

namespace {

ProbeResult probeFile(const QString& path, const ProbeOptions& options) {
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
    if (static_cast<int>(i) == input.videoStream())
      r.videoIndex = static_cast<int>(r.streams.size()) - 1;
    if (static_cast<int>(i) == input.audioStream())
      r.audioIndex = static_cast<int>(r.streams.size()) - 1;
  }
  r.stillImage = input.isStillImage();
  if (r.videoIndex >= 0 && !r.stillImage) {
    StreamInfo& v = r.streams[r.videoIndex];
    input.onlyStream(v.index);  // only video packets are read
    if (!indexFacts(input, v, options)) scanPackets(input, v, options, options.keyframes);
  }
  return r;
}

}  // namespace

}  // namespace sw::media
