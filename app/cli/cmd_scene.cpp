// Scene commands: status (the scene state), edit (a scene's fields), takes (a chunk's takes).
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include "args.h"
#include "model/value_ranges.h"
#include "render/film.h"
#include "render/recipe.h"
#include "scene_arg.h"

namespace sw::cli {

void registerSceneCommands(QList<Command>& out);

namespace {

using model::Id;

QString money(const std::optional<double>& usd) {
  return usd ? QStringLiteral("$%1").arg(*usd, 0, 'f', 2) : QStringLiteral("cost unknown");
}

QString slotLine(const render::Slot& s) {
  QString line = s.label;
  if (s.kind == render::SlotKind::Chunk)
    line += s.rowId ? QStringLiteral(" (id %1)").arg(s.rowId) : QStringLiteral(" (new)");
  line = line.leftJustified(34) + render::toString(s.state);
  if (!s.why.isEmpty()) line += QStringLiteral(": ") + s.why;
  if (s.kept) line += QStringLiteral("; kept as it is");
  if (s.willGenerate) line += QStringLiteral("  -> generate, %1").arg(money(s.cost));
  return line;
}

int runStatus(const QStringList& args) {
  QCommandLineParser p;
  p.addOption(
      {QStringLiteral("scene"), QStringLiteral("Scene position or id."), QStringLiteral("N")});
  p.addOption({QStringLiteral("model"), QStringLiteral("As a render with --model KEY would."),
               QStringLiteral("KEY")});
  p.addOption({QStringLiteral("keep-stale"),
               QStringLiteral("As a render that keeps stale chunks as they are.")});
  p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
  parseArgs(p, QStringLiteral("status"), args, 1, 1);
  if (!p.isSet(QStringLiteral("scene")))
    throw UserError(QStringLiteral("status: --scene N is required (see 'scenes')"));
  auto store = model::ProjectStore::open(p.positionalArguments().first());
  const Id sceneId = resolveScene(*store, p.value(QStringLiteral("scene")));
  const StateContext context;
  render::StateOptions options = context.options();
  options.modelOverride = p.value(QStringLiteral("model"));
  options.keepAllStale = p.isSet(QStringLiteral("keep-stale"));
  const render::SceneState state =
      render::sceneState(*store, sceneId, context.registry.get(), context.cache, options);
  if (p.isSet(QStringLiteral("json"))) {
    QTextStream(stdout) << QJsonDocument(state.toJson()).toJson(QJsonDocument::Indented);
    return kExitOk;
  }
  QTextStream out(stdout);
  out << "Scene " << state.scene.position + 1 << " '" << state.scene.title << "' ("
      << (state.model ? state.model->key : QStringLiteral("unknown model")) << ", "
      << QString::number(state.duration, 'f', 1) << " s, " << state.chunksNeeded << " chunks)\n";
  for (const render::Slot& s : state.items) out << "  " << slotLine(s) << '\n';
  out << "A render generates " << state.toGenerate() << " of " << state.items.size() << " items, "
      << money(state.cost);
  if (!state.note.isEmpty()) out << " (" << state.note << ")";
  out << ".\n";
  return kExitOk;
}

double secondsValue(const QString& text) {
  bool ok = false;
  const double v = text.toDouble(&ok);
  if (!ok) throw UserError(QStringLiteral("edit: --duration takes seconds, e.g. 12.5"));
  return v;
}

int runEdit(const QStringList& args) {
  QCommandLineParser p;
  p.addOption(
      {QStringLiteral("scene"), QStringLiteral("Scene position or id."), QStringLiteral("N")});
  p.addOption({QStringLiteral("title"), QStringLiteral("New title."), QStringLiteral("T")});
  p.addOption({QStringLiteral("narration"), QStringLiteral("New narration."), QStringLiteral("T")});
  p.addOption(
      {QStringLiteral("visual-prompt"), QStringLiteral("New visual prompt."), QStringLiteral("T")});
  p.addOption(
      {QStringLiteral("direction"), QStringLiteral("New direction prompt."), QStringLiteral("T")});
  p.addOption({QStringLiteral("duration"), QStringLiteral("New target duration in seconds."),
               QStringLiteral("S")});
  p.addOption({QStringLiteral("model"),
               QStringLiteral("New model key (see models.json); takes are kept."),
               QStringLiteral("KEY")});
  p.addOption({QStringLiteral("transition"),
               QStringLiteral("Film: into the next scene (cut, crossfade:S, dip:S, film)."),
               QStringLiteral("T")});
  p.addOption({QStringLiteral("line"),
               QStringLiteral("Dialogue line N of the scene (1-based, as 'status' numbers them)."),
               QStringLiteral("N")});
  p.addOption({QStringLiteral("lip-sync"),
               QStringLiteral("With --line: sync the picture's lips to the line (on|off)."),
               QStringLiteral("on|off")});
  parseArgs(p, QStringLiteral("edit"), args, 1, 1);
  if (!p.isSet(QStringLiteral("scene")))
    throw UserError(QStringLiteral("edit: --scene N is required (see 'scenes')"));
  auto store = model::ProjectStore::open(p.positionalArguments().first());
  const Id sceneId = resolveScene(*store, p.value(QStringLiteral("scene")));
  model::Scene scene = *store->scene(sceneId);
  QStringList changed;
  const auto set = [&](const char* option, QString model::Scene::*field) {
    if (!p.isSet(QString::fromLatin1(option))) return;
    scene.*field = p.value(QString::fromLatin1(option));
    changed << QString::fromLatin1(option);
  };
  set("title", &model::Scene::title);
  set("narration", &model::Scene::narration);
  set("visual-prompt", &model::Scene::visualPrompt);
  set("direction", &model::Scene::directionPrompt);
  if (p.isSet(QStringLiteral("duration"))) {
    scene.targetDuration = secondsValue(p.value(QStringLiteral("duration")));
    changed << QStringLiteral("duration");
  }
  const StateContext context;
  if (p.isSet(QStringLiteral("model"))) {
    const QString key = p.value(QStringLiteral("model"));
    if (!context.registry)
      throw UserError(QStringLiteral("edit: the model registry cannot be loaded (%1)")
                          .arg(context.registryError));
    if (!context.registry->contains(key))
      throw UserError(QStringLiteral("edit: no model '%1' in the registry (known: %2)")
                          .arg(key, context.registry->keys().join(QStringLiteral(", "))));
    scene.modelKey = key;
    changed << QStringLiteral("model");
  }
  QString transition;  // "film": the film's own choice at this boundary
  if (p.isSet(QStringLiteral("transition"))) {
    transition = p.value(QStringLiteral("transition")).trimmed();
    if (transition != QLatin1String("film")) {
      try {
        transition = render::parseFilmTransition(transition).toString();
      } catch (const core::Error& e) {
        throw UserError(
            QStringLiteral("edit --transition: %1 (or film: the film's choice)").arg(e.message()));
      }
    }
    changed << QStringLiteral("transition");
  }
  std::optional<model::DialogueLine> line;
  if (p.isSet(QStringLiteral("line")) != p.isSet(QStringLiteral("lip-sync")))
    throw UserError(QStringLiteral("edit: --line N and --lip-sync on|off go together"));
  if (p.isSet(QStringLiteral("line"))) {
    const QList<model::DialogueLine> lines = store->dialogueLines(sceneId);
    bool ok = false;
    const int n = p.value(QStringLiteral("line")).toInt(&ok);
    if (!ok || n < 1 || n > lines.size())
      throw UserError(QStringLiteral("edit: --line takes a line number from 1 to %1 (scene %2 has "
                                     "%1 dialogue lines; see 'status')")
                          .arg(lines.size())
                          .arg(scene.position + 1));
    const QString mode = p.value(QStringLiteral("lip-sync")).trimmed().toLower();
    if (mode != QLatin1String("on") && mode != QLatin1String("off"))
      throw UserError(QStringLiteral("edit: --lip-sync takes on or off, not '%1'").arg(mode));
    line = lines.at(n - 1);
    line->lipSync = mode == QLatin1String("on");
    changed << QStringLiteral("lip sync of line %1 (%2)").arg(n).arg(mode);
  }
  if (changed.isEmpty())
    throw UserError(QStringLiteral("edit: nothing to change (see 'edit --help')"));
  try {
    if (line) store->updateDialogueLine(*line);
    if (!transition.isEmpty())
      store->setSceneTransition(sceneId,
                                transition == QLatin1String("film") ? QString() : transition);
    store->updateScene(scene);
  } catch (const core::Error& e) {
    throw UserError(QStringLiteral("edit: %1").arg(e.message()));
  }
  const render::SceneState state =
      render::sceneState(*store, sceneId, context.registry.get(), context.cache, context.options());
  QTextStream(stdout) << "Scene " << scene.position + 1 << ": changed "
                      << changed.join(QStringLiteral(", ")) << ". A render now generates "
                      << state.toGenerate() << " items, " << money(state.cost)
                      << " (see 'status').\n";
  return kExitOk;
}

QJsonObject takeJson(model::ProjectStore& store, const model::Take& t, int index, bool active) {
  const auto asset = store.asset(t.assetId);
  const auto recipe = asset ? render::recordedChunkRecipe(*asset) : std::nullopt;
  return QJsonObject{{"index", index},
                     {"id", double(t.id)},
                     {"active", active},
                     {"seed", QString::number(t.seed)},
                     {"prompt", recipe ? recipe->prompt : t.prompt},
                     {"model", recipe ? recipe->modelKey : t.modelKey},
                     {"cost", t.cost},
                     {"seconds", asset ? asset->duration : 0.0},
                     {"created", t.created.toString(Qt::ISODate)}};
}

int runTakes(const QStringList& args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("chunk"),
               QStringLiteral("Chunk id (see 'status' or 'scenes --json')."),
               QStringLiteral("ID")});
  p.addOption({QStringLiteral("use"), QStringLiteral("Make take N (1, 2, ... as listed) active."),
               QStringLiteral("N")});
  p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
  parseArgs(p, QStringLiteral("takes"), args, 1, 1);
  bool ok = false;
  const Id chunkId = p.value(QStringLiteral("chunk")).toLongLong(&ok);
  if (!ok) throw UserError(QStringLiteral("takes: --chunk ID is required (see 'status')"));
  auto store = model::ProjectStore::open(p.positionalArguments().first());
  const auto chunk = store->chunk(chunkId);
  if (!chunk)
    throw UserError(
        QStringLiteral("takes: no chunk %1 in this project (see 'status')").arg(chunkId));
  QList<model::Take> takes = store->takes(chunkId);
  if (p.isSet(QStringLiteral("use"))) {
    const int n = p.value(QStringLiteral("use")).toInt(&ok);
    if (!ok || n < 1 || n > takes.size())
      throw UserError(QStringLiteral("takes: --use takes 1..%1 (chunk %2 has %1 takes)")
                          .arg(takes.size())
                          .arg(chunkId));
    store->setActiveTake(chunkId, takes[n - 1].id);
  }
  const auto active = store->chunk(chunkId)->assetId;
  QJsonArray rows;
  for (int i = 0; i < takes.size(); ++i)
    rows.append(takeJson(*store, takes[i], i + 1, active && *active == takes[i].assetId));
  if (p.isSet(QStringLiteral("json"))) {
    QTextStream(stdout) << QJsonDocument(rows).toJson(QJsonDocument::Indented);
    return kExitOk;
  }
  QTextStream out(stdout);
  if (rows.isEmpty()) out << "Chunk " << chunkId << " has no takes yet.\n";
  for (const QJsonValue& v : rows) {
    const QJsonObject t = v.toObject();
    out << (t["active"].toBool() ? "* " : "  ") << t["index"].toInt() << "  seed "
        << t["seed"].toString() << "  " << t["model"].toString() << "  $"
        << QString::number(t["cost"].toDouble(), 'f', 2) << "  "
        << QString::number(t["seconds"].toDouble(), 'f', 2) << " s  " << t["prompt"].toString()
        << '\n';
  }
  return kExitOk;
}

}  // namespace

void registerSceneCommands(QList<Command>& out) {
  out.append({QStringLiteral("status"),
              QStringLiteral("What a scene has, what is out of date, what a render costs"),
              QStringLiteral("status DIR --scene N [--model KEY] [--keep-stale] [--json]\n"
                             "Each slot (reference image, chunks, narration, dialogue, music, "
                             "SFX) with its state\nand why; what a render would generate and "
                             "cost."),
              runStatus});
  out.append({QStringLiteral("edit"), QStringLiteral("Change a scene's fields"),
              QStringLiteral("edit DIR --scene N [--title T] [--narration T] [--visual-prompt T]\n"
                             "     [--direction T] [--duration S] [--model KEY] [--transition T]\n"
                             "     [--line N --lip-sync on|off]\n"
                             "Takes are kept; 'status' shows what is out of date afterwards.\n"
                             "--line N --lip-sync on: the render syncs the lips of the picture\n"
                             "under dialogue line N to its audio (needs a lip-sync backend:\n"
                             "'sync' or 'replicate' in the settings).\n"
                             "--transition: into the next scene in a film (cut, crossfade:S,\n"
                             "dip:S; film = the film's own choice)."),
              runEdit});
  out.append({QStringLiteral("takes"),
              QStringLiteral("List a chunk's takes; choose the active one"),
              QStringLiteral("takes DIR --chunk ID [--use N] [--json]\n"
                             "Lists every take with its seed, model, cost, length and prompt; "
                             "--use N makes\ntake N active (its recipe becomes the chunk's)."),
              runTakes});
}

}  // namespace sw::cli
