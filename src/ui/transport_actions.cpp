#include "ui/transport_actions.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

#include "ui/preview_player.h"

namespace sw::ui {

namespace {
bool typingInTextField() {
  QWidget* focus = QApplication::focusWidget();
  return qobject_cast<QLineEdit*>(focus) || qobject_cast<QPlainTextEdit*>(focus) ||
         qobject_cast<QTextEdit*>(focus) || qobject_cast<QAbstractSpinBox*>(focus);
}
}  // namespace

QList<QAction*> createTransportActions(QObject* owner, std::function<PreviewPlayer*()> player) {
  struct Spec {
    const char* name;
    QString text;
    Qt::Key key;
    void (PreviewPlayer::*slot)();
  };
  const QList<Spec> specs = {
      {"actionShuttleBackward", QObject::tr("Play &Backward (J, again: faster)"), Qt::Key_J,
       &PreviewPlayer::shuttleBackward},
      {"actionPause", QObject::tr("Pa&use (K)"), Qt::Key_K, &PreviewPlayer::pause},
      {"actionShuttleForward", QObject::tr("Play &Forward (L, again: faster)"), Qt::Key_L,
       &PreviewPlayer::shuttleForward},
      {"actionFrameBack", QObject::tr("One Frame Bac&k"), Qt::Key_Left, nullptr},
      {"actionFrameForward", QObject::tr("One Frame For&ward"), Qt::Key_Right, nullptr},
      {"actionGoToStart", QObject::tr("Go to &Start"), Qt::Key_Home, &PreviewPlayer::goToStart},
      {"actionGoToEnd", QObject::tr("Go to &End"), Qt::Key_End, &PreviewPlayer::goToEnd},
      {"actionPreviousSeam", QObject::tr("&Previous Seam"), Qt::Key_Up,
       &PreviewPlayer::previousSeam},
      {"actionNextSeam", QObject::tr("&Next Seam"), Qt::Key_Down, &PreviewPlayer::nextSeam},
  };
  QList<QAction*> actions;
  for (const Spec& spec : specs) {
    auto* a = new QAction(spec.text, owner);
    a->setObjectName(QString::fromLatin1(spec.name));
    a->setShortcut(QKeySequence(spec.key));
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    const int step = spec.key == Qt::Key_Left ? -1 : 1;
    const auto slot = spec.slot;
    QObject::connect(a, &QAction::triggered, owner, [player, slot, step] {
      PreviewPlayer* p = player();
      if (!p || typingInTextField()) return;
      slot ? (p->*slot)() : p->stepFrames(step);
    });
    actions.append(a);
  }
  return actions;
}

}  // namespace sw::ui
