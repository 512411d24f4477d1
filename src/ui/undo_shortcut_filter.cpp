#include "ui/undo_shortcut_filter.h"

#include <QApplication>
#include <QKeyEvent>
#include <QPlainTextEdit>

namespace sw::ui {

void UndoShortcutFilter::install(QWidget* widget) {
  static UndoShortcutFilter* filter = new UndoShortcutFilter(qApp);
  widget->installEventFilter(filter);
  if (auto* text = qobject_cast<QPlainTextEdit*>(widget)) text->setUndoRedoEnabled(false);
}

bool UndoShortcutFilter::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::ShortcutOverride) {
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
      event->ignore();  // not overridden: the window's Undo / Redo action runs
      return true;
    }
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace sw::ui
