#include "ui/scene_list_model.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>
#include <QUndoStack>

#include "ui/project_session.h"
#include "ui/scene_commands.h"
#include "ui/ui_format.h"

namespace sw::ui {

SceneListModel::SceneListModel(ProjectSession* session, QObject* parent)
    : QAbstractTableModel(parent), session_(session) {
  connect(session, &ProjectSession::scenesReset, this, &SceneListModel::reload);
  connect(session, &ProjectSession::sceneChanged, this, &SceneListModel::refreshScene);
  connect(session, &ProjectSession::chunksChanged, this, &SceneListModel::refreshScene);
  connect(session, &ProjectSession::sceneContentChanged, this, &SceneListModel::refreshScene);
  connect(session, &ProjectSession::sceneMoved, this, &SceneListModel::onMoved);
  reload();
}

SceneSummary SceneListModel::summarize(const model::Scene& scene) const {
  SceneSummary s;
  s.scene = scene;
  for (const model::Chunk& chunk : session_->store().chunks(scene.id)) s.spent += chunk.cost;
  const render::SceneState state = session_->sceneState(scene.id);
  s.chunkCount = state.chunksNeeded;
  s.ready = state.readyChunks();
  s.duration = state.duration;
  s.cost = state.cost;
  for (const render::Slot* slot : state.chunkSlots()) {
    if (slot->state == render::SlotState::Unused) continue;
    if (slot->assetId) ++s.made;
    switch (slot->state) {
      case render::SlotState::Failed:
        ++s.failed;
        break;
      case render::SlotState::Generating:
        ++s.generating;
        break;
      case render::SlotState::Stale:
        ++s.stale;
        break;
      case render::SlotState::OutOfDate:
        ++s.outOfDate;
        break;
      case render::SlotState::Missing:
        ++s.missing;
        break;
      default:
        break;
    }
  }
  return s;
}

void SceneListModel::reload() {
  beginResetModel();
  rows_.clear();
  for (const model::Scene& scene : session_->store().scenes()) rows_.append(summarize(scene));
  endResetModel();
}

void SceneListModel::refreshScene(qint64 sceneId) {
  const int row = rowOf(sceneId);
  if (row < 0) return;
  const auto scene = session_->store().scene(sceneId);
  if (!scene) return reload();
  rows_[row] = summarize(*scene);
  emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SceneListModel::onMoved(int from, int to) {
  if (from == to || from < 0 || from >= rows_.size() || to < 0 || to >= rows_.size())
    return reload();
  beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
  rows_.move(from, to);
  for (int i = 0; i < rows_.size(); ++i) rows_[i].scene.position = i;
  endMoveRows();
}

int SceneListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(rows_.size());
}

int SceneListModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QString SceneListModel::statusText(const SceneSummary& s) {
  if (s.made == 0 && s.generating == 0 && s.failed == 0) return tr("Not generated");
  if (s.generating > 0) return tr("Generating");
  if (s.failed > 0) return tr("%n failed", nullptr, s.failed);
  if (s.outOfDate > 0) return tr("%n out of date", nullptr, s.outOfDate);
  if (s.missing > 0) return tr("%n missing", nullptr, s.missing);
  if (s.stale > 0) return tr("%n stale", nullptr, s.stale);
  if (s.ready == s.chunkCount) return tr("Ready");
  return tr("%1 of %2 ready").arg(s.ready).arg(s.chunkCount);
}

QVariant SceneListModel::display(const SceneSummary& row, int column) const {
  switch (column) {
    case TitleColumn:
      return row.scene.title;
    case StatusColumn:
      return statusText(row);
    case DurationColumn:
      return formatDuration(row.duration > 0 ? row.duration : row.scene.targetDuration);
    case CostColumn:
      return row.cost ? formatCost(*row.cost) : tr("unknown");
    default:
      return {};
  }
}

QVariant SceneListModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const SceneSummary& row = rows_.at(index.row());
  switch (role) {
    case Qt::DisplayRole:
      return display(row, index.column());
    case Qt::EditRole:
      return index.column() == TitleColumn ? QVariant(row.scene.title) : QVariant();
    case SceneIdRole:
      return row.scene.id;
    case Qt::TextAlignmentRole:
      return index.column() == TitleColumn ? QVariant()
                                           : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
      return tr("%n chunk(s), %1 ready, %2 spent", nullptr, row.chunkCount)
          .arg(row.ready)
          .arg(formatCost(row.spent));
    default:
      return {};
  }
}

QVariant SceneListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case TitleColumn:
      return tr("Scene");
    case StatusColumn:
      return tr("Status");
    case DurationColumn:
      return tr("Duration");
    case CostColumn:
      return tr("Est. cost");
    default:
      return {};
  }
}

Qt::ItemFlags SceneListModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::ItemIsDropEnabled;
  Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled;
  if (index.column() == TitleColumn) f |= Qt::ItemIsEditable;
  return f;
}

bool SceneListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::EditRole ||
      index.column() != TitleColumn)
    return false;
  const QString title = value.toString().trimmed();
  model::Scene before = rows_.at(index.row()).scene;
  if (title.isEmpty() || title == before.title) return false;
  model::Scene after = before;
  after.title = title;
  session_->undoStack()->push(new EditSceneCommand(session_, before, after, tr("title")));
  return true;
}

bool SceneListModel::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                              const QModelIndex& destinationParent, int destinationChild) {
  if (sourceParent.isValid() || destinationParent.isValid() || count != 1) return false;
  if (sourceRow < 0 || sourceRow >= rows_.size()) return false;
  const int to = std::clamp(destinationChild > sourceRow ? destinationChild - 1 : destinationChild,
                            0, int(rows_.size()) - 1);
  if (to == sourceRow) return false;
  session_->undoStack()->push(new MoveSceneCommand(session_, sceneId(sourceRow), sourceRow, to));
  return true;
}

QStringList SceneListModel::mimeTypes() const { return {QString::fromLatin1(kMimeType)}; }

QMimeData* SceneListModel::mimeData(const QModelIndexList& indexes) const {
  if (indexes.isEmpty()) return nullptr;
  auto* mime = new QMimeData;
  QByteArray bytes;
  QDataStream out(&bytes, QIODevice::WriteOnly);
  out << qint32(indexes.first().row());
  mime->setData(QString::fromLatin1(kMimeType), bytes);
  return mime;
}

bool SceneListModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                     const QModelIndex&) const {
  return data && action == Qt::MoveAction && data->hasFormat(QString::fromLatin1(kMimeType));
}

bool SceneListModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int,
                                  const QModelIndex& parent) {
  if (!canDropMimeData(data, action, row, 0, parent)) return false;
  QDataStream in(data->data(QString::fromLatin1(kMimeType)));
  qint32 source = -1;
  in >> source;
  const int dest = row >= 0 ? row : (parent.isValid() ? parent.row() : int(rows_.size()));
  moveRows({}, source, 1, {}, dest);
  return false;  // the move already happened; the view must not remove the source row
}

model::Id SceneListModel::sceneId(int row) const {
  return row >= 0 && row < rows_.size() ? rows_.at(row).scene.id : 0;
}

int SceneListModel::rowOf(model::Id sceneId) const {
  for (int i = 0; i < rows_.size(); ++i)
    if (rows_.at(i).scene.id == sceneId) return i;
  return -1;
}

}  // namespace sw::ui
