// Render Film from the GUI, offscreen: the dialog lists the scenes with their stored boundary
// overrides, its choices become the film request, accepting stores the overrides and renders the
// film in the background (the GUI thread keeps turning) into one MP4 with a chapter per scene.
#include <gtest/gtest.h>

extern "C" {
#include <libavformat/avformat.h>
}

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

#include "render/film_render.h"
#include "ui/main_window.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/render_film_dialog.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

int chapterCount(const QString& path) {
  AVFormatContext* ctx = nullptr;
  if (avformat_open_input(&ctx, path.toUtf8().constData(), nullptr, nullptr) < 0) return -1;
  const int n = int(ctx->nb_chapters);
  avformat_close_input(&ctx);
  return n;
}

class UiFilm : public ::testing::Test {
 protected:
  void SetUp() override {
    registryOverride = test::useShortLocalChunks();
    {
      auto store = model::ProjectStore::create(project.folder(), QStringLiteral("Film"));
      first = test::addRichScene(*store, QStringLiteral("Storm Warning"), 1.5);
      second = test::addRichScene(*store, QStringLiteral("Calm After"), 1.5);
      store->setSceneTransition(second, QStringLiteral("dip:1"));
    }
    window = std::make_unique<MainWindow>();
    window->show();
    ASSERT_TRUE(window->openProject(project.folder()));
  }
  void TearDown() override {
    window.reset();
    QFile::remove(registryOverride);
  }
  test::TempProject project;
  QString registryOverride;
  model::Id first = 0, second = 0;
  std::unique_ptr<MainWindow> window;
};

TEST_F(UiFilm, DialogChoicesRenderTheFilmInTheBackground) {
  RenderFilmDialog* dialog = window->showRenderFilmDialog();
  ASSERT_NE(dialog, nullptr);
  QTableWidget* table = dialog->sceneTable();
  ASSERT_EQ(table->rowCount(), 2);
  EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("1. Storm Warning"));
  auto* kind0 = qobject_cast<QComboBox*>(table->cellWidget(0, 1));
  auto* kind1 = qobject_cast<QComboBox*>(table->cellWidget(1, 1));
  auto* seconds0 = qobject_cast<QDoubleSpinBox*>(table->cellWidget(0, 2));
  EXPECT_EQ(kind0->currentData().toString(), QString());              // the film's choice
  EXPECT_EQ(kind1->currentData().toString(), QStringLiteral("dip"));  // stored

  // Nothing checked: Render is disabled and says why.
  table->item(0, 0)->setCheckState(Qt::Unchecked);
  table->item(1, 0)->setCheckState(Qt::Unchecked);
  EXPECT_FALSE(dialog->renderButton()->isEnabled());
  EXPECT_EQ(dialog->renderButton()->toolTip(), QStringLiteral("Check at least one scene."));
  table->item(0, 0)->setCheckState(Qt::Checked);
  table->item(1, 0)->setCheckState(Qt::Checked);
  EXPECT_TRUE(dialog->renderButton()->isEnabled());

  dialog->transitionBox()->setCurrentIndex(dialog->transitionBox()->findData("crossfade"));
  dialog->secondsSpin()->setValue(0.25);
  kind0->setCurrentIndex(kind0->findData("dip"));
  seconds0->setValue(0.5);
  dialog->previewBox()->setChecked(true);
  const QString output = project.dir.filePath(QStringLiteral("film.mp4"));
  dialog->outputEdit()->setText(output);

  const render::FilmRequest request = dialog->request();
  EXPECT_EQ(request.sceneIds, (QList<model::Id>{first, second}));
  EXPECT_EQ(request.transition.toString(), QStringLiteral("crossfade:0.25"));
  EXPECT_TRUE(request.scene.preview);
  EXPECT_EQ(request.outputPath, output);
  EXPECT_EQ(dialog->overrides().value(first), QStringLiteral("dip:0.5"));

#ifdef SW_SOURCE_DIR
  dialog->grab().save(QStringLiteral(SW_SOURCE_DIR "/docs/screenshots/film-dialog.png"));
#endif

  dialog->accept();
  EXPECT_EQ(window->session()->store().sceneTransition(first), QStringLiteral("dip:0.5"));
  ASSERT_NE(window->filmRender(), nullptr);
  // The film runs off the GUI thread: events keep being processed until it is done.
  ASSERT_TRUE(test::spinUntil([&] { return window->filmRender() == nullptr; }, 6000));
  ASSERT_TRUE(QFileInfo::exists(output)) << "no film at " << output.toStdString();
  EXPECT_EQ(chapterCount(output), 2);
  EXPECT_TRUE(QFileInfo::exists(output + QStringLiteral(".json")));
}

}  // namespace
