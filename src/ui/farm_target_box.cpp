#include "ui/farm_target_box.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSettings>
#include <QToolButton>

#include "farm/slurm_client.h"

namespace sw::ui {

namespace {
const QString kSpoolKey = QStringLiteral("farm/spool");
const QString kPartitionKey = QStringLiteral("farm/partition");
}  // namespace

FarmTargetBox::FarmTargetBox(QWidget* parent) : QGroupBox(tr("Run on"), parent) {
  setObjectName(QStringLiteral("farmTargetBox"));
  auto* form = new QFormLayout(this);
  runOn_ = new QComboBox;
  runOn_->setObjectName(QStringLiteral("runOnCombo"));
  runOn_->addItem(tr("This machine"));
  runOn_->addItem(tr("Slurm cluster"));
  form->addRow(tr("Run on:"), runOn_);
  const QSettings settings;
  spool_ = new QLineEdit(settings.value(kSpoolKey).toString());
  spool_->setObjectName(QStringLiteral("spoolEdit"));
  spool_->setPlaceholderText(tr("A folder this machine and every node see"));
  auto* browse = new QToolButton;
  browse->setText(tr("Browse…"));
  browse->setObjectName(QStringLiteral("spoolBrowseButton"));
  browse_ = browse;
  connect(browse, &QToolButton::clicked, this, &FarmTargetBox::browse);
  auto* spoolRow = new QHBoxLayout;
  spoolRow->addWidget(spool_, 1);
  spoolRow->addWidget(browse);
  form->addRow(tr("Spool folder:"), spoolRow);
  partition_ = new QLineEdit(settings.value(kPartitionKey).toString());
  partition_->setObjectName(QStringLiteral("partitionEdit"));
  partition_->setPlaceholderText(tr("The cluster's default"));
  form->addRow(tr("Partition:"), partition_);
  connect(runOn_, &QComboBox::currentIndexChanged, this, &FarmTargetBox::updateEnabled);
  updateEnabled();
}

bool FarmTargetBox::available() { return farm::slurmAvailable(); }

bool FarmTargetBox::onFarm() const { return runOn_->currentIndex() == 1; }

QString FarmTargetBox::spool() const { return spool_->text().trimmed(); }

QString FarmTargetBox::partition() const { return partition_->text().trimmed(); }

void FarmTargetBox::remember() const {
  QSettings settings;
  settings.setValue(kSpoolKey, spool());
  settings.setValue(kPartitionKey, partition());
}

void FarmTargetBox::browse() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Spool Folder"), spool());
  if (!dir.isEmpty()) spool_->setText(dir);
}

void FarmTargetBox::updateEnabled() {
  spool_->setEnabled(onFarm());
  partition_->setEnabled(onFarm());
  browse_->setEnabled(onFarm());
}

}  // namespace sw::ui
