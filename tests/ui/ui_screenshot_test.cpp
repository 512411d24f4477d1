// Screenshots for the README and for a human to look at: the main window with the sample
// project at 1366x768 (its first scene rendered with the local backend, so the timeline shows
// thumbnails) in the light and the dark theme, and the Render Scene dialog. Written to
// <build>/screenshots/*.png.
#include <gtest/gtest.h>

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QPixmap>
#include <QScreen>
#include <QTabWidget>

#include "render/app_settings.h"
#include "render/render_queue.h"
#include "ui/main_window.h"
#include "ui/preview_player.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/render_scene_dialog.h"
#include "ui/scene_inspector.h"
#include "ui/scene_list_model.h"
#include "ui/scene_preview_render.h"
#include "ui/theme.h"
#include "ui/timeline_widget.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

QString shotPath(const QString& name) {
  const QString dir = QStringLiteral(SW_BINARY_DIR "/screenshots");
  QDir().mkpath(dir);
  return QDir(dir).filePath(name);
}

// Distinct colours in a grid of samples: a blank or one-colour grab has very few.
int colourVariety(const QImage& image) {
  QSet<QRgb> colours;
  for (int y = 0; y < image.height(); y += 7)
    for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
  return int(colours.size());
}

TEST(UiScreenshot, MainWindowWithSampleProjectAndRenderDialog) {
  render::AppSettings settings;
  settings.backendOptions = QJsonObject{{"local", QJsonObject{{"width", 320}, {"height", 180}}}};
  settings.save();
  test::TempProject project;
  test::importSample(project.folder());
  MainWindow window;
  window.resize(1366, 768);  // a common laptop screen
  window.show();
  ASSERT_TRUE(window.openProject(project.folder()));
  const model::Id first = window.sceneModel()->sceneId(0);
  window.projectPane()->selectScene(first);

  render::RenderRequest request;
  request.sceneIds = {first};
  request.preview = true;
  const QList<model::Id> jobs = window.enqueueRender(request);
  ASSERT_EQ(jobs.size(), 1);
  ASSERT_TRUE(test::spinUntil([&] { return !window.renderQueue()->isRunning(jobs.first()); }));
  window.renderQueue()->waitForIdle();
  ASSERT_EQ(window.session()->store().job(jobs.first())->status, model::JobStatus::Completed)
      << window.session()->store().job(jobs.first())->errorMessage.toStdString();
  window.session()->notifyChunksChanged(first);
  window.action(QStringLiteral("actionZoomFit"))
      ->trigger();  // the scene fills the timeline's width
  // Let the filmstrip thumbnails arrive (decoded on worker threads).
  test::spinUntil(
      [&] {
        window.timeline()->repaint();
        return false;
      },
      40);

  if (qEnvironmentVariableIsSet("SW_KEEP_SHOT_PROJECT")) {
    project.dir.setAutoRemove(false);
    for (const auto& c : window.session()->store().chunks(first))
      qInfo("chunk %lld asset %s", c.id,
            qPrintable(window.session()->store().asset(c.assetId.value_or(0))
                           ? window.session()->store().asset(*c.assetId)->filePath
                           : QString()));
  }
  const QImage main = window.grab().toImage();
  ASSERT_FALSE(main.isNull());
  EXPECT_GT(colourVariety(main), 40);
  ASSERT_TRUE(main.save(shotPath(QStringLiteral("main-window.png"))));

  // The scene's Audio tab: the dialogue table with its lip-sync checkboxes.
  if (auto* tabs = window.sceneInspector()->findChild<QTabWidget*>()) {
    const int before = tabs->currentIndex();
    tabs->setCurrentIndex(tabs->count() - 1);
    const QImage audio = window.sceneInspector()->grab().toImage();
    EXPECT_FALSE(audio.isNull());
    audio.save(shotPath(QStringLiteral("scene-audio-tab.png")));
    tabs->setCurrentIndex(before);
  }

  // The same in the Dark theme (Preferences > Appearance), then back to the system's.
  applyTheme(Theme::Dark);
  test::spinUntil([] { return false; }, 10);
  const QImage dark = window.grab().toImage();
  applyTheme(Theme::System);
  EXPECT_GT(colourVariety(dark), 40);
  EXPECT_LT(QColor(dark.pixel(dark.width() - 20, dark.height() / 2)).lightness(), 100);
  ASSERT_TRUE(dark.save(shotPath(QStringLiteral("main-window-dark.png"))));

  RenderSceneDialog* dialog = window.showRenderDialog();
  ASSERT_NE(dialog, nullptr);
  dialog->adjustSize();
  test::spinUntil([] { return false; }, 4);
  const QImage dialogShot = dialog->grab().toImage();
  EXPECT_GT(colourVariety(dialogShot), 5);
  ASSERT_TRUE(dialogShot.save(shotPath(QStringLiteral("render-scene-dialog.png"))));
  dialog->reject();

  // The scene as it renders: the 480p preview render's first frame as the poster.
  PreviewPlayer* player = window.previewPlayer();
  player->setAsRendered(true);
  ASSERT_TRUE(test::spinUntil([&] {
    const QStringList files = player->sequence();
    return files.size() == 1 && files.first().startsWith(window.previewRender()->folder());
  }));
  test::spinUntil([] { return false; }, 20);  // the poster is decoded on a worker
  const QImage asRendered = window.grab().toImage();
  EXPECT_GT(colourVariety(asRendered), 40);
  ASSERT_TRUE(asRendered.save(shotPath(QStringLiteral("main-window-as-rendered.png"))));
}

}  // namespace
