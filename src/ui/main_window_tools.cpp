// MainWindow: the continuity inspector (View > Continuity Inspector…, a chunk's context menu),
// following the selected scene, its Regenerate through the console's regenerate path; the
// user's own media dropped on the timeline (media_drops.h).
#include <QDir>
#include <QStandardPaths>
#include <QStatusBar>

#include "ui/chunk_inspector.h"
#include "ui/chunk_model.h"
#include "ui/chunk_regenerator.h"
#include "ui/continuity_inspector.h"
#include "ui/main_window.h"
#include "ui/media_drops.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/reference_slot.h"
#include "ui/scene_inspector.h"
#include "ui/timeline_widget.h"

namespace sw::ui {

void MainWindow::createEditorTools() {
  drops_ = new MediaDrops(session_.get(), this);
  timeline_->setMediaDrops(drops_);
  sceneInspector_->referenceSlot()->setMediaDrops(drops_);
  connect(drops_, &MediaDrops::started, this, [this](const QString& file) {
    statusBar()->showMessage(tr("Copying %1 into the asset cache…").arg(file));
  });
  connect(drops_, &MediaDrops::applied, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  connect(drops_, &MediaDrops::refused, this, [this](const QString& text) {
    statusBar()->clearMessage();
    showError(tr("Cannot use the dropped file"), text);
  });
  const QString cache = QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
                            .filePath(QStringLiteral("seam-frames"));
  continuity_ = new ContinuityInspector(session_.get(), cache, this);
  connect(pane_, &ProjectPane::currentSceneChanged, continuity_, &ContinuityInspector::setScene);
  connect(continuity_, &ContinuityInspector::regenerateRequested, this, &MainWindow::regenerate);
  if (!regenerator_) {
    continuity_->setRegenerateAvailable(false, renderUnavailableReason());
    return;
  }
  connect(regenerator_, &ChunkRegenerator::progress, continuity_,
          [this] { continuity_->setRegenerateAvailable(false, tr("A take is being generated.")); });
  connect(regenerator_, &ChunkRegenerator::finished, continuity_,
          [this] { continuity_->setRegenerateAvailable(true, {}); });
}

void MainWindow::showContinuity(model::Id chunkId) {
  if (!continuity_) return;
  continuity_->setScene(chunks_->sceneId());
  const int row = chunkId ? chunks_->rowOf(chunkId) : -1;
  continuity_->showSeam(std::max(1, row));  // the seam before the chunk; the first one's after
}

}  // namespace sw::ui
