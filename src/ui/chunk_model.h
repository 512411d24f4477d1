// The chunks of one scene in order (what the timeline draws) and the takes of one chunk
// (what the inspector lists). Read from the store; refreshed when the session says so.
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QPixmap>

#include "model/types.h"
#include "render/scene_state.h"

namespace sw::ui {

class ProjectSession;

class ChunkModel : public QAbstractListModel {
  Q_OBJECT
 public:
  enum Role {
    ChunkIdRole = Qt::UserRole + 1,
    StatusRole,     // model::ChunkStatus as int
    DurationRole,   // seconds on the timeline (asset duration minus trims, or planned)
    StartRole,      // seconds from the scene start
    AssetPathRole,  // active take's file, empty when none
    TransitionRole,
    CostRole,
    ErrorRole,
  };

  explicit ChunkModel(ProjectSession* session, QObject* parent = nullptr);
  void setScene(model::Id sceneId);
  model::Id sceneId() const { return sceneId_; }
  // Planned length of a chunk with no asset yet (the model's actual chunk duration).
  void setPlannedChunkDuration(double seconds);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;

  const model::Chunk& chunk(int row) const { return rows_.at(row).chunk; }
  int rowOf(model::Id chunkId) const;
  double totalDuration() const;
  // The chunk's state (ProjectSession::sceneState), as every view shows it, and why.
  render::SlotState state(int row) const { return rows_.at(row).state; }
  QString why(int row) const { return rows_.at(row).why; }
  // Stale or out of date, and rendered as it is all the same ("Keep as is" or a render option).
  bool kept(int row) const { return rows_.at(row).kept; }
  static QString statusText(render::SlotState state);

 private:
  struct Row {
    model::Chunk chunk;
    QString assetPath;
    double duration = 0.0;
    double start = 0.0;
    render::SlotState state = render::SlotState::Pending;
    QString why;
    bool kept = false;
  };
  void reload();
  ProjectSession* session_;
  model::Id sceneId_ = 0;
  double plannedDuration_ = 5.0;
  QList<Row> rows_;
};

class TakeModel : public QAbstractListModel {
  Q_OBJECT
 public:
  enum Role { TakeIdRole = Qt::UserRole + 1, AssetPathRole, ActiveRole, SeedRole, CostRole };

  explicit TakeModel(ProjectSession* session, QObject* parent = nullptr);
  void setChunk(model::Id chunkId);
  model::Id chunkId() const { return chunkId_; }
  void setThumbnail(const QString& path, const QPixmap& pixmap);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  const model::Take& take(int row) const { return rows_.at(row).take; }

 private:
  struct Row {
    model::Take take;
    QString assetPath;
  };
  void reload();
  ProjectSession* session_;
  model::Id chunkId_ = 0;
  std::optional<model::Id> activeAsset_;
  QList<Row> rows_;
  QHash<QString, QPixmap> thumbnails_;
};

}  // namespace sw::ui
