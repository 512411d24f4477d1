// Film assembly: the chosen scenes' renders joined in order into one MP4, with the transition of
// each boundary (the film's, or the scene's own override stored in the project), a chapter per
// scene, loudness normalised over the whole film and a manifest listing each scene's manifest.
// The pieces here are pure or read-only: parsing the choices, deciding whether a scene's existing
// render is current, building the film's RenderPlan and writing the plan and the manifest.
// FilmRender (film_render.h) runs them: stale scenes through the RenderQueue, then the stitch.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "core/error.h"
#include "media/render_plan.h"
#include "media/stitcher.h"
#include "model/project_store.h"
#include "providers/backend_factory.h"
#include "render/render_request.h"

namespace sw::providers {
class AssetCache;
class ModelRegistry;
}  // namespace sw::providers

namespace sw::render {

// A film choice the user wrote wrongly (--scenes, --transition, a stored override).
class FilmError : public core::Error {
 public:
  explicit FilmError(const QString& message) : core::Error(core::ErrorKind::User, message) {}
};

struct FilmTransition {
  media::Transition type = media::Transition::Cut;
  double seconds = 0.0;      // crossfade: the overlap; dip: the whole dip (half out, half in)
  QString toString() const;  // cut, crossfade:0.5, dip:1
};
// "cut", "crossfade:SECONDS", "dip:SECONDS" (0 < SECONDS <= 10). Throws FilmError.
FilmTransition parseFilmTransition(const QString& text);

// "1,3-5" -> scene positions {1, 3, 4, 5} (1-based, in film order, no repeats), each at most
// `sceneCount`. Empty text: every scene. Throws FilmError naming what is wrong.
QList<int> parseSceneList(const QString& text, int sceneCount);

struct FilmRequest {
  QList<model::Id> sceneIds;  // in film order
  FilmTransition transition;  // at every boundary without an override of its own
  QString outputPath;         // absolute
  RenderRequest scene;        // how a stale scene is rendered (kind Render, outputs in exports/)
  providers::BackendSettings backends;  // the ones the renders use (for the scene state)
};

// A scene of the film: its render, and whether that render is current.
struct FilmScene {
  model::Scene scene;
  QString render;    // the scene's render (exports/NN-title.mp4)
  QString manifest;  // render + ".json"
  bool current = false;
  QString why;                   // why it must be rendered ("" when current)
  FilmTransition transitionOut;  // into the next scene (the last scene's is unused)
};

// Whether the scene's existing render is current: its render and manifest exist; the scene state
// (scene_state.h) has nothing to generate and every slot it uses is usable; the chunks the
// manifest was made from (prompt, direction, seed, model, take) are the scene's chunks now; the
// manifest's plan reads every asset the state uses, each file still there; and it has the size
// `request.scene` asks for.
FilmScene checkFilmScene(model::ProjectStore& store, const model::Scene& scene,
                         const providers::ModelRegistry* registry,
                         const providers::AssetCache& cache, const FilmRequest& request);

// The film's RenderPlan over the scenes' renders: one segment per scene (chapter: its title),
// transitions as chosen, the output at the first scene's size and rate, every scene's sound kept
// and rendered afresh so the loudness target (the project's) holds over the whole film.
media::RenderPlan buildFilmPlan(model::ProjectStore& store, const QList<FilmScene>& scenes,
                                const QString& outputPath);

// Writes `plan` to `path` with every file and the output relative to the plan file's folder
// (`scenewright-cli stitch --plan PATH` runs it; docs/film.md). Throws FilmError.
void writeFilmPlan(const media::RenderPlan& plan, const QString& path);

// The film manifest (<film>.json): each scene's render and manifest, reused or rendered, its
// chapter's start, the transition after it, the stitch report and the plan.
QJsonObject buildFilmManifest(model::ProjectStore& store, const QList<FilmScene>& scenes,
                              const media::RenderPlan& plan, const media::StitchReport& report);
void writeFilmManifest(const QJsonObject& manifest, const QString& path);  // throws FilmError

}  // namespace sw::render
