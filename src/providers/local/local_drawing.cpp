#include "providers/local/local_drawing.h"

#include "media/filter_graph.h"
#include "media/media_error.h"
#include "media/rgba_frame.h"
#include "providers/provider_error.h"

#include <QColor>
#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace sw::providers::local {

sw::media::FramePtr frameFromImage(const QImage& source) {
  const QImage image = source.convertToFormat(QImage::Format_RGBA8888);
  return sw::media::makeRgbaFrame(image.width(), image.height(), image.constBits(),
                                  image.bytesPerLine());
}

QImage imageFromRgbaFrame(const AVFrame* frame) {
  QImage image(frame->width, frame->height, QImage::Format_RGBA8888);
  sw::media::copyRgbaPixels(frame, image.bits(), image.bytesPerLine());
  return image;
}

namespace {

struct Rgb {
  double r, g, b;
};

Rgb hsv(double h, double s, double v) {
  const QColor c = QColor::fromHsvF(static_cast<float>(std::fmod(h, 1.0)), static_cast<float>(s),
                                    static_cast<float>(v));
  return {c.redF(), c.greenF(), c.blueF()};
}

Rgb mix(const Rgb& a, const Rgb& b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

struct Palette {
  Rgb skyTop, skyBottom, sun, hillNear, hillFar;
};

Palette paletteFor(const QString& prompt, Rng& rng) {
  const QString p = prompt.toLower();
  double hue = rng.uniform();
  double light = 0.85;
  if (p.contains("night") || p.contains("dark") || p.contains("storm")) light = 0.35;
  if (p.contains("sea") || p.contains("ocean") || p.contains("rain"))
    hue = 0.55 + 0.08 * rng.uniform();
  if (p.contains("dusk") || p.contains("sunset") || p.contains("fire"))
    hue = 0.03 + 0.06 * rng.uniform();
  if (p.contains("forest") || p.contains("garden")) hue = 0.28 + 0.08 * rng.uniform();
  Palette pal;
  pal.skyTop = hsv(hue, 0.55, light * 0.7);
  pal.skyBottom = hsv(hue + 0.08, 0.35, light);
  pal.sun = hsv(hue + 0.5, 0.25, std::min(1.0, light + 0.15));
  pal.hillFar = hsv(hue + 0.25, 0.45, light * 0.55);
  pal.hillNear = hsv(hue + 0.3, 0.55, light * 0.35);
  return pal;
}

uint8_t to8(double v) { return static_cast<uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); }

}  // namespace

uint64_t stableHash(const QString& text, int64_t seed) {
  QCryptographicHash h(QCryptographicHash::Sha256);
  h.addData(text.toUtf8());
  h.addData(QByteArray::number(static_cast<qlonglong>(seed)));
  const QByteArray d = h.result();
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(d.at(i));
  return v;
}

uint64_t Rng::next() {
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

QImage drawBackdrop(const QString& prompt, int64_t seed, int width, int height) {
  Rng rng(stableHash(prompt, seed));
  const Palette pal = paletteFor(prompt, rng);
  const double sunX = 0.2 + 0.6 * rng.uniform(), sunY = 0.2 + 0.25 * rng.uniform();
  const double sunR = 0.06 + 0.05 * rng.uniform();
  const double farPhase = rng.uniform() * 6.28, nearPhase = rng.uniform() * 6.28;
  const double farFreq = 2.0 + 3.0 * rng.uniform(), nearFreq = 3.0 + 4.0 * rng.uniform();
  QImage image(width, height, QImage::Format_RGBA8888);
  const double aspect = static_cast<double>(width) / height;
  for (int y = 0; y < height; ++y) {
    uchar* row = image.scanLine(y);
    const double v = (y + 0.5) / height;
    for (int x = 0; x < width; ++x) {
      const double u = (x + 0.5) / width;
      Rgb c = mix(pal.skyTop, pal.skyBottom, v);
      const double d = std::hypot((u - sunX) * aspect, v - sunY);
      if (d < sunR)
        c = pal.sun;
      else if (d < sunR * 2.2)
        c = mix(pal.sun, c, (d - sunR) / (sunR * 1.2));
      const double far = 0.62 + 0.06 * std::sin(u * farFreq * 3.14159 + farPhase);
      const double near = 0.78 + 0.05 * std::sin(u * nearFreq * 3.14159 + nearPhase);
      if (v > far) c = mix(pal.hillFar, pal.hillNear, std::min(1.0, (v - far) * 2.0));
      if (v > near) c = mix(pal.hillNear, Rgb{0, 0, 0}, std::min(0.6, (v - near) * 1.5));
      row[4 * x] = to8(c.r);
      row[4 * x + 1] = to8(c.g);
      row[4 * x + 2] = to8(c.b);
      row[4 * x + 3] = 255;
    }
  }
  return image;
}

QStringList wrapCaption(const QString& text, int maxChars, int maxLines) {
  const QStringList words = text.simplified().split(' ', Qt::SkipEmptyParts);
  QStringList lines;
  QString current;
  for (const QString& word : words) {
    if (!current.isEmpty() && current.size() + 1 + word.size() > maxChars) {
      lines << current;
      current.clear();
    }
    current += (current.isEmpty() ? QString() : QStringLiteral(" ")) + word.left(maxChars);
  }
  if (!current.isEmpty()) lines << current;
  if (lines.size() > maxLines) {
    lines = lines.mid(0, maxLines);
    QString& last = lines.last();
    last = last.left(std::max(0, maxChars - 3)) + QStringLiteral("...");
  }
  return lines;
}

QString escapeFilterValue(const QString& value) {
  QString v = value;
  v.replace('\\', QStringLiteral("\\\\"))
      .replace(':', QStringLiteral("\\:"))
      .replace('\'', QStringLiteral("\\'"));
  return QStringLiteral("'") + v + QStringLiteral("'");
}

QString captionFilter(const QString& caption, const QString& captionFile, int width, int height,
                      double fadeDuration) {
  const int fontSize = std::max(10, height / 16);
  const int maxChars = std::max(12, static_cast<int>(width / (fontSize * 0.56)) - 2);
  QSaveFile file(captionFile);
  if (!file.open(QIODevice::WriteOnly) ||
      file.write(wrapCaption(caption, maxChars, 3).join('\n').toUtf8()) < 0 || !file.commit())
    throw ProviderError(ProviderError::Kind::Failed,
                        QStringLiteral("Cannot write the caption file %1: %2.")
                            .arg(captionFile, file.errorString()));
  QString alpha = QStringLiteral("1");
  if (fadeDuration > 0.0) {  // in over [a,b], out over [c,d]; clean before a and after d
    const double f = std::min(0.4, fadeDuration / 6.0);
    const double a = f, b = 2 * f, c = fadeDuration - 3 * f, d = fadeDuration - 2 * f;
    alpha = QStringLiteral(
                "if(lt(t\\,%1)\\,0\\,if(lt(t\\,%2)\\,(t-%1)/%5\\,if(lt(t\\,%3)\\,1\\,"
                "if(lt(t\\,%4)\\,(%4-t)/%5\\,0))))")
                .arg(a)
                .arg(b)
                .arg(c)
                .arg(d)
                .arg(f);
  }
  return QStringLiteral(
             "drawtext=fontfile=%1:textfile=%2:expansion=none:fontsize=%3:fontcolor=white:"
             "borderw=2:bordercolor=black@0.8:line_spacing=%4:x=(w-text_w)/2:"
             "y=h-text_h-%5:alpha=%6")
      .arg(escapeFilterValue(QString::fromLatin1(kCaptionFont)), escapeFilterValue(captionFile))
      .arg(fontSize)
      .arg(fontSize / 4)
      .arg(height / 14)
      .arg(alpha);
}

QImage filterImage(const QImage& image, const QString& description, const QString& what) {
  using namespace sw::media;
  FramePtr in = frameFromImage(image);
  const std::string args = videoSourceArgs(in->width, in->height, AV_PIX_FMT_RGBA,
                                           AVRational{1, 25}, AVRational{1, 1}, AVRational{25, 1});
  FilterGraph graph({GraphInput{"in", false, args}}, {GraphOutput{"out", false, AV_PIX_FMT_RGBA}},
                    description.toStdString(), what);
  graph.push(0, in.get());
  graph.push(0, nullptr);
  FramePtr out = makeFrame();
  if (graph.pull(0, out.get()) != FilterGraph::Pull::Frame)
    throw ProviderError(ProviderError::Kind::Failed,
                        QStringLiteral("%1 produced no picture.").arg(what));
  return imageFromRgbaFrame(out.get());
}

}  // namespace sw::providers::local
