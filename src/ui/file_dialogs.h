// Every file dialog of the app comes from here. Issue 9: a dialog that lists a project folder
// must not open project.db or its -wal/-shm (closing any descriptor of them drops the store's
// POSIX locks, and another process may then delete the WAL under the running GUI). So these
// dialogs are Qt's own widgets (never a native or portal dialog, which may sniff the files in
// another process of ours or in this one), with icons and types by name only, database files
// hidden and refused, and a start folder outside the project folder.
#pragma once

#include <QString>
#include <functional>

class QFileDialog;
class QWidget;

namespace sw::ui {

// Project: a folder dialog for NAME.scenewright project folders. Entering a project folder (a
// double-click or Enter on it in the list) chooses it instead of listing its contents, and the
// path given to `chosen` is the project folder holding the choice (model::enclosingProjectFolder),
// so picking a folder inside a project picks the project.
enum class FileDialogMode { OpenFile, SaveFile, Folder, Project };

// Where a dialog starts when the place it would naturally show is inside a project folder.
enum class ProjectFallback {
  BesideProject,  // the folder holding the project (scripts, other projects, new projects)
  Exports,        // the project's exports/ folder, which holds no database files (outputs)
};

struct FileDialogRequest {
  FileDialogMode mode = FileDialogMode::OpenFile;
  QString title;
  QString start;   // a folder, or a file path whose name is preselected
  QString filter;  // name filters, ";;"-separated; empty for a folder dialog
  ProjectFallback fallback = ProjectFallback::BesideProject;
};

// Opens the dialog window-modal on `parent` and returns at once (the event loop keeps running);
// `chosen` gets the accepted path and is never called on cancel. The dialog deletes itself
// when closed; it is a child of `parent`, so it never outlives it.
QFileDialog* openFileDialog(QWidget* parent, const FileDialogRequest& request,
                            std::function<void(const QString& path)> chosen);

// `wanted` when it is in no project folder; else the fallback folder (exports/ is created when
// missing), keeping the file name `wanted` ends in. A folder that does not exist yet is
// replaced by its nearest existing ancestor. Stat only.
QString dialogStartPath(const QString& wanted, ProjectFallback fallback);

}  // namespace sw::ui
