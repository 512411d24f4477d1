// SceneJob: encode while generating. While chunk n+1 is generated (a remote wait: no CPU), the
// segment of chunk n is normalised and encoded on one worker (media/early_pieces.h) with the
// output settings the final plan will have; the stitch copies every piece that matches its plan
// exactly and encodes only the rest (the last chunk). A piece that no longer matches (the chunk
// regenerated, trimmed or re-planned, another frame rate) is dropped by the stitch.
#include <QDateTime>
#include <QJsonObject>

#include "render/scene_job_state.h"

namespace sw::render {

namespace {

// SCENEWRIGHT_ENCODE_AHEAD=0 turns it off (bench/pipeline_bench.sh compares both ways).
bool encodeAheadEnabled() { return qEnvironmentVariable("SCENEWRIGHT_ENCODE_AHEAD") != u"0"; }

bool crossfades(const model::Chunk& c) {
  return c.transition == QLatin1String("crossfade") && c.transitionDuration > 0;
}

}  // namespace

void startPieces(SceneJob::State& s, const QString& outputPath) {
  s.piecesOutput = outputPath;
  if (s.request.offline || s.onlyChunk || !encodeAheadEnabled()) return;
  s.pieces = std::make_unique<media::PieceEncoder>(s.ctx.cancelFlag.get());
}

void encodeAhead(SceneJob::State& s, const SceneState& state, int index, model::Id chunkId) {
  s.chunkReadyAtMs.insert(index, QDateTime::currentMSecsSinceEpoch());
  if (!s.pieces || index + 1 >= state.chunksNeeded) return;  // the last one: the stitch's
  const QList<const Slot*> items = state.chunkSlots();
  bool moreToGenerate = false;
  for (int j = index + 1; j < state.chunksNeeded && j < items.size(); ++j)
    moreToGenerate = moreToGenerate || items[j]->willGenerate;
  if (!moreToGenerate || index >= items.size()) return;  // nothing to overlap with
  const auto chunk = s.store->chunk(chunkId);
  if (!chunk) return;
  for (const model::Chunk& previous : s.store->chunks(s.scene.id))
    if (previous.position == chunk->position - 1 && crossfades(previous))
      return;  // its first frames blend with the previous chunk's
  const QString what = QStringLiteral("the video of chunk %1").arg(index + 1);
  const auto asset = usableAsset(s, chunk->assetId, MediaKind::Video, what);
  if (!asset) return;
  TimelineInputs one;
  one.segments.append(chunkSegment(s, *chunk, *asset, false, items[index]->seconds));
  if (one.segments.first().crossfade) return;  // its last frames blend with the next chunk's
  const std::optional<FrameRate> fps = sharedFrameRate(one.segments);
  one.fps = fps ? fps->value() : (s.modelEntry->fps > 0 ? s.modelEntry->fps : 24);
  s.pieces->submit(index, buildRenderPlan(one, renderOutputSettings(s, s.piecesOutput, fps)));
}

void reportPieces(SceneJob::State& s) {
  if (!s.pieces) return;
  for (const media::PieceReport& r : s.pieces->takeReports()) {
    int ready = 0;  // chunks ready by the time the piece was
    for (auto it = s.chunkReadyAtMs.cbegin(); it != s.chunkReadyAtMs.cend(); ++it)
      if (it.value() <= r.finishedAtMs) ++ready;
    const QJsonObject data{{"chunk", r.key + 1},
                           {"encoded", r.encoded},
                           {"frames", double(r.frames)},
                           {"seconds", r.seconds},
                           {"finishedAt", double(r.finishedAtMs)},
                           {"chunksReady", ready},
                           {"note", r.note}};
    if (r.encoded)
      s.event(QStringLiteral("info"), QStringLiteral("piece.encoded"),
              QStringLiteral("Chunk %1 encoded ahead: %2 frames in %3 s (chunks ready by then: %4)")
                  .arg(r.key + 1)
                  .arg(r.frames)
                  .arg(r.seconds, 0, 'f', 2)
                  .arg(ready),
              data);
    else
      s.event(QStringLiteral("info"), QStringLiteral("piece.skipped"),
              QStringLiteral("Chunk %1 not encoded ahead: %2").arg(r.key + 1).arg(r.note), data);
  }
}

media::PieceList finishPieces(SceneJob::State& s) {
  if (!s.pieces) return {};
  media::PieceList pieces = s.pieces->finish();
  reportPieces(s);
  return pieces;
}

}  // namespace sw::render
