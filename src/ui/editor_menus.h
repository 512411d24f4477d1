// The context menus of the editor: on a chunk (Regenerate through the chunk inspector's own
// Regenerate, Use take, Show in folder, Copy prompt), an audio clip (Copy text, Show in folder, Use
// a File… as a drop does, Delete a dialogue line or SFX cue as one undo step), a take in the
// inspector's list (Use take, Show in folder, Copy prompt) and a scene in the scene list (Render,
// Duplicate, Delete…, Copy prompt, Show project folder). Every action is an existing one of the
// console.
#pragma once

#include <QObject>
#include <functional>

#include "model/types.h"

class QMenu;
class QPoint;
class QWidget;

namespace sw::ui {

class ChunkInspector;
class MainWindow;
class ProjectPane;
class ProjectSession;
class TimelineWidget;

class EditorMenus : public QObject {
  Q_OBJECT
 public:
  EditorMenus(MainWindow* window, ProjectSession* session, TimelineWidget* timeline,
              ChunkInspector* inspector, ProjectPane* pane);

  // How "Show in folder" opens a folder (default: QDesktopServices); tests replace it.
  using Reveal = std::function<void(const QString& file)>;
  static void setReveal(Reveal reveal);

  // Each is a new menu (deleted when closed) owned by the window; shown with popup().
  QMenu* chunkMenu(model::Id chunkId);
  QMenu* clipMenu(int lane, int clip);
  QMenu* takeMenu(int row);
  QMenu* sceneMenu();

 private:
  QMenu* newMenu(const QString& name);
  void keepAsIsAction(QMenu* menu, const model::Chunk& chunk);
  void reveal(const QString& file);
  void copy(const QString& text);

  MainWindow* window_;
  ProjectSession* session_;
  TimelineWidget* timeline_;
  ChunkInspector* inspector_;
  ProjectPane* pane_;
};

}  // namespace sw::ui
