#include "ui/backup_dialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "ui/backup_manager.h"

namespace sw::ui {

BackupDialog::BackupDialog(const QString& projectFolder, const QString& problem, QWidget* parent)
    : QDialog(parent),
      folder_(projectFolder),
      status_(new QLabel),
      list_(new QListWidget),
      restore_(new QPushButton(tr("&Restore"))) {
  setObjectName(QStringLiteral("backupDialog"));
  setWindowTitle(problem.isEmpty() ? tr("Restore Backup") : tr("Recover the Project"));
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel;
  intro->setObjectName(QStringLiteral("backupIntro"));
  intro->setWordWrap(true);
  intro->setTextFormat(Qt::PlainText);
  const QString where = QDir::toNativeSeparators(projectFolder);
  intro->setText(problem.isEmpty()
                     ? tr("Choose a backup of %1 to restore. Its current state is backed up "
                          "first, so the restore can be undone from File ▸ Restore Backup.")
                           .arg(where)
                     : tr("%1\n\nChoose one of its backups to restore. The damaged file is kept "
                          "in its backups folder; nothing is deleted.")
                           .arg(problem));
  layout->addWidget(intro);
  status_->setText(tr("Looking for backups…"));
  layout->addWidget(status_);
  list_->setObjectName(QStringLiteral("backupList"));
  layout->addWidget(list_, 1);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
  restore_->setObjectName(QStringLiteral("restoreBackupButton"));
  restore_->setEnabled(false);
  buttons->addButton(restore_, QDialogButtonBox::AcceptRole);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(restore_, &QPushButton::clicked, this, [this] {
    const QListWidgetItem* item = list_->currentItem();
    if (!item) return;
    const QString file = item->data(Qt::UserRole).toString();
    accept();
    emit restoreRequested(folder_, file);
  });
  connect(list_, &QListWidget::currentRowChanged, this,
          [this](int row) { restore_->setEnabled(row >= 0); });
  connect(list_, &QListWidget::itemActivated, restore_, &QPushButton::click);
  connect(&listing_, &QFutureWatcher<QFileInfoList>::finished, this,
          [this] { showBackups(listing_.result()); });
  listing_.setFuture(QtConcurrent::run(&BackupManager::listBackups, projectFolder));
  resize(560, 420);
}

BackupDialog::~BackupDialog() { listing_.waitForFinished(); }

void BackupDialog::showBackups(const QFileInfoList& backups) {
  listed_ = true;
  for (const QFileInfo& info : backups) {
    const QString when = QLocale().toString(info.lastModified(), QLocale::LongFormat);
    const QString size = QLocale().formattedDataSize(info.size());
    const QString text = info.fileName().contains(QLatin1String("before-restore"))
                             ? tr("%1 (before a restore) · %2").arg(when, size)
                             : tr("%1 · %2").arg(when, size);
    auto* item = new QListWidgetItem(text, list_);
    item->setData(Qt::UserRole, info.absoluteFilePath());
    item->setToolTip(QDir::toNativeSeparators(info.absoluteFilePath()));
  }
  if (backups.isEmpty()) {
    status_->setText(tr("%1 has no backups (Scenewright keeps them in its backups folder).")
                         .arg(QDir::toNativeSeparators(folder_)));
    return;
  }
  status_->setText(tr("%n backup(s), newest first:", nullptr, int(backups.size())));
  list_->setCurrentRow(0);
  restore_->setDefault(true);
}

}  // namespace sw::ui
