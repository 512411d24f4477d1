#include "ui/editor_menus.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QUrl>

#include "render/render_request.h"
#include "ui/chunk_inspector.h"
#include "ui/chunk_model.h"
#include "ui/file_dialogs.h"
#include "ui/main_window.h"
#include "ui/media_drops.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/row_commands.h"
#include "ui/timeline_widget.h"

namespace sw::ui {

namespace {
EditorMenus::Reveal& revealFunction() {
  static EditorMenus::Reveal function = [](const QString& file) {
    const QFileInfo info(file);
    QDesktopServices::openUrl(
        QUrl::fromLocalFile(info.isDir() ? info.absoluteFilePath() : info.absolutePath()));
  };
  return function;
}

QAction* add(QMenu* menu, const char* name, const QString& text, bool enabled = true) {
  QAction* a = menu->addAction(text);
  a->setObjectName(QString::fromLatin1(name));
  a->setEnabled(enabled);
  return a;
}
}  // namespace

void EditorMenus::setReveal(Reveal reveal) { revealFunction() = std::move(reveal); }

EditorMenus::EditorMenus(MainWindow* window, ProjectSession* session, TimelineWidget* timeline,
                         ChunkInspector* inspector, ProjectPane* pane)
    : QObject(window),
      window_(window),
      session_(session),
      timeline_(timeline),
      inspector_(inspector),
      pane_(pane) {
  connect(timeline_, &TimelineWidget::chunkMenuRequested, this,
          [this](qint64 id, const QPoint& at) { chunkMenu(id)->popup(at); });
  connect(timeline_, &TimelineWidget::clipMenuRequested, this,
          [this](int lane, int clip, const QPoint& at) { clipMenu(lane, clip)->popup(at); });
  QListView* takes = inspector_->takeView();
  takes->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(takes, &QWidget::customContextMenuRequested, this, [this, takes](const QPoint& pos) {
    const QModelIndex index = takes->indexAt(pos);
    if (index.isValid()) takeMenu(index.row())->popup(takes->viewport()->mapToGlobal(pos));
  });
  QTableView* scenes = pane_->sceneView();
  scenes->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(scenes, &QWidget::customContextMenuRequested, this, [this, scenes](const QPoint& pos) {
    if (scenes->indexAt(pos).isValid()) sceneMenu()->popup(scenes->viewport()->mapToGlobal(pos));
  });
}

QMenu* EditorMenus::newMenu(const QString& name) {
  auto* menu = new QMenu(window_);
  menu->setObjectName(name);
  menu->setAttribute(Qt::WA_DeleteOnClose);
  menu->setToolTipsVisible(true);
  return menu;
}

void EditorMenus::reveal(const QString& file) { revealFunction()(file); }

void EditorMenus::copy(const QString& text) { QGuiApplication::clipboard()->setText(text); }

// The chunk is selected first (the inspector shows it): Regenerate is the inspector's own.
QMenu* EditorMenus::chunkMenu(model::Id chunkId) {
  QMenu* menu = newMenu(QStringLiteral("chunkMenu"));
  timeline_->selectChunk(chunkId);
  const auto chunk = session_->store().chunk(chunkId);
  if (!chunk) return menu;
  QPushButton* regenerate = inspector_->regenerateButton();
  QAction* again = add(menu, "menuRegenerate", tr("&Regenerate"),
                       regenerate->isEnabled() && inspector_->chunkId() == chunkId);
  again->setToolTip(regenerate->toolTip());
  connect(again, &QAction::triggered, regenerate, &QPushButton::click);
  QMenu* takes = menu->addMenu(tr("Use &Take"));
  takes->setObjectName(QStringLiteral("takesMenu"));
  QAbstractItemModel* model = inspector_->takeView()->model();
  for (int row = 0; row < model->rowCount(); ++row) {
    const QModelIndex index = model->index(row, 0);
    QAction* a = takes->addAction(index.data(Qt::DisplayRole).toString().section('\n', 0, 0));
    a->setObjectName(QStringLiteral("menuUseTake%1").arg(row + 1));
    a->setCheckable(true);
    a->setChecked(index.data(TakeModel::ActiveRole).toBool());
    connect(a, &QAction::triggered, this,
            [this, index = QPersistentModelIndex(index)] { inspector_->activateTake(index); });
  }
  takes->setEnabled(model->rowCount() > 1);
  const auto asset = chunk->assetId ? session_->store().asset(*chunk->assetId) : std::nullopt;
  connect(add(menu, "menuShowInFolder", tr("Show in &Folder"), asset.has_value()),
          &QAction::triggered, this,
          [this, file = asset ? asset->filePath : QString()] { reveal(file); });
  keepAsIsAction(menu, *chunk);
  connect(add(menu, "menuContinuity", tr("Check &Continuity…"),
              session_->store().chunks(chunk->sceneId).size() > 1),
          &QAction::triggered, this, [this, chunkId] { window_->showContinuity(chunkId); });
  QString prompt = chunk->prompt;
  if (prompt.isEmpty())
    if (const auto scene = session_->store().scene(chunk->sceneId)) prompt = scene->visualPrompt;
  connect(add(menu, "menuCopyPrompt", tr("&Copy Prompt"), !prompt.isEmpty()), &QAction::triggered,
          this, [this, prompt] { copy(prompt); });
  return menu;
}

// A stale or out-of-date take can be kept as it is: the render uses it and generates nothing for
// it while it stays the active take (model::Chunk::keptAssetId). One undo step.
void EditorMenus::keepAsIsAction(QMenu* menu, const model::Chunk& chunk) {
  const ChunkModel* chunks = timeline_->chunkModel();
  const int row = chunks->rowOf(chunk.id);
  const render::SlotState state = row >= 0 ? chunks->state(row) : render::SlotState::Pending;
  const bool keepable = state == render::SlotState::Stale || state == render::SlotState::OutOfDate;
  QAction* keep = add(menu, "menuKeepAsIs", tr("&Keep as Is"), keepable || chunk.keptAsIs());
  keep->setCheckable(true);
  keep->setChecked(chunk.keptAsIs());
  keep->setToolTip(
      row >= 0 && (keepable || chunk.keptAsIs())
          ? tr("Render this take as it is, although %1; a new take ends it.").arg(chunks->why(row))
          : tr("Only a stale or out-of-date take can be kept as it is."));
  // The chunk as it is when toggled (a render may have given it a new take while the menu was
  // open): only the keep changes, and only for the take the menu showed.
  connect(keep, &QAction::toggled, this, [this, id = chunk.id, shown = chunk.assetId](bool on) {
    const auto now = session_->store().chunk(session_->resolve(Entity::Chunk, id));
    if (!now || now->assetId != shown) return;
    model::Chunk after = *now;
    after.keptAssetId = on ? now->assetId : std::nullopt;
    session_->undoStack()->push(new EditRowCommand<model::Chunk>(
        session_, *now, after, QStringLiteral("keepAsIs"),
        on ? tr("Keep chunk as is") : tr("Stop keeping chunk as is")));
  });
}

QMenu* EditorMenus::takeMenu(int row) {
  QMenu* menu = newMenu(QStringLiteral("takeMenu"));
  QAbstractItemModel* model = inspector_->takeView()->model();
  const QPersistentModelIndex index = model->index(row, 0);
  const bool active = index.data(TakeModel::ActiveRole).toBool();
  connect(add(menu, "menuUseTake", tr("&Use This Take"), !active), &QAction::triggered, this,
          [this, index] { inspector_->activateTake(index); });
  const QString file = index.data(TakeModel::AssetPathRole).toString();
  connect(add(menu, "menuShowInFolder", tr("Show in &Folder"), !file.isEmpty()),
          &QAction::triggered, this, [this, file] { reveal(file); });
  QString prompt;
  for (const model::Take& take : session_->store().takes(inspector_->chunkId()))
    if (take.id == index.data(TakeModel::TakeIdRole).toLongLong()) prompt = take.prompt;
  connect(add(menu, "menuCopyPrompt", tr("&Copy Prompt"), !prompt.isEmpty()), &QAction::triggered,
          this, [this, prompt] { copy(prompt); });
  return menu;
}

// Narration and music belong to the scene (edited in the scene inspector); a dialogue line or
// an SFX cue can be deleted here, one undo step.
QMenu* EditorMenus::clipMenu(int lane, int clip) {
  QMenu* menu = newMenu(QStringLiteral("clipMenu"));
  const AudioLane& audio = timeline_->lanes().at(lane);
  const LaneClip c = audio.clips.at(clip);
  connect(add(menu, "menuCopyText", tr("&Copy Text"), !c.text.isEmpty()), &QAction::triggered, this,
          [this, text = c.text] { copy(text); });
  connect(add(menu, "menuShowInFolder", tr("Show in &Folder"), !c.file.isEmpty()),
          &QAction::triggered, this, [this, file = c.file] { reveal(file); });
  const model::Id sceneId = session_->resolve(Entity::Scene, timeline_->sceneId());
  using Slot = render::RegenerateTarget::Slot;
  const Slot slot = audio.kind == AudioLane::Narration  ? Slot::Narration
                    : audio.kind == AudioLane::Dialogue ? Slot::Dialogue
                    : audio.kind == AudioLane::Music    ? Slot::Music
                                                        : Slot::Sfx;
  bool userFile = false;  // an SFX cue playing the user's own file: nothing to generate
  if (slot == Slot::Sfx)
    for (const model::SfxCue& cue : session_->store().sfxCues(sceneId))
      if (cue.id == c.rowId) userFile = !cue.file.isEmpty();
  QAction* again =
      add(menu, "menuRegenerateAsset", tr("&Regenerate…"), window_->canRegenerate() && !userFile);
  again->setToolTip(userFile
                        ? tr("This sound effect plays a file of your own.")
                        : tr("A new take with the inputs you choose; the current one is kept."));
  connect(again, &QAction::triggered, this, [this, slot, sceneId, row = c.rowId] {
    window_->showAssetRegenerate(int(slot), sceneId, row);
  });
  // The user's own sound instead (as a drop on the clip does: a cached asset, provider "user").
  QAction* useFile = add(menu, "menuUseFile", tr("Use a &File…"), window_->mediaDrops() != nullptr);
  useFile->setToolTip(
      tr("Replace this sound with an audio file of your own; the current one is "
         "kept as a take."));
  connect(useFile, &QAction::triggered, this, [this, kind = audio.kind, sceneId, row = c.rowId] {
    FileDialogRequest request;
    request.title = tr("Use a Sound File");
    request.start = QDir::homePath();
    request.filter =
        tr("Sound files (*.wav *.mp3 *.flac *.ogg *.m4a *.aac *.opus);;"
           "All files (*)");
    openFileDialog(window_, request, [this, kind, sceneId, row](const QString& path) {
      MediaDrops* drops = window_->mediaDrops();
      if (!drops) return;
      switch (kind) {
        case AudioLane::Music:
          return drops->dropOnMusic(sceneId, path);
        case AudioLane::Narration:
          return drops->dropOnNarration(sceneId, path);
        case AudioLane::Dialogue:
          return drops->dropOnLine(sceneId, row, path);
        case AudioLane::Sfx:
          return drops->dropOnSfx(sceneId, row, path);
      }
    });
  });
  const bool deletable =
      c.rowId && (audio.kind == AudioLane::Dialogue || audio.kind == AudioLane::Sfx);
  QAction* del = add(menu, "menuDelete", tr("&Delete"), deletable);
  const model::Id scene = session_->resolve(Entity::Scene, timeline_->sceneId());
  connect(del, &QAction::triggered, this, [this, kind = audio.kind, id = c.rowId, scene] {
    if (kind == AudioLane::Sfx) {
      for (const model::SfxCue& cue : session_->store().sfxCues(scene))
        if (cue.id == id)
          session_->undoStack()->push(new AddRemoveRowCommand<model::SfxCue>(
              session_, cue, true, tr("Delete sound effect")));
    } else {
      for (const model::DialogueLine& line : session_->store().dialogueLines(scene))
        if (line.id == id)
          session_->undoStack()->push(new AddRemoveRowCommand<model::DialogueLine>(
              session_, line, true, tr("Delete dialogue line")));
    }
  });
  return menu;
}

QMenu* EditorMenus::sceneMenu() {
  QMenu* menu = newMenu(QStringLiteral("sceneMenu"));
  for (const char* name : {"actionRender", "actionDuplicateScene"})
    menu->addAction(window_->action(QString::fromLatin1(name)));
  connect(add(menu, "menuDeleteScenes", tr("De&lete Scene…")), &QAction::triggered, pane_,
          &ProjectPane::confirmDeleteScenes);
  connect(add(menu, "menuRegenerateReference", tr("Regenerate Reference &Image…"),
              window_->canRegenerate() && pane_->currentSceneId()),
          &QAction::triggered, this, [this] {
            window_->showAssetRegenerate(int(render::RegenerateTarget::Slot::ReferenceImage),
                                         pane_->currentSceneId(), 0);
          });
  connect(add(menu, "menuReferenceTakes", tr("Generate 4 Reference Images…"),
              window_->canRegenerate() && pane_->currentSceneId()),
          &QAction::triggered, this,
          [this] { window_->showReferenceLottery(pane_->currentSceneId()); });
  menu->addSeparator();
  const auto scene = session_->store().scene(pane_->currentSceneId());
  const QString prompt = scene ? scene->visualPrompt : QString();
  connect(add(menu, "menuCopyPrompt", tr("&Copy Prompt"), !prompt.isEmpty()), &QAction::triggered,
          this, [this, prompt] { copy(prompt); });
  connect(add(menu, "menuShowInFolder", tr("Show Project &Folder")), &QAction::triggered, this,
          [this] { reveal(session_->folder()); });
  return menu;
}

}  // namespace sw::ui
