// The Render Scene dialog and the end of a render (issue 13 part 13): Enter starts the render;
// rendering over an existing file asks first; the dialog shows the scene state (what will be
// generated and why) and the budget against the estimate; a cancelled job says "Cancelled";
// quitting during a render asks whether to cancel it or leave it to resume later. Writes
// <build>/screenshots/render-dialog.png.
#include <gtest/gtest.h>

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include "render/app_settings.h"
#include "render/render_queue.h"
#include "render/scene_job.h"
#include "ui/job_card.h"
#include "ui/main_window.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/render_job_model.h"
#include "ui/render_queue_panel.h"
#include "ui/render_scene_dialog.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

class UiRenderDialog : public ::testing::Test {
 protected:
  void SetUp() override {
    render::AppSettings settings;  // small local video keeps the render short
    settings.backendOptions = QJsonObject{{"local", QJsonObject{{"width", 320}, {"height", 180}}}};
    settings.save();
    {
      auto store = model::ProjectStore::create(project.folder(), QStringLiteral("Dialog"));
      sceneId = test::addRichScene(*store, QStringLiteral("Storm Warning"), 3.0);
    }
    window = std::make_unique<MainWindow>();
    window->show();
    ASSERT_TRUE(window->openProject(project.folder()));
    window->projectPane()->selectScene(sceneId);
  }
  void TearDown() override {
    if (window && window->renderQueue()) {
      for (int r = 0; r < window->jobModel()->rowCount(); ++r)
        window->renderQueue()->cancel(window->jobModel()->job(r).id);
      window->renderQueue()->waitForIdle();
    }
  }
  model::JobStatus statusIn(const QString& folder, model::Id jobId) {
    return model::ProjectStore::open(folder)->job(jobId)->status;
  }
  // A render running in the queue (stopped by the test).
  model::Id startRender() {
    render::RenderRequest request;
    request.sceneIds = {sceneId};
    request.preview = true;
    const QList<model::Id> ids = window->enqueueRender(request);
    EXPECT_EQ(ids.size(), 1);
    EXPECT_TRUE(window->renderQueue()->isRunning(ids.value(0)));
    return ids.value(0);
  }
  // Answers the next message box named `name` by clicking its button named `button`.
  void answerNext(const QString& name, const QString& button, QString* text = nullptr) {
    QTimer::singleShot(0, [this, name, button, text] {
      auto* box = window->findChild<QMessageBox*>(name);
      ASSERT_NE(box, nullptr) << name.toStdString();
      if (text) *text = box->text() + QLatin1Char('\n') + box->informativeText();
      auto* b = box->findChild<QPushButton*>(button);
      ASSERT_NE(b, nullptr) << button.toStdString();
      b->click();
    });
  }

  test::TempProject project;
  model::Id sceneId = 0;
  std::unique_ptr<MainWindow> window;
};

TEST_F(UiRenderDialog, EnterInTheDialogStartsTheRender) {
  RenderSceneDialog* dialog = window->showRenderDialog();
  ASSERT_NE(dialog, nullptr);
  EXPECT_TRUE(dialog->renderButton()->isDefault());
  dialog->previewBox()->setChecked(true);
  // Enter wherever the focus is: the output field, then a checkbox.
  dialog->outputEdit()->setFocus();
  QTest::keyClick(dialog->outputEdit(), Qt::Key_Return);
  ASSERT_TRUE(test::spinUntil([&] { return window->jobModel()->rowCount() == 1; }, 40));
  window->renderQueue()->cancel(window->jobModel()->job(0).id);
  window->renderQueue()->waitForIdle();

  dialog = window->showRenderDialog();
  ASSERT_NE(dialog, nullptr);
  QFile::remove(dialog->outputEdit()->text());
  dialog->previewBox()->setFocus();
  QTest::keyClick(dialog->previewBox(), Qt::Key_Return);
  EXPECT_TRUE(test::spinUntil([&] { return window->jobModel()->rowCount() == 2; }, 40));
}

TEST_F(UiRenderDialog, RenderingOverAnExistingFileAsksFirst) {
  RenderSceneDialog* dialog = window->showRenderDialog();
  ASSERT_NE(dialog, nullptr);
  const QString output = dialog->outputEdit()->text();
  QDir().mkpath(QFileInfo(output).absolutePath());
  {
    QFile f(output);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("an earlier render");
  }
  QString asked;
  answerNext(QStringLiteral("overwriteConfirm"), QStringLiteral("keepFileButton"), &asked);
  QTest::mouseClick(dialog->renderButton(), Qt::LeftButton);
  ASSERT_TRUE(test::spinUntil([&] { return !asked.isEmpty(); }, 40));
  EXPECT_TRUE(asked.contains(QFileInfo(output).fileName())) << asked.toStdString();
  QCoreApplication::processEvents();
  EXPECT_EQ(window->jobModel()->rowCount(), 0) << "declined: nothing is rendered";
  EXPECT_TRUE(dialog->isVisible()) << "declined: the dialog stays open to choose another file";

  asked.clear();
  answerNext(QStringLiteral("overwriteConfirm"), QStringLiteral("replaceFileButton"), &asked);
  QTest::mouseClick(dialog->renderButton(), Qt::LeftButton);
  ASSERT_TRUE(test::spinUntil([&] { return window->jobModel()->rowCount() == 1; }, 40));
  EXPECT_FALSE(asked.isEmpty());
}

// A batch writes each scene to exports/NN-title.mp4: when some of those exist it asks once,
// naming them, before rendering any.
TEST_F(UiRenderDialog, ABatchOverExistingFilesAsksOnce) {
  model::Id second = 0;
  ASSERT_TRUE(window->session()->write([&] {
    second = test::addRichScene(window->session()->store(), QStringLiteral("Calm After"), 2.0);
  }));
  window->session()->notifyScenesReset();
  RenderSceneDialog dialog(window->session(), {sceneId, second}, nullptr,
                           render::AppSettings::load().backends, window.get());
  const QString exports = QDir(project.folder()).filePath(QStringLiteral("exports"));
  QDir().mkpath(exports);
  QStringList made;
  for (model::Id id : {sceneId, second}) {
    const QString path = render::defaultOutputPath(exports, *window->session()->store().scene(id));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("an earlier render");
    made << QFileInfo(path).fileName();
  }
  dialog.show();
  int asked = 0;
  QString text;
  QTimer probe;  // counts every question and answers it
  probe.setInterval(10);
  QObject::connect(&probe, &QTimer::timeout, [&] {
    auto* box = dialog.findChild<QMessageBox*>(QStringLiteral("overwriteConfirm"));
    if (!box || !box->isVisible()) return;
    ++asked;
    text = box->text();
    box->findChild<QPushButton*>(asked == 1 ? QStringLiteral("keepFileButton")
                                            : QStringLiteral("replaceFileButton"))
        ->click();
  });
  probe.start();
  dialog.accept();
  ASSERT_TRUE(test::spinUntil([&] { return asked == 1; }));
  for (const QString& name : made) EXPECT_TRUE(text.contains(name)) << text.toStdString();
  QCoreApplication::processEvents();
  EXPECT_TRUE(dialog.isVisible()) << "declined: nothing is rendered";
  dialog.accept();
  ASSERT_TRUE(test::spinUntil([&] { return !dialog.isVisible(); }));
  EXPECT_EQ(asked, 2) << "one question per click of Render, not one per file";
  EXPECT_EQ(dialog.result(), QDialog::Accepted);
}

TEST_F(UiRenderDialog, ShowsTheSceneStateAndTheBudget) {
  RenderSceneDialog* dialog = window->showRenderDialog();
  ASSERT_NE(dialog, nullptr);
  QTreeWidget* state = dialog->sceneStateList();
  ASSERT_NE(state, nullptr);
  // Computed on a worker: the list fills once it is known.
  ASSERT_TRUE(test::spinUntil([&] { return dialog->sceneStateShown(); }));
  ASSERT_GT(state->topLevelItemCount(), 0);
  QStringList rows;
  for (int i = 0; i < state->topLevelItemCount(); ++i) {
    const QTreeWidgetItem* item = state->topLevelItem(i);
    rows << QStringLiteral("%1 | %2 | %3 | %4")
                .arg(item->text(0), item->text(1), item->text(2), item->text(3));
  }
  const QString all = rows.join(QLatin1Char('\n'));
  // Nothing is generated yet: the chunk, the speech and the SFX are made, each with its reason.
  EXPECT_TRUE(all.contains(QStringLiteral("chunk 1 | generate"))) << all.toStdString();
  EXPECT_TRUE(all.contains(QStringLiteral("narration | generate"))) << all.toStdString();
  EXPECT_TRUE(all.contains(QStringLiteral("$0.00"))) << all.toStdString();
  for (const QString& row : rows)
    EXPECT_FALSE(row.section(QStringLiteral(" | "), 2, 2).isEmpty()) << row.toStdString();
  // The budget against the estimate.
  dialog->budgetBox()->setChecked(true);
  dialog->budgetSpin()->setValue(2.5);
  EXPECT_TRUE(dialog->budgetLabel()->text().contains(QStringLiteral("$0.00")))
      << dialog->budgetLabel()->text().toStdString();
  EXPECT_TRUE(dialog->budgetLabel()->text().contains(QStringLiteral("$2.50")))
      << dialog->budgetLabel()->text().toStdString();

  dialog->resize(dialog->sizeHint().expandedTo(QSize(640, 0)));
  QTest::qWait(50);
  const QString dir = QStringLiteral(SW_BINARY_DIR "/screenshots");
  QDir().mkpath(dir);
  EXPECT_TRUE(
      dialog->grab().toImage().save(QDir(dir).filePath(QStringLiteral("render-dialog.png"))));
  dialog->reject();
}

TEST_F(UiRenderDialog, ACancelledRenderSaysCancelledNotFailed) {
  const model::Id jobId = startRender();
  JobCard* card = window->queuePanel()->card(jobId);
  ASSERT_NE(card, nullptr);
  QTest::mouseClick(card->cancelButton(), Qt::LeftButton);
  window->renderQueue()->waitForIdle();
  ASSERT_TRUE(test::spinUntil([&] {
    return window->session()->store().job(jobId)->status == model::JobStatus::Cancelled;
  }));
  QCoreApplication::processEvents();
  const QString message = window->statusBar()->currentMessage();
  EXPECT_TRUE(message.contains(QStringLiteral("Cancelled")) ||
              message.contains(QStringLiteral("cancelled")))
      << message.toStdString();
  EXPECT_FALSE(message.contains(QStringLiteral("failed"), Qt::CaseInsensitive))
      << message.toStdString();
  card = window->queuePanel()->card(jobId);
  ASSERT_NE(card, nullptr);
  const QString cardText = card->grab().isNull() ? QString() : [&] {
    QStringList texts;
    for (const QLabel* l : card->findChildren<QLabel*>())
      if (l->isVisibleTo(card)) texts << l->text();
    return texts.join(QLatin1Char('\n'));
  }();
  EXPECT_TRUE(cardText.contains(QStringLiteral("Cancelled"))) << cardText.toStdString();
  EXPECT_FALSE(cardText.contains(QStringLiteral("failed"), Qt::CaseInsensitive))
      << cardText.toStdString();
}

TEST_F(UiRenderDialog, QuitDuringARenderCanLeaveItToResumeLater) {
  const model::Id jobId = startRender();
  QString asked;
  answerNext(QStringLiteral("quitDuringRender"), QStringLiteral("leaveRenderButton"), &asked);
  window->close();
  ASSERT_TRUE(test::spinUntil([&] { return !window->isVisible(); }));
  EXPECT_TRUE(asked.contains(QStringLiteral("Storm Warning"))) << asked.toStdString();
  window.reset();
  EXPECT_EQ(statusIn(project.folder(), jobId), model::JobStatus::Interrupted);
  // Opened again, the job offers Resume.
  window = std::make_unique<MainWindow>();
  window->show();
  ASSERT_TRUE(window->openProject(project.folder()));
  JobCard* card = window->queuePanel()->card(jobId);
  ASSERT_NE(card, nullptr);
  EXPECT_TRUE(card->resumeButton()->isVisibleTo(card));
}

// A second render of the same scene waits for the first; leaving both to resume later must not
// start the waiting one when the first stops (the window then never closed).
TEST_F(UiRenderDialog, QuitLeavesAJobWaitingForItsSceneToResumeLater) {
  const model::Id first = startRender();
  render::RenderRequest again;
  again.sceneIds = {sceneId};
  again.preview = true;
  again.outputPath = project.folder() + QStringLiteral("/exports/again.mp4");
  const model::Id second = window->enqueueRender(again).value(0);
  ASSERT_TRUE(window->renderQueue()->isWaiting(second));
  answerNext(QStringLiteral("quitDuringRender"), QStringLiteral("leaveRenderButton"));
  window->close();
  ASSERT_TRUE(test::spinUntil([&] { return !window->isVisible(); }));
  window.reset();
  EXPECT_EQ(statusIn(project.folder(), first), model::JobStatus::Interrupted);
  EXPECT_EQ(statusIn(project.folder(), second), model::JobStatus::Interrupted);
}

TEST_F(UiRenderDialog, QuitDuringARenderCanCancelItOrKeepRendering) {
  const model::Id jobId = startRender();
  QString asked;
  answerNext(QStringLiteral("quitDuringRender"), QStringLiteral("keepRenderingButton"), &asked);
  window->close();
  ASSERT_TRUE(test::spinUntil([&] { return !asked.isEmpty(); })) << "the quit was not asked";
  ASSERT_TRUE(test::spinUntil(
      [&] { return !window->findChild<QMessageBox*>(QStringLiteral("quitDuringRender")); }));
  EXPECT_TRUE(window->isVisible());
  EXPECT_TRUE(window->renderQueue()->isRunning(jobId));

  answerNext(QStringLiteral("quitDuringRender"), QStringLiteral("cancelRenderButton"));
  window->close();
  ASSERT_TRUE(test::spinUntil([&] { return !window->isVisible(); }));
  window.reset();
  EXPECT_EQ(statusIn(project.folder(), jobId), model::JobStatus::Cancelled);
}

}  // namespace
