// The preview's keyboard transport, as actions (View > Playback): J/K/L shuttle, Left/Right one
// frame, Home/End, Up/Down to the previous/next seam. They are added to the preview player and
// the timeline with Qt::WidgetWithChildrenShortcut, so they act while one of those has focus and
// never while a text field elsewhere is being typed in.
#pragma once

#include <QList>
#include <functional>

class QAction;
class QObject;

namespace sw::ui {

class PreviewPlayer;

// `player` returns the current preview player (none while no project is open).
QList<QAction*> createTransportActions(QObject* owner, std::function<PreviewPlayer*()> player);

}  // namespace sw::ui
