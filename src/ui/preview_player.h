// Preview of the selected chunk, of the scene's chunks in sequence (no render needed), or of
// the last render: play/pause, scrub, frame step and volume. Until playback starts it shows the
// first frame as a poster (decoded in the background by the ThumbnailLoader).
#pragma once

#include <QPixmap>
#include <QStringList>
#include <QWidget>

class QAudioOutput;
class QLabel;
class QMediaPlayer;
class QSlider;
class QStackedWidget;
class QToolButton;
class QVideoWidget;

namespace sw::ui {

class ThumbnailLoader;

class PreviewPlayer : public QWidget {
  Q_OBJECT
 public:
  explicit PreviewPlayer(QWidget* parent = nullptr);
  void setThumbnailLoader(ThumbnailLoader* loader);  // for the poster frame

  // Plays the files one after another as one programme; `title` says what it is.
  void setSequence(const QStringList& files, const QString& title);
  void setFile(const QString& file, const QString& title) { setSequence({file}, title); }
  void clear(const QString& message);
  QStringList sequence() const { return files_; }
  QMediaPlayer* player() const { return player_; }
  QToolButton* playButton() const { return play_; }
  bool showsPoster() const;

  bool isPlaying() const;
  void togglePlay();
  void stepFrames(int frames);
  void next();

 Q_SIGNALS:
  // Position in the whole sequence, for the timeline's playhead.
  void sequencePositionChanged(double seconds);

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void load(int item);
  void requestPoster();
  void showVideo();
  void updateTime();
  void updateButtons();
  QToolButton* tool(const QString& icon, const QString& text, const QString& tip);

  QMediaPlayer* player_;
  QAudioOutput* audio_;
  QVideoWidget* video_;
  QStackedWidget* screen_;
  QLabel* poster_;
  QPixmap posterPixmap_;
  ThumbnailLoader* thumbnails_ = nullptr;
  QLabel* title_;
  QLabel* time_;
  QSlider* scrub_;
  QSlider* volume_;
  QToolButton* play_;
  QStringList files_;
  QList<qint64> offsetsMs_;  // start of each item in the sequence (known once loaded)
  int current_ = -1;
  bool playing_ = false;
};

}  // namespace sw::ui
