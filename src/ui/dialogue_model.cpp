#include "model/value_ranges.h"

#include <algorithm>
#include "ui/dialogue_model.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QUndoStack>
#include <QUrl>
#include <QtConcurrent>

#include "core/error.h"
#include "render/app_settings.h"
#include "render/copy_in.h"

#include "ui/project_session.h"
#include "ui/row_commands.h"

namespace sw::ui {

DialogueModel::DialogueModel(ProjectSession* session, QObject* parent)
    : QAbstractTableModel(parent), session_(session) {
  connect(session, &ProjectSession::sceneContentChanged, this, [this](qint64 id) {
    if (id == sceneId_) reload();
  });
  connect(session, &ProjectSession::charactersChanged, this, &DialogueModel::reload);
  connect(session, &ProjectSession::scenesReset, this, &DialogueModel::reload);
}

void DialogueModel::setScene(model::Id sceneId) {
  sceneId_ = sceneId;
  reload();
}

void DialogueModel::reload() {
  beginResetModel();
  sceneId_ = session_->resolve(Entity::Scene, sceneId_);
  names_.clear();
  for (const model::Character& c : session_->store().characters()) names_.insert(c.id, c.name);
  rows_ = sceneId_ && session_->store().scene(sceneId_) ? session_->store().dialogueLines(sceneId_)
                                                        : QList<model::DialogueLine>();
  endResetModel();
}

int DialogueModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(rows_.size());
}

int DialogueModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant DialogueModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const model::DialogueLine& line = rows_.at(index.row());
  if (role == CharacterIdRole) return line.characterId;
  if (index.column() == LipSyncColumn) {
    if (role == Qt::CheckStateRole) return line.lipSync ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole)
      return tr(
          "Lip sync: the render sends the picture under this line with its voice to the "
          "lip-sync backend and splices the synced frames back (for a speaker whose face "
          "is on screen).");
    return {};
  }
  if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
  if (index.column() == CharacterColumn)
    return role == Qt::EditRole ? QVariant(line.characterId)
                                : QVariant(names_.value(line.characterId));
  return line.text;
}

QVariant DialogueModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  if (section == LipSyncColumn) return tr("Lip sync");
  return section == CharacterColumn ? tr("Character") : tr("Line");
}

Qt::ItemFlags DialogueModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  if (index.column() == LipSyncColumn)
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable;
  return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool DialogueModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return false;
  const model::DialogueLine before = rows_.at(index.row());
  model::DialogueLine after = before;
  if (index.column() == LipSyncColumn) {
    if (role != Qt::CheckStateRole) return false;
    after.lipSync = value.toInt() == Qt::Checked;
    if (after.lipSync == before.lipSync) return false;
    const QString field = tr("lip sync");
    session_->undoStack()->push(new EditRowCommand<model::DialogueLine>(
        session_, before, after, field,
        after.lipSync ? tr("Lip sync a line") : tr("Stop lip-syncing a line")));
    return true;
  }
  if (role != Qt::EditRole) return false;
  if (index.column() == CharacterColumn) {
    after.characterId = value.toLongLong();
    if (after.characterId == before.characterId || !names_.contains(after.characterId))
      return false;
  } else {
    after.text = value.toString();
    if (after.text == before.text) return false;
  }
  const QString field = index.column() == CharacterColumn ? tr("speaker") : tr("dialogue line");
  session_->undoStack()->push(new EditRowCommand<model::DialogueLine>(
      session_, before, after, field, tr("Edit %1").arg(field)));
  return true;
}

void DialogueModel::addLine(model::Id characterId, const QString& text) {
  if (!sceneId_) return;
  model::DialogueLine line;
  line.sceneId = sceneId_;
  line.characterId = characterId;
  line.text = text;
  line.position = int(rows_.size());
  session_->undoStack()->push(
      new AddRemoveRowCommand<model::DialogueLine>(session_, line, false, tr("Add dialogue line")));
}

void DialogueModel::removeLine(int row) {
  if (row < 0 || row >= rows_.size()) return;
  session_->undoStack()->push(new AddRemoveRowCommand<model::DialogueLine>(
      session_, rows_.at(row), true, tr("Delete dialogue line")));
}

// --- SFX cues ---

SfxCueModel::SfxCueModel(ProjectSession* session, QObject* parent)
    : QAbstractTableModel(parent), session_(session) {
  connect(session, &ProjectSession::sceneContentChanged, this, [this](qint64 id) {
    if (id == sceneId_) reload();
  });
  connect(session, &ProjectSession::scenesReset, this, &SfxCueModel::reload);
}

void SfxCueModel::setScene(model::Id sceneId) {
  sceneId_ = sceneId;
  reload();
}

void SfxCueModel::reload() {
  beginResetModel();
  sceneId_ = session_->resolve(Entity::Scene, sceneId_);
  rows_ = sceneId_ && session_->store().scene(sceneId_) ? session_->store().sfxCues(sceneId_)
                                                        : QList<model::SfxCue>();
  endResetModel();
}

int SfxCueModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(rows_.size());
}

int SfxCueModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant SfxCueModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
  const model::SfxCue& cue = rows_.at(index.row());
  switch (index.column()) {
    case TimeColumn:
      return cue.time;
    case DescriptionColumn:
      return cue.description;
    case FileColumn:
      return cue.file;
    case GainColumn:
      return cue.gainDb;
    default:
      return {};
  }
}

QVariant SfxCueModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case TimeColumn:
      return tr("Time (s)");
    case DescriptionColumn:
      return tr("Sound");
    case FileColumn:
      return tr("File");
    case GainColumn:
      return tr("Gain (dB)");
    default:
      return {};
  }
}

Qt::ItemFlags SfxCueModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemIsDropEnabled;
}

namespace {

// The one local file a drop names, empty when it names none or several.
QString droppedFile(const QMimeData* data) {
  if (!data || !data->hasUrls() || data->urls().size() != 1) return {};
  const QUrl url = data->urls().first();
  return url.isLocalFile() ? url.toLocalFile() : QString();
}

struct CopyResult {
  QString path;   // the copy (or the file itself when it was already in the project)
  QString error;  // why it was refused, empty on success
};

}  // namespace

QStringList SfxCueModel::mimeTypes() const { return {QStringLiteral("text/uri-list")}; }

Qt::DropActions SfxCueModel::supportedDropActions() const {
  return Qt::CopyAction | Qt::LinkAction;
}

bool SfxCueModel::canDropMimeData(const QMimeData* data, Qt::DropAction, int, int,
                                  const QModelIndex& parent) const {
  return parent.isValid() && parent.row() < rows_.size() && !droppedFile(data).isEmpty();
}

bool SfxCueModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                               const QModelIndex& parent) {
  if (!canDropMimeData(data, action, row, column, parent)) return false;
  const model::SfxCue before = rows_.at(parent.row());
  const QString source = droppedFile(data);
  const QString project = session_->store().folder();
  const QString cache = render::AppSettings::load().effectiveCacheDirectory();
  const QString what = tr("the sound file of cue '%1'").arg(before.description);
  auto* watcher = new QFutureWatcher<CopyResult>(this);
  QPointer<ProjectSession> session(session_);
  connect(watcher, &QFutureWatcher<CopyResult>::finished, this, [this, watcher, session, before] {
    watcher->deleteLater();
    if (!session) return;
    const CopyResult result = watcher->result();
    if (!result.error.isEmpty()) {
      emit session->storeError(result.error);
      return;
    }
    model::SfxCue after = before;
    after.file = result.path;
    after.assetId.reset();  // the dropped file replaces a generated sound
    session->undoStack()->push(new EditRowCommand<model::SfxCue>(session, before, after, tr("File"),
                                                                 tr("Set sound cue file")));
  });
  // Copying and probing a file can take longer than a frame: never on the GUI thread.
  watcher->setFuture(QtConcurrent::run([project, cache, source, what]() -> CopyResult {
    try {
      return {render::copyIntoProject(project, cache, source, render::MediaKind::Audio, what), {}};
    } catch (const core::Error& e) {
      return {{}, e.message()};
    }
  }));
  return true;
}

bool SfxCueModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::EditRole) return false;
  const model::SfxCue before = rows_.at(index.row());
  model::SfxCue after = before;
  switch (index.column()) {
    case TimeColumn:
      after.time = std::clamp(value.toDouble(), 0.0, model::ranges::kMaxSceneSeconds);
      break;
    case DescriptionColumn:
      after.description = value.toString();
      break;
    case FileColumn:
      after.file = value.toString();
      break;
    case GainColumn:
      after.gainDb =
          std::clamp(value.toDouble(), model::ranges::kMinGainDb, model::ranges::kMaxGainDb);
      break;
    default:
      return false;
  }
  const QString field = headerData(index.column(), Qt::Horizontal, Qt::DisplayRole).toString();
  session_->undoStack()->push(
      new EditRowCommand<model::SfxCue>(session_, before, after, field, tr("Edit sound cue")));
  return true;
}

void SfxCueModel::addCue(double time, const QString& description) {
  if (!sceneId_) return;
  model::SfxCue cue;
  cue.sceneId = sceneId_;
  cue.time = time;
  cue.description = description;
  session_->undoStack()->push(
      new AddRemoveRowCommand<model::SfxCue>(session_, cue, false, tr("Add sound cue")));
}

void SfxCueModel::removeCue(int row) {
  if (row < 0 || row >= rows_.size()) return;
  session_->undoStack()->push(new AddRemoveRowCommand<model::SfxCue>(session_, rows_.at(row), true,
                                                                     tr("Delete sound cue")));
}

}  // namespace sw::ui
