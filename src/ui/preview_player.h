// Preview of the selected chunk, of the scene's chunks in sequence (no render needed), or of
// the last render: play/pause, scrub, frame step and volume. Until playback starts it shows the
// first frame as a poster (decoded in the background by the ThumbnailLoader).
//
// A file is handed to QMediaPlayer only when its picture or sound is asked for (play, a seek, a
// frame step): the GStreamer backend prerolls a new source on the calling thread (20-60 ms on
// 2 busy cores), so selecting scenes and chunks only shows the poster and never waits for it.
//
// Transport works in scene time: the sequence's items have known lengths, so a seek anywhere in
// the scene loads the right file and position; frame steps use the scene's frame rate; the
// seams are the starts of the items. J/K/L shuttle: L plays forward at 1x, 2x, 4x; K pauses;
// J runs backward at 1x, 2x, 4x by seeking back one step per frame interval (QMediaPlayer
// cannot play in reverse: the picture follows each seek, the sound is silent).
#pragma once

#include <QList>
#include <QPixmap>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QAction;
class QAudioOutput;
class QLabel;
class QMediaPlayer;
class QSlider;
class QStackedWidget;
class QTimer;
class QToolButton;
class QVideoWidget;

namespace sw::ui {

class ElidedLabel;
class ThumbnailLoader;

struct PreviewItem {
  QString file;
  double seconds = 0.0;  // its length (0: learnt when it has been played)
};

class PreviewPlayer : public QWidget {
  Q_OBJECT
 public:
  explicit PreviewPlayer(QWidget* parent = nullptr);
  void setThumbnailLoader(ThumbnailLoader* loader);  // for the poster frame

  // Plays the items one after another as one programme; `title` says what it is; the first
  // item starts at `sceneStart` seconds of the scene (the time display shows scene time).
  void setSequence(const QList<PreviewItem>& items, const QString& title, double sceneStart = 0.0);
  void setSequence(const QStringList& files, const QString& title);
  void setFile(const QString& file, const QString& title) { setSequence({file}, title); }
  void clear(const QString& message);
  QStringList sequence() const { return files_; }
  QMediaPlayer* player() const { return player_; }
  // The file the transport is on ("" when the sequence is empty); the player loads it on demand.
  QString currentFile() const { return files_.value(current_); }
  QToolButton* playButton() const { return play_; }
  // "As rendered": checked, the scene plays from its preview render (scene_preview_render.h)
  // instead of its chunks in sequence; its menu chooses the audio tracks mixed.
  QToolButton* asRenderedButton() const { return asRendered_; }
  bool asRendered() const;
  void setAsRendered(bool on);
  // The tracks chosen in the button's menu, in the order narration, dialogue, music, SFX.
  QList<QAction*> trackActions() const { return tracks_; }
  QLabel* timeLabel() const { return time_; }
  bool showsPoster() const;

  void setFrameRate(double fps);  // the scene's (measured) frame rate
  double frameRate() const { return fps_; }
  double position() const;  // scene seconds
  double sceneStart() const { return sceneStart_; }
  double duration() const;                         // seconds of the whole sequence (known items)
  double shuttleRate() const { return shuttle_; }  // <0 backward, 0 paused, >0 forward

  bool isPlaying() const;
  void togglePlay();
  void pause();
  void seek(double sceneSeconds);
  void stepFrames(int frames);
  void goToStart();
  void goToEnd();  // the last frame
  void previousSeam();
  void nextSeam();
  void shuttleForward();   // L
  void shuttleBackward();  // J
  void next();

 Q_SIGNALS:
  // Position in the scene, for the timeline's playhead.
  void sequencePositionChanged(double seconds);
  // "As rendered" switched, or its tracks changed while it is on.
  void asRenderedChanged(bool on);

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;  // icons in the new palette's text colour

 private:
  void load(int item);
  bool ensureLoaded();  // hands the current file to the player; true when it was not loaded yet
  void requestPoster();
  void showVideo();
  void updateTime();
  void updateButtons();
  QIcon paletteIcon(int standardPixmap) const;
  void reverseTick();
  void setPosition(double sequenceSeconds);  // from the sequence's start
  double offset(int item) const;             // start of `item` in the sequence (-1: unknown)
  double frame() const { return 1.0 / fps_; }
  QToolButton* tool(const QString& icon, const QString& text, const QString& tip);

  QMediaPlayer* player_;
  QString loadedFile_;  // the file the player has ("" none)
  QAudioOutput* audio_;
  QVideoWidget* video_;
  QStackedWidget* screen_;
  QLabel* poster_;
  QPixmap posterPixmap_;
  ThumbnailLoader* thumbnails_ = nullptr;
  ElidedLabel* title_;
  QLabel* time_;
  QSlider* scrub_;
  QSlider* volume_;
  QToolButton* play_ = nullptr;
  QToolButton* back_ = nullptr;
  QToolButton* forward_ = nullptr;
  QToolButton* asRendered_;
  QList<QAction*> tracks_;
  QTimer* reverse_;
  QPointer<QWidget> lastFocus_;  // given back when the video's own window takes the focus
  QStringList files_;
  QList<double> lengths_;  // seconds of each item (0: unknown until played)
  double sceneStart_ = 0.0;
  double fps_ = 24.0;
  double position_ = 0.0;      // sequence seconds: the requested or the played position
  qint64 pendingSeekMs_ = -1;  // applied once the item's media has loaded
  double shuttle_ = 0.0;
  int current_ = -1;
  bool playing_ = false;
};

}  // namespace sw::ui
