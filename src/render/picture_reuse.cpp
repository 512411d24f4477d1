#include "render/picture_reuse.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include "core/temp_files.h"
#include "media/compat.h"
#include "media/timeline.h"

namespace sw::render {

QJsonObject pictureOf(const media::RenderPlan& plan) {
  const QJsonObject json = plan.toJson();
  QJsonObject output = json.value(QStringLiteral("output")).toObject();
  // Everything else of the output settings shapes the picture (size, rate, encoder, parts).
  for (const char* audioOnly :
       {"path", "audioBitrate", "loudness", "ducking", "chunkAudio", "copyChunkAudio"})
    output.remove(QLatin1String(audioOnly));
  return {{"segments", json.value(QStringLiteral("segments"))}, {"output", output}};
}

namespace {

std::optional<media::RenderPlan> previousPlan(const QString& output, QString* why) {
  QFile file(output + QStringLiteral(".json"));
  if (!file.open(QIODevice::ReadOnly)) {
    *why = QStringLiteral("the earlier render has no manifest");
    return std::nullopt;
  }
  const QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
  try {
    return media::RenderPlan::fromJson(manifest.value(QStringLiteral("plan")).toObject());
  } catch (const std::exception&) {
    *why = QStringLiteral("the earlier render's manifest has no readable plan");
    return std::nullopt;
  }
}

}  // namespace

std::unique_ptr<ReusedPicture> ReusedPicture::forPlan(const media::RenderPlan& plan, QString* why) {
  const QFileInfo output(plan.output.path);
  if (!output.isFile()) {
    *why = QStringLiteral("there is no earlier render at this path");
    return nullptr;
  }
  const auto previous = previousPlan(output.absoluteFilePath(), why);
  if (!previous) return nullptr;
  if (pictureOf(*previous) != pictureOf(plan)) {
    *why = QStringLiteral("the picture changed since the earlier render");
    return nullptr;
  }
  std::unique_ptr<ReusedPicture> reused(new ReusedPicture);
  // A copy with a temporary name (swept if this process dies): the new render replaces the file.
  reused->copy_ =
      output.absoluteDir().filePath(core::tempName(output.completeBaseName(), output.suffix()));
  if (!QFile::copy(output.absoluteFilePath(), reused->copy_)) {
    *why = QStringLiteral("the earlier render could not be copied aside");
    reused->copy_.clear();
    return nullptr;
  }
  media::RenderPlan& p = reused->plan_;
  p = plan;
  p.segments = {media::VideoSegment{reused->copy_}};
  p.output.chunkAudio = media::ChunkAudio::Replace;  // its audio is the old mix
  p.output.copyChunkAudio = false;
  try {
    const media::Timeline picture = media::resolveTimeline(p);
    const media::CompatReport compat = media::checkCompatibility(picture);
    if (compat.path != media::StitchPath::StreamCopy) {
      *why = QStringLiteral("its video would be re-encoded (%1)").arg(compat.reason);
      return nullptr;
    }
    // The same length as the picture the plan describes, to the frame.
    const media::Timeline wanted = media::resolveTimeline(plan);
    if (picture.totalFrames != wanted.totalFrames) {
      *why = QStringLiteral("it has %1 frames, the picture %2")
                 .arg(picture.totalFrames)
                 .arg(wanted.totalFrames);
      return nullptr;
    }
  } catch (const std::exception& e) {
    *why = QStringLiteral("it cannot be read (%1)").arg(QString::fromUtf8(e.what()));
    return nullptr;
  }
  why->clear();
  return reused;
}

ReusedPicture::~ReusedPicture() {
  if (!copy_.isEmpty()) QFile::remove(copy_);
}

}  // namespace sw::render
