#include "provider_test_util.h"

#include "media/probe.h"
#include "providers/local/local_video.h"
#include "support/media_fixtures.h"

#include <gtest/gtest.h>
#include <QCryptographicHash>
#include <QDir>
#include <QImage>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>

using namespace sw::providers;
using namespace sw::providers::test;
using sw::providers::local::LocalVideoGenerator;

namespace {

// The local model drawn at 320x180, 1 s chunks (duration is controllable for it).
VideoRequest smallRequest() {
  VideoRequest r;
  r.prompt = QStringLiteral("A red kite over green hills");
  r.direction = QStringLiteral("slow push in");
  r.seed = 7;
  r.model = builtinRegistry().model("local");
  r.width = 320;
  r.height = 180;
  r.duration = 1.0;
  return r;
}

QString startImage(const QString& dir) {
  QImage image(320, 180, QImage::Format_RGB888);
  for (int y = 0; y < 180; ++y)
    for (int x = 0; x < 320; ++x) image.setPixel(x, y, qRgb(x * 255 / 320, y * 255 / 180, 96));
  const QString path = QDir(dir).filePath("start.png");
  image.save(path);
  return path;
}

}  // namespace

TEST(ProvidersLocalVideo, ChunkHasTheModelsDurationFpsAndSize) {
  QTemporaryDir dir;
  LocalVideoGenerator gen;
  const GenerationResult r = gen.generate(smallRequest(), contextFor(dir.path()));
  const sw::media::ProbeResult p = sw::media::probe(r.filePath);
  ASSERT_TRUE(p.video());
  EXPECT_EQ(p.video()->width, 320);
  EXPECT_EQ(p.video()->height, 180);
  EXPECT_EQ(p.video()->codec, QStringLiteral("h264"));
  EXPECT_NEAR(p.video()->frameRate(), 24.0, 0.01);
  EXPECT_NEAR(p.duration, 1.0, 1.0 / 24 + 1e-6);
  EXPECT_EQ(sw::testsupport::countVideoFrames(r.filePath), 24);
  EXPECT_DOUBLE_EQ(r.duration, 1.0);
  EXPECT_EQ(r.costUsd, 0.0);
  EXPECT_EQ(r.provider, QStringLiteral("local"));
}

TEST(ProvidersLocalVideo, SimulatesACloudModelsChunkAtTheConfiguredSize) {
  QTemporaryDir dir;
  LocalVideoGenerator gen(QJsonObject{{"width", 320}, {"height", 180}});
  VideoRequest r;
  r.prompt = QStringLiteral("A storm");
  r.model = builtinRegistry().model("animatediff");  // 2 s at 8 fps
  const GenerationResult out = gen.generate(r, contextFor(dir.path()));
  const sw::media::ProbeResult p = sw::media::probe(out.filePath);
  EXPECT_NEAR(p.video()->frameRate(), 8.0, 0.01);
  EXPECT_EQ(sw::testsupport::countVideoFrames(out.filePath), 16);
  EXPECT_EQ(p.video()->width, 320);
}

TEST(ProvidersLocalVideo, FirstFrameIsTheStartImage) {
  QTemporaryDir dir;
  VideoRequest r = smallRequest();
  r.startImage = startImage(dir.path());
  const GenerationResult out = LocalVideoGenerator().generate(r, contextFor(dir.path()));
  const QImage first = firstFrame(out.filePath, 320);
  ASSERT_FALSE(first.isNull());
  const double diff = meanAbsDiff(first, QImage(r.startImage));
  EXPECT_LT(diff, 4.0) << "first frame differs from the start image by " << diff;
  EXPECT_TRUE(out.notes.contains("image-to-video"));
}

TEST(ProvidersLocalVideo, SameSeedSamePicturesOtherSeedOtherPicture) {
  QTemporaryDir a, b, c;
  LocalVideoGenerator gen;
  const auto drawn = [&](const VideoRequest& r) {
    QStringList hashes;
    local::drawChunk(
        r, gen.plan(r), a.filePath("caption.txt"), contextFor(a.path()), [&](const QImage& f) {
          hashes << QString::fromLatin1(
              QCryptographicHash::hash(
                  QByteArray(reinterpret_cast<const char*>(f.constBits()), f.sizeInBytes()),
                  QCryptographicHash::Sha256)
                  .toHex());
        });
    return hashes;
  };
  const QStringList first = drawn(smallRequest());
  EXPECT_EQ(first.size(), 24);
  EXPECT_EQ(first, drawn(smallRequest())) << "the drawn pictures are identical bit for bit";
  EXPECT_NE(first.first(), first.last()) << "the camera moves";

  const QString f1 = gen.generate(smallRequest(), contextFor(a.path())).filePath;
  const QString f2 = gen.generate(smallRequest(), contextFor(b.path())).filePath;
  EXPECT_LT(meanAbsDiff(firstFrame(f1, 320), firstFrame(f2, 320)), 0.5);
  VideoRequest other = smallRequest();
  other.seed = 8;
  EXPECT_NE(drawn(other).first(), first.first());
  const QString f3 = gen.generate(other, contextFor(c.path())).filePath;
  EXPECT_GT(meanAbsDiff(firstFrame(f1, 320), firstFrame(f3, 320)), 1.0);
}

TEST(ProvidersLocalVideo, RefusedOrCancelledRequestsLeaveNoFile) {
  QTemporaryDir dir;
  LocalVideoGenerator gen;
  VideoRequest refused = smallRequest();
  refused.model = builtinRegistry().model("wan");  // needs a start image
  EXPECT_THROW(gen.generate(refused, contextFor(dir.path())), ProviderError);

  GenerationContext ctx = contextFor(dir.path());
  int calls = 0;
  ctx.progress = [&](double, const QString&) {
    if (++calls == 3) ctx.cancel();
  };
  try {
    gen.generate(smallRequest(), ctx);
    FAIL() << "cancel ignored";
  } catch (const ProviderError& e) {
    EXPECT_EQ(e.kind(), ProviderError::Kind::Cancelled);
  }
  EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty())
      << QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).join(", ").toStdString();
}

TEST(ProvidersLocalImage, ReferenceImageIsADeterministicPng) {
  QTemporaryDir a, b;
  local::LocalImageGenerator gen;
  ImageRequest r{QStringLiteral("A night sea"), {}, 3, 320, 180, {}};
  const GenerationResult x = gen.generate(r, contextFor(a.path()));
  const GenerationResult y = gen.generate(r, contextFor(b.path()));
  EXPECT_EQ(QImage(x.filePath).size(), QSize(320, 180));
  EXPECT_EQ(x.mime, QStringLiteral("image/png"));
  EXPECT_EQ(sha256File(x.filePath), sha256File(y.filePath));
  r.prompt = QStringLiteral("A sunny forest");
  EXPECT_GT(meanAbsDiff(QImage(x.filePath), QImage(gen.generate(r, contextFor(a.path())).filePath)),
            5.0);
}

namespace {

// Runs in a forked child with writes limited to `bytes`: exits 0 only when the local backend
// reports a ProviderError whose general kind is still DiskFull (the media engine's finding).
[[noreturn]] void generateWithFileSizeLimit(const QString& dir, rlim_t bytes) {
  std::signal(SIGXFSZ, SIG_IGN);  // write() fails with EFBIG instead of the process being killed
  const rlimit limit{bytes, bytes};
  if (setrlimit(RLIMIT_FSIZE, &limit) != 0) std::_Exit(3);
  try {
    LocalVideoGenerator().generate(smallRequest(), contextFor(dir));
  } catch (const ProviderError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    std::_Exit(e.errorKind() == sw::core::ErrorKind::DiskFull ? 0 : 2);
  }
  std::_Exit(1);
}

}  // namespace

TEST(LocalVideo, FullDiskStaysDiskFullThroughTheProvider) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  QTemporaryDir dir;
  EXPECT_EXIT(generateWithFileSizeLimit(dir.path(), 8 * 1024), ::testing::ExitedWithCode(0),
              "too large for the disk");
}
