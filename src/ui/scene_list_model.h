// The project's scenes in order, with their chunk status, duration and estimated cost.
// Edits (rename, reorder by drag or moveRows) go through the undo stack.
#pragma once

#include <QAbstractTableModel>
#include <functional>

#include "model/types.h"

namespace sw::ui {

class ProjectSession;

// Estimated cost in USD of rendering a scene now: render::estimateScene() with the backends that
// will run (what is generated already costs nothing). Asked when a row is (re)loaded.
using SceneCostEstimator = std::function<std::optional<double>(const model::Scene&)>;

struct SceneSummary {
  model::Scene scene;
  int chunkCount = 0;
  int ready = 0;
  int failed = 0;
  int generating = 0;
  int stale = 0;
  double spent = 0.0;
  std::optional<double> estimate;  // what rendering it costs now (the estimator's answer)
};

class SceneListModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { TitleColumn, StatusColumn, DurationColumn, CostColumn, ColumnCount };
  enum Role { SceneIdRole = Qt::UserRole + 1 };
  static constexpr const char* kMimeType = "application/x-scenewright-scene";

  explicit SceneListModel(ProjectSession* session, QObject* parent = nullptr);
  void setCostEstimator(SceneCostEstimator estimator);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role) override;
  bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                const QModelIndex& destinationParent, int destinationChild) override;
  Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
  QStringList mimeTypes() const override;
  QMimeData* mimeData(const QModelIndexList& indexes) const override;
  bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                       const QModelIndex& parent) const override;
  bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                    const QModelIndex& parent) override;

  model::Id sceneId(int row) const;
  int rowOf(model::Id sceneId) const;
  const SceneSummary& summary(int row) const { return rows_.at(row); }
  static QString statusText(const SceneSummary& summary);

 private:
  void reload();
  void refreshScene(qint64 sceneId);
  void onMoved(int from, int to);
  SceneSummary summarize(const model::Scene& scene) const;
  QVariant display(const SceneSummary& row, int column) const;

  ProjectSession* session_;
  QList<SceneSummary> rows_;
  SceneCostEstimator estimator_;
};

}  // namespace sw::ui
