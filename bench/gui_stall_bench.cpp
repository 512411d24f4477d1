// gui_stall_bench (issue 13, part 15): how long the GUI thread stalls while a scene renders.
// The real MainWindow (offscreen platform) opens the sample project
// (resources/sample/sample_project.json, three scenes on the local backend), Render Scene is
// clicked for the first scene (the dialog's Render button, through the real RenderQueue), and
// while the render runs a scripted user selects scenes and chunks, scrubs and zooms the timeline
// and repaints the window every 150 ms (so the preview, the thumbnails and the waveforms load).
// A 10 ms precise QTimer samples the event loop: lateness = actual interval - 10 ms (from a
// QElapsedTimer). Printed for the whole render: the number of samples, p50, p99 and the max.
// Every event delivered on the GUI thread (QApplication::notify, outermost only) is timed; the
// slowest are printed with their receiver's class and the event type, and the time spent per
// (receiver class, event type) in events over 5 ms, to say what blocked. Target: max < 50 ms.
// Local video at 320x180 (saved settings), output 720p; settings and caches in a throw-away home.
// Usage: gui_stall_bench [--runs 1] [--top 12]
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QMetaEnum>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

#include "model/project_json.h"
#include "model/project_store.h"
#include "render/app_settings.h"
#include "render/render_queue.h"
#include "support/user_folders.h"
#include "ui/main_window.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/render_scene_dialog.h"
#include "ui/timeline_widget.h"
#include "ui/ui_application.h"

namespace {

using namespace sw;

constexpr qint64 kTickMs = 10;
constexpr qint64 kUserStepMs = 150;
constexpr qint64 kSlowEventNs = 5'000'000;  // events over 5 ms are attributed

struct SlowEvent {
  qint64 ns = 0;
  qint64 at = 0;  // ms since the render started
  QString receiver;
  int type = 0;
};

QString eventName(int type) {
  const char* name = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
  return name ? QString::fromLatin1(name) : QString::number(type);
}

// Times every event the GUI thread delivers (the outermost notify() only: a nested one is part
// of its caller's time).
class TimedApplication : public QApplication {
 public:
  using QApplication::QApplication;
  bool notify(QObject* receiver, QEvent* event) override {
    if (depth_ > 0 || !recording) {
      const bool paint = recording && event->type() == QEvent::Paint;
      QElapsedTimer t;
      if (paint) t.start();
      const char* cls = receiver->metaObject()->className();
      ++depth_;
      const bool ok = QApplication::notify(receiver, event);
      --depth_;
      if (paint) {
        auto& p = paints[QString::fromLatin1(cls)];
        const qint64 ns = t.nsecsElapsed();
        p.total += ns;
        p.max = std::max(p.max, ns);
        ++p.count;
      }
      return ok;
    }
    const int type = event->type();  // the event may be gone afterwards
    QString cls = QString::fromLatin1(receiver->metaObject()->className());
    if (!receiver->objectName().isEmpty())
      cls += QStringLiteral(" '%1'").arg(receiver->objectName());
    if (qobject_cast<QTimer*>(receiver) && receiver->parent())
      cls += QStringLiteral(" of ") +
             QString::fromLatin1(receiver->parent()->metaObject()->className());
    action = nullptr;
    QElapsedTimer t;
    t.start();
    ++depth_;
    const bool ok = QApplication::notify(receiver, event);
    --depth_;
    const qint64 ns = t.nsecsElapsed();
    if (action) cls = QStringLiteral("user: ") + QString::fromLatin1(action);
    if (ns > kSlowEventNs) slow.push_back({ns, clock.elapsed(), cls, type});
    return ok;
  }
  bool recording = false;
  const char* action = nullptr;  // what the scripted user did in this event
  QElapsedTimer clock;
  std::vector<SlowEvent> slow;
  struct PaintTime {
    qint64 total = 0, max = 0;
    int count = 0;
  };
  QHash<QString, PaintTime> paints;  // paint events by widget class (inside the repaints)

 private:
  int depth_ = 0;
};

struct RunResult {
  std::vector<double> lateMs;
  double renderSeconds = 0;
  bool completed = false;
  QString error;
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
  return v[i];
}

// The scripted user: one step every kUserStepMs, round-robin over what a user does meanwhile.
const char* userStep(ui::MainWindow& window, const QList<model::Id>& scenes, int step) {
  ui::ProjectSession* session = window.session();
  const model::Id scene = scenes.value((step / 6) % scenes.size());
  switch (step % 6) {
    case 0:
      window.projectPane()->selectScene(scene);
      return "select a scene";
    case 1:
    case 3: {
      const QList<model::Chunk> chunks = session->store().chunks(window.timeline()->sceneId());
      if (!chunks.isEmpty())
        window.timeline()->selectChunk(chunks.value((step / 2) % chunks.size()).id);
      return "select a chunk";
    }
    case 2:
      window.timeline()->setPlayhead(double(step % 40) * 0.25);
      return "move the playhead";
    case 4:
      window.timeline()->zoomIn();
      return "zoom in";
    case 5:
      window.timeline()->zoomOut();
      window.update();
      return "zoom out";
  }
  return "";
}

RunResult runOnce(TimedApplication& app, int run) {
  RunResult result;
  QTemporaryDir dir;
  const QString folder = dir.filePath(QStringLiteral("Bench%1.scenewright").arg(run));
  QList<model::Id> scenes;
  {
    auto store = model::importProjectFile(
        QStringLiteral(SW_SOURCE_DIR "/resources/sample/sample_project.json"), folder, QString());
    for (const model::Scene& s : store->scenes()) scenes << s.id;
  }
  ui::MainWindow window;
  window.resize(1366, 768);
  window.show();
  if (!window.openProject(folder)) {
    result.error = QStringLiteral("could not open the sample project: ") + window.lastError();
    return result;
  }
  window.projectPane()->selectScene(scenes.value(0));
  QElapsedTimer settle;  // let the first scene's widgets load before measuring
  settle.start();
  while (settle.elapsed() < 1000) app.processEvents(QEventLoop::AllEvents, 50);

  ui::RenderSceneDialog* dialog = window.showRenderDialog();
  if (!dialog) {
    result.error = QStringLiteral("Render Scene did not open");
    return result;
  }
  QEventLoop loop;
  QObject::connect(window.renderQueue(), &render::RenderQueue::jobFinished, &loop,
                   [&](qint64, int status, const QString&, const QString& error) {
                     result.completed = model::JobStatus(status) == model::JobStatus::Completed;
                     result.error = error;
                     loop.quit();
                   });
  QElapsedTimer ticks;
  QTimer sampler;
  sampler.setTimerType(Qt::PreciseTimer);
  sampler.setInterval(int(kTickMs));
  QObject::connect(&sampler, &QTimer::timeout, &app, [&] {
    result.lateMs.push_back(double(ticks.nsecsElapsed()) / 1e6 - double(kTickMs));
    ticks.restart();
  });
  int step = 0;
  QTimer user;
  user.setInterval(int(kUserStepMs));
  QObject::connect(&user, &QTimer::timeout, &app, [&] {
    app.action = userStep(window, scenes, step++);
    window.timeline()->update();
  });

  app.slow.clear();
  app.paints.clear();
  app.clock.start();
  app.recording = true;
  dialog->renderButton()->click();
  ticks.start();
  sampler.start();
  user.start();
  loop.exec();
  sampler.stop();
  user.stop();
  app.recording = false;
  result.renderSeconds = double(app.clock.elapsed()) / 1000.0;
  window.renderQueue()->waitForIdle();
  window.closeProject();
  return result;
}

void printAttribution(const std::vector<SlowEvent>& slow, int top) {
  std::vector<SlowEvent> sorted = slow;
  std::sort(sorted.begin(), sorted.end(),
            [](const SlowEvent& a, const SlowEvent& b) { return a.ns > b.ns; });
  std::printf("  slowest events (receiver, event type, at):\n");
  for (int i = 0; i < top && i < int(sorted.size()); ++i)
    std::printf("    %7.1f ms  %-36s %-22s at %6.2f s\n", double(sorted[i].ns) / 1e6,
                qPrintable(sorted[i].receiver), qPrintable(eventName(sorted[i].type)),
                double(sorted[i].at) / 1000.0);
  QHash<QString, std::pair<qint64, int>> byKind;
  for (const SlowEvent& e : slow) {
    auto& k = byKind[e.receiver + QStringLiteral(" / ") + eventName(e.type)];
    k.first += e.ns;
    ++k.second;
  }
  std::vector<std::pair<QString, std::pair<qint64, int>>> kinds;
  for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
    kinds.emplace_back(it.key(), it.value());
  std::sort(kinds.begin(), kinds.end(),
            [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  std::printf("  time in events over 5 ms, by receiver / event type:\n");
  for (int i = 0; i < top && i < int(kinds.size()); ++i)
    std::printf("    %7.1f ms in %3d  %s\n", double(kinds[i].second.first) / 1e6,
                kinds[i].second.second, qPrintable(kinds[i].first));
}

// Where the window's repaints go: paint events by widget class, the slowest classes first.
void printPaints(const TimedApplication& app, int top) {
  std::vector<std::pair<QString, TimedApplication::PaintTime>> list;
  for (auto it = app.paints.cbegin(); it != app.paints.cend(); ++it)
    list.emplace_back(it.key(), it.value());
  std::sort(list.begin(), list.end(),
            [](const auto& a, const auto& b) { return a.second.total > b.second.total; });
  std::printf("  paint events by widget class (total, count, mean, max):\n");
  for (int i = 0; i < top && i < int(list.size()); ++i) {
    const auto& p = list[i].second;
    std::printf("    %7.1f ms in %4d  mean %5.2f ms  max %5.1f ms  %s\n", double(p.total) / 1e6,
                p.count, double(p.total) / 1e6 / std::max(1, p.count), double(p.max) / 1e6,
                qPrintable(list[i].first));
  }
}

}  // namespace

int main(int argc, char** argv) {
  testsupport::isolateUserFolders();
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  TimedApplication app(argc, argv);
  ui::setupApplication(app, QLocale(QLocale::English, QLocale::UnitedStates));
  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addOption({QStringLiteral("runs"), QStringLiteral("Renders to measure."),
                    QStringLiteral("n"), QStringLiteral("1")});
  parser.addOption({QStringLiteral("top"), QStringLiteral("Slow events to list."),
                    QStringLiteral("n"), QStringLiteral("12")});
  parser.process(app);
  const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
  const int top = std::max(0, parser.value(QStringLiteral("top")).toInt());

  render::AppSettings settings;  // small local video keeps the render short
  settings.backendOptions = QJsonObject{{"local", QJsonObject{{"width", 320}, {"height", 180}}}};
  settings.save();

  std::printf(
      "gui_stall_bench: lateness of a %lld ms timer on the GUI thread during a render of "
      "\"Storm Warning\" (sample project, local backend)\n",
      kTickMs);
  bool allOk = true;
  for (int run = 1; run <= runs; ++run) {
    const RunResult r = runOnce(app, run);
    if (!r.completed) {
      std::printf("run %d: the render did not complete: %s\n", run, qPrintable(r.error));
      allOk = false;
      continue;
    }
    std::printf(
        "run %d: render %.1f s, %zu samples, p50 %.1f ms, p99 %.1f ms, max stall %.1f ms "
        "(target < 50)\n",
        run, r.renderSeconds, r.lateMs.size(), percentile(r.lateMs, 0.50),
        percentile(r.lateMs, 0.99),
        r.lateMs.empty() ? 0.0 : *std::max_element(r.lateMs.begin(), r.lateMs.end()));
    printAttribution(app.slow, top);
    printPaints(app, top);
  }
  return allOk ? 0 : 1;
}
