// Issue 9, blocker 4, in the media engine: stitch never writes over one of its inputs (also
// through a hard link or a symlink), and no writer replaces an existing path that is not a
// regular file (a device, a fifo) with the finished file.
#include "media/media_error.h"
#include "media/media_writer.h"
#include "media/stitcher.h"
#include "support/media_fixtures.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace sw::media;
using namespace sw::testsupport;

namespace {

RenderPlan planOf(const QStringList& files, const QString& out) {
  RenderPlan p;
  for (const QString& f : files) {
    VideoSegment s;
    s.file = f;
    p.segments.push_back(s);
  }
  p.output.path = out;
  p.output.preset = "veryfast";
  return p;
}

QByteArray bytesOf(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

mode_t typeOf(const QString& path) {
  struct stat st {};
  return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & S_IFMT) : 0;
}

class MediaOutputGuard : public ::testing::Test {
 protected:
  void SetUp() override {
    ClipSpec spec;
    spec.seconds = 1.0;
    a = makeClip(dir.filePath("in1.mp4"), spec);
    b = makeClip(dir.filePath("in2.mp4"), spec);
    before = bytesOf(a);
  }
  // stitch() refuses `plan` with MediaError(Unwritable) naming `needle`; in1.mp4 is untouched.
  void expectRefused(const RenderPlan& plan, const QString& needle) {
    SCOPED_TRACE(plan.output.path.toStdString());
    try {
      stitch(plan);
      ADD_FAILURE() << "stitch wrote " << plan.output.path.toStdString();
    } catch (const MediaError& e) {
      EXPECT_EQ(e.kind(), MediaError::Kind::Unwritable);
      EXPECT_TRUE(e.message().contains(needle)) << e.message().toStdString();
    }
    EXPECT_EQ(bytesOf(a), before);
  }
  QTemporaryDir dir;
  QString a, b;
  QByteArray before;
};

}  // namespace

TEST_F(MediaOutputGuard, StitchNeverWritesOverItsOwnInput) {
  expectRefused(planOf({a, b}, a), QStringLiteral("input 1"));
  ASSERT_TRUE(QFile::link(a, dir.filePath("symlink.mp4")));
  expectRefused(planOf({a, b}, dir.filePath("symlink.mp4")), QStringLiteral("input 1"));
  ASSERT_EQ(::link(QFile::encodeName(a).constData(),
                   QFile::encodeName(dir.filePath("hardlink.mp4")).constData()),
            0);
  expectRefused(planOf({b, a}, dir.filePath("hardlink.mp4")), QStringLiteral("input 2"));
  RenderPlan withAudio = planOf({b}, a);  // a is the music here
  AudioClip music;
  music.track = AudioTrack::Music;
  music.file = a;
  withAudio.audio.push_back(music);
  expectRefused(withAudio, QStringLiteral("input 2"));
}

TEST_F(MediaOutputGuard, FifoAndDeviceOutputsAreRefusedAndKept) {
  const QString fifo = dir.filePath("pipe.mp4");
  ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
  expectRefused(planOf({a, b}, fifo), QStringLiteral("fifo"));
  EXPECT_EQ(typeOf(fifo), mode_t(S_IFIFO));
  EXPECT_THROW(MediaWriter{fifo}, MediaError);
  EXPECT_EQ(typeOf(fifo), mode_t(S_IFIFO));
  const QString device = dir.filePath("null.mp4");  // a private null device: needs root (CI)
  if (::mknod(QFile::encodeName(device).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
    GTEST_SKIP() << "mknod needs root; the fifo was checked";
  expectRefused(planOf({a, b}, device), QStringLiteral("character device"));
  EXPECT_EQ(typeOf(device), mode_t(S_IFCHR));
}
