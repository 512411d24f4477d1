// The Help menu's windows. The keyboard shortcuts are read from the window's actions when the
// dialog opens (menu by menu, then any other action with a shortcut), so the list is never out of
// date. The user guide is README.md with its screenshots, embedded in the binary (qrc
// :/scenewright/guide/), so an installed build shows it too; web links open in the browser.
#pragma once

#include <QDialog>

class QMainWindow;
class QMenu;
class QTextBrowser;
class QTreeWidget;

namespace sw::ui {

// One row per shortcut: the menu path ("View ▸ Playback"), the action's text, its keys.
struct ShortcutRow {
  QString menu;
  QString action;
  QString keys;  // QKeySequence::NativeText, several joined by ", "
};
QList<ShortcutRow> collectShortcuts(QMainWindow* window);

class ShortcutsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit ShortcutsDialog(QMainWindow* window);
  QTreeWidget* table() const { return table_; }

 private:
  QTreeWidget* table_;
};

class UserGuideDialog : public QDialog {
  Q_OBJECT
 public:
  static constexpr const char* kSource = "qrc:/scenewright/guide/README.md";
  explicit UserGuideDialog(QWidget* parent);
  QTextBrowser* browser() const { return browser_; }

 private:
  QTextBrowser* browser_;
};

// Adds "Keyboard Shortcuts" and "User Guide" (actions actionShortcuts, actionUserGuide) to
// `help`; each opens its dialog (one at a time, not modal).
void addHelpActions(QMainWindow* window, QMenu* help);

}  // namespace sw::ui
