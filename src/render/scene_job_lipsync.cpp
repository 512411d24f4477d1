// Lip sync in the render job: each dialogue line marked for lip sync has the chunk frames under
// it (lipsync_span.h) cut out, sent with the same stretch of the line's audio to the lip-sync
// backend, and the result spliced back over exactly those frames (media/frame_splice.h): the
// chunk keeps its size, frame rate and frame count, so the seams stay as they were. Every step is
// derived from what it is made of and cached under that recipe: the cut inputs (chunk file and
// line audio hashes, frames, audio window), the lip-sync call (the cut files' hashes and the
// model) and the splice (the chunk file and the call's result). A new take of the line's audio,
// another chunk take or a mark switched off gives another recipe; a second render pays nothing.
#include "media/frame_splice.h"
#include "media/media_error.h"
#include "providers/provider_error.h"
#include "render/lipsync_span.h"
#include "render/scene_job_state.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace sw::render {

QJsonArray lipSyncChunkAssets(model::ProjectStore& store, model::Id sceneId);  // lipsync_estimate

namespace {

using providers::AssetCache;
using providers::CacheRequest;

// One derived file of the lip-sync chain, cached under `recipe` + the hashes of `files`.
QString derivedKey(const QString& step, const QJsonObject& recipe, const QStringList& files) {
  CacheRequest c;
  c.capability = QStringLiteral("lipsync-") + step;
  c.backend = QStringLiteral("scenewright");
  c.version = QStringLiteral("1");
  c.inputs = recipe;
  c.inputFiles = files;
  return AssetCache::key(c);
}

template <class Make>
QString cachedFile(AssetCache& cache, const QString& key, const QString& extension,
                   const QJsonObject& recipe, Make&& make) {
  if (auto hit = cache.lookup(key)) return *hit;
  const QString temp = cache.temporaryPath(extension);
  try {
    make(temp);
  } catch (...) {
    QFile::remove(temp);
    throw;
  }
  return cache.store(key, temp, recipe, extension);
}

// The registry key of the lip-sync model the backend runs by default (empty for a backend the
// registry does not list).
QString lipSyncModelKey(const SceneJob::State& s) {
  if (!s.backends.models) return {};
  try {
    return s.backends.models->lipSync().resolve(s.backends.lipSync->backendId(), {}).key;
  } catch (const providers::ProviderError&) {
    return {};
  }
}

}  // namespace

bool applyLipSync(SceneJob::State& s, TimelineInputs& timeline) {
  QSet<model::Id> marked;
  for (const model::DialogueLine& line : s.store->dialogueLines(s.scene.id))
    if (line.lipSync) marked.insert(line.id);
  if (marked.isEmpty()) return false;
  if (!s.backends.lipSync) {
    s.event(QStringLiteral("warning"), QStringLiteral("lipsync.off"),
            QStringLiteral("%1 dialogue line(s) are marked for lip sync, but no lip-sync backend "
                           "is chosen (Preferences > Backends, or \"lipsync\" in the settings); "
                           "the picture is rendered as generated.")
                .arg(marked.size()));
    return false;
  }
  const QString modelKey = lipSyncModelKey(s);
  // What the estimate compares with (lipsync_estimate.cpp): the speech assets now linked to the
  // lines and the scene's chunk takes.
  QHash<model::Id, QJsonValue> lineAssets;
  for (const model::DialogueLine& line : s.store->dialogueLines(s.scene.id))
    lineAssets.insert(line.id, line.assetId ? QJsonValue(double(*line.assetId)) : QJsonValue());
  const QJsonArray chunkAssets = lipSyncChunkAssets(*s.store, s.scene.id);
  bool changed = false;
  int number = 0;
  for (const AudioWork& w : s.audio) {
    if (w.kind != AudioWork::Kind::Dialogue) continue;
    ++number;
    if (!marked.contains(w.rowId) || !w.speech) continue;
    const QList<LipSyncSpan> spans = lipSyncSpans(timeline.segments, timeline.fps, w.speech->time,
                                                  w.speech->duration, s.sceneSeconds);
    if (spans.isEmpty()) {
      s.event(QStringLiteral("warning"), QStringLiteral("lipsync.outside"),
              QStringLiteral("%1 is not on the picture; it is not lip-synced.").arg(w.what));
      continue;
    }
    for (const LipSyncSpan& span : spans) {
      s.throwIfCancelled();
      TimelineSegment& seg = timeline.segments[span.segment];
      const QString what = QStringLiteral("lip sync of %1 over chunk %2 (frames %3-%4)")
                               .arg(w.what)
                               .arg(span.segment + 1)
                               .arg(span.firstFrame)
                               .arg(span.firstFrame + span.frameCount - 1);
      s.stage(QStringLiteral("lip-syncing %1").arg(w.what));
      try {
        const QJsonObject cut{{"firstFrame", double(span.firstFrame)},
                              {"frames", double(span.frameCount)},
                              {"audioOffset", span.audioOffset},
                              {"seconds", span.seconds()}};
        const QString videoIn =
            cachedFile(*s.cache, derivedKey("video", cut, {seg.file}), QStringLiteral("mp4"), cut,
                       [&](const QString& path) {
                         media::cutVideoFrames(seg.file, span.firstFrame, span.frameCount, path);
                       });
        const QString audioIn = cachedFile(*s.cache, derivedKey("audio", cut, {w.speech->file}),
                                           QStringLiteral("wav"), cut, [&](const QString& path) {
                                             media::cutAudioWindow(w.speech->file, span.audioOffset,
                                                                   span.seconds(), path);
                                           });
        providers::LipSyncRequest request;
        request.video = videoIn;
        request.audio = audioIn;
        request.model = modelKey;
        const CachedResult synced =
            generateCached(*s.cache, *s.backends.lipSync, request, s.ctx, s.spendGuard(), what);
        const QJsonObject splice{{"firstFrame", double(span.firstFrame)},
                                 {"frames", double(span.frameCount)}};
        media::SpliceReport report;
        const QString spliced =
            cachedFile(*s.cache, derivedKey("splice", splice, {seg.file, synced.path}),
                       QStringLiteral("mp4"), splice, [&](const QString& path) {
                         report = media::spliceFrames(seg.file, span.firstFrame, span.frameCount,
                                                      synced.path, path);
                       });
        if (report.frames > 0 && report.replaced < span.frameCount)
          s.event(QStringLiteral("warning"), QStringLiteral("lipsync.short"),
                  QStringLiteral("The lip-sync model returned %1 of the %2 frames of %3; the "
                                 "original frames stay for the rest.")
                      .arg(report.replacementFrames)
                      .arg(span.frameCount)
                      .arg(what),
                  QJsonObject{{"returned", double(report.replacementFrames)},
                              {"frames", double(span.frameCount)}});
        const QJsonObject parameters{{"line", double(w.rowId)},
                                     {"lineNumber", number},
                                     {"chunk", span.segment + 1},
                                     {"firstFrame", double(span.firstFrame)},
                                     {"frames", double(span.frameCount)},
                                     {"sceneStart", span.sceneStart},
                                     {"audioOffset", span.audioOffset},
                                     {"source", seg.file},
                                     {"spliced", spliced},
                                     {"backend", s.backends.lipSync->backendId()},
                                     {"model", modelKey},
                                     {"lineAsset", lineAssets.value(w.rowId)},
                                     {"chunkAssets", chunkAssets},
                                     {"lipsync", true}};
        // A video asset (assets.kind allows no other), marked as the lip sync of a line.
        s.recordAsset(QStringLiteral("video"), synced, parameters);
        s.event(QStringLiteral("info"), QStringLiteral("lipsync.spliced"),
                QStringLiteral("Spliced the %1 lip-synced frames of %2")
                    .arg(span.frameCount)
                    .arg(w.what),
                parameters);
        seg.file = spliced;  // same frames, rate and size: fileDuration and the cut stay
        changed = true;
      } catch (const media::MediaError& e) {
        throw JobFailure(QStringLiteral("The %1 failed: %2").arg(what, e.message()),
                         core::ErrorKind::Internal);
      } catch (const providers::ProviderError& e) {
        if (e.kind() == providers::ProviderError::Kind::Cancelled) throw;
        throw JobFailure(QStringLiteral("The %1 failed: %2 Unmark the line for lip sync or choose "
                                        "another lip-sync backend to render without it.")
                             .arg(what, e.message()));
      }
    }
  }
  return changed;
}

}  // namespace sw::render
