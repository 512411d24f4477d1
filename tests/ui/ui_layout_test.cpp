// The main window at 1366x768 (a common laptop screen): every button and slider of every dock
// and of the preview is on screen at a usable size, a title change does not resize the docks,
// and a saved window larger than the screen is fitted to it.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QDockWidget>
#include <QLineEdit>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QTest>

#include "render/app_settings.h"
#include "render/render_queue.h"
#include "ui/main_window.h"
#include "ui/preview_player.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/scene_inspector.h"
#include "ui/scene_list_model.h"
#include "ui/theme.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

constexpr QSize kLaptop(1366, 768);

// The part of `w` (in its own coordinates) that its ancestors up to `area` leave visible. A
// scroll area's viewport clips only across: scrolling down to a control is fine, a control
// beyond the right edge is lost behind a scroll bar nobody looks for.
QRect visiblePart(const QWidget* w, const QWidget* area) {
  QRect visible = w->rect();
  for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget()) {
    const QRect clip(w->mapFrom(p, QPoint(0, 0)), p->size());
    const bool viewport = qobject_cast<const QScrollArea*>(p->parentWidget()) != nullptr;
    if (viewport)
      visible &= QRect(clip.left(), visible.top(), clip.width(), visible.height());
    else
      visible &= clip;
    if (p == area) break;
  }
  return visible;
}

// Every shown button and slider inside `area`, cut off or squeezed.
QStringList badControls(const QWidget* area) {
  QStringList bad;
  const auto describe = [](const QWidget* w) {
    const auto* b = qobject_cast<const QAbstractButton*>(w);
    const QString name = b && !b->text().isEmpty() ? b->text() : w->objectName();
    return QStringLiteral("%1 '%2' %3x%4")
        .arg(QString::fromLatin1(w->metaObject()->className()), name)
        .arg(w->width())
        .arg(w->height());
  };
  QList<QWidget*> controls;
  for (QAbstractButton* b : area->findChildren<QAbstractButton*>()) controls.append(b);
  for (QSlider* s : area->findChildren<QSlider*>()) controls.append(s);
  for (QWidget* w : controls) {
    if (!w->isVisible()) continue;
    if (visiblePart(w, area) != w->rect())
      bad << describe(w) + QStringLiteral(" cut off to %1x%2")
                               .arg(visiblePart(w, area).width())
                               .arg(visiblePart(w, area).height());
    else if (qobject_cast<QSlider*>(w) && w->width() < 80)
      bad << describe(w) + QStringLiteral(" narrower than 80 px");
    else if (qobject_cast<QAbstractButton*>(w) &&
             !static_cast<QAbstractButton*>(w)->text().isEmpty() &&
             (w->width() < w->minimumSizeHint().width() ||
              w->height() < w->minimumSizeHint().height()))
      bad << describe(w) + QStringLiteral(" smaller than its text");
  }
  return bad;
}

class UiLayout : public ::testing::Test {
 protected:
  void SetUp() override {
    forgetWindow();
    render::AppSettings settings;
    settings.backendOptions = QJsonObject{{"local", QJsonObject{{"width", 320}, {"height", 180}}}};
    settings.save();
  }
  void TearDown() override { forgetWindow(); }
  static void forgetWindow() {
    QSettings settings;
    settings.remove(QStringLiteral("window/geometry"));
    settings.remove(QStringLiteral("window/state"));
  }

  // The sample project open at 1366x768, its first scene rendered: a finished job card.
  void openRendered(MainWindow& window) {
    test::importSample(project.folder());
    window.resize(kLaptop);
    window.show();
    ASSERT_TRUE(window.openProject(project.folder()));
    const model::Id first = window.sceneModel()->sceneId(0);
    window.projectPane()->selectScene(first);
    ASSERT_NO_FATAL_FAILURE(renderPreview(window, first));
  }

  // A preview render of `sceneId` through the queue, waited for until it has completed.
  void renderPreview(MainWindow& window, model::Id sceneId) {
    render::RenderRequest request;
    request.sceneIds = {sceneId};
    request.preview = true;
    const QList<model::Id> jobs = window.enqueueRender(request);
    ASSERT_EQ(jobs.size(), 1);
    ASSERT_TRUE(test::spinUntil([&] { return !window.renderQueue()->isRunning(jobs.first()); }));
    window.renderQueue()->waitForIdle();
    ASSERT_EQ(window.session()->store().job(jobs.first())->status, model::JobStatus::Completed);
    test::spinUntil([] { return false; }, 10);  // the layout settles
  }

  test::TempProject project;
};

TEST_F(UiLayout, EveryDockControlFitsAt1366x768) {
  MainWindow window;
  ASSERT_NO_FATAL_FAILURE(openRendered(window));
  EXPECT_EQ(window.size(), kLaptop);
  for (Theme theme : {Theme::System, Theme::Dark}) {  // Fusion's metrics in the dark theme
    applyTheme(theme);
    test::spinUntil([] { return false; }, 10);
    QStringList bad;
    int docks = 0;
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
      if (!dock->isVisible() || dock->visibleRegion().isEmpty()) continue;  // a tab behind
      ++docks;
      for (const QString& b : badControls(dock))
        bad << dock->windowTitle() + QStringLiteral(": ") + b;
      if (dock->objectName() == QLatin1String("timelineDock")) continue;  // scrolls with zoom
      for (QScrollArea* area : dock->findChildren<QScrollArea*>())
        if (area->isVisible() && area->horizontalScrollBar()->isVisible())
          bad << dock->windowTitle() + QStringLiteral(": scrolls sideways");
    }
    for (const QString& b : badControls(window.previewPlayer()))
      bad << QStringLiteral("Preview: ") + b;
    EXPECT_GE(docks, 4);
    EXPECT_TRUE(bad.isEmpty()) << (theme == Theme::Dark ? "dark\n" : "system\n")
                               << bad.join(QLatin1Char('\n')).toStdString();
  }
  applyTheme(Theme::System);
}

TEST_F(UiLayout, ATitleChangeDoesNotResizeTheDocks) {
  MainWindow window;
  ASSERT_NO_FATAL_FAILURE(openRendered(window));
  QMap<QString, int> widths;
  const auto docks = window.findChildren<QDockWidget*>();
  for (QDockWidget* dock : docks) widths[dock->objectName()] = dock->width();
  const int preview = window.previewPlayer()->width();
  // A long scene title reaches the scene list, the preview's title (the scene shown again) and
  // the title of the job card of its next render.
  const model::Id first = window.sceneModel()->sceneId(0);
  QLineEdit* title = window.sceneInspector()->titleEdit();
  title->selectAll();
  QTest::keyClicks(title, QStringLiteral("The storm warning that came too late for the fishing "
                                         "fleet of the northern harbour"));
  window.projectPane()->selectScene(window.sceneModel()->sceneId(1));
  window.projectPane()->selectScene(first);
  ASSERT_NO_FATAL_FAILURE(renderPreview(window, first));
  for (QDockWidget* dock : docks)
    EXPECT_EQ(dock->width(), widths[dock->objectName()]) << dock->objectName().toStdString();
  EXPECT_EQ(window.previewPlayer()->width(), preview);
  EXPECT_EQ(window.size(), kLaptop);
}

TEST_F(UiLayout, ASavedWindowLargerThanTheScreenIsFitted) {
  const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
  {
    MainWindow big;
    big.resize(screen.width() + 600, screen.height() + 400);
    big.show();
    test::spinUntil([] { return false; }, 4);
    big.close();  // saves the geometry and the dock layout
  }
  ASSERT_TRUE(QSettings().contains(QStringLiteral("window/geometry")));
  MainWindow window;
  window.show();
  test::spinUntil([] { return false; }, 4);
  EXPECT_TRUE(screen.contains(window.frameGeometry()))
      << window.frameGeometry().width() << "x" << window.frameGeometry().height() << " on "
      << screen.width() << "x" << screen.height();
}

}  // namespace
