// "Generate N takes" of one chunk or of a scene's reference image (a lottery): the estimated cost
// before starting, then one regenerate job of the render queue with RegenerateTarget::takes = N
// (generated in parallel under the backend's limit); the takes side by side in a grid, each with
// its thumbnail, seed and cost, a Play button for a chunk (one shared player beside the grid) and
// "Keep this take", which makes it the chunk's active take (SetActiveTakeCommand) or the scene's
// reference image (EditSceneCommand) as one undo step. The other takes stay.
#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>

#include "model/types.h"
#include "providers/backend_factory.h"
#include "render/render_request.h"

class QGridLayout;
class QLabel;
class QMediaPlayer;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QVideoWidget;

namespace sw::providers {
class ModelRegistry;
}
namespace sw::render {
class RenderQueue;
}

namespace sw::ui {

class ProjectSession;
class ThumbnailLoader;

class TakeLotteryDialog : public QDialog {
  Q_OBJECT
 public:
  enum class Subject { Chunk, ReferenceImage };
  // `id`: the chunk, or the scene whose reference image it is.
  TakeLotteryDialog(ProjectSession* session, render::RenderQueue* queue,
                    ThumbnailLoader* thumbnails, const providers::ModelRegistry* registry,
                    const providers::BackendSettings& backends, model::Id id,
                    QWidget* parent = nullptr, Subject subject = Subject::Chunk);
  ~TakeLotteryDialog() override;

  QSpinBox* takesBox() const { return count_; }
  QLabel* costLabel() const { return cost_; }
  QPushButton* generateButton() const { return generate_; }
  model::Id jobId() const { return job_; }
  // The takes of this run shown in the grid, in seed order (after the job finished).
  int cellCount() const { return int(cells_.size()); }
  QPushButton* keepButton(int cell) const;
  QPushButton* playButton(int cell) const;
  QLabel* captionLabel(int cell) const;
  QMediaPlayer* player() const { return player_; }

  // Queues the lottery (what the Generate button does); false when it could not start.
  bool start();
  // Makes the take of grid cell `cell` the chunk's active take (one undo step).
  void keep(int cell);

 Q_SIGNALS:
  void takesReady(int count);  // the job finished and the grid shows its takes
  void failed(const QString& error);

 private:
  struct Cell {
    model::Id takeId = 0;  // 0 for a reference image
    model::Id assetId = 0;
    qint64 seed = 0;
    double cost = 0;
    QString path;
    QLabel* thumbnail = nullptr;
    QLabel* caption = nullptr;
    QPushButton* play = nullptr;
    QPushButton* keep = nullptr;
  };
  void updateEstimate();
  void jobFinished(int status, const QString& error);
  void buildGrid();
  void refreshCells();
  void requestThumbnails();
  void play(int cell);
  render::RenderRequest lotteryRequest() const;

  ProjectSession* session_;
  QPointer<render::RenderQueue> queue_;
  ThumbnailLoader* thumbnails_;
  const providers::ModelRegistry* registry_;
  providers::BackendSettings backends_;
  model::Id chunkId_;  // Subject::Chunk
  model::Id sceneId_ = 0;
  Subject subject_;
  model::Id job_ = 0;
  int position_ = 0;

  QLabel* heading_ = nullptr;
  QSpinBox* count_ = nullptr;
  QLabel* cost_ = nullptr;
  QPushButton* generate_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QLabel* status_ = nullptr;
  QGridLayout* grid_ = nullptr;
  QLabel* playing_ = nullptr;
  QVideoWidget* video_ = nullptr;
  QMediaPlayer* player_ = nullptr;
  QList<Cell> cells_;
};

}  // namespace sw::ui
