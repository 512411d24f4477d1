// Icons and type names for file dialogs from what stat() and the file name tell, never from the
// content. Qt's own providers ask QMimeDatabase::mimeTypeForFile(), which opens and reads every
// file whose name is not conclusive (project.db, project.db-wal, project.db-shm) on the GUI
// thread while a folder is listed; closing that descriptor drops the store's POSIX locks.
#pragma once

#include <QAbstractFileIconProvider>
#include <QMimeDatabase>

namespace sw::ui {

class NameOnlyIconProvider final : public QAbstractFileIconProvider {
 public:
  NameOnlyIconProvider();

  QIcon icon(IconType type) const override;
  QIcon icon(const QFileInfo& info) const override;
  QString type(const QFileInfo& info) const override;

 private:
  QMimeType mimeTypeOf(const QFileInfo& info) const;  // by the name only

  QMimeDatabase mimes_;
};

}  // namespace sw::ui
