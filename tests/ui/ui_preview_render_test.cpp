// Issue 13, part 2: the preview plays the scene as it will render. "As rendered" re-stitches the
// cached assets at 480p on the render queue (offline) and plays that file: trims applied, the
// chosen tracks mixed; an edit invalidates it and the next one is rendered again; a scene with
// nothing generated says what to do and falls back to the chunks in sequence.
#include <gtest/gtest.h>

#include <QAction>
#include <QFileInfo>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>
#include <cmath>

#include "media/probe.h"
#include "render/app_settings.h"
#include "render/render_queue.h"
#include "support/media_fixtures.h"
#include "ui/main_window.h"
#include "ui/preview_player.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/row_commands.h"
#include "ui/scene_preview_render.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

class UiPreviewRender : public ::testing::Test {
 protected:
  void SetUp() override {
    registryOverride = test::useShortLocalChunks();
    {
      auto store = model::ProjectStore::create(project.folder(), QStringLiteral("Preview"));
      sceneId = test::addRichScene(*store, QStringLiteral("Storm Warning"), 3.0);
      emptyScene = test::addRichScene(*store, QStringLiteral("Not Yet"), 3.0);
    }
    window = std::make_unique<MainWindow>();
    window->show();
    ASSERT_TRUE(window->openProject(project.folder()));
    window->projectPane()->selectScene(sceneId);
  }
  void TearDown() override {
    window.reset();
    QFile::remove(registryOverride);
  }
  // Renders the scene at 480p with the local backend (fills the cache) to `output`.
  void renderScene(const QString& output, bool keepStale = false) {
    render::RenderRequest request;
    request.sceneIds = {sceneId};
    request.resolution = QStringLiteral("480p");
    request.keepStale = keepStale;
    request.outputPath = output;
    const QList<model::Id> ids = window->renderQueue()->enqueue(request);
    EXPECT_EQ(ids.size(), 1);
    EXPECT_TRUE(test::spinUntil([&] {
      const auto job = window->session()->store().job(ids.first());
      return job && (job->status == model::JobStatus::Completed ||
                     job->status == model::JobStatus::Failed);
    }));
    const auto job = window->session()->store().job(ids.first());
    EXPECT_EQ(job->status, model::JobStatus::Completed) << job->errorMessage.toStdString();
  }
  // Waits until the player plays a preview file other than `previous`; returns it.
  QString waitForPreview(const QString& previous = {}) {
    PreviewPlayer* player = window->previewPlayer();
    const QString folder = window->previewRender()->folder();
    EXPECT_TRUE(test::spinUntil([&] {
      const QStringList files = player->sequence();
      return files.size() == 1 && files.first().startsWith(folder) && files.first() != previous;
    })) << "title: "
        << window->statusBar()->currentMessage().toStdString();
    return player->sequence().value(0);
  }

  test::TempProject project;
  QString registryOverride;
  model::Id sceneId = 0;
  model::Id emptyScene = 0;
  std::unique_ptr<MainWindow> window;
};

}  // namespace

// The preview and a 480p render of the same scene state match frame by frame (mean luma; the
// preview's faster encoder settings change pixels by a little).
void expectSameFrames(const QString& preview, const QString& render) {
  const auto a = sw::testsupport::decodeVideoFrames(preview);
  const auto b = sw::testsupport::decodeVideoFrames(render);
  ASSERT_EQ(a.size(), b.size()) << "frame count";
  int off = 0;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::abs(a[i].meanLuma - b[i].meanLuma) > 2.0) ++off;
  EXPECT_EQ(off, 0) << "frames that differ from the render";
}

TEST_F(UiPreviewRender, PlaysTheSceneAsItRendersAndFollowsItsEdits) {
  const QString full = project.dir.filePath(QStringLiteral("full.mp4"));
  renderScene(full);
  PreviewPlayer* player = window->previewPlayer();
  window->projectPane()->selectScene(sceneId);
  ASSERT_GT(player->sequence().size(), 1) << "the chunks in sequence before";
  QTest::mouseClick(player->asRenderedButton(), Qt::LeftButton);
  ASSERT_TRUE(player->asRendered());
  const QString first = waitForPreview();
  const media::ProbeResult preview = media::probe(first);
  ASSERT_TRUE(preview.video());
  EXPECT_EQ(preview.video()->height, 480);
  ASSERT_TRUE(preview.audio()) << "the tracks are mixed in";
  expectSameFrames(first, full);  // the repeated first frames dropped, the last chunk cut
  EXPECT_FALSE(window->statusBar()->currentMessage().contains(first))
      << "a preview is not announced as the last render";

  // A trim changes what the render makes: the kept preview is dropped and made again. Chunk 2,
  // stale now (its start frame changed), is shown as it is, as a render keeping it would.
  const double frame = 1.0 / preview.video()->frameRate();
  const model::Chunk before = window->session()->store().chunks(sceneId).first();
  model::Chunk after = before;
  after.trimOut = before.trimOut + 2 * frame;
  window->session()->undoStack()->push(new EditRowCommand<model::Chunk>(
      window->session(), before, after, QStringLiteral("trim"), QStringLiteral("Trim chunk")));
  const QString trimmed = waitForPreview(first);
  const QString fullTrimmed = project.dir.filePath(QStringLiteral("trimmed.mp4"));
  renderScene(fullTrimmed, /*keepStale=*/true);
  expectSameFrames(trimmed, fullTrimmed);
  const auto was = sw::testsupport::decodeVideoFrames(full);
  const auto now = sw::testsupport::decodeVideoFrames(fullTrimmed);
  int changed = 0;
  for (size_t i = 0; i < std::min(was.size(), now.size()); ++i)
    if (std::abs(was[i].meanLuma - now[i].meanLuma) > 0.05) ++changed;  // slow local motion
  EXPECT_GT(changed, 0) << "the trim shows in the picture";

  // Undo brings the first picture back; switching off shows the chunks again.
  window->session()->undoStack()->undo();
  expectSameFrames(waitForPreview(trimmed), full);
  QTest::mouseClick(player->asRenderedButton(), Qt::LeftButton);
  EXPECT_FALSE(player->asRendered());
  EXPECT_GT(player->sequence().size(), 1);
}

TEST_F(UiPreviewRender, TheChosenTracksAreMixedAndAKeptPreviewIsReused) {
  renderScene(project.dir.filePath(QStringLiteral("full.mp4")));
  PreviewPlayer* player = window->previewPlayer();
  window->projectPane()->selectScene(sceneId);
  player->setAsRendered(true);
  const QString withAll = waitForPreview();
  float loud = 0;
  for (const float s : sw::testsupport::decodeAudioMono(withAll))
    loud = std::max(loud, std::abs(s));
  EXPECT_GT(loud, 0.05) << "every track chosen: speech, SFX";
  const qint64 jobsBefore = window->session()->store().jobs().size();
  // Off and on again with nothing changed: the kept file plays, no new job.
  player->setAsRendered(false);
  player->setAsRendered(true);
  EXPECT_EQ(waitForPreview(), withAll);
  EXPECT_EQ(window->session()->store().jobs().size(), jobsBefore);
  // Without the tracks: a new preview with no speech, music or SFX in it.
  for (QAction* track : player->trackActions()) track->setChecked(false);
  const QString silent = waitForPreview(withAll);
  float peak = 0;
  for (const float s : sw::testsupport::decodeAudioMono(silent)) peak = std::max(peak, std::abs(s));
  EXPECT_LT(peak, 1e-3) << "no track chosen: no sound";
  EXPECT_NE(silent, withAll);
  EXPECT_FALSE(QFileInfo::exists(withAll)) << "one preview a scene is kept";
  EXPECT_GT(window->session()->store().jobs().size(), jobsBefore);
}

TEST_F(UiPreviewRender, ASceneWithNothingGeneratedSaysWhatToDo) {
  window->projectPane()->selectScene(emptyScene);
  PreviewPlayer* player = window->previewPlayer();
  const qint64 jobsBefore = window->session()->store().jobs().size();
  QTest::mouseClick(player->asRenderedButton(), Qt::LeftButton);
  EXPECT_FALSE(player->asRendered()) << "back to the chunks in sequence";
  const QString message = window->statusBar()->currentMessage();
  EXPECT_TRUE(message.contains(QStringLiteral("render the scene"))) << message.toStdString();
  EXPECT_EQ(window->session()->store().jobs().size(), jobsBefore) << "no job was queued";
}
