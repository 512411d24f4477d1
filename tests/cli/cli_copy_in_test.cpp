// set-sfx-file: a file the user names outside the project is probed and COPIED into it.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtEndian>

#include "model/project_store.h"
#include "support/user_folders.h"

namespace {

struct CliResult {
  int code = -1;
  QString err;
};

CliResult cli(const QStringList& args) {
  QProcess p;
  p.setProcessEnvironment(sw::testsupport::isolatedEnvironment());
  p.start(QStringLiteral(SW_CLI), args);
  p.waitForFinished(120000);
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromUtf8(p.readAllStandardError())};
}

// A 0.1 s mono 16-bit 48 kHz WAV of silence.
void writeWav(const QString& path) {
  const quint32 samples = 4800, bytes = samples * 2;
  QByteArray h;
  auto u32 = [&](quint32 v) {
    h.append(reinterpret_cast<const char*>(&(v = qToLittleEndian(v))), 4);
  };
  auto u16 = [&](quint16 v) {
    h.append(reinterpret_cast<const char*>(&(v = qToLittleEndian(v))), 2);
  };
  h.append("RIFF");
  u32(36 + bytes);
  h.append("WAVEfmt ");
  u32(16);
  u16(1);
  u16(1);
  u32(48000);
  u32(96000);
  u16(2);
  u16(16);
  h.append("data");
  u32(bytes);
  h.append(QByteArray(int(bytes), '\0'));
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(h);
}

QByteArray contents(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class CliCopyIn : public ::testing::Test {
 protected:
  void SetUp() override {
    folder = tmp.filePath(QStringLiteral("film.scenewright"));
    auto store = sw::model::ProjectStore::create(folder, QStringLiteral("Film"));
    const sw::model::Id scene = store->addScene(sw::model::Scene{});
    cue = store->addSfxCue(sw::model::SfxCue{0, scene, 1.0, QStringLiteral("door"), {}, 0.0, {}});
    ASSERT_TRUE(QDir().mkpath(tmp.filePath(QStringLiteral("outside"))));
  }
  QString cueFile() {
    auto store = sw::model::ProjectStore::open(folder);
    return store->sfxCues(store->scenes().first().id).first().file;
  }
  QStringList audioFolder() {
    return QDir(folder + QStringLiteral("/assets/audio"))
        .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
  }
  QTemporaryDir tmp;
  QString folder;
  sw::model::Id cue = 0;
};

}  // namespace

TEST_F(CliCopyIn, AnOutsideSoundIsCopiedIntoTheProject) {
  const QString source = tmp.filePath(QStringLiteral("outside/door.wav"));
  writeWav(source);
  const CliResult run = cli({"set-sfx-file", folder, "--cue", QString::number(cue), source});
  ASSERT_EQ(run.code, 0) << run.err.toStdString();
  const QString copy =
      QFileInfo(folder + QStringLiteral("/assets/audio/door.wav")).canonicalFilePath();
  ASSERT_FALSE(copy.isEmpty());
  EXPECT_EQ(cueFile(), copy) << "the cue refers to the copy, never to the file outside";
  EXPECT_EQ(contents(copy), contents(source));
  EXPECT_TRUE(QFileInfo::exists(source)) << "the user's file stays where it was";
  // The same file again reuses the copy; another file of that name gets its own.
  ASSERT_EQ(cli({"set-sfx-file", folder, "--cue", QString::number(cue), source}).code, 0);
  EXPECT_EQ(audioFolder(), QStringList{QStringLiteral("door.wav")});
  const QString other = tmp.filePath(QStringLiteral("door.wav"));
  writeWav(other);
  {
    QFile f(other);
    ASSERT_TRUE(f.open(QIODevice::Append));
    f.write(QByteArray(2, '\0'));
  }
  ASSERT_EQ(cli({"set-sfx-file", folder, "--cue", QString::number(cue), other}).code, 0);
  EXPECT_EQ(audioFolder(), (QStringList{QStringLiteral("door-2.wav"), QStringLiteral("door.wav")}));
  EXPECT_TRUE(cueFile().endsWith(QLatin1String("/assets/audio/door-2.wav")));
}

TEST_F(CliCopyIn, AFileThatIsNotAudioIsRefusedAndNothingIsLeft) {
  const QString key = tmp.filePath(QStringLiteral("outside/id_rsa.wav"));
  {
    QFile f(key);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n");
  }
  const CliResult run = cli({"set-sfx-file", folder, "--cue", QString::number(cue), key});
  EXPECT_EQ(run.code, 1) << run.err.toStdString();
  EXPECT_TRUE(run.err.contains(QLatin1String("is not audio"))) << run.err.toStdString();
  EXPECT_TRUE(cueFile().isEmpty());
  EXPECT_TRUE(audioFolder().isEmpty()) << audioFolder().join(' ').toStdString();
  EXPECT_NE(cli({"set-sfx-file", folder, "--cue", "999", key}).code, 0);
}
