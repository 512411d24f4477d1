#include "cloud_fixture.h"

#include "support/media_fixtures.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>

namespace sw::cloudtest {

namespace {

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString makePng(const QString& path, int w, int h, bool noisy) {
  QImage img(w, h, QImage::Format_RGB32);
  img.fill(QColor(40, 90, 160));
  QPainter p(&img);
  p.fillRect(w / 4, h / 4, w / 2, h / 2, QColor(230, 200, 60));
  p.end();
  if (noisy) {  // incompressible pixels make a PNG larger than Replicate's 256 KB data-URI limit
    QRandomGenerator rng(7);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) img.setPixel(x, y, rng.generate() | 0xff000000u);
  }
  img.save(path, "PNG");
  return path;
}

}  // namespace

const Fixtures& fixtures() {
  static Fixtures* f = [] {
    auto* fx = new Fixtures;
    testsupport::ClipSpec clip;
    clip.seconds = 1.0;
    clip.fps = {10, 1};
    fx->mp4 = testsupport::makeClip(fx->dir.filePath("clip.mp4"), clip);
    testsupport::WavSpec wav;
    wav.seconds = 1.0;
    wav.channels = 1;
    wav.sampleRate = 24000;
    fx->wav = testsupport::makeWav(fx->dir.filePath("tone.wav"), wav);
    fx->png = makePng(fx->dir.filePath("ref.png"), 320, 180, false);
    fx->bigPng = makePng(fx->dir.filePath("big.png"), 400, 300, true);
    fx->mp4Bytes = readAll(fx->mp4);
    fx->wavBytes = readAll(fx->wav);
    fx->pngBytes = readAll(fx->png);
    return fx;
  }();
  return *f;
}

void CloudTest::SetUp() {
  const Fixtures& fx = fixtures();
  ASSERT_FALSE(fx.mp4Bytes.isEmpty());
  ASSERT_FALSE(fx.wavBytes.isEmpty());
  ASSERT_FALSE(fx.pngBytes.isEmpty());
  server = std::make_unique<sw::fakecloud::FakeCloudServer>(kScale);
  server->setFixture("mp4", fx.mp4Bytes);
  server->setFixture("wav", fx.wavBytes);
  server->setFixture("png", fx.pngBytes);
  registry = std::make_shared<providers::ModelRegistry>(providers::ModelRegistry::load(QString()));
}

QJsonObject CloudTest::options(const sw::fakecloud::FakeCloudServer* s) const {
  const auto* target = s ? s : server.get();
  return {{"baseUrl", target->url().toString()}, {"useKeychain", false}, {"timeScale", kScale}};
}

providers::cloud::CloudSetup CloudTest::setup(providers::cloud::Service service,
                                              QJsonObject extra) const {
  QJsonObject o = options();
  for (auto it = extra.begin(); it != extra.end(); ++it) o[it.key()] = it.value();
  return providers::cloud::makeCloudSetup(service, o);
}

providers::GenerationContext CloudTest::context() const {
  providers::GenerationContext ctx;
  ctx.outputDir = out.path();
  return ctx;
}

const providers::ModelEntry& CloudTest::model(const QString& key) const {
  return registry->model(key);
}

int CloudTest::outputFiles() const {
  return static_cast<int>(QDir(out.path()).entryList(QDir::Files | QDir::Hidden).size());
}

}  // namespace sw::cloudtest
