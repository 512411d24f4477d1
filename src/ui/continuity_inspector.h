// The continuity inspector: for each seam of the current scene, the last frame of the chunk
// before it beside the first frame of the chunk after it (decoded on a worker thread), the seam
// QA's measured difference across the join against the chunks' own motion, a warning when the
// picture jumps there, and one click to regenerate the chunk after the seam (the console's
// regenerate path). Follows the scene: its chunks and takes changing start a new look (while it
// is shown; a hidden inspector looks again when it is shown).
#pragma once

#include <QDialog>
#include <QList>
#include <QThreadPool>

#include "model/types.h"
#include "ui/seam_frames.h"

class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace sw::ui {

class ProjectSession;
struct RegenerateRequest;

class ContinuityInspector : public QDialog {
  Q_OBJECT
 public:
  // Frames are kept as PNGs in `frameCache` (a folder, created when needed).
  ContinuityInspector(ProjectSession* session, const QString& frameCache,
                      QWidget* parent = nullptr);
  ~ContinuityInspector() override;  // waits for the seam being decoded

  void setScene(model::Id sceneId);
  model::Id sceneId() const { return sceneId_; }
  // Whether Regenerate can run now; `reason` is the buttons' tooltip when it cannot.
  void setRegenerateAvailable(bool available, const QString& reason);
  // Scrolls to seam `index` (1-based) and shows the window.
  void showSeam(int index);

  int seamCount() const { return int(rows_.size()); }
  bool isMeasuring() const { return pending_ > 0; }
  const SeamSpec& seam(int row) const { return rows_.at(row).spec; }
  const SeamLook& look(int row) const { return rows_.at(row).look; }
  bool measured(int row) const { return rows_.at(row).done; }
  QLabel* beforeFrame(int row) const { return rows_.at(row).before; }
  QLabel* afterFrame(int row) const { return rows_.at(row).after; }
  QLabel* verdict(int row) const { return rows_.at(row).verdict; }
  QPushButton* regenerateButton(int row) const { return rows_.at(row).regenerate; }
  QLabel* summary() const { return summary_; }

 protected:
  void showEvent(QShowEvent* event) override;

 Q_SIGNALS:
  void regenerateRequested(const sw::ui::RegenerateRequest& request);

 private:
  struct Row {
    SeamSpec spec;
    SeamLook look;
    bool done = false;
    QWidget* box = nullptr;
    QLabel* before = nullptr;
    QLabel* after = nullptr;
    QLabel* verdict = nullptr;
    QPushButton* regenerate = nullptr;
  };
  void reload();  // now when shown, else when next shown
  void look();
  QWidget* buildRow(Row& row);
  void showLook(int row);
  void updateSummary();
  void requestRegenerate(model::Id chunkId);

  ProjectSession* session_;
  QString frameCache_;
  model::Id sceneId_ = 0;
  int generation_ = 0;  // results of an older look are dropped
  int pending_ = 0;
  bool dirty_ = true;  // the rows are not the scene's current seams
  bool regenerateAvailable_ = true;
  QString regenerateReason_;
  QList<Row> rows_;
  QThreadPool pool_;
  QLabel* summary_ = nullptr;
  QWidget* list_ = nullptr;
  QVBoxLayout* listLayout_ = nullptr;
  QScrollArea* scroll_ = nullptr;
};

}  // namespace sw::ui
