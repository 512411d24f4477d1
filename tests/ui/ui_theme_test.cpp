// The theme in Preferences: Dark turns the whole application dark at once (the palette and the
// custom-painted timeline), persists, and Cancel goes back to the saved theme.
#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QScrollArea>
#include <QSettings>

#include "ui/main_window.h"
#include "ui/preferences_dialog.h"
#include "ui/project_pane.h"
#include "ui/scene_list_model.h"
#include "ui/theme.h"
#include "ui/timeline_widget.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

// The share of sampled pixels darker than lightness 80.
double darkShare(const QImage& image) {
  int dark = 0, all = 0;
  for (int y = 0; y < image.height(); y += 5)
    for (int x = 0; x < image.width(); x += 5, ++all)
      if (QColor(image.pixel(x, y)).lightness() < 80) ++dark;
  return all ? double(dark) / all : 0.0;
}

class UiTheme : public ::testing::Test {
 protected:
  void TearDown() override {  // the other tests run in the system theme
    saveTheme(Theme::System);
    applyTheme(Theme::System);
  }
};

TEST_F(UiTheme, DarkAppliesAtOncePaintsTheTimelineAndPersists) {
  test::TempProject project;
  test::importSample(project.folder());
  MainWindow window;
  window.resize(1366, 768);
  window.show();
  ASSERT_TRUE(window.openProject(project.folder()));
  window.projectPane()->selectScene(window.sceneModel()->sceneId(0));
  test::spinUntil([] { return false; }, 4);
  EXPECT_GT(QApplication::palette().color(QPalette::Window).lightness(), 150);
  EXPECT_LT(darkShare(window.timeline()->grab().toImage()), 0.5);

  PreferencesDialog dialog(nullptr, &window);
  QComboBox* theme = dialog.themeCombo();
  ASSERT_NE(theme, nullptr);
  EXPECT_EQ(theme->currentData().toInt(), int(Theme::System));  // the default
  theme->setCurrentIndex(theme->findData(int(Theme::Dark)));
  // Applied while the dialog is open, before OK.
  EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 80);
  test::spinUntil([] { return false; }, 4);
  EXPECT_LT(window.timeline()->palette().color(QPalette::Base).lightness(), 60);
  const QImage timeline = window.timeline()->grab().toImage();
  EXPECT_GT(darkShare(timeline), 0.6);  // the background and lanes, not only the chunk boxes
  // The lane titles are drawn in the palette's light text.
  const QRect header(0, timeline.height() / 2, 80, timeline.height() / 2);
  int light = 0;
  for (int y = header.top(); y < header.bottom(); ++y)
    for (int x = header.left(); x < header.right(); ++x)
      if (QColor(timeline.pixel(x, y)).lightness() > 170) ++light;
  EXPECT_GT(light, 20);
  dialog.accept();
  EXPECT_EQ(QSettings().value(QStringLiteral("appearance/theme")).toString(),
            QStringLiteral("dark"));
  EXPECT_EQ(savedTheme(), Theme::Dark);

  // A new dialog shows the saved choice; trying Light and cancelling goes back to Dark.
  PreferencesDialog again(nullptr, &window);
  EXPECT_EQ(again.themeCombo()->currentData().toInt(), int(Theme::Dark));
  again.themeCombo()->setCurrentIndex(again.themeCombo()->findData(int(Theme::Light)));
  EXPECT_GT(QApplication::palette().color(QPalette::Window).lightness(), 150);
  again.reject();
  EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 80);
  EXPECT_EQ(savedTheme(), Theme::Dark);
}

}  // namespace
