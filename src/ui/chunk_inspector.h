// The selected chunk: prompt, seed, model, cost, status and error; Regenerate with an
// overridable prompt/seed/model; every take (thumbnail, seed, cost), one click makes a take
// active (undoable); stale chunks after it are offered for regeneration. While takes are being
// generated it shows their progress with a Cancel button.
#pragma once

#include <QWidget>

#include "model/types.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace sw::providers {
class ModelRegistry;
}

namespace sw::ui {

class ProjectSession;
class TakeModel;
class ThumbnailLoader;

struct RegenerateRequest {
  model::Id chunkId = 0;
  QString prompt;
  qint64 seed = 0;
  QString modelKey;
};

class ChunkInspector : public QWidget {
  Q_OBJECT
 public:
  ChunkInspector(ProjectSession* session, ThumbnailLoader* thumbnails, QWidget* parent = nullptr);
  void setRegistry(const providers::ModelRegistry* registry);
  void setChunk(model::Id chunkId);
  model::Id chunkId() const { return chunkId_; }
  // Whether Regenerate can run now; `reason` is shown as the tooltip when it cannot.
  void setRegenerateAvailable(bool available, const QString& reason);
  // While chunks are regenerated: what is happening, percent of the current chunk, Cancel.
  void showRegenerateProgress(const QString& text, double percent);
  void hideRegenerateProgress();

  QListView* takeView() const { return takeView_; }
  QPushButton* regenerateButton() const { return regenerate_; }
  QPushButton* regenerateStaleButton() const { return regenerateStale_; }
  QPushButton* lotteryButton() const { return lottery_; }
  QProgressBar* regenerateProgressBar() const { return progress_; }
  QPushButton* cancelRegenerateButton() const { return cancel_; }
  QLineEdit* seedEdit() const { return seed_; }
  // Makes the take at `index` of takeView() active (one undo step).
  void activateTake(const QModelIndex& index);

 Q_SIGNALS:
  void regenerateRequested(const sw::ui::RegenerateRequest& request);
  void regenerateStaleRequested(qint64 sceneId);
  void lotteryRequested(qint64 chunkId);  // "Generate 4 takes…": the takes grid
  void cancelRegenerateRequested();

 private:
  void load();
  void requestThumbnails();
  QWidget* buildForm();
  QWidget* buildProgressRow();

  ProjectSession* session_;
  ThumbnailLoader* thumbnails_;
  TakeModel* takes_;
  const providers::ModelRegistry* registry_ = nullptr;
  model::Id chunkId_ = 0;
  model::Id sceneId_ = 0;
  bool regenerateAvailable_ = false;
  QString regenerateReason_;

  QWidget* form_ = nullptr;
  QLabel* heading_ = nullptr;
  QPlainTextEdit* prompt_ = nullptr;
  QLineEdit* seed_ = nullptr;
  QComboBox* model_ = nullptr;
  QLabel* cost_ = nullptr;
  QLabel* status_ = nullptr;
  QLabel* error_ = nullptr;
  QPushButton* regenerate_ = nullptr;
  QPushButton* regenerateStale_ = nullptr;
  QPushButton* lottery_ = nullptr;
  QWidget* progressRow_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QListView* takeView_ = nullptr;
};

}  // namespace sw::ui
