#include "ui/user_media.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include "core/error.h"
#include "media/probe.h"
#include "providers/asset_cache.h"
#include "render/model_observations.h"

namespace sw::ui {

namespace {
QString mimeOf(const media::ProbeResult& p, UserMediaKind kind, const QString& suffix) {
  const QString s = suffix.toLower();
  switch (kind) {
    case UserMediaKind::Image:
      return s == QLatin1String("png")    ? QStringLiteral("image/png")
             : s == QLatin1String("webp") ? QStringLiteral("image/webp")
                                          : QStringLiteral("image/jpeg");
    case UserMediaKind::Video:
      return p.format.contains(QLatin1String("webm"))       ? QStringLiteral("video/webm")
             : p.format.contains(QLatin1String("matroska")) ? QStringLiteral("video/x-matroska")
                                                            : QStringLiteral("video/mp4");
    case UserMediaKind::Audio:
      if (p.format == QLatin1String("wav")) return QStringLiteral("audio/wav");
      if (p.format == QLatin1String("mp3")) return QStringLiteral("audio/mpeg");
      if (p.format == QLatin1String("flac")) return QStringLiteral("audio/flac");
      if (p.format == QLatin1String("ogg")) return QStringLiteral("audio/ogg");
      return QStringLiteral("audio/mp4");
  }
  return {};
}

// Why the probed file is not what the slot takes; empty when it is.
QString mismatch(const media::ProbeResult& p, UserMediaKind kind, const QString& name) {
  switch (kind) {
    case UserMediaKind::Audio:
      if (p.audio() && !p.video()) return {};
      return QCoreApplication::translate(
                 "sw::ui::UserMedia",
                 "%1 is not a sound file (it has no audio, or it is a video): drop a WAV, MP3, "
                 "FLAC, Ogg or M4A file.")
          .arg(name);
    case UserMediaKind::Video:
      if (p.video() && !p.stillImage && p.duration > 0) return {};
      return QCoreApplication::translate("sw::ui::UserMedia",
                                         "%1 is not a video: drop an MP4, MOV, WebM or MKV file.")
          .arg(name);
    case UserMediaKind::Image:
      if (p.video() && p.stillImage) return {};
      return QCoreApplication::translate("sw::ui::UserMedia",
                                         "%1 is not a picture: drop a PNG or JPEG file.")
          .arg(name);
  }
  return {};
}
}  // namespace

UserMedia importUserMedia(const QString& source, UserMediaKind kind, const QString& assetKind,
                          const QString& cacheDirectory) {
  UserMedia out;
  const QFileInfo info(source);
  const QString name = info.fileName();
  if (!info.isFile()) {
    out.error =
        QCoreApplication::translate("sw::ui::UserMedia", "%1 is not a file that can be read.")
            .arg(source);
    return out;
  }
  media::ProbeResult probed;
  try {
    probed = media::probe(source, media::ProbeOptions{false, 2.0, false});
  } catch (const core::Error&) {
    out.error = QCoreApplication::translate(
                    "sw::ui::UserMedia",
                    "%1 is not a media file Scenewright can read (FFmpeg does not recognise it).")
                    .arg(name);
    return out;
  }
  if (const QString why = mismatch(probed, kind, name); !why.isEmpty()) {
    out.error = why;
    return out;
  }
  try {
    providers::AssetCache cache(cacheDirectory);
    providers::CacheRequest request;
    request.capability = QStringLiteral("user");
    request.backend = QStringLiteral("user");
    request.inputs = QJsonObject{{"kind", assetKind}};
    request.inputFiles = {source};
    const QString key = providers::AssetCache::key(request);
    QString path;
    if (const auto hit = cache.lookup(key)) {
      path = *hit;
    } else {
      const QString temp = cache.temporaryPath(info.suffix().toLower());
      if (!QFile::copy(source, temp)) {
        QFile::remove(temp);
        out.error = QCoreApplication::translate(
                        "sw::ui::UserMedia",
                        "Could not copy %1 into the asset cache %2 (check free space and "
                        "permissions).")
                        .arg(source, cacheDirectory);
        return out;
      }
      path = cache.store(key, temp, QJsonObject{{"provider", "user"}, {"source", source}},
                         info.suffix().toLower());
    }
    // Measured again on the copy: what is kept is what was checked.
    const media::ProbeResult kept = media::probe(path, media::ProbeOptions{false, 2.0, false});
    if (const QString why = mismatch(kept, kind, name); !why.isEmpty()) {
      out.error = why;
      return out;
    }
    model::Asset& a = out.asset;
    a.kind = assetKind;
    a.cacheKey = key;
    a.filePath = path;
    a.mime = mimeOf(kept, kind, info.suffix());
    a.provider = QStringLiteral("user");
    QJsonObject measured;
    if (const media::StreamInfo* v = kept.video()) {
      a.width = v->displayWidth();
      a.height = v->displayHeight();
    }
    if (kind == UserMediaKind::Video) {
      const render::MeasuredVideo video = render::measureVideo(kept);
      a.duration = video.duration;
      measured = video.toJson();
    } else if (kind == UserMediaKind::Audio) {
      const media::StreamInfo* s = kept.audio();
      a.duration = s->duration > 0 ? s->duration : kept.duration;
      measured = QJsonObject{
          {"duration", a.duration}, {"sampleRate", s->sampleRate}, {"channels", s->channels}};
    } else {
      measured = QJsonObject{{"width", a.width}, {"height", a.height}};
    }
    a.parameters = QJsonObject{{"source", source},
                               {"sourceName", name},
                               {"sha256", providers::AssetCache::fileSha256(path)},
                               {"measured", measured}};
  } catch (const core::Error& e) {
    out.error = QCoreApplication::translate("sw::ui::UserMedia", "Could not use %1: %2")
                    .arg(name, e.message());
  }
  return out;
}

}  // namespace sw::ui
