// scenewright-cli regenerate: a new take of one chunk or asset, with its inputs overridden, or K
// takes at once (a lottery). Registered with the render commands (cmd_render.cpp).
#include <QTextStream>
#include <algorithm>

#include "args.h"
#include "command.h"
#include "model/project_store.h"
#include "providers/model_registry.h"
#include "render/app_settings.h"
#include "render/regenerate.h"
#include "render/render_estimate.h"
#include "render/render_queue.h"
#include "render_driver.h"
#include "scene_arg.h"

namespace sw::cli {

namespace {

using model::Id;
using Slot = render::RegenerateTarget::Slot;

// The target options and the spelling of each in messages.
struct TargetOption {
  const char* name;
  Slot slot;
};
constexpr TargetOption kTargets[] = {
    {"chunk", Slot::Chunk},
    {"stale", Slot::StaleChain},
    {"reference", Slot::ReferenceImage},
    {"reference-image", Slot::ReferenceImage},
    {"narration", Slot::Narration},
    {"music", Slot::Music},
    {"line", Slot::Dialogue},
    {"dialogue", Slot::Dialogue},
    {"sfx", Slot::Sfx},
};

QString slotOption(Slot slot) {
  switch (slot) {
    case Slot::Chunk:
      return QStringLiteral("--chunk");
    case Slot::StaleChain:
      return QStringLiteral("--stale");
    case Slot::ReferenceImage:
      return QStringLiteral("--reference");
    case Slot::Narration:
      return QStringLiteral("--narration");
    case Slot::Dialogue:
      return QStringLiteral("--line");
    case Slot::Music:
      return QStringLiteral("--music");
    case Slot::Sfx:
      return QStringLiteral("--sfx");
  }
  return {};
}

// Which input options apply to which slot, and what each sets there (for the error message).
struct InputOption {
  const char* name;
  QList<Slot> targets;
  const char* appliesTo;
};
const QList<InputOption>& inputOptions() {
  static const QList<InputOption> options{
      {"prompt",
       {Slot::Chunk, Slot::ReferenceImage, Slot::Music, Slot::Sfx},
       "--chunk, --reference, --music and --sfx (a sound's description)"},
      {"text", {Slot::Narration, Slot::Dialogue}, "--narration and --line (the words spoken)"},
      {"voice", {Slot::Narration, Slot::Dialogue}, "--narration and --line"},
      {"mood", {Slot::Music}, "--music"},
      {"tempo", {Slot::Music}, "--music"},
      {"length", {Slot::Music}, "--music"},
      {"seed",
       {Slot::Chunk, Slot::ReferenceImage, Slot::Narration, Slot::Dialogue, Slot::Music, Slot::Sfx},
       "one chunk or asset (not --stale: each stale chunk keeps its seed)"},
      {"model", {Slot::Chunk, Slot::StaleChain}, "--chunk and --stale"},
      {"backend",
       {Slot::Chunk, Slot::StaleChain, Slot::ReferenceImage},
       "--chunk, --stale and --reference"},
      {"takes", {Slot::Chunk, Slot::ReferenceImage}, "--chunk and --reference"},
  };
  return options;
}

// `--narration` and `--music` name their scene with --scene N; the old spellings give it as
// their value (`--narration N`). Without a value after them they are passed on as "--x=".
QStringList normalised(const QStringList& args) {
  QStringList out;
  for (int i = 0; i < args.size(); ++i) {
    const QString& a = args[i];
    const bool bare = a == QLatin1String("--narration") || a == QLatin1String("--music");
    if (bare && (i + 1 >= args.size() || args[i + 1].startsWith(QLatin1Char('-'))))
      out << a + QLatin1Char('=');
    else
      out << a;
  }
  return out;
}

// The scene of --reference / --narration / --music: the option's own value (old spelling) or
// --scene N, exactly one of them.
Id targetScene(model::ProjectStore& store, const QCommandLineParser& p, const QString& option) {
  const QString own = option == QLatin1String("reference") ? QString() : p.value(option);
  const bool scene = p.isSet(QStringLiteral("scene"));
  if (!own.isEmpty() && scene)
    throw UserError(
        QStringLiteral("--%1 %2 already names the scene: leave out --scene").arg(option, own));
  if (own.isEmpty() && !scene)
    throw UserError(QStringLiteral("--%1 needs --scene N (the scene's position or id)")
                        .arg(option == QLatin1String("reference-image")
                                 ? QStringLiteral("reference")
                                 : option));
  return resolveScene(store, own.isEmpty() ? p.value(QStringLiteral("scene")) : own);
}

// The scene holding dialogue line or SFX cue `row`, or 0.
Id sceneOfRow(model::ProjectStore& store, bool line, Id row) {
  for (const model::Scene& sc : store.scenes()) {
    if (line) {
      for (const model::DialogueLine& l : store.dialogueLines(sc.id))
        if (l.id == row) return sc.id;
    } else {
      for (const model::SfxCue& c : store.sfxCues(sc.id))
        if (c.id == row) return sc.id;
    }
  }
  return 0;
}

render::RenderRequest targetRequest(model::ProjectStore& store, const QCommandLineParser& p,
                                    const QString& option, Slot slot) {
  bool ok = false;
  const bool sceneApplies =
      slot == Slot::ReferenceImage || slot == Slot::Narration || slot == Slot::Music;
  if (!sceneApplies && p.isSet(QStringLiteral("scene")))
    throw UserError(QStringLiteral("--scene does not apply to --%1 (its id or value names the "
                                   "scene)")
                        .arg(option));
  switch (slot) {
    case Slot::Chunk: {
      render::RegenerateRequest r;
      r.chunkId = p.value(QStringLiteral("chunk")).toLongLong(&ok);
      if (!ok || !store.chunk(r.chunkId))
        throw UserError(QStringLiteral("no chunk %1 in this project (chunk ids: 'status')")
                            .arg(p.value(QStringLiteral("chunk"))));
      return render::regenerateRequest(r);
    }
    case Slot::StaleChain:
      return render::regenerateStaleRequest(resolveScene(store, p.value(QStringLiteral("stale"))));
    case Slot::ReferenceImage:
      return render::regenerateReferenceRequest(targetScene(store, p, option));
    case Slot::Narration:
    case Slot::Music:
      return render::regenerateAudioRequest(slot, targetScene(store, p, option));
    case Slot::Dialogue:
    case Slot::Sfx: {
      const bool line = slot == Slot::Dialogue;
      const QString text = p.value(option);
      const Id row = text.toLongLong(&ok);
      const Id scene = ok ? sceneOfRow(store, line, row) : 0;
      if (!scene)
        throw UserError(
            QStringLiteral("no %1 %2 in this project (ids: 'export-json')")
                .arg(line ? QStringLiteral("dialogue line") : QStringLiteral("sound effect cue"),
                     text));
      return render::regenerateAudioRequest(slot, scene, row);
    }
  }
  return {};
}

void applyInputs(const QCommandLineParser& p, render::RenderRequest& request) {
  render::RegenerateTarget& t = request.regenerate;
  for (const InputOption& o : inputOptions())
    if (p.isSet(QString::fromLatin1(o.name)) && !o.targets.contains(t.slot))
      throw UserError(QStringLiteral("--%1 does not apply to %2; it applies to %3")
                          .arg(QString::fromLatin1(o.name), slotOption(t.slot),
                               QString::fromLatin1(o.appliesTo)));
  bool ok = true;
  if (p.isSet(QStringLiteral("prompt"))) t.prompt = p.value(QStringLiteral("prompt"));
  if (p.isSet(QStringLiteral("text"))) {
    t.text = p.value(QStringLiteral("text"));
    if (t.text->trimmed().isEmpty())
      throw UserError(QStringLiteral("--text is empty: give the words to speak"));
  }
  if (p.isSet(QStringLiteral("voice"))) t.voice = p.value(QStringLiteral("voice"));
  if (p.isSet(QStringLiteral("mood"))) t.mood = p.value(QStringLiteral("mood"));
  if (p.isSet(QStringLiteral("tempo"))) {
    t.tempo = p.value(QStringLiteral("tempo")).toInt(&ok);
    if (!ok || *t.tempo < 0 || *t.tempo > 400)
      throw UserError(QStringLiteral("--tempo takes beats per minute, 0 to 400 (0: unspecified)"));
  }
  if (p.isSet(QStringLiteral("length"))) {
    t.length = p.value(QStringLiteral("length")).toDouble(&ok);
    if (!ok || *t.length < 1 || *t.length > 600)
      throw UserError(QStringLiteral("--length takes the music's seconds, 1 to 600"));
  }
  if (p.isSet(QStringLiteral("seed"))) {
    t.seed = p.value(QStringLiteral("seed")).toLongLong(&ok);
    if (!ok) throw UserError(QStringLiteral("--seed takes a whole number"));
  }
  if (p.isSet(QStringLiteral("takes"))) {
    t.takes = p.value(QStringLiteral("takes")).toInt(&ok);
    if (!ok || t.takes < 1 || t.takes > 16)
      throw UserError(QStringLiteral("--takes takes a number of takes from 1 to 16"));
  }
  request.modelKey = p.value(QStringLiteral("model"));
  request.backend = p.value(QStringLiteral("backend"));
}

QString usd(double v) { return QStringLiteral("$%1").arg(v, 0, 'f', 2); }

// What a chunk or reference regeneration will cost, on stderr before it starts.
void printEstimate(model::ProjectStore& store, const render::RenderRequest& request) {
  const Slot slot = request.regenerate.slot;
  if (slot != Slot::Chunk && slot != Slot::ReferenceImage) return;
  std::shared_ptr<const providers::ModelRegistry> registry;
  try {
    registry = std::make_shared<const providers::ModelRegistry>(providers::ModelRegistry::load());
  } catch (const std::exception&) {
    // The estimate says the cost is unknown; the job itself reports the registry error.
  }
  const render::AppSettings settings = render::AppSettings::load();
  const render::TakesEstimate e = render::estimateTakes(
      store, registry.get(), render::renderBackends(settings.backends, request), request);
  const qint64 seed = request.regenerate.seed.value_or(1);
  QTextStream err(stderr);
  err << "Generating " << e.takes << (e.takes == 1 ? " take" : " takes") << " of "
      << (slot == Slot::Chunk ? QStringLiteral("chunk %1").arg(request.regenerate.chunkId)
                              : QStringLiteral("the reference image"))
      << " (seed " << seed;
  if (e.takes > 1) err << " to " << seed + e.takes - 1;
  err << "); estimated cost ";
  if (const auto total = e.totalUsd()) {
    err << usd(*total);
    if (e.takes > 1) err << " (" << usd(*e.perTakeUsd) << " each)";
  } else {
    err << "unknown (" << e.note << ")";
  }
  err << '\n';
  err.flush();
}

void printOutcome(const render::RenderRequest& request, const render::RegenerateResult& result) {
  QTextStream out(stdout);
  const Slot slot = request.regenerate.slot;
  const bool lottery = request.regenerate.takes > 1;
  if (lottery) {
    out << result.takes.size() << " takes made; the "
        << (slot == Slot::Chunk ? "active take" : "reference image in use")
        << " is unchanged (pick one with "
        << (slot == Slot::Chunk ? "'takes --use N'" : "the GUI's takes grid") << "):\n";
    for (const render::RegenerateResult::Take& t : result.takes) {
      out << "  ";
      if (t.takeId) out << "take " << t.takeId << "  ";
      out << "asset " << t.assetId << "  seed " << t.seed << "  cost " << usd(t.costUsd) << '\n';
    }
  } else if (slot != Slot::Chunk && slot != Slot::StaleChain) {
    out << "New " << render::toString(slot) << " asset " << result.assetId
        << " is in use (the old one is kept); ";
  } else {
    out << "New take " << result.takeId << " is active";
    if (!result.takes.isEmpty()) out << " (seed " << result.takes.last().seed << ")";
    out << "; ";
  }
  out << result.staleMarked << " later chunk(s) marked stale. Cost " << usd(result.costUsd) << '\n';
}

}  // namespace

int runRegenerate(const QStringList& args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("chunk"), QStringLiteral("Chunk id."), QStringLiteral("ID")});
  p.addOption(
      {QStringLiteral("stale"), QStringLiteral("The scene's stale chunks."), QStringLiteral("N")});
  p.addOption({QStringLiteral("reference"), QStringLiteral("The scene's reference image.")});
  p.addOption({QStringLiteral("reference-image"), QStringLiteral("The scene's reference image."),
               QStringLiteral("N")});
  p.addOption(
      {QStringLiteral("narration"), QStringLiteral("The scene's narration."), QStringLiteral("N")});
  p.addOption({QStringLiteral("music"), QStringLiteral("The scene's music."), QStringLiteral("N")});
  p.addOption(
      {QStringLiteral("line"), QStringLiteral("A dialogue line id."), QStringLiteral("ID")});
  p.addOption(
      {QStringLiteral("dialogue"), QStringLiteral("A dialogue line id."), QStringLiteral("ID")});
  p.addOption(
      {QStringLiteral("sfx"), QStringLiteral("A sound effect cue id."), QStringLiteral("ID")});
  p.addOption(
      {QStringLiteral("scene"), QStringLiteral("Scene position or id."), QStringLiteral("N")});
  p.addOption({QStringLiteral("prompt"), QStringLiteral("New prompt."), QStringLiteral("TEXT")});
  p.addOption({QStringLiteral("text"), QStringLiteral("New words."), QStringLiteral("TEXT")});
  p.addOption({QStringLiteral("voice"), QStringLiteral("New voice."), QStringLiteral("V")});
  p.addOption({QStringLiteral("mood"), QStringLiteral("Music mood."), QStringLiteral("M")});
  p.addOption({QStringLiteral("tempo"), QStringLiteral("Music tempo."), QStringLiteral("BPM")});
  p.addOption({QStringLiteral("length"), QStringLiteral("Music length (default: the scene's)."),
               QStringLiteral("SECONDS")});
  p.addOption({QStringLiteral("seed"), QStringLiteral("New seed."), QStringLiteral("N")});
  p.addOption({QStringLiteral("model"), QStringLiteral("Model key."), QStringLiteral("KEY")});
  p.addOption({QStringLiteral("backend"), QStringLiteral("Video backend."), QStringLiteral("ID")});
  p.addOption({QStringLiteral("takes"), QStringLiteral("Takes at once."), QStringLiteral("K")});
  p.addOption(waitOption());
  parseArgs(p, QStringLiteral("regenerate"), normalised(args), 1, 1);
  const QString folder = p.positionalArguments().first();
  auto store = model::ProjectStore::open(folder);
  QList<const TargetOption*> chosen;
  for (const TargetOption& t : kTargets)
    if (p.isSet(QString::fromLatin1(t.name))) chosen.append(&t);
  if (chosen.size() != 1)
    throw UserError(QStringLiteral(
        "regenerate needs one of --chunk ID (ids: 'status'), --reference --scene N, "
        "--narration --scene N, --line ID, --music --scene N, --sfx ID (ids: 'export-json') "
        "or --stale N"));
  const QString option = QString::fromLatin1(chosen.first()->name);
  render::RenderRequest request = targetRequest(*store, p, option, chosen.first()->slot);
  applyInputs(p, request);
  request = render::resolveRegenerate(*store, request);  // the seed(s), shown before starting
  printEstimate(*store, request);
  render::RenderQueue queue(folder);
  configure(queue, p);
  const QList<Id> jobs = queue.enqueue(request);
  const int code = drive(queue, jobs);
  if (code != kExitOk) return code;
  printOutcome(request, render::regenerateOutcome(*store, jobs.first()));
  return kExitOk;
}

}  // namespace sw::cli
