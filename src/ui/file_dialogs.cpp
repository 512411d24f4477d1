#include "ui/file_dialogs.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTimer>

#include "model/project_files.h"
#include "ui/name_only_icon_provider.h"

namespace sw::ui {

namespace {

// One provider for every dialog: it holds no per-dialog state and must outlive their models.
NameOnlyIconProvider& iconProvider() {
  static NameOnlyIconProvider provider;
  return provider;
}

// Hides SQLite's files from the views (a user has no business picking them); folders stay.
class DatabaseFileFilter final : public QSortFilterProxyModel {
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;

 protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
    const auto* files = qobject_cast<const QFileSystemModel*>(sourceModel());
    const QModelIndex index = sourceModel()->index(row, 0, parent);
    return !files || files->isDir(index) || !model::isDatabaseFile(files->fileName(index));
  }
};

// Refuses a database file typed into the name field: nothing but SQLite may open it.
class GuardedFileDialog final : public QFileDialog {
 public:
  using QFileDialog::QFileDialog;

 protected:
  void accept() override {
    for (const QString& path : selectedFiles()) {
      if (!model::isDatabaseFile(path) || QFileInfo(path).isDir()) continue;
      auto* box = new QMessageBox(
          QMessageBox::Warning, windowTitle(),
          QCoreApplication::translate("sw::ui::FileDialogs",
                                      "%1 is a database file that only Scenewright's store may "
                                      "open. Choose another file.")
              .arg(QFileInfo(path).fileName()),
          QMessageBox::Ok, this);
      box->setAttribute(Qt::WA_DeleteOnClose);
      box->open();
      return;
    }
    QFileDialog::accept();
  }
};

QString existingFolder(QString folder) {
  while (!QFileInfo(folder).isDir()) {
    const QString parent = QFileInfo(folder).absolutePath();
    if (parent == folder) return QDir::homePath();
    folder = parent;
  }
  return folder;
}

}  // namespace

QString dialogStartPath(const QString& wanted, ProjectFallback fallback) {
  const QString path =
      wanted.isEmpty() ? QDir::homePath() : QDir::cleanPath(QFileInfo(wanted).absoluteFilePath());
  const bool isFolder = QFileInfo(path).isDir();
  const QString name = isFolder ? QString() : QFileInfo(path).fileName();
  QString folder = existingFolder(isFolder ? path : QFileInfo(path).absolutePath());
  const QString project = model::enclosingProjectFolder(folder);
  if (!project.isEmpty()) {
    const QString exports = QDir(project).filePath(QStringLiteral("exports"));
    const bool inExports = folder == exports || folder.startsWith(exports + QLatin1Char('/'));
    if (fallback == ProjectFallback::BesideProject)
      folder = QFileInfo(project).absolutePath();
    else if (!inExports)
      folder = QDir().mkpath(exports) ? exports : QFileInfo(project).absolutePath();
  }
  return name.isEmpty() ? folder : QDir(folder).filePath(name);
}

QFileDialog* openFileDialog(QWidget* parent, const FileDialogRequest& request,
                            std::function<void(const QString& path)> chosen) {
  const QString start = dialogStartPath(request.start, request.fallback);
  const bool startIsFolder = QFileInfo(start).isDir();
  // Constructed in its start folder: it never lists the last folder any dialog visited first.
  auto* dialog = new GuardedFileDialog(parent, request.title,
                                       startIsFolder ? start : QFileInfo(start).absolutePath());
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setOptions(QFileDialog::DontUseNativeDialog | QFileDialog::DontResolveSymlinks |
                     QFileDialog::DontUseCustomDirectoryIcons);
  dialog->setIconProvider(&iconProvider());  // before anything is listed
  dialog->setProxyModel(new DatabaseFileFilter(dialog));
  switch (request.mode) {
    case FileDialogMode::OpenFile:
      dialog->setAcceptMode(QFileDialog::AcceptOpen);
      dialog->setFileMode(QFileDialog::ExistingFile);
      break;
    case FileDialogMode::SaveFile:
      dialog->setAcceptMode(QFileDialog::AcceptSave);
      dialog->setFileMode(QFileDialog::AnyFile);
      break;
    case FileDialogMode::Folder:
    case FileDialogMode::Project:
      dialog->setAcceptMode(QFileDialog::AcceptOpen);
      dialog->setFileMode(QFileDialog::Directory);
      dialog->setOption(QFileDialog::ShowDirsOnly);
      break;
  }
  const bool project = request.mode == FileDialogMode::Project;
  if (project) {
    dialog->setLabelText(QFileDialog::Accept,
                         QCoreApplication::translate("sw::ui::FileDialogs", "&Open"));
    // Entered a project folder: that is the choice (a project is opened, not browsed).
    QObject::connect(dialog, &QFileDialog::directoryEntered, dialog, [dialog](const QString& dir) {
      if (model::enclosingProjectFolder(dir).isEmpty()) return;
      QTimer::singleShot(0, dialog, [dialog] {
        if (dialog->isVisible()) static_cast<QDialog*>(dialog)->accept();  // the guarded accept()
      });
    });
  }
  if (!request.filter.isEmpty()) dialog->setNameFilter(request.filter);
  if (!startIsFolder) dialog->selectFile(QFileInfo(start).fileName());
  QObject::connect(dialog, &QDialog::accepted, dialog,
                   [dialog, project, chosen = std::move(chosen)] {
                     QString path = dialog->selectedFiles().value(0);
                     if (project && !model::enclosingProjectFolder(path).isEmpty())
                       path = model::enclosingProjectFolder(path);
                     if (!path.isEmpty() && chosen) chosen(path);
                   });
  dialog->open();
  return dialog;
}

}  // namespace sw::ui
