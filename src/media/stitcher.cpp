#include "media/stitcher.h"

#include "media/audio_copy.h"
#include "media/audio_prefetch.h"
#include "media/audio_worker.h"
#include "media/encoders.h"
#include "media/media_error.h"
#include "media/memory_tuning.h"
#include "media/muxer.h"
#include "media/output_file.h"
#include "media/output_path.h"
#include "media/timeline.h"
#include "media/video_paths.h"

#include <QElapsedTimer>

namespace sw::media {

QJsonObject StitchReport::toJson() const {
  return QJsonObject{{"output", output},
                     {"path", stitchPathName(path)},
                     {"reason", reason},
                     {"frames", static_cast<double>(frames)},
                     {"duration", duration},
                     {"elapsed", elapsed},
                     {"reencodedFrames", static_cast<double>(reencodedFrames)},
                     {"videoParts", videoParts},
                     {"piecesUsed", piecesUsed},
                     {"mixLoudness", measuredMix.integrated},
                     {"audio", audioCopied ? "copy" : "mix"},
                     {"audioReason", audioReason},
                     {"compatibility", compatibility.toJson()}};
}

QString StitchReport::summary() const {
  QString how = videoParts > 1 ? QStringLiteral(" (%1 parts)").arg(videoParts) : QString();
  if (piecesUsed > 0) how += QStringLiteral(" (%1 encoded ahead)").arg(piecesUsed);
  return QStringLiteral("%1%2: %3 frames, %4 s in %5 s -> %6")
      .arg(stitchPathName(path), how)
      .arg(frames)
      .arg(duration, 0, 'f', 3)
      .arg(elapsed, 0, 'f', 2)
      .arg(output);
}

namespace {

// Smart render re-encodes with the inputs' own SPS (colour tags included): islands keep their
// matrix. The inputs share one SPS, so the first one's tag (or its size's default) is everyone's.
void keepSourceMatrix(Timeline& t) {
  const StreamInfo& v = *t.segments.front().probe.video();
  t.matrix = v.colorSpace != AVCOL_SPC_UNSPECIFIED ? static_cast<AVColorSpace>(v.colorSpace)
                                                   : defaultMatrix(v.width, v.height);
}

StitchPath choosePath(const Timeline& t, StitchReport& r) {
  if (r.compatibility.path != StitchPath::SmartRender) return r.compatibility.path;
  const QString blocker = smartRenderBlocker(t);
  if (blocker.isEmpty()) return StitchPath::SmartRender;
  r.reason +=
      QStringLiteral("; smart render not possible (%1), so everything is re-encoded").arg(blocker);
  return StitchPath::FullReencode;
}

// One AVChapter per segment that names one, in the output's frame time base: it starts at the
// segment's first frame and ends where the next chapter starts (or at the end). The mp4 muxer
// writes them as a chapter track and a Nero chpl box.
void addChapters(const Timeline& t, AVFormatContext* ctx) {
  std::vector<const ResolvedSegment*> named;
  for (const ResolvedSegment& s : t.segments)
    if (!s.spec.chapter.isEmpty()) named.push_back(&s);
  if (named.empty()) return;
  ctx->chapters = static_cast<AVChapter**>(av_calloc(named.size(), sizeof(AVChapter*)));
  if (!ctx->chapters)
    throw MediaError(MediaError::Kind::Internal, QStringLiteral("Out of memory (chapters)"));
  for (size_t i = 0; i < named.size(); ++i) {
    auto* c = static_cast<AVChapter*>(av_mallocz(sizeof(AVChapter)));
    if (!c)
      throw MediaError(MediaError::Kind::Internal, QStringLiteral("Out of memory (chapters)"));
    ctx->chapters[ctx->nb_chapters++] = c;  // owned by the context from here on
    c->id = static_cast<int64_t>(i + 1);
    c->time_base = av_inv_q(t.fps);
    c->start = named[i]->outStart;
    c->end = i + 1 < named.size() ? named[i + 1]->outStart : t.totalFrames;
    av_dict_set(&c->metadata, "title", named[i]->spec.chapter.toUtf8().constData(), 0);
  }
}

}  // namespace

StitchReport stitch(const RenderPlan& plan, const ExportControl& control, const PieceList& pieces) {
  QElapsedTimer clock;
  clock.start();
  StitchReport r;
  r.output = plan.output.path;
  QStringList inputs;  // never written: the output must not be one of them (or a link to one)
  for (const VideoSegment& s : plan.segments) inputs << s.file;
  for (const AudioClip& c : plan.audio) inputs << c.file;
  checkOutputPath(plan.output.path, inputs);
  control.report(0, QStringLiteral("probe"));
  Timeline t = resolveTimeline(plan);
  r.compatibility = checkCompatibility(t);
  r.reason = r.compatibility.reason;
  r.path = choosePath(t, r);
  if (r.path == StitchPath::SmartRender) keepSourceMatrix(t);
  r.frames = t.totalFrames;
  r.duration = t.duration();
  OutputFile out(plan.output.path);  // fails fast on an unwritable folder
  addChapters(t, out.context());
  control.checkCancel();
  r.audioReason = audioCopyBlocker(plan, t, r.path == StitchPath::FullReencode);
  r.audioCopied = r.audioReason.isEmpty();
  std::unique_ptr<AudioPacketSource> audio;
  AudioWorker* worker = nullptr;
  if (r.audioCopied) {
    audio = std::make_unique<AudioPrefetch>(std::make_unique<AudioPacketCopier>(t), control);
  } else {
    auto w = std::make_unique<AudioWorker>(plan, t, control);  // mixes on its own thread
    worker = w.get();
    audio = std::move(w);
  }
  StitchMuxer mux(out, audio.get());
  const VideoProgress progress{control, 2, 99, t.totalFrames};
  switch (r.path) {
    case StitchPath::StreamCopy:
      writeStreamCopy(t, mux, progress);
      break;
    case StitchPath::SmartRender:
      r.reencodedFrames = writeSmartRender(t, mux, progress);
      break;
    case StitchPath::FullReencode:
      r.reencodedFrames =
          writeFullReencode(plan, t, mux, progress, &r.videoParts, pieces, &r.piecesUsed);
      break;
  }
  mux.finish();
  if (worker) r.measuredMix = worker->measured();
  control.checkCancel();
  control.report(99, QStringLiteral("finish"));
  out.finish();
  releaseFreeMemory();
  r.elapsed = clock.elapsed() / 1000.0;
  control.report(100, QStringLiteral("done"));
  return r;
}

}  // namespace sw::media
