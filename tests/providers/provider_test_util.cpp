#include "provider_test_util.h"

#include "media/thumbnails.h"

#include <QCryptographicHash>
#include <QFile>
#include <cmath>

namespace sw::providers::test {

const ModelRegistry& builtinRegistry() {
  static const ModelRegistry registry = ModelRegistry::load(QString());
  return registry;
}

GenerationContext contextFor(const QString& dir) {
  GenerationContext ctx;
  ctx.outputDir = dir;
  return ctx;
}

QString sha256File(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QString::fromLatin1(
      QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

void writeFile(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  if (f.open(QIODevice::WriteOnly)) f.write(bytes);
}

double meanAbsDiff(const QImage& a, const QImage& b) {
  if (a.size() != b.size() || a.isNull()) return 1e9;
  const QImage x = a.convertToFormat(QImage::Format_RGB888);
  const QImage y = b.convertToFormat(QImage::Format_RGB888);
  double sum = 0;
  for (int row = 0; row < x.height(); ++row) {
    const uchar* p = x.constScanLine(row);
    const uchar* q = y.constScanLine(row);
    for (int i = 0; i < x.width() * 3; ++i) sum += std::abs(int(p[i]) - int(q[i]));
  }
  return sum / (double(x.width()) * x.height() * 3);
}

QImage firstFrame(const QString& video, int width) {
  sw::media::Thumbnailer thumbnailer;
  return QImage::fromData(thumbnailer.thumbnail(video, 0.0, width), "PNG");
}

}  // namespace sw::providers::test
