#include "ui/chunk_model.h"

#include "ui/project_session.h"
#include "ui/ui_format.h"

namespace sw::ui {

ChunkModel::ChunkModel(ProjectSession* session, QObject* parent)
    : QAbstractListModel(parent), session_(session) {
  connect(session, &ProjectSession::chunksChanged, this, [this](qint64 id) {
    if (id == sceneId_) reload();
  });
  connect(session, &ProjectSession::scenesReset, this, &ChunkModel::reload);
}

void ChunkModel::setScene(model::Id sceneId) {
  sceneId_ = sceneId;
  reload();
}

void ChunkModel::setPlannedChunkDuration(double seconds) {
  if (seconds <= 0) return;
  plannedDuration_ = seconds;
  reload();
}

namespace {
render::SlotState stateOf(model::ChunkStatus status) {
  switch (status) {
    case model::ChunkStatus::Ready:
      return render::SlotState::Ready;
    case model::ChunkStatus::Generating:
      return render::SlotState::Generating;
    case model::ChunkStatus::Failed:
      return render::SlotState::Failed;
    case model::ChunkStatus::Stale:
      return render::SlotState::Stale;
    case model::ChunkStatus::Pending:
      break;
  }
  return render::SlotState::Pending;
}
}  // namespace

void ChunkModel::reload() {
  beginResetModel();
  rows_.clear();
  sceneId_ = session_->resolve(Entity::Scene, sceneId_);
  auto& store = session_->store();
  if (sceneId_ && store.scene(sceneId_)) {
    const render::SceneState state = session_->sceneState(sceneId_);
    double start = 0.0;
    for (const model::Chunk& chunk : store.chunks(sceneId_)) {
      Row row{chunk, {}, plannedDuration_, start};
      if (chunk.assetId) {
        if (const auto asset = store.asset(*chunk.assetId)) {
          row.assetPath = asset->filePath;
          if (asset->duration > 0) row.duration = asset->duration - chunk.trimIn - chunk.trimOut;
        }
      }
      if (const render::Slot* slot = state.slotOfChunk(chunk.id)) {
        row.state = slot->state;
        row.kept = slot->kept;
        row.why = slot->kept ? tr("kept as it is (%1)").arg(slot->why) : slot->why;
        if (slot->seconds > 0) row.duration = slot->seconds;
      } else {  // no model to judge by (the registry failed to load): what the store says
        row.state = stateOf(chunk.status);
      }
      row.duration = std::max(0.1, row.duration);
      start += row.duration;
      rows_.append(row);
    }
  }
  endResetModel();
}

int ChunkModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(rows_.size());
}

QString ChunkModel::statusText(render::SlotState state) {
  switch (state) {
    case render::SlotState::Pending:
      return tr("Pending");
    case render::SlotState::Generating:
      return tr("Generating");
    case render::SlotState::Ready:
      return tr("Ready");
    case render::SlotState::Failed:
      return tr("Failed");
    case render::SlotState::Stale:
      return tr("Stale");
    case render::SlotState::OutOfDate:
      return tr("Out of date");
    case render::SlotState::Missing:
      return tr("Missing");
    case render::SlotState::Unused:
      return tr("Unused");
  }
  return {};
}

QVariant ChunkModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const Row& row = rows_.at(index.row());
  switch (role) {
    case Qt::DisplayRole:
      return tr("Chunk %1 (%2)").arg(index.row() + 1).arg(statusText(row.state));
    case Qt::ToolTipRole:
      return row.why.isEmpty() ? statusText(row.state)
                               : tr("%1: %2").arg(statusText(row.state), row.why);
    case ChunkIdRole:
      return row.chunk.id;
    case StatusRole:
      return int(row.state);
    case DurationRole:
      return row.duration;
    case StartRole:
      return row.start;
    case AssetPathRole:
      return row.assetPath;
    case TransitionRole:
      return row.chunk.transition;
    case CostRole:
      return row.chunk.cost;
    case ErrorRole:
      return row.chunk.error;
    default:
      return {};
  }
}

int ChunkModel::rowOf(model::Id chunkId) const {
  for (int i = 0; i < rows_.size(); ++i)
    if (rows_.at(i).chunk.id == chunkId) return i;
  return -1;
}

double ChunkModel::totalDuration() const {
  return rows_.isEmpty() ? 0.0 : rows_.last().start + rows_.last().duration;
}

// --- takes ---

TakeModel::TakeModel(ProjectSession* session, QObject* parent)
    : QAbstractListModel(parent), session_(session) {
  connect(session, &ProjectSession::chunksChanged, this, &TakeModel::reload);
  connect(session, &ProjectSession::scenesReset, this, &TakeModel::reload);
}

void TakeModel::setChunk(model::Id chunkId) {
  chunkId_ = chunkId;
  reload();
}

void TakeModel::setThumbnail(const QString& path, const QPixmap& pixmap) {
  thumbnails_.insert(path, pixmap);
  for (int i = 0; i < rows_.size(); ++i)
    if (rows_.at(i).assetPath == path) emit dataChanged(index(i), index(i), {Qt::DecorationRole});
}

void TakeModel::reload() {
  beginResetModel();
  rows_.clear();
  activeAsset_.reset();
  chunkId_ = session_->resolve(Entity::Chunk, chunkId_);
  auto& store = session_->store();
  if (const auto chunk = chunkId_ ? store.chunk(chunkId_) : std::nullopt) {
    activeAsset_ = chunk->assetId;
    for (const model::Take& take : store.takes(chunkId_)) {
      const auto asset = store.asset(take.assetId);
      rows_.append(Row{take, asset ? asset->filePath : QString()});
    }
  }
  endResetModel();
}

int TakeModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(rows_.size());
}

QVariant TakeModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const Row& row = rows_.at(index.row());
  const bool active = activeAsset_ && *activeAsset_ == row.take.assetId;
  switch (role) {
    case Qt::DisplayRole:
      return tr("Take %1%2\nseed %3 · %4")
          .arg(index.row() + 1)
          .arg(active ? tr(" (active)") : QString())
          .arg(row.take.seed)
          .arg(formatCost(row.take.cost));
    case Qt::ToolTipRole:
      return row.take.prompt;
    case Qt::DecorationRole:
      return thumbnails_.value(row.assetPath);
    case TakeIdRole:
      return row.take.id;
    case AssetPathRole:
      return row.assetPath;
    case ActiveRole:
      return active;
    case SeedRole:
      return row.take.seed;
    case CostRole:
      return row.take.cost;
    default:
      return {};
  }
}

}  // namespace sw::ui
