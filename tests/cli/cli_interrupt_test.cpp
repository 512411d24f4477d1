// Issue 12, defect 8, through the real scenewright-cli binary: SIGTERM or SIGINT during a stitch
// leaves no ".NAME.part-..." file and exits with 128 + the signal; a damaged WAV header and a
// truncated faststart MP4 give one message naming the file in our words (no raw
// "[mov,mp4,... @ 0x...]" line, no "patches welcome").
#include <gtest/gtest.h>

#include <csignal>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include "support/media_fixtures.h"
#include "support/user_folders.h"
#include "support/wait.h"

namespace {

using sw::testsupport::ClipSpec;

struct CliRun {
  int code = -1;
  QString err;
};

CliRun runCli(const QStringList& args) {
  QProcess p;
  p.setProcessEnvironment(sw::testsupport::isolatedEnvironment());
  p.start(QStringLiteral(SW_CLI), args);
  p.waitForFinished(300000);
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromUtf8(p.readAllStandardError())};
}

QStringList partFiles(const QString& dir) {
  return QDir(dir).entryList({QStringLiteral(".*.part-*")}, QDir::Files | QDir::Hidden);
}

// Starts a stitch long enough to be caught in the middle (a 1080p re-encode of 8 s), waits for
// its temporary file, sends `signal` and returns the exit code.
int interruptStitch(const QString& dir, int signal) {
  const QString clip = sw::testsupport::makeClip(dir + QStringLiteral("/in.mp4"), ClipSpec{});
  QProcess p;
  p.setProcessEnvironment(sw::testsupport::isolatedEnvironment());
  p.start(QStringLiteral(SW_CLI),
          {QStringLiteral("stitch"), QStringLiteral("-o"), dir + QStringLiteral("/out.mp4"),
           QStringLiteral("--resolution"), QStringLiteral("1080p"), QStringLiteral("--preset"),
           QStringLiteral("slow"), clip, clip, clip, clip});
  EXPECT_TRUE(p.waitForStarted());
  EXPECT_TRUE(sw::testsupport::waitUntil([&] { return !partFiles(dir).isEmpty(); }))
      << "the stitch never started writing";
  ::kill(static_cast<pid_t>(p.processId()), signal);
  p.waitForFinished(300000);
  return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

TEST(CliInterrupt, SigtermDuringStitchRemovesTheTemporaryFile) {
  QTemporaryDir dir;
  EXPECT_EQ(interruptStitch(dir.path(), SIGTERM), 128 + SIGTERM);
  EXPECT_TRUE(partFiles(dir.path()).isEmpty()) << partFiles(dir.path()).join(' ').toStdString();
  EXPECT_FALSE(QFile::exists(dir.path() + QStringLiteral("/out.mp4")));
}

TEST(CliInterrupt, SigintDuringStitchRemovesTheTemporaryFile) {
  QTemporaryDir dir;
  EXPECT_EQ(interruptStitch(dir.path(), SIGINT), 128 + SIGINT);
  EXPECT_TRUE(partFiles(dir.path()).isEmpty()) << partFiles(dir.path()).join(' ').toStdString();
  EXPECT_FALSE(QFile::exists(dir.path() + QStringLiteral("/out.mp4")));
}

void patch(const QString& path, int offset, const QByteArray& bytes) {
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::ReadWrite));
  f.seek(offset);
  f.write(bytes);
}

// No line of FFmpeg's own and none of its words.
void expectOurWordsOnly(const QString& err, const QString& file) {
  EXPECT_TRUE(err.contains(file)) << err.toStdString();
  EXPECT_FALSE(err.contains(QStringLiteral(" @ 0x"))) << err.toStdString();
  EXPECT_FALSE(err.contains(QStringLiteral("[mov,"))) << err.toStdString();
  EXPECT_FALSE(err.contains(QStringLiteral("patches welcome"), Qt::CaseInsensitive))
      << err.toStdString();
  EXPECT_FALSE(err.contains(QStringLiteral("Not yet implemented"))) << err.toStdString();
}

TEST(CliInterrupt, DamagedWavHeadersAreNamedInOurWords) {
  QTemporaryDir dir;
  const QString clip = sw::testsupport::makeClip(dir.path() + QStringLiteral("/in.mp4"), {});
  // 16-bit PCM WAV: "fmt " chunk size at offset 16, channel count at 22.
  const QString shortFmt = sw::testsupport::makeWav(dir.path() + QStringLiteral("/short.wav"), {});
  patch(shortFmt, 16, QByteArray("\x0a\x00\x00\x00", 4));  // format chunk of 10 bytes
  const QString noChannels = sw::testsupport::makeWav(dir.path() + QStringLiteral("/mute.wav"), {});
  patch(noChannels, 22, QByteArray("\x00\x00", 2));  // zero channels
  for (const QString& wav : {shortFmt, noChannels}) {
    const CliRun r = runCli({QStringLiteral("stitch"), QStringLiteral("-o"),
                             dir.path() + QStringLiteral("/out.mp4"), QStringLiteral("--audio"),
                             QStringLiteral("music=") + wav, clip});
    EXPECT_EQ(r.code, 1) << r.err.toStdString();
    expectOurWordsOnly(r.err, wav);
    EXPECT_TRUE(partFiles(dir.path()).isEmpty());
  }
}

TEST(CliInterrupt, TruncatedFaststartMp4IsNamedInOurWords) {
  QTemporaryDir dir;
  const QString clip = sw::testsupport::makeClip(dir.path() + QStringLiteral("/full.mp4"), {});
  QFile f(clip);
  ASSERT_TRUE(f.open(QIODevice::ReadOnly));
  const QByteArray bytes = f.readAll();
  const QString cut = dir.path() + QStringLiteral("/cut.mp4");
  QFile out(cut);
  ASSERT_TRUE(out.open(QIODevice::WriteOnly));
  out.write(bytes.left(bytes.size() * 2 / 3));  // faststart: the index survives, data ends early
  out.close();
  for (const QString& command : {QStringLiteral("stitch"), QStringLiteral("probe")}) {
    const QStringList args = command == QLatin1String("stitch")
                                 ? QStringList{command,
                                               QStringLiteral("-o"),
                                               dir.path() + QStringLiteral("/o.mp4"),
                                               QStringLiteral("--resolution"),
                                               QStringLiteral("480p"),
                                               cut}
                                 : QStringList{command, cut};
    const CliRun r = runCli(args);
    if (command == QLatin1String("stitch")) {
      EXPECT_EQ(r.code, 1) << r.err.toStdString();
      expectOurWordsOnly(r.err, cut);
    } else {
      EXPECT_FALSE(r.err.contains(QStringLiteral(" @ 0x"))) << r.err.toStdString();
    }
  }
}

}  // namespace
