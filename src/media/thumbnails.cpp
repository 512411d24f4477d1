#include "media/thumbnails.h"

#include "media/image_encode.h"
#include "media/media_error.h"
#include "media/media_input.h"
#include "media/probe.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace sw::media {

namespace {

// The keyframe at or before `seconds` and the stream's display rotation.
FramePtr keyframeAt(const QString& video, double seconds, int* rotation) {
  MediaInput in(video, true);
  *rotation = displayRotation(in.stream(in.videoStream()));
  FrameReader reader(in, in.videoStream());
  reader.context()->skip_frame = AVDISCARD_NONKEY;
  if (seconds > 0) reader.seek(seconds);
  FramePtr f = makeFrame();
  if (!reader.next(f.get())) {
    reader.seek(0);
    if (!reader.next(f.get())) {
      throw MediaError(MediaError::Kind::InvalidInput,
                       QStringLiteral("%1 has no decodable keyframe.").arg(video));
    }
  }
  return f;
}

// Decodes from `seconds` to the end; returns the frame with the greatest timestamp (or null).
FramePtr lastFrameFrom(const QString& video, double seconds) {
  MediaInput in(video, true);
  FrameReader reader(in, in.videoStream());
  if (seconds > 0) reader.seek(seconds);
  FramePtr cur = makeFrame(), best;
  while (reader.next(cur.get())) {
    if (!best || cur->pts >= best->pts) {
      if (!best) best = makeFrame();
      av_frame_unref(best.get());
      av_frame_move_ref(best.get(), cur.get());
    }
  }
  return best;
}

}  // namespace

Thumbnailer::Thumbnailer(const QString& cacheDir) : cacheDir_(cacheDir) {
  if (!cacheDir_.isEmpty()) QDir().mkpath(cacheDir_);
}

QString Thumbnailer::cacheKey(const QString& video, double seconds, int width) {
  const QFileInfo info(video);
  // "upright": thumbnails are turned by the display rotation (older cache entries were not).
  const QString material = QStringLiteral("upright\n%1\n%2\n%3\n%4\n%5")
                               .arg(info.absoluteFilePath())
                               .arg(info.size())
                               .arg(info.lastModified().toMSecsSinceEpoch())
                               .arg(seconds, 0, 'f', 3)
                               .arg(width);
  return QString::fromLatin1(
      QCryptographicHash::hash(material.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QByteArray Thumbnailer::thumbnail(const QString& video, double seconds, int width) {
  if (!cacheDir_.isEmpty()) {
    QFile cached(QDir(cacheDir_).filePath(cacheKey(video, seconds, width) + ".png"));
    if (cached.open(QIODevice::ReadOnly)) return cached.readAll();
  }
  int rotation = 0;
  FramePtr f = keyframeAt(video, seconds, &rotation);
  QByteArray png = encodePng(f.get(), width, rotation);
  if (!cacheDir_.isEmpty())
    writeFileAtomically(QDir(cacheDir_).filePath(cacheKey(video, seconds, width) + ".png"), png);
  return png;
}

QString Thumbnailer::thumbnailFile(const QString& video, double seconds, int width,
                                   const QString& outPath) {
  const QByteArray png = thumbnail(video, seconds, width);
  if (!cacheDir_.isEmpty() && outPath.isEmpty())
    return QDir(cacheDir_).filePath(cacheKey(video, seconds, width) + ".png");
  writeFileAtomically(outPath, png);
  return outPath;
}

std::vector<QByteArray> Thumbnailer::filmstrip(const QString& video, int count, int width) {
  const ProbeResult p = probe(video, ProbeOptions{false, 0.0});
  const double d = p.video() && p.video()->duration > 0 ? p.video()->duration : p.duration;
  std::vector<QByteArray> out;
  out.reserve(static_cast<size_t>(std::max(0, count)));
  for (int i = 0; i < count; ++i) out.push_back(thumbnail(video, d * (i + 0.5) / count, width));
  return out;
}

namespace {

FramePtr decodeLastFrame(const QString& video, int* rotation) {
  const ProbeResult p = probe(video, ProbeOptions{false, 0.0});
  *rotation = p.video() ? p.video()->rotation : 0;
  const double end = p.video() && p.video()->duration > 0 ? p.video()->duration : p.duration;
  for (double backoff = 1.0; backoff < 2 * end + 2; backoff *= 2) {
    if (FramePtr f = lastFrameFrom(video, std::max(0.0, end - backoff))) return f;
    if (end - backoff <= 0) break;
  }
  if (FramePtr f = lastFrameFrom(video, 0.0)) return f;
  throw MediaError(MediaError::Kind::InvalidInput,
                   QStringLiteral("%1 has no decodable video frame.").arg(video));
}

}  // namespace

void saveLastFrame(const QString& video, const QString& pngPath) {
  int rotation = 0;
  FramePtr f = decodeLastFrame(video, &rotation);
  writeFileAtomically(pngPath, encodePng(f.get(), 0, rotation));
}

namespace {

struct CutFrame {
  FramePtr frame;  // the last frame before the cut (null: none decoded before it)
  FramePtr first;  // the first frame decoded (for a cut before every frame)
  double seconds = 0;
  double firstSeconds = 0;
};

// Decodes from the keyframe at or before `from` and keeps the last frame before `before`.
CutFrame frameBefore(const QString& video, double from, double before) {
  MediaInput in(video, true);
  FrameReader reader(in, in.videoStream());
  if (from > 0) reader.seek(from);
  const double tb = av_q2d(reader.timeBase());
  CutFrame out;
  FramePtr cur = makeFrame();
  while (reader.next(cur.get())) {
    const double t = cur->pts * tb;
    if (!out.first) {
      out.first = makeFrame();
      av_frame_ref(out.first.get(), cur.get());
      out.firstSeconds = t;
    }
    if (t >= before) continue;  // B-frames may still bring an earlier one: drain to the end
    if (!out.frame || t >= out.seconds) {
      if (!out.frame) out.frame = makeFrame();
      av_frame_unref(out.frame.get());
      av_frame_move_ref(out.frame.get(), cur.get());
      out.seconds = t;
    }
  }
  return out;
}

}  // namespace

double saveFrameBeforeCut(const QString& video, double cutSeconds, const QString& pngPath) {
  const ProbeResult p = probe(video, ProbeOptions{false, 0.0});
  const StreamInfo* v = p.video();
  const double fps = v && v->frameRate() > 0 ? v->frameRate() : 0.0;
  const double before = cutSeconds - (fps > 0 ? 0.25 / fps : 0.001);
  CutFrame c = frameBefore(video, std::max(0.0, cutSeconds - 1.0), before);
  if (!c.frame && cutSeconds - 1.0 > 0) c = frameBefore(video, 0.0, before);
  if (c.frame) {
    writeFileAtomically(pngPath, encodePng(c.frame.get(), 0, v ? v->rotation : 0));
    return c.seconds;
  }
  if (!c.first)
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("%1 has no decodable video frame.").arg(video));
  writeFileAtomically(pngPath, encodePng(c.first.get(), 0, v ? v->rotation : 0));
  return c.firstSeconds;
}

}  // namespace sw::media
