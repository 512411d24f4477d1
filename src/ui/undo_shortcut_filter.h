// Lets Ctrl+Z / Ctrl+Shift+Z reach the window's undo stack while a text field has the focus
// (line and text edits otherwise take the shortcut for their own per-field undo). Every edit is
// already a command on the project's undo stack, so one history is the right one.
#pragma once

#include <QObject>

namespace sw::ui {

class UndoShortcutFilter : public QObject {
  Q_OBJECT
 public:
  using QObject::QObject;
  // Installs the filter on `widget` (and turns off QPlainTextEdit's own undo).
  static void install(QWidget* widget);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace sw::ui
