// render DIR --film: the chosen scenes, each rendered or reused, joined into one MP4
// (render/film.h, render/film_render.h).
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>
#include <algorithm>

#include "command.h"
#include "film_cli.h"
#include "interrupt.h"
#include "model/project_store.h"
#include "render/app_settings.h"
#include "render/film_render.h"
#include "render/render_estimate.h"
#include "render/render_queue.h"
#include "render/scene_job.h"
#include "render_driver.h"

namespace sw::cli {

render::FilmRequest filmRequestFrom(const QCommandLineParser& p, model::ProjectStore& store) {
  if (p.isSet(QStringLiteral("scene")))
    throw UserError(QStringLiteral("--film takes --scenes LIST (e.g. 1,3-5), not --scene"));
  QList<model::Scene> scenes = store.scenes();
  std::sort(scenes.begin(), scenes.end(),
            [](const model::Scene& a, const model::Scene& b) { return a.position < b.position; });
  if (scenes.isEmpty()) throw UserError(QStringLiteral("the project has no scenes"));
  render::FilmRequest r;
  for (int n : render::parseSceneList(p.value(QStringLiteral("scenes")), scenes.size()))
    r.sceneIds.append(scenes.at(n - 1).id);
  r.transition = render::parseFilmTransition(p.value(QStringLiteral("transition")));
  for (model::Id id : r.sceneIds) {  // a stored override must be readable before any work
    const QString own = store.sceneTransition(id);
    if (!own.isEmpty()) render::parseFilmTransition(own);
  }
  r.scene.resolution = p.value(QStringLiteral("resolution"));
  if (!QStringList{"480p", "720p", "1080p", "2160p"}.contains(r.scene.resolution))
    throw UserError(QStringLiteral("--resolution must be 480p, 720p, 1080p or 2160p"));
  r.scene.aspect = p.value(QStringLiteral("aspect"));
  if (!QStringList{"16:9", "9:16", "1:1"}.contains(r.scene.aspect))
    throw UserError(QStringLiteral("--aspect must be 16:9, 9:16 or 1:1"));
  r.scene.preview = p.isSet(QStringLiteral("preview"));
  readTracks(p, r.scene);  // each scene's mix, and what a reused scene render must have
  r.scene.keepDuration = p.isSet(QStringLiteral("keep-duration"));
  r.scene.backend = p.value(QStringLiteral("backend"));
  r.scene.modelKey = p.value(QStringLiteral("model"));
  r.backends = render::renderBackends(render::AppSettings::load().backends, r.scene);
  return r;
}

QList<render::FilmScene> filmScenes(
    model::ProjectStore& store, const render::FilmRequest& request,
    const std::function<QString(const model::Scene&, int)>& renderOf) {
  QList<render::FilmScene> scenes;
  for (int i = 0; i < request.sceneIds.size(); ++i) {
    const model::Id id = request.sceneIds.at(i);
    render::FilmScene f;
    f.scene = *store.scene(id);
    f.render = renderOf(f.scene, i);
    f.manifest = f.render + QStringLiteral(".json");
    const QString own = store.sceneTransition(id);
    f.transitionOut = own.isEmpty() ? request.transition : render::parseFilmTransition(own);
    scenes.append(f);
  }
  return scenes;
}

void addFilmOptions(QCommandLineParser& p) {
  p.addOption({QStringLiteral("film"), QStringLiteral("Render the chosen scenes as one film.")});
  p.addOption({QStringLiteral("scenes"), QStringLiteral("Film: scene positions (1,3-5)."),
               QStringLiteral("LIST")});
  p.addOption({QStringLiteral("transition"),
               QStringLiteral("Film: cut, crossfade:SECONDS or dip:SECONDS."), QStringLiteral("T"),
               QStringLiteral("cut")});
  p.addOption({QStringLiteral("write-plan"),
               QStringLiteral("Film: write the film plan here instead of rendering."),
               QStringLiteral("PLAN")});
}

int runFilm(const QCommandLineParser& p, const QString& folder) {
  if (!p.isSet(QStringLiteral("film"))) {
    for (const char* o : {"scenes", "transition", "write-plan"})
      if (p.isSet(QString::fromLatin1(o)))
        throw UserError(QStringLiteral("--%1 needs --film").arg(QString::fromLatin1(o)));
    return -1;
  }
  if (!p.isSet(QStringLiteral("output")))
    throw UserError(QStringLiteral("--film needs -o FILM.mp4"));
  auto store = model::ProjectStore::open(folder);
  render::FilmRequest request = filmRequestFrom(p, *store);
  request.outputPath = QFileInfo(p.value(QStringLiteral("output"))).absoluteFilePath();
  QTextStream err(stderr);
  if (p.isSet(QStringLiteral("write-plan"))) {
    // The plan of the film once every scene is rendered to its usual place in exports/ (a render
    // farm renders them first; docs/film.md).
    const QString exports = store->exportsFolder();
    const QList<render::FilmScene> scenes = filmScenes(
        *store, request,
        [&](const model::Scene& scene, int) { return render::defaultOutputPath(exports, scene); });
    const QString plan = QFileInfo(p.value(QStringLiteral("write-plan"))).absoluteFilePath();
    render::writeFilmPlan(render::buildFilmPlan(*store, scenes, request.outputPath), plan);
    QTextStream(stdout) << plan << "\n";
    return kExitOk;
  }
  store.reset();
  render::RenderQueue queue(folder);
  configure(queue, p);
  render::FilmRender film(queue, folder, request);
  QEventLoop loop;
  QObject::connect(&film, &render::FilmRender::progress, [&](const QString& stage, double pct) {
    err << QStringLiteral("[film %1%] %2\n").arg(int(pct), 3).arg(stage);
    err.flush();
  });
  QObject::connect(&film, &render::FilmRender::finished, &loop, &QEventLoop::quit);
  InterruptGuard guard;
  QTimer interrupt;
  QObject::connect(&interrupt, &QTimer::timeout, [&] {
    if (InterruptGuard::interrupted()) film.cancel();
  });
  interrupt.start(100);
  film.start();
  if (!film.isFinished()) loop.exec();
  queue.waitForIdle();
  if (const int signal = interruptingSignal()) return 128 + signal;
  const render::FilmResult& r = film.result();
  for (const render::FilmScene& f : r.scenes)
    err << "scene " << f.scene.position + 1 << " (" << f.scene.title << "): "
        << (f.current ? QStringLiteral("reused") : QStringLiteral("rendered (%1)").arg(f.why))
        << "\n";
  if (!r.error.isEmpty()) {
    err << "film: " << r.error << "\n";
    return kExitUserError;
  }
  err << "film: " << r.report.summary() << "\n";
  QTextStream(stdout) << r.output << "\n";
  return kExitOk;
}

}  // namespace sw::cli
