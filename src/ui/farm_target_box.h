// The Render dialog's "Run on" choice: this machine, or the Slurm cluster (src/farm) with the
// shared spool folder and an optional partition. The dialog shows it only when sbatch is on PATH.
#pragma once

#include <QGroupBox>

class QComboBox;
class QLineEdit;
class QWidget;

namespace sw::ui {

class FarmTargetBox : public QGroupBox {
  Q_OBJECT
 public:
  explicit FarmTargetBox(QWidget* parent = nullptr);

  // True when `sbatch` is on PATH (QStandardPaths::findExecutable; cheap).
  static bool available();

  bool onFarm() const;
  QString spool() const;
  QString partition() const;
  // Remembers the spool and partition (QSettings) for the next render.
  void remember() const;

  QComboBox* runOnCombo() const { return runOn_; }
  QLineEdit* spoolEdit() const { return spool_; }
  QLineEdit* partitionEdit() const { return partition_; }

 private:
  void browse();
  void updateEnabled();

  QComboBox* runOn_ = nullptr;
  QLineEdit* spool_ = nullptr;
  QLineEdit* partition_ = nullptr;
  QWidget* browse_ = nullptr;
};

}  // namespace sw::ui
