// SceneJob: the checks of the files a job reads and writes, made before any paid call.
#include "render/asset_files.h"
#include "render/model_observations.h"
#include "render/output_target.h"
#include "render/scene_job_state.h"

namespace sw::render {

std::optional<model::Asset> usableAsset(SceneJob::State& s, std::optional<model::Id> id,
                                        MediaKind kind, const QString& what) {
  if (!id) return std::nullopt;
  std::optional<model::Asset> asset = locateAsset(*s.store, *s.cache, *id);
  if (!asset) return std::nullopt;
  const CheckedFile file = checkInputFile(asset->filePath, kind, s.roots(), what);
  asset->filePath = file.path;
  if (asset->duration <= 0) asset->duration = file.probe.duration;
  if (kind == MediaKind::Video && file.probe.video())
    asset->parameters.insert(QStringLiteral("measured"), measureVideo(file.probe).toJson());
  return asset;
}

void checkBeforeGenerating(SceneJob::State& s, const QString& outputPath) {
  QStringList inputs;
  const QString scene = QStringLiteral("scene '%1'").arg(s.scene.title);
  if (auto reference = usableAsset(s, s.scene.referenceAssetId, MediaKind::Image,
                                   QStringLiteral("the reference image of %1").arg(scene)))
    inputs << reference->filePath;
  for (const model::Chunk& chunk : s.chunks)
    if (auto video = usableAsset(
            s, chunk.assetId, MediaKind::Video,
            QStringLiteral("the video of chunk %1 of %2").arg(chunk.position + 1).arg(scene)))
      inputs << video->filePath;
  if (s.request.sfx)
    for (const model::SfxCue& cue : s.store->sfxCues(s.scene.id))
      if (!cue.file.isEmpty())
        inputs << checkInputFile(cue.file, MediaKind::Audio, s.roots(),
                                 QStringLiteral("the file of sound effect '%1' in %2")
                                     .arg(cue.description, scene))
                      .path;
  const OutputRules rules{s.store->folder(), s.cache->directory(), inputs};
  for (const QString& target : {outputPath, outputPath + QStringLiteral(".json")}) {
    const QString problem = outputProblem(target, rules);
    if (!problem.isEmpty())
      throw JobFailure(QStringLiteral("Cannot render to %1: %2. Choose another output file; "
                                      "nothing was generated.")
                           .arg(target, problem));
  }
}

}  // namespace sw::render
