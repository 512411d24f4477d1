// The main window driven like a user: create a project, add a scene with the button, type into
// the editor, undo/redo with the shortcuts, reorder, reopen the project.
#include <gtest/gtest.h>

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include "ui/backup_manager.h"
#include "ui/main_window.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/scene_inspector.h"
#include "ui/scene_list_model.h"
#include "ui/timeline_widget.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

QList<model::Scene> storedScenes(const QString& folder) {
  return model::ProjectStore::open(folder)->scenes();
}

TEST(UiMainWindow, CreateAddSceneEditUndoRedo) {
  test::TempProject project;
  MainWindow window;
  window.show();
  window.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window));  // shortcuts need an active window
  ASSERT_TRUE(window.newProject(project.folder(), QStringLiteral("Lighthouse")));
  EXPECT_TRUE(window.windowTitle().startsWith(QStringLiteral("Lighthouse")));
  EXPECT_FALSE(window.isWindowModified());

  auto* add = window.projectPane()->findChild<QToolButton*>(QStringLiteral("addSceneButton"));
  ASSERT_NE(add, nullptr);
  QTest::mouseClick(add, Qt::LeftButton);
  ASSERT_EQ(storedScenes(project.folder()).size(), 1);
  const model::Id sceneId = window.projectPane()->currentSceneId();
  ASSERT_EQ(window.sceneInspector()->sceneId(), sceneId);

  QLineEdit* title = window.sceneInspector()->titleEdit();
  title->selectAll();
  QTest::keyClicks(title, QStringLiteral("Storm"));
  window.sceneInspector()->narrationEdit()->setFocus();
  QTest::keyClicks(window.sceneInspector()->narrationEdit(), QStringLiteral("Waves break."));
  window.sceneInspector()->durationSpin()->setValue(12.0);
  EXPECT_FALSE(window.isWindowModified());  // the store already has every edit
  model::Scene stored = storedScenes(project.folder()).first();
  EXPECT_EQ(stored.title, QStringLiteral("Storm"));
  EXPECT_EQ(stored.narration, QStringLiteral("Waves break."));
  EXPECT_DOUBLE_EQ(stored.targetDuration, 12.0);
  EXPECT_EQ(window.sceneModel()->index(0, 0).data().toString(), QStringLiteral("Storm"));
  // Typing merges into one step per field: three undos revert duration, narration and title.
  // Ctrl+Z in the focused text field undoes on the project's stack, not just in the field.
  QTest::keySequence(window.sceneInspector()->narrationEdit(), QKeySequence::Undo);
  EXPECT_DOUBLE_EQ(storedScenes(project.folder()).first().targetDuration, 10.0);
  QTest::keySequence(&window, QKeySequence::Undo);
  EXPECT_EQ(storedScenes(project.folder()).first().narration, QString());
  EXPECT_EQ(window.sceneInspector()->narrationEdit()->toPlainText(), QString());
  QTest::keySequence(&window, QKeySequence::Undo);
  EXPECT_EQ(storedScenes(project.folder()).first().title, QStringLiteral("Scene 1"));
  EXPECT_EQ(title->text(), QStringLiteral("Scene 1"));
  QTest::keySequence(&window, QKeySequence::Redo);
  EXPECT_EQ(storedScenes(project.folder()).first().title, QStringLiteral("Storm"));
  window.action(QStringLiteral("actionRedo"))->trigger();
  EXPECT_EQ(storedScenes(project.folder()).first().narration, QStringLiteral("Waves break."));
}

TEST(UiMainWindow, DuplicateDeleteReorderAndReopen) {
  test::TempProject project;
  {
    auto store = model::ProjectStore::create(project.folder(), QStringLiteral("Reopen"));
    test::addRichScene(*store, QStringLiteral("A"));
    test::addRichScene(*store, QStringLiteral("B"));
  }
  {
    MainWindow window;
    window.show();
    ASSERT_TRUE(window.openProject(project.folder()));
    ASSERT_EQ(window.sceneModel()->rowCount(), 2);
    window.projectPane()->selectScene(window.sceneModel()->sceneId(0));
    window.action(QStringLiteral("actionDuplicateScene"))->trigger();
    auto titles = [&] {
      QStringList t;
      for (const auto& s : storedScenes(project.folder())) t << s.title;
      return t;
    };
    EXPECT_EQ(titles(), (QStringList{"A", "A (copy)", "B"}));
    ASSERT_TRUE(window.sceneModel()->moveRows({}, 2, 1, {}, 0));  // B first
    EXPECT_EQ(titles(), (QStringList{"B", "A", "A (copy)"}));
    window.projectPane()->selectScene(window.sceneModel()->sceneId(1));
    window.action(QStringLiteral("actionDeleteScene"))->trigger();
    EXPECT_EQ(titles(), (QStringList{"B", "A (copy)"}));
    window.action(QStringLiteral("actionUndo"))->trigger();
    EXPECT_EQ(titles(), (QStringList{"B", "A", "A (copy)"}));
    // The restored scene is selected again, and the editor shows it.
    EXPECT_EQ(window.projectPane()->currentSceneId(), window.sceneModel()->sceneId(1));
    EXPECT_EQ(window.sceneInspector()->titleEdit()->text(), QStringLiteral("A"));
  }
  MainWindow again;  // reopening shows what the store kept
  ASSERT_TRUE(again.openProject(project.folder()));
  ASSERT_EQ(again.sceneModel()->rowCount(), 3);
  EXPECT_EQ(again.sceneModel()->index(0, 0).data().toString(), QStringLiteral("B"));
  EXPECT_EQ(again.sceneInspector()->titleEdit()->text(), QStringLiteral("B"));
  EXPECT_TRUE(QSettings()
                  .value(QStringLiteral("recentProjects"))
                  .toStringList()
                  .contains(project.folder()));
}

TEST(UiMainWindow, OpeningANonProjectSaysWhy) {
  QTemporaryDir empty;
  MainWindow window;
  EXPECT_FALSE(window.openProject(empty.path()));
  EXPECT_TRUE(window.lastError().contains(QStringLiteral("project.db")));
  EXPECT_EQ(window.session(), nullptr);
}

TEST(UiMainWindow, BackupsAreWrittenAndRestorable) {
  test::TempProject project;
  MainWindow window;
  ASSERT_TRUE(window.newProject(project.folder(), QStringLiteral("Backups")));
  window.backups()->waitForIdle();
  ASSERT_EQ(window.backups()->backups().size(), 1);
  const QString backup = window.backups()->backups().first().absoluteFilePath();
  window.projectPane()->addScene();
  EXPECT_NO_THROW(model::ProjectStore::validate(backup));
  EXPECT_EQ(model::ProjectStore::open(backup)->scenes().size(), 0);  // taken before the edit
}

TEST(UiMainWindow, RestoreBackupRunsOnAWorkerThenReopens) {
  test::TempProject project;
  MainWindow window;
  window.show();
  ASSERT_TRUE(window.newProject(project.folder(), QStringLiteral("Restore")));
  window.backups()->waitForIdle();
  ASSERT_EQ(window.backups()->backups().size(), 1);
  const QString backup = window.backups()->backups().first().absoluteFilePath();
  window.projectPane()->addScene();
  ASSERT_EQ(window.sceneModel()->rowCount(), 1);

  QSignalSpy busy(&window, &MainWindow::busyChanged);
  ASSERT_TRUE(window.restoreBackupNow(backup));
  // Returned at once: the copy runs on a worker while the window is busy.
  EXPECT_TRUE(window.isBusy());
  EXPECT_EQ(window.session(), nullptr);
  EXPECT_FALSE(window.action(QStringLiteral("actionOpen"))->isEnabled());
  EXPECT_FALSE(window.action(QStringLiteral("actionNew"))->isEnabled());
  EXPECT_TRUE(window.findChild<QProgressBar*>(QStringLiteral("busyBar"))->isVisibleTo(&window));
  ASSERT_TRUE(test::spinUntil([&] { return !window.isBusy(); }));
  ASSERT_NE(window.session(), nullptr) << window.lastError().toStdString();
  EXPECT_EQ(window.sceneModel()->rowCount(), 0);  // the state of the backup
  EXPECT_TRUE(window.action(QStringLiteral("actionOpen"))->isEnabled());
  EXPECT_FALSE(window.findChild<QProgressBar*>(QStringLiteral("busyBar"))->isVisibleTo(&window));
  EXPECT_EQ(busy.size(), 2);
  // The replaced state was backed up first: restoring that brings the scene back.
  window.backups()->waitForIdle();
  QString before;
  for (const QFileInfo& info : window.backups()->backups())
    if (info.fileName().contains(QStringLiteral("before-restore")))
      before = info.absoluteFilePath();
  ASSERT_FALSE(before.isEmpty());
  EXPECT_EQ(model::ProjectStore::open(before)->scenes().size(), 1);
}

TEST(UiMainWindow, SaveAsCopiesOnAWorkerThenOpensTheCopy) {
  test::TempProject project;
  MainWindow window;
  ASSERT_TRUE(window.newProject(project.folder(), QStringLiteral("Original")));
  window.projectPane()->addScene();
  const QString copy = project.dir.filePath(QStringLiteral("Copy.scenewright"));
  ASSERT_TRUE(window.saveProjectAs(copy));
  EXPECT_TRUE(window.isBusy());
  ASSERT_TRUE(test::spinUntil([&] { return !window.isBusy(); }));
  ASSERT_NE(window.session(), nullptr);
  EXPECT_EQ(QDir(window.session()->folder()).absolutePath(), QDir(copy).absolutePath());
  EXPECT_EQ(window.session()->projectName(), QStringLiteral("Copy"));
  EXPECT_EQ(window.sceneModel()->rowCount(), 1);
  ASSERT_TRUE(window.saveProjectAs(copy));  // the folder already holds a project: refused, said why
  ASSERT_TRUE(test::spinUntil([&] { return !window.isBusy(); }));
  EXPECT_TRUE(window.lastError().contains(QStringLiteral("already holds a project")));
}

TEST(UiMainWindow, DefaultTimelineHeightShowsEveryAudioLane) {
  test::TempProject project;
  test::importSample(project.folder());
  MainWindow window;
  window.resize(1440, 900);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_TRUE(window.openProject(project.folder()));
  QCoreApplication::processEvents();
  QWidget* viewport = window.timeline()->parentWidget();
  ASSERT_NE(viewport, nullptr);
  // The SFX lane is the last one: the viewport is tall enough for all of them.
  EXPECT_GE(viewport->height(), window.timeline()->sizeHint().height());
}

TEST(UiMainWindow, DockLayoutIsRestored) {
  QByteArray state;
  {
    MainWindow window;
    window.show();
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("queueDock"));
    ASSERT_NE(dock, nullptr);
    dock->setFloating(true);
    window.close();  // saves geometry and state
  }
  MainWindow window;
  window.show();
  EXPECT_TRUE(window.findChild<QDockWidget*>(QStringLiteral("queueDock"))->isFloating());
  window.findChild<QDockWidget*>(QStringLiteral("queueDock"))->setFloating(false);
  window.close();
}

}  // namespace
