// The main window with no project open, driven like a first-time user: the welcome page's recent
// projects, sample project and screenplay import; Open Project on a NAME.scenewright folder; the
// Help menu; and recovering a project whose database is damaged, from its backups.
#include <gtest/gtest.h>

#include <QAbstractItemView>
#include <QAction>
#include <QCommandLinkButton>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>

#include "model/project_store.h"
#include "model/store_backup.h"
#include "ui/backup_dialog.h"
#include "ui/help_dialogs.h"
#include "ui/main_window.h"
#include "ui/project_session.h"
#include "ui/scene_list_model.h"
#include "ui/welcome_page.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

// The visible file dialog titled `title` (the previous one may not be deleted yet).
QFileDialog* fileDialog(QWidget& window, const QString& title) {
  QFileDialog* found = nullptr;
  test::spinUntil([&] {
    for (auto* d : window.findChildren<QFileDialog*>())
      if (d->isVisible() && d->windowTitle() == title) found = d;
    return found != nullptr;
  });
  return found;
}

BackupDialog* backupDialog(QWidget& window) {
  BackupDialog* found = nullptr;
  test::spinUntil([&] {
    for (auto* d : window.findChildren<BackupDialog*>())
      if (d->isVisible() && d->listed()) found = d;
    return found != nullptr;
  });
  return found;
}

void makeProject(const QString& folder, const QString& name, int scenes) {
  auto store = model::ProjectStore::create(folder, name);
  for (int i = 0; i < scenes; ++i) test::addRichScene(*store, QStringLiteral("Scene %1").arg(i));
}

QString backupOf(const QString& folder, const QString& stamp) {
  const QString file = QDir(folder).filePath(QStringLiteral("backups/project-%1.db").arg(stamp));
  model::backupProject(folder, file);
  return file;
}

TEST(UiWelcome, RecentProjectsNewestFirstMissingRemovableOneKeyOpens) {
  QTemporaryDir tmp;
  const QString older = tmp.filePath(QStringLiteral("Older.scenewright"));
  const QString newer = tmp.filePath(QStringLiteral("Newer.scenewright"));
  const QString gone = tmp.filePath(QStringLiteral("Gone.scenewright"));
  makeProject(older, QStringLiteral("Older"), 0);
  makeProject(newer, QStringLiteral("Newer"), 1);
  QSettings().setValue(QStringLiteral("recentProjects"), QStringList{newer, gone, older});
  MainWindow window;
  window.show();
  window.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
  auto* page = window.centralWidget()->findChild<WelcomePage*>();
  ASSERT_NE(page, nullptr);
  ASSERT_TRUE(test::spinUntil([&] { return page->checked(); }));
  EXPECT_EQ(page->missingProjects(), QStringList{gone});
  auto* first = page->findChild<QCommandLinkButton*>(QStringLiteral("recentProject0"));
  auto* missing = page->findChild<QCommandLinkButton*>(QStringLiteral("recentProject1"));
  ASSERT_TRUE(first && missing);
  EXPECT_EQ(first->text(), QStringLiteral("Newer"));
  EXPECT_FALSE(missing->isEnabled());
  EXPECT_TRUE(missing->description().startsWith(QStringLiteral("Missing")));
  EXPECT_EQ(page->findChild<QToolButton*>(QStringLiteral("removeRecent0")), nullptr);
  auto* remove = page->findChild<QToolButton*>(QStringLiteral("removeRecent1"));
  ASSERT_NE(remove, nullptr);
  const QPointer<QToolButton> clicked = remove;
  QTest::mouseClick(remove, Qt::LeftButton);
  // The button is not deleted inside its own clicked() (the list is rebuilt at once, the old
  // row leaves the page and is deleted once the event loop runs).
  EXPECT_FALSE(clicked.isNull()) << "deleted while its signal was being handled";
  EXPECT_NE(clicked ? clicked->window() : nullptr, page->window()) << "the old row left the page";
  QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
  EXPECT_TRUE(clicked.isNull());
  EXPECT_EQ(QSettings().value(QStringLiteral("recentProjects")).toStringList(),
            (QStringList{newer, older}));
  auto* second = page->findChild<QCommandLinkButton*>(QStringLiteral("recentProject1"));
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->text(), QStringLiteral("Older"));
  // Enter on the focused entry opens it.
  first = page->findChild<QCommandLinkButton*>(QStringLiteral("recentProject0"));
  first->setFocus();
  QTest::keyClick(first, Qt::Key_Return);
  ASSERT_NE(window.session(), nullptr) << window.lastError().toStdString();
  EXPECT_EQ(QDir(window.session()->folder()), QDir(newer));
  EXPECT_EQ(window.sceneModel()->rowCount(), 1);
  window.closeProject();  // back to the welcome page, the opened one first
  page = window.centralWidget()->findChild<WelcomePage*>();
  ASSERT_NE(page, nullptr);
  auto* again = page->findChild<QCommandLinkButton*>(QStringLiteral("recentProject1"));
  ASSERT_NE(again, nullptr);
  QTest::mouseClick(again, Qt::LeftButton);  // one click opens
  ASSERT_NE(window.session(), nullptr);
  EXPECT_EQ(QDir(window.session()->folder()), QDir(older));
}

TEST(UiWelcome, SampleButtonOpensTheBundledSample) {
  QDir(MainWindow::sampleProjectFolder()).removeRecursively();
  MainWindow window;
  window.show();
  auto* sample =
      window.centralWidget()->findChild<QCommandLinkButton*>(QStringLiteral("welcomeSample"));
  ASSERT_NE(sample, nullptr);
  QTest::mouseClick(sample, Qt::LeftButton);
  ASSERT_TRUE(test::spinUntil([&] { return window.session() != nullptr; }))
      << window.lastError().toStdString();
  EXPECT_EQ(QDir(window.session()->folder()), QDir(MainWindow::sampleProjectFolder()));
  EXPECT_EQ(window.session()->projectName(), QStringLiteral("The Lighthouse Keeper"));
  EXPECT_EQ(window.sceneModel()->rowCount(), 3);
  window.closeProject();
  // The second time it opens the same project at once.
  window.centralWidget()->findChild<QCommandLinkButton*>(QStringLiteral("welcomeSample"))->click();
  ASSERT_NE(window.session(), nullptr);
  EXPECT_EQ(window.sceneModel()->rowCount(), 3);
}

TEST(UiWelcome, ImportAScreenplayIntoANewProject) {
  QTemporaryDir tmp;
  const QString script = tmp.filePath(QStringLiteral("Storm.fountain"));
  {
    QFile f(script);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(
        "EXT. HARBOUR - NIGHT\n\nRain.\n\nMARA\nThe light is out.\n\n"
        "INT. LAMP ROOM - NIGHT\n\nTOMAS winds the clockwork.\n");
  }
  MainWindow window;
  window.show();
  window.centralWidget()->findChild<QCommandLinkButton*>(QStringLiteral("welcomeImport"))->click();
  QFileDialog* pick = fileDialog(window, QStringLiteral("Import a Screenplay"));
  ASSERT_NE(pick, nullptr);
  pick->selectFile(script);
  QMetaObject::invokeMethod(pick, "accept");
  QFileDialog* target = fileDialog(window, QStringLiteral("New Project for Storm.fountain"));
  ASSERT_NE(target, nullptr);
  // Suggested beside the script, named after it.
  EXPECT_EQ(QDir(target->directory()), QDir(tmp.path()));
  QMetaObject::invokeMethod(target, "accept");
  ASSERT_TRUE(
      test::spinUntil([&] { return window.sceneModel() && window.sceneModel()->rowCount() == 2; }));
  EXPECT_EQ(QDir(window.session()->folder()),
            QDir(tmp.filePath(QStringLiteral("Storm.scenewright"))));
}

TEST(UiWelcome, OpenProjectAcceptsTheProjectFolderItself) {
  test::TempProject project;
  makeProject(project.folder(), QStringLiteral("Bundle"), 1);
  MainWindow window;
  window.show();
  window.action(QStringLiteral("actionOpen"))->trigger();
  QFileDialog* dialog = fileDialog(window, QStringLiteral("Open Project"));
  ASSERT_NE(dialog, nullptr);
  dialog->setDirectory(project.dir.path());
  // Double-click the project folder in the list, as a user would: it opens, not browses.
  QAbstractItemView* view = nullptr;
  QModelIndex index;
  ASSERT_TRUE(test::spinUntil([&] {
    for (auto* v : dialog->findChildren<QAbstractItemView*>()) {
      const bool files = v->objectName() == QLatin1String("listView") ||
                         v->objectName() == QLatin1String("treeView");
      if (!files || !v->isVisible() || !v->model()) continue;
      for (int row = 0; row < v->model()->rowCount(v->rootIndex()); ++row) {
        const QModelIndex i = v->model()->index(row, 0, v->rootIndex());
        if (i.data().toString() == QStringLiteral("Test.scenewright")) {
          view = v;
          index = i;
        }
      }
    }
    return view != nullptr;
  }));
  view->scrollTo(index);
  const QPoint at = view->visualRect(index).center();
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
  QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
  ASSERT_TRUE(test::spinUntil([&] { return window.session() != nullptr; }))
      << window.lastError().toStdString();
  EXPECT_EQ(QDir(window.session()->folder()), QDir(project.folder()));
  EXPECT_EQ(window.sceneModel()->rowCount(), 1);
}

TEST(UiWelcome, ShortcutsDialogListsTheActionsShortcuts) {
  MainWindow window;
  window.show();
  QAction* render = window.action(QStringLiteral("actionRender"));
  render->setShortcut(
      QKeySequence(QStringLiteral("Ctrl+Alt+R")));  // what the dialog shows is read now
  QAction* open = window.action(QStringLiteral("actionShortcuts"));
  ASSERT_NE(open, nullptr);
  open->trigger();
  auto* dialog = window.findChild<ShortcutsDialog*>();
  ASSERT_NE(dialog, nullptr);
  EXPECT_TRUE(dialog->isVisible());
  QSet<QString> rows;
  for (int g = 0; g < dialog->table()->topLevelItemCount(); ++g) {
    QTreeWidgetItem* group = dialog->table()->topLevelItem(g);
    for (int i = 0; i < group->childCount(); ++i)
      rows.insert(group->child(i)->text(0) + QLatin1Char('=') + group->child(i)->text(1));
  }
  EXPECT_TRUE(
      rows.contains(QStringLiteral("Render Scene=") +
                    QKeySequence(QStringLiteral("Ctrl+Alt+R")).toString(QKeySequence::NativeText)));
  // Every action of the menus that has a shortcut is listed with it, the transport keys too.
  int withShortcut = 0;
  for (QMenu* menu : window.findChildren<QMenu*>())
    for (QAction* a : menu->actions()) {
      if (a->menu() || a->shortcut().isEmpty()) continue;
      ++withShortcut;
      QString text = a->text().remove(QLatin1Char('&'));
      if (text.endsWith(QChar(0x2026))) text.chop(1);
      const QString keys = a->shortcut().toString(QKeySequence::NativeText);
      bool listed = false;
      for (const QString& row : rows)
        listed = listed || (row.startsWith(text) && row.contains(keys));
      EXPECT_TRUE(listed) << text.toStdString() << " " << keys.toStdString();
    }
  EXPECT_GT(withShortcut, 20);
  EXPECT_TRUE(rows.contains(QStringLiteral("Play / Pause=Space")));
}

TEST(UiWelcome, UserGuideShowsTheEmbeddedReadme) {
  MainWindow window;
  window.show();
  window.action(QStringLiteral("actionUserGuide"))->trigger();
  auto* guide = window.findChild<UserGuideDialog*>();
  ASSERT_NE(guide, nullptr);
  EXPECT_TRUE(guide->isVisible());
  EXPECT_TRUE(guide->browser()->toPlainText().contains(QStringLiteral("Render Scene")));
  // Its screenshots come from the binary too (an installed build has no source tree).
  const QVariant image = guide->browser()->loadResource(
      QTextDocument::ImageResource, QUrl(QStringLiteral("docs/screenshots/main-window.png")));
  EXPECT_FALSE(image.isNull());
}

TEST(UiWelcome, DamagedProjectOffersItsBackupsAndRestoresOne) {
  test::TempProject project;
  makeProject(project.folder(), QStringLiteral("Damaged"), 2);
  backupOf(project.folder(), QStringLiteral("20260101-090000-000"));
  {
    QFile db(QDir(project.folder()).filePath(QStringLiteral("project.db")));
    ASSERT_TRUE(db.open(QIODevice::ReadWrite));  // no store is open: the test breaks the header
    db.write(QByteArray(16, '\x5A'));
  }
  MainWindow window;
  window.show();
  EXPECT_FALSE(window.openProject(project.folder()));
  EXPECT_TRUE(window.lastError().contains(QStringLiteral("is damaged: ")))
      << window.lastError().toStdString();
  EXPECT_FALSE(window.lastError().contains(QStringLiteral("not a Scenewright project")));
  BackupDialog* dialog = backupDialog(window);
  ASSERT_NE(dialog, nullptr);
  EXPECT_TRUE(dialog->findChild<QLabel*>(QStringLiteral("backupIntro"))
                  ->text()
                  .contains(QStringLiteral("damaged")));
  ASSERT_EQ(dialog->list()->count(), 1);
  ASSERT_TRUE(dialog->restoreButton()->isEnabled());
  QTest::mouseClick(dialog->restoreButton(), Qt::LeftButton);
  ASSERT_TRUE(test::spinUntil([&] { return !window.isBusy() && window.session(); }))
      << window.lastError().toStdString();
  EXPECT_EQ(window.sceneModel()->rowCount(), 2);
  EXPECT_EQ(window.sceneModel()->index(1, 0).data().toString(), QStringLiteral("Scene 1"));
  // The damaged file is kept, and not offered as a backup.
  EXPECT_EQ(QDir(QDir(project.folder()).filePath(QStringLiteral("backups")))
                .entryList({QStringLiteral("damaged-*.db")}, QDir::Files)
                .size(),
            1);
}

TEST(UiWelcome, RestoreBackupWithoutAnOpenProject) {
  test::TempProject project;
  makeProject(project.folder(), QStringLiteral("Closed"), 0);
  backupOf(project.folder(), QStringLiteral("20260101-090000-000"));  // no scenes yet
  {
    auto store = model::ProjectStore::open(project.folder());
    test::addRichScene(*store, QStringLiteral("Later"));
  }
  MainWindow window;
  window.show();
  ASSERT_EQ(window.session(), nullptr);
  auto* menu = window.findChild<QMenu*>(QStringLiteral("backupMenu"));
  ASSERT_NE(menu, nullptr);
  EXPECT_TRUE(menu->isEnabled());
  emit menu->aboutToShow();
  QAction* fromFolder = window.findChild<QAction*>(QStringLiteral("actionRestoreFromFolder"));
  ASSERT_NE(fromFolder, nullptr);
  EXPECT_TRUE(menu->actions().contains(fromFolder));
  fromFolder->trigger();
  QFileDialog* choose = fileDialog(window, QStringLiteral("Restore a Backup of a Project"));
  ASSERT_NE(choose, nullptr);
  choose->selectFile(project.folder());
  QMetaObject::invokeMethod(choose, "accept");
  BackupDialog* dialog = backupDialog(window);
  ASSERT_NE(dialog, nullptr);
  ASSERT_EQ(dialog->list()->count(), 1);
  QTest::mouseClick(dialog->restoreButton(), Qt::LeftButton);
  ASSERT_TRUE(test::spinUntil([&] { return !window.isBusy() && window.session(); }))
      << window.lastError().toStdString();
  EXPECT_EQ(window.sceneModel()->rowCount(), 0);  // the backup's state
  QStringList before = QDir(QDir(project.folder()).filePath(QStringLiteral("backups")))
                           .entryList({QStringLiteral("project-*-before-restore.db")});
  ASSERT_EQ(before.size(), 1);
  EXPECT_EQ(model::ProjectStore::open(
                QDir(project.folder()).filePath(QStringLiteral("backups/") + before.first()))
                ->scenes()
                .size(),
            1);
}

// For the README and for a human to look at: <build>/screenshots/welcome.png.
TEST(UiWelcome, Screenshot) {
  QTemporaryDir tmp;
  QStringList recent;
  for (const char* name : {"Harbour Lights", "The Lighthouse Keeper", "Night Ferry"}) {
    const QString folder = tmp.filePath(QLatin1String(name) + QStringLiteral(".scenewright"));
    if (recent.size() != 2) makeProject(folder, QLatin1String(name), 0);
    recent << folder;
  }
  QSettings().setValue(QStringLiteral("recentProjects"), recent);
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  auto* page = window.centralWidget()->findChild<WelcomePage*>();
  ASSERT_NE(page, nullptr);
  ASSERT_TRUE(test::spinUntil([&] { return page->checked(); }));
  QCoreApplication::processEvents();
  const QImage shot = window.grab().toImage();
  ASSERT_FALSE(shot.isNull());
  const QString dir = QStringLiteral(SW_BINARY_DIR "/screenshots");
  QDir().mkpath(dir);
  ASSERT_TRUE(shot.save(QDir(dir).filePath(QStringLiteral("welcome.png"))));
}

}  // namespace
