#include "ui/media_drops.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPointer>
#include <QUndoStack>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include "render/app_settings.h"
#include "render/audio_takes.h"
#include "ui/project_session.h"
#include "ui/row_commands.h"
#include "ui/scene_commands.h"

namespace sw::ui {

MediaDrops::MediaDrops(ProjectSession* session, QObject* parent)
    : QObject(parent), session_(session) {
  pool_.setMaxThreadCount(1);
}

MediaDrops::~MediaDrops() { pool_.waitForDone(); }

QString MediaDrops::droppedFile(const QMimeData* data) {
  if (!data || !data->hasUrls() || data->urls().size() != 1) return {};
  const QUrl url = data->urls().first();
  return url.isLocalFile() ? url.toLocalFile() : QString();
}

bool MediaDrops::mayFit(const QString& file, UserMediaKind kind) {
  const QString type = QMimeDatabase().mimeTypeForFile(file, QMimeDatabase::MatchExtension).name();
  const bool audio = type.startsWith(QLatin1String("audio/"));
  const bool video = type.startsWith(QLatin1String("video/"));
  const bool image = type.startsWith(QLatin1String("image/"));
  if (!audio && !video && !image) return true;
  return kind == UserMediaKind::Audio ? audio : kind == UserMediaKind::Video ? video : image;
}

void MediaDrops::run(const QString& file, UserMediaKind kind, const QString& assetKind,
                     const QJsonObject& forSlot, std::function<QString(model::Id)> apply) {
  const QString cache = render::AppSettings::load().effectiveCacheDirectory();
  ++pending_;
  emit started(file);
  auto* watcher = new QFutureWatcher<UserMedia>(this);
  connect(watcher, &QFutureWatcher<UserMedia>::finished, this,
          [this, watcher, forSlot, apply = std::move(apply)] {
            watcher->deleteLater();
            --pending_;
            UserMedia media = watcher->result();
            if (!forSlot.isEmpty()) media.asset.parameters.insert(QStringLiteral("for"), forSlot);
            if (!media.error.isEmpty()) return emit refused(media.error);
            model::Id assetId = 0;
            if (!session_->write([&] {
                  assetId = session_->store().addAsset(media.asset);
                  // The sound it replaces stays listed as a take of the slot.
                  if (const auto slot = render::regenerateSlotFromString(
                          forSlot.value(QStringLiteral("slot")).toString()))
                    render::tagLinkedAudio(
                        session_->store(), *slot,
                        model::Id(forSlot.value(QStringLiteral("scene")).toDouble()),
                        model::Id(forSlot.value(QStringLiteral("row")).toDouble()));
                }))
              return;
            const QString text = apply(assetId);
            if (!text.isEmpty()) emit applied(text);
          });
  watcher->setFuture(QtConcurrent::run(&pool_, [file, kind, assetKind, cache] {
    return importUserMedia(file, kind, assetKind, cache);
  }));
}

void MediaDrops::dropOnMusic(model::Id sceneId, const QString& file) {
  run(file, UserMediaKind::Audio, QStringLiteral("music"),
      render::audioSlotTag(render::RegenerateTarget::Slot::Music, sceneId, 0),
      [this, sceneId, file](model::Id id) {
        const auto scene = session_->store().scene(session_->resolve(Entity::Scene, sceneId));
        if (!scene) return QString();
        model::Scene after = *scene;
        after.musicAssetId = id;
        session_->undoStack()->push(
            new EditSceneCommand(session_, *scene, after, QStringLiteral("musicAsset")));
        return tr("The music is now %1.").arg(QFileInfo(file).fileName());
      });
}

void MediaDrops::dropOnNarration(model::Id sceneId, const QString& file) {
  run(file, UserMediaKind::Audio, QStringLiteral("speech"),
      render::audioSlotTag(render::RegenerateTarget::Slot::Narration, sceneId, 0),
      [this, sceneId, file](model::Id id) {
        const auto scene = session_->store().scene(session_->resolve(Entity::Scene, sceneId));
        if (!scene) return QString();
        model::Scene after = *scene;
        after.narrationAssetId = id;
        session_->undoStack()->push(
            new EditSceneCommand(session_, *scene, after, QStringLiteral("narrationAsset")));
        return tr("The narration is now %1.").arg(QFileInfo(file).fileName());
      });
}

namespace {
template <typename Row>
std::optional<Row> findRow(const QList<Row>& rows, model::Id id) {
  for (const Row& row : rows)
    if (row.id == id) return row;
  return std::nullopt;
}
}  // namespace

void MediaDrops::dropOnLine(model::Id sceneId, model::Id lineId, const QString& file) {
  run(file, UserMediaKind::Audio, QStringLiteral("speech"),
      render::audioSlotTag(render::RegenerateTarget::Slot::Dialogue, sceneId, lineId),
      [=, this](model::Id id) {
        const auto line =
            findRow(session_->store().dialogueLines(session_->resolve(Entity::Scene, sceneId)),
                    session_->resolve(Entity::DialogueLine, lineId));
        if (!line) return QString();
        model::DialogueLine after = *line;
        after.assetId = id;
        session_->undoStack()->push(new EditRowCommand<model::DialogueLine>(
            session_, *line, after, QStringLiteral("asset"), tr("Use a sound file for a line")));
        return tr("The line is now spoken by %1.").arg(QFileInfo(file).fileName());
      });
}

void MediaDrops::dropOnSfx(model::Id sceneId, model::Id cueId, const QString& file) {
  run(file, UserMediaKind::Audio, QStringLiteral("sfx"),
      render::audioSlotTag(render::RegenerateTarget::Slot::Sfx, sceneId, cueId),
      [=, this](model::Id id) {
        const auto cue =
            findRow(session_->store().sfxCues(session_->resolve(Entity::Scene, sceneId)),
                    session_->resolve(Entity::SfxCue, cueId));
        if (!cue) return QString();
        model::SfxCue after = *cue;
        after.assetId = id;
        after.file = session_->store().asset(id)->filePath;  // the user's sound: never generated
        session_->undoStack()->push(new EditRowCommand<model::SfxCue>(
            session_, *cue, after, QStringLiteral("file"), tr("Set sound cue file")));
        return tr("The sound effect is now %1.").arg(QFileInfo(file).fileName());
      });
}

void MediaDrops::dropOnChunk(model::Id chunkId, const QString& file) {
  run(file, UserMediaKind::Video, QStringLiteral("video"), {}, [this, chunkId, file](model::Id id) {
    const auto chunk = session_->store().chunk(session_->resolve(Entity::Chunk, chunkId));
    if (!chunk) return QString();
    model::Id takeId = 0;
    if (!session_->write([&] {
          takeId = session_->store().addTake(
              model::Take{0, chunk->id, id, chunk->prompt, chunk->seed, chunk->modelKey, 0.0, {}});
        }))
      return QString();
    session_->undoStack()->push(
        new SetActiveTakeCommand(session_, *chunk, takeId, tr("Use a video file as a take")));
    return tr("%1 is now the active take of the chunk.").arg(QFileInfo(file).fileName());
  });
}

void MediaDrops::dropOnReference(model::Id sceneId, const QString& file) {
  run(file, UserMediaKind::Image, QStringLiteral("image"), {}, [this, sceneId, file](model::Id id) {
    const auto scene = session_->store().scene(session_->resolve(Entity::Scene, sceneId));
    if (!scene) return QString();
    model::Scene after = *scene;
    after.referenceAssetId = id;
    session_->undoStack()->push(
        new EditSceneCommand(session_, *scene, after, QStringLiteral("referenceAsset")));
    return tr("The reference image is now %1.").arg(QFileInfo(file).fileName());
  });
}

}  // namespace sw::ui
