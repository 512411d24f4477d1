// A sound file dropped on an SFX cue is probed and copied into the project, off the GUI thread,
// as one undoable edit; a file that is not audio is refused with a message and nothing changes.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeData>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QUrl>

#include "support/media_fixtures.h"
#include "support/wait.h"
#include "ui/dialogue_model.h"
#include "ui/project_session.h"

using namespace sw;
using namespace sw::ui;

namespace {

class UiSfxDrop : public ::testing::Test {
 protected:
  void SetUp() override {
    folder = tmp.filePath(QStringLiteral("film.scenewright"));
    session = ProjectSession::create(folder, QStringLiteral("Film"));
    scene = session->store().addScene(model::Scene{});
    session->store().addSfxCue(model::SfxCue{0, scene, 1.0, QStringLiteral("door"), {}, 0.0, {}});
    session->notifyScenesReset();
    cues = std::make_unique<SfxCueModel>(session.get());
    cues->setScene(scene);
    ASSERT_EQ(cues->rowCount(), 1);
    QDir().mkpath(tmp.filePath(QStringLiteral("outside")));
  }
  std::unique_ptr<QMimeData> urls(const QString& path) {
    auto data = std::make_unique<QMimeData>();
    data->setUrls({QUrl::fromLocalFile(path)});
    return data;
  }
  QString storedFile() { return session->store().sfxCues(scene).first().file; }
  // Spins the GUI thread's event loop (the copy's result arrives through it) until `done`.
  bool spinUntil(const std::function<bool()>& done) {
    return testsupport::waitUntil([&] {
      QCoreApplication::processEvents();
      return done();
    });
  }

  QTemporaryDir tmp;
  QString folder;
  std::unique_ptr<ProjectSession> session;
  std::unique_ptr<SfxCueModel> cues;
  model::Id scene = 0;
};

}  // namespace

TEST_F(UiSfxDrop, ADroppedSoundIsCopiedIntoTheProjectAsOneUndoableEdit) {
  const QString source = testsupport::makeWav(tmp.filePath(QStringLiteral("outside/gull.wav")));
  const auto data = urls(source);
  const QModelIndex cue = cues->index(0, SfxCueModel::FileColumn);
  ASSERT_TRUE(cues->canDropMimeData(data.get(), Qt::CopyAction, -1, -1, cue));
  ASSERT_TRUE(cues->dropMimeData(data.get(), Qt::CopyAction, -1, -1, cue));
  ASSERT_TRUE(spinUntil([&] { return !storedFile().isEmpty(); }));
  const QString copy =
      QFileInfo(folder + QStringLiteral("/assets/audio/gull.wav")).canonicalFilePath();
  ASSERT_FALSE(copy.isEmpty()) << "the file was not copied into the project";
  EXPECT_EQ(storedFile(), copy);
  EXPECT_EQ(cues->data(cue, Qt::DisplayRole).toString(), copy);
  EXPECT_TRUE(QFileInfo::exists(source));
  session->undoStack()->undo();
  EXPECT_TRUE(storedFile().isEmpty());
}

TEST_F(UiSfxDrop, AFileThatIsNotAudioIsRefusedWithAMessage) {
  const QString key = tmp.filePath(QStringLiteral("outside/id_rsa.wav"));
  {
    QFile f(key);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("-----BEGIN OPENSSH PRIVATE KEY-----\n");
  }
  QString message;
  QObject::connect(session.get(), &ProjectSession::storeError,
                   [&](const QString& text) { message = text; });
  const auto data = urls(key);
  ASSERT_TRUE(cues->dropMimeData(data.get(), Qt::CopyAction, -1, -1,
                                 cues->index(0, SfxCueModel::FileColumn)));
  ASSERT_TRUE(spinUntil([&] { return !message.isEmpty(); }));
  EXPECT_TRUE(message.contains(QLatin1String("is not audio"))) << message.toStdString();
  EXPECT_TRUE(storedFile().isEmpty());
  EXPECT_EQ(session->undoStack()->count(), 0);
  EXPECT_TRUE(QDir(folder + QStringLiteral("/assets/audio"))
                  .entryList(QDir::Files | QDir::Hidden)
                  .isEmpty());
  EXPECT_FALSE(cues->canDropMimeData(urls(key).get(), Qt::CopyAction, -1, -1, QModelIndex()))
      << "a drop between rows names no cue";
}
