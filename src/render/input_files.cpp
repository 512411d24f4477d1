#include "render/input_files.h"

#include <QFileInfo>

#include "media/media_error.h"
#include "render/scene_job_state.h"

namespace sw::render {

namespace {

QString kindName(MediaKind kind) {
  switch (kind) {
    case MediaKind::Image:
      return QStringLiteral("an image");
    case MediaKind::Video:
      return QStringLiteral("a video");
    case MediaKind::Audio:
      return QStringLiteral("audio");
  }
  return {};
}

// Whether the probed file holds the media `kind` says (beyond opening as media at all).
bool holds(const media::ProbeResult& r, MediaKind kind) {
  switch (kind) {
    case MediaKind::Image: {
      const bool still = r.format.endsWith(QLatin1String("_pipe")) || r.format == "image2";
      return still && r.video() && r.video()->width > 0 && r.video()->height > 0;
    }
    case MediaKind::Video:  // probed with requireVideo: not a still image
      return r.video() && r.video()->width > 0 && r.video()->height > 0;
    case MediaKind::Audio:
      return r.audio() && r.audio()->sampleRate > 0 && r.audio()->channels > 0;
  }
  return false;
}

}  // namespace

CheckedFile checkInputFile(const QString& path, MediaKind kind, const model::AssetRoots& roots,
                           const QString& what) {
  const QString role = what.left(1).toUpper() + what.mid(1);
  const model::ConfinedPath confined = model::confinePath(path, roots);
  if (!confined.ok())
    throw JobFailure(QStringLiteral("%1: %2. A render only reads files in the project folder or "
                                    "the asset cache: copy the file into the project folder and "
                                    "choose it there.")
                         .arg(role, confined.problem));
  const QFileInfo info(confined.path);
  if (!info.exists())
    throw JobFailure(QStringLiteral("%1: %2 does not exist.").arg(role, confined.path),
                     core::ErrorKind::NotFound);
  if (!info.isFile())
    throw JobFailure(QStringLiteral("%1: %2 is not a regular file.").arg(role, confined.path),
                     core::ErrorKind::BadInput);
  CheckedFile out{confined.path, {}};
  const auto notMedia = [&](const QString& detail) {
    return JobFailure(QStringLiteral("%1: %2 is not %3 (%4). Replace the file or remove it from "
                                     "the project; nothing was generated or uploaded.")
                          .arg(role, confined.path, kindName(kind), detail),
                      core::ErrorKind::BadInput);
  };
  media::ProbeOptions options;
  options.keyframes = false;
  options.vfrScanSeconds = 0;
  options.requireVideo = kind == MediaKind::Video;
  try {
    out.probe = media::probe(confined.path, options);
  } catch (const media::MediaError& e) {
    throw notMedia(e.message());
  }
  if (!holds(out.probe, kind))
    throw notMedia(QStringLiteral("it opens as '%1' with %2 stream(s), none of them %3")
                       .arg(out.probe.format)
                       .arg(out.probe.streams.size())
                       .arg(kindName(kind)));
  return out;
}

}  // namespace sw::render
