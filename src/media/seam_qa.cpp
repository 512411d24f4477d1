#include "media/seam_qa.h"

#include "media/ffmpeg_raii.h"
#include "media/media_error.h"
#include "media/media_input.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include <QElapsedTimer>
#include <algorithm>
#include <cmath>
#include <memory>

namespace sw::media {

namespace {

struct GreyFrame {
  double time = 0;
  double mean = 0;
  std::vector<uint8_t> pixels;
};

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

double meanAbsDiff(const GreyFrame& a, const GreyFrame& b) {
  if (a.pixels.size() != b.pixels.size() || a.pixels.empty()) return 0;
  uint64_t sum = 0;
  for (size_t i = 0; i < a.pixels.size(); ++i) sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
  return double(sum) / double(a.pixels.size());
}

// Decodes the video frames whose times lie in [from, to] as small grey pictures. Windows are
// asked for in increasing order; one that starts soon after the last is reached by decoding on
// rather than by seeking back to a keyframe (a one-GOP chunk would be decoded again from its
// start). Pictures more than kNonRefMargin before a window are decoded cheaply: non-reference
// ones skipped, the others without the deblocking filter. The drift this leaves in the window's
// pictures until the next keyframe is small against the thresholds (720p, 5 s GOPs: join and
// motion differences 3.5 / 2.5 against 3.4 / 2.5 fully decoded; about 20% less CPU).
class GreyReader {
 public:
  GreyReader(const QString& file, int width)
      : input_(file, false, MediaInput::OpenMode::HeaderOnly), width_(width) {
    if (input_.videoStream() < 0) return;
    input_.onlyStream(input_.videoStream());
    reader_ = std::make_unique<FrameReader>(input_, input_.videoStream());
    frame_ = makeFrame();
  }
  bool hasVideo() const { return reader_ != nullptr; }

  std::vector<GreyFrame> read(double from, double to) {
    std::vector<GreyFrame> out;
    const AVRational tb = reader_->timeBase();
    const bool decodeOn = last_ >= 0 && from >= last_ && from - last_ < kDecodeOnSeconds;
    if (!decodeOn) {
      reader_->seek(std::max(0.0, from));
      pending_ = false;
    }
    AVCodecContext* dec = reader_->context();
    while (pending_ || reader_->next(frame_.get())) {
      pending_ = false;
      if (frame_->pts == AV_NOPTS_VALUE) continue;
      const double t = double(frame_->pts) * av_q2d(tb);
      last_ = t;
      const bool before = t < from - kNonRefMargin;
      dec->skip_frame = before ? AVDISCARD_NONREF : AVDISCARD_DEFAULT;
      dec->skip_loop_filter = before ? AVDISCARD_ALL : AVDISCARD_DEFAULT;
      if (t < from) continue;
      if (t > to) {
        pending_ = true;  // the first frame of a later window, maybe
        break;
      }
      out.push_back(grey(frame_.get(), t));
    }
    dec->skip_frame = AVDISCARD_DEFAULT;
    dec->skip_loop_filter = AVDISCARD_DEFAULT;
    return out;
  }

 private:
  GreyFrame grey(const AVFrame* f, double t) {
    const int w = width_;
    const int h = std::max(2, int(std::lround(double(w) * f->height / std::max(1, f->width))));
    sws_.reset(sws_getCachedContext(sws_.release(), f->width, f->height,
                                    static_cast<AVPixelFormat>(f->format), w, h, AV_PIX_FMT_GRAY8,
                                    SWS_AREA, nullptr, nullptr, nullptr));
    if (!sws_)
      throw MediaError(
          MediaError::Kind::Internal,
          QStringLiteral("Cannot convert the pictures of %1 for seam QA.").arg(input_.path()));
    GreyFrame g;
    g.time = t;
    g.pixels.resize(size_t(w) * size_t(h));
    uint8_t* dst[1] = {g.pixels.data()};
    const int stride[1] = {w};
    sws_scale(sws_.get(), f->data, f->linesize, 0, f->height, dst, stride);
    uint64_t sum = 0;
    for (uint8_t p : g.pixels) sum += p;
    g.mean = double(sum) / double(g.pixels.size());
    return g;
  }

  // Decoding on is cheaper than a seek back to a keyframe this far behind the next window.
  static constexpr double kDecodeOnSeconds = 3.0;
  // Pictures are decoded cheaply until this close to a window (more than the decoder's delay).
  static constexpr double kNonRefMargin = 0.4;

  MediaInput input_;
  int width_;
  std::unique_ptr<FrameReader> reader_;
  FramePtr frame_;
  bool pending_ = false;  // frame_ holds a decoded frame not yet used
  double last_ = -1;      // time of the last decoded frame
  SwsPtr sws_;
};

// Decodes the sound in [from, to] as mono float at the stream's own rate.
class MonoReader {
 public:
  explicit MonoReader(const QString& file) : input_(file, false, MediaInput::OpenMode::HeaderOnly) {
    if (input_.audioStream() < 0) return;
    input_.onlyStream(input_.audioStream());
    reader_ = std::make_unique<FrameReader>(input_, input_.audioStream());
    rate_ = reader_->context()->sample_rate;
  }
  bool hasAudio() const { return reader_ != nullptr && rate_ > 0; }
  int rate() const { return rate_; }

  // Samples from `from` on (the first one at *start seconds).
  std::vector<float> read(double from, double to, double* start) {
    std::vector<float> out;
    reader_->seek(std::max(0.0, from));
    const AVRational tb = reader_->timeBase();
    FramePtr frame = makeFrame();
    double first = -1;
    while (reader_->next(frame.get())) {
      if (frame->pts == AV_NOPTS_VALUE || frame->nb_samples <= 0) continue;
      const double t = double(frame->pts) * av_q2d(tb);
      if (t + double(frame->nb_samples) / rate_ < from) continue;
      if (t > to) break;
      std::vector<float> mono = toMono(frame.get());
      if (first < 0) first = t;
      // Frames follow each other; a gap in the timestamps is silence the decoder never made.
      const double expected = first + double(out.size()) / rate_;
      const auto gap = std::llround((t - expected) * rate_);
      if (gap > 0) out.insert(out.end(), size_t(gap), 0.0f);
      out.insert(out.end(), mono.begin(), mono.end());
    }
    if (first < 0) first = from;
    // Trim to [from, to].
    const auto head = std::max<int64_t>(0, std::llround((from - first) * rate_));
    if (head >= int64_t(out.size())) return {};
    out.erase(out.begin(), out.begin() + head);
    const auto keep = std::llround((to - from) * rate_);
    if (int64_t(out.size()) > keep) out.resize(size_t(keep));
    *start = first + double(head) / rate_;
    return out;
  }

 private:
  std::vector<float> toMono(const AVFrame* f) {
    if (!swr_) {
      AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
      SwrContext* raw = nullptr;
      if (swr_alloc_set_opts2(
              &raw, &mono, AV_SAMPLE_FMT_FLT, rate_, const_cast<AVChannelLayout*>(&f->ch_layout),
              static_cast<AVSampleFormat>(f->format), f->sample_rate, 0, nullptr) < 0 ||
          swr_init(raw) < 0) {
        swr_free(&raw);
        throw MediaError(
            MediaError::Kind::Internal,
            QStringLiteral("Cannot convert the sound of %1 for seam QA.").arg(input_.path()));
      }
      swr_.reset(raw);
    }
    std::vector<float> out(size_t(f->nb_samples) + 64);
    uint8_t* dst[1] = {reinterpret_cast<uint8_t*>(out.data())};
    const int n = swr_convert(swr_.get(), dst, int(out.size()),
                              const_cast<const uint8_t**>(f->extended_data), f->nb_samples);
    out.resize(size_t(std::max(0, n)));
    return out;
  }

  MediaInput input_;
  std::unique_ptr<FrameReader> reader_;
  SwrPtr swr_;
  int rate_ = 0;
};

void addIssue(SeamFinding& s, SeamIssueKind kind, double time, double value,
              const QString& message) {
  s.issues.push_back({kind, time, value, message});
}

void analysePictures(const std::vector<GreyFrame>& frames, double seam, bool crossfade,
                     const SeamQaOptions& o, SeamFinding& s) {
  if (frames.size() < 4) return;
  s.video = true;
  // j: the first frame of the following segment.
  const double half = frames.size() > 1 ? 0.5 * (frames[1].time - frames[0].time) : 0.0;
  size_t j = 0;
  while (j < frames.size() && frames[j].time < seam - half) ++j;
  if (j == 0 || j >= frames.size()) return;
  std::vector<double> diff(frames.size(), 0.0);  // diff[i]: frame i against frame i-1
  for (size_t i = 1; i < frames.size(); ++i) diff[i] = meanAbsDiff(frames[i], frames[i - 1]);
  const auto nearJoin = [&](size_t i) { return i + 1 >= j && i <= j + 1; };  // j-1 .. j+1

  // A pair is still when it differs by less than a quarter of the shot's typical difference
  // (an encoded repeat is not bit-exact); the shot's motion is the median of the moving pairs.
  std::vector<double> away;
  for (size_t i = 1; i < frames.size(); ++i)
    if (!nearJoin(i)) away.push_back(diff[i]);
  const double still = std::max(o.stillDiff, o.stillFraction * median(away));
  std::vector<double> moving;
  int stillAway = 0;
  for (double d : away) {
    if (d < still)
      ++stillAway;
    else
      moving.push_back(d);
  }
  const int pairsAway = int(away.size());
  s.motion = moving.size() >= 3 ? median(moving) : 0.0;
  s.joinDiff = diff[j];
  s.jumpRatio = s.joinDiff / std::max(s.motion, o.minMotion);
  const double seconds = frames[j].time;

  // Black frames at the join, between pictures that are not black.
  const bool edgesBlack = frames.front().mean <= o.blackMean && frames.back().mean <= o.blackMean;
  if (!edgesBlack) {
    int black = 0;
    double at = -1;
    const size_t lo = j >= size_t(o.joinFrames) ? j - size_t(o.joinFrames) : 0;
    for (size_t i = lo; i < std::min(frames.size(), j + size_t(o.joinFrames)); ++i)
      if (frames[i].mean <= o.blackMean) {
        ++black;
        if (at < 0) at = frames[i].time;
      }
    if (black > 0)
      addIssue(s, SeamIssueKind::BlackFrames, at, black,
               QStringLiteral("%1 black frame(s) at %2 s").arg(black).arg(at, 0, 'f', 3));
  }

  // Repeats and freezes can only be seen where the chunk moves (and moves on every frame: a
  // source held at a lower frame rate has still pairs of its own everywhere).
  const bool moves = s.motion >= o.minMotion && pairsAway > 0 && stillAway * 4 < pairsAway;
  if (moves) {
    // Runs of still pairs; the longest touching the join area, and any other of >= 2.
    size_t i = 1;
    bool reportedFrozen = false;
    while (i < frames.size()) {
      if (diff[i] >= still) {
        ++i;
        continue;
      }
      size_t end = i;
      while (end < frames.size() && diff[end] < still) ++end;
      const int run = int(end - i);  // still pairs: run + 1 identical frames
      bool touches = false;
      for (size_t k = i; k < end; ++k) touches = touches || nearJoin(k);
      const double at = frames[i - 1].time;
      if (run >= 2 && !reportedFrozen) {
        addIssue(s, SeamIssueKind::FrozenRun, at, run + 1,
                 QStringLiteral("frozen: %1 identical frames from %2 s in a moving shot")
                     .arg(run + 1)
                     .arg(at, 0, 'f', 3));
        reportedFrozen = true;
      } else if (run == 1 && touches) {
        addIssue(s, SeamIssueKind::RepeatedFrame, frames[i].time, 1,
                 QStringLiteral("repeated frame at %1 s (shown twice in a moving shot)")
                     .arg(frames[i].time, 0, 'f', 3));
      }
      i = end;
    }
  }

  const bool blackAtJoin = frames[j].mean <= o.blackMean || frames[j - 1].mean <= o.blackMean;
  if (!crossfade && !blackAtJoin && s.joinDiff >= o.minJumpDiff && s.jumpRatio >= o.jumpRatio)
    addIssue(s, SeamIssueKind::Jump, seconds, s.jumpRatio,
             QStringLiteral("jump: the picture changes %1x more across the join than the "
                            "shot's own motion (%2 against %3 grey levels)")
                 .arg(s.jumpRatio, 0, 'f', 1)
                 .arg(s.joinDiff, 0, 'f', 1)
                 .arg(s.motion, 0, 'f', 1));
}

double rms(const std::vector<float>& x, int64_t from, int64_t to) {
  from = std::max<int64_t>(0, from);
  to = std::min<int64_t>(int64_t(x.size()), to);
  if (to <= from) return 0;
  double sum = 0;
  for (int64_t i = from; i < to; ++i) sum += double(x[size_t(i)]) * x[size_t(i)];
  return std::sqrt(sum / double(to - from));
}

void analyseSound(const std::vector<float>& x, double start, int rate, double seam,
                  const SeamQaOptions& o, SeamFinding& s) {
  if (x.size() < size_t(rate / 10)) return;
  s.audio = true;
  const auto at = [&](double t) { return std::llround((t - start) * rate); };
  const int64_t joinLo = std::max<int64_t>(1, at(seam - o.joinAudioMs / 1000.0));
  const int64_t joinHi = std::min<int64_t>(int64_t(x.size()), at(seam + o.joinAudioMs / 1000.0));
  const int64_t side = rate / 50;  // 20 ms

  // Dropouts: near-silent runs overlapping the join, with sound before and after.
  const int64_t minRun = std::llround(o.minDropoutMs / 1000.0 * rate);
  const int64_t maxRun = std::llround(o.maxDropoutMs / 1000.0 * rate);
  // Near-silent: below -54 dBFS or 30 dB under the window's level (a coded gap leaks a little).
  const double quiet = std::max(o.silenceLevel, o.silenceBelowLevel * rms(x, 0, int64_t(x.size())));
  double worstMs = 0, worstAt = 0;
  bool ownGaps = false;  // the sound has gaps like it away from the join: speech, staccato
  for (int64_t i = 0; i < int64_t(x.size());) {
    if (std::fabs(x[size_t(i)]) >= quiet) {
      ++i;
      continue;
    }
    int64_t end = i;
    while (end < int64_t(x.size()) && std::fabs(x[size_t(end)]) < quiet) ++end;
    const int64_t run = end - i;
    const double runStart = start + double(i) / rate, runEnd = start + double(end) / rate;
    const auto nearEdge = [&](double t) {
      for (double e : o.audioEdges)
        if (std::fabs(t - e) * 1000.0 <= o.edgeToleranceMs) return true;
      return false;
    };
    const bool gap = run >= minRun && run <= maxRun && rms(x, i - side, i) >= o.soundLevel &&
                     rms(x, end, end + side) >= o.soundLevel;
    if (gap && (end <= joinLo || i >= joinHi)) ownGaps = true;
    if (gap && end > joinLo && i < joinHi && !nearEdge(runStart) && !nearEdge(runEnd)) {
      const double ms = 1000.0 * double(run) / rate;
      if (ms > worstMs) {
        worstMs = ms;
        worstAt = start + double(i) / rate;
      }
    }
    i = end;
  }
  if (worstMs > 0 && !ownGaps)
    addIssue(s, SeamIssueKind::AudioDropout, worstAt, worstMs,
             QStringLiteral("audio dropout: %1 ms of silence at %2 s")
                 .arg(worstMs, 0, 'f', 1)
                 .arg(worstAt, 0, 'f', 3));

  // Click: the largest step at the join against the window's own steps away from it.
  double step = 0, stepAt = seam;
  std::vector<double> away;
  away.reserve(x.size());
  const int64_t guard = std::llround(o.joinAudioMs / 1000.0 * rate);
  for (int64_t i = 1; i < int64_t(x.size()); ++i) {
    const double d = std::fabs(double(x[size_t(i)]) - x[size_t(i - 1)]);
    if (i >= joinLo && i < joinHi) {
      if (d > step) {
        step = d;
        stepAt = start + double(i) / rate;
      }
    } else if (i < joinLo - guard || i >= joinHi + guard) {
      away.push_back(d);
    }
  }
  if (away.size() < 16) return;
  const auto p99 = away.begin() + static_cast<std::ptrdiff_t>(away.size() * 99 / 100);
  std::nth_element(away.begin(), p99, away.end());
  const double slope = std::max(*p99, 0.002);
  s.clickRatio = step / slope;
  if (step >= o.minClickStep && s.clickRatio >= o.clickRatio)
    addIssue(s, SeamIssueKind::Click, stepAt, s.clickRatio,
             QStringLiteral("click: a sample step %1x the sound's own slope at %2 s")
                 .arg(s.clickRatio, 0, 'f', 1)
                 .arg(stepAt, 0, 'f', 3));
}

}  // namespace

QString seamIssueName(SeamIssueKind kind) {
  switch (kind) {
    case SeamIssueKind::RepeatedFrame:
      return QStringLiteral("repeated-frame");
    case SeamIssueKind::FrozenRun:
      return QStringLiteral("frozen");
    case SeamIssueKind::BlackFrames:
      return QStringLiteral("black");
    case SeamIssueKind::Jump:
      return QStringLiteral("jump");
    case SeamIssueKind::AudioDropout:
      return QStringLiteral("audio-dropout");
    case SeamIssueKind::Click:
      return QStringLiteral("click");
  }
  return {};
}

SeamQaReport analyseSeams(const QString& file, const std::vector<double>& seamTimes,
                          const std::vector<bool>& crossfades, const SeamQaOptions& options) {
  QElapsedTimer timer;
  timer.start();
  SeamQaReport report;
  report.file = file;
  report.audioEdges = options.audioEdges;
  GreyReader pictures(file, options.analysisWidth);
  MonoReader sound(file);
  const double w = options.windowSeconds;
  for (size_t k = 0; k < seamTimes.size(); ++k) {
    SeamFinding s;
    s.index = int(k) + 1;
    s.time = seamTimes[k];
    s.crossfade = k < crossfades.size() && crossfades[k];
    if (pictures.hasVideo())
      analysePictures(pictures.read(s.time - w, s.time + w), s.time, s.crossfade, options, s);
    if (sound.hasAudio()) {
      double start = 0;
      const std::vector<float> x = sound.read(s.time - w, s.time + w, &start);
      analyseSound(x, start, sound.rate(), s.time, options, s);
    }
    report.seams.push_back(std::move(s));
  }
  report.elapsed = double(timer.nsecsElapsed()) / 1e9;
  return report;
}

JoinFinding analyseJoin(const JoinInput& join, const SeamQaOptions& options) {
  JoinFinding result;
  const double w = options.windowSeconds;
  GreyReader first(join.before, options.analysisWidth);
  GreyReader second(join.after, options.analysisWidth);
  if (!first.hasVideo() || !second.hasVideo()) return result;
  const auto interval = [](const std::vector<GreyFrame>& f) {
    std::vector<double> steps;
    for (size_t i = 1; i < f.size(); ++i) steps.push_back(f[i].time - f[i - 1].time);
    return median(steps);
  };
  // The frames shown last before the out point (a frame within a quarter frame of it is after
  // it, as a render cuts); the whole tail when the out point is the file's end.
  const double out = join.beforeOut >= 0 ? join.beforeOut : 1e12;
  std::vector<GreyFrame> frames =
      first.read(join.beforeOut >= 0 ? std::max(0.0, out - w - 0.1) : 0.0, out);
  const double step = interval(frames);
  while (!frames.empty() && frames.back().time >= out - 0.25 * step) frames.pop_back();
  if (frames.empty()) return result;
  const double last = frames.back().time;
  frames.erase(std::remove_if(frames.begin(), frames.end(),
                              [&](const GreyFrame& f) { return f.time < last - w; }),
               frames.end());
  // The frames from the in point on (one within a quarter frame before it counts as at it).
  const double in = std::max(0.0, join.afterIn);
  std::vector<GreyFrame> next = second.read(std::max(0.0, in - 0.1), in + w + 0.2);
  const double afterStep = interval(next);
  next.erase(std::remove_if(next.begin(), next.end(),
                            [&](const GreyFrame& f) { return f.time < in - 0.25 * afterStep; }),
             next.end());
  if (join.dropFirstFrame && !next.empty()) next.erase(next.begin());
  if (next.empty()) return result;
  result.beforeFrame = last;
  result.afterFrame = next.front().time;
  result.beforeStep = step;
  result.afterStep = afterStep;
  // The following pictures continue one frame after the last one shown.
  const double shift = last + (step > 0 ? step : 1.0 / 24) - next.front().time;
  const double seam = next.front().time + shift;
  for (GreyFrame& f : next) {
    if (f.time + shift > seam + w) break;
    f.time += shift;
    frames.push_back(std::move(f));
  }
  analysePictures(frames, seam, join.crossfade, options, result.seam);
  return result;
}

}  // namespace sw::media
