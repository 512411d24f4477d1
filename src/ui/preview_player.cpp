#include "ui/preview_player.h"

#include <QAudioOutput>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QPalette>
#include <QSlider>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QVideoWidget>

#include "ui/thumbnail_loader.h"
#include "ui/ui_format.h"

namespace sw::ui {

namespace {
constexpr qint64 kFrameMs = 40;  // one frame at 25 fps; QMediaPlayer has no frame API
constexpr int kPosterHeight = 360;
}  // namespace

PreviewPlayer::PreviewPlayer(QWidget* parent)
    : QWidget(parent),
      player_(new QMediaPlayer(this)),
      audio_(new QAudioOutput(this)),
      video_(new QVideoWidget),
      screen_(new QStackedWidget),
      poster_(new QLabel),
      title_(new QLabel),
      time_(new QLabel),
      scrub_(new QSlider(Qt::Horizontal)),
      volume_(new QSlider(Qt::Horizontal)) {
  player_->setAudioOutput(audio_);
  player_->setVideoOutput(video_);
  video_->setMinimumSize(240, 135);
  video_->setAspectRatioMode(Qt::KeepAspectRatio);
  QPalette dark = video_->palette();
  dark.setColor(QPalette::Window, Qt::black);
  video_->setPalette(dark);
  video_->setAutoFillBackground(true);
  poster_->setObjectName(QStringLiteral("posterFrame"));
  poster_->setAlignment(Qt::AlignCenter);
  poster_->setPalette(dark);
  poster_->setAutoFillBackground(true);
  poster_->setSizePolicy(QSizePolicy::Ignored,
                         QSizePolicy::Ignored);  // the pixmap follows the size
  screen_->addWidget(video_);
  screen_->addWidget(poster_);
  title_->setTextFormat(Qt::PlainText);
  time_->setText(formatDuration(0));
  volume_->setRange(0, 100);
  volume_->setValue(80);
  volume_->setMaximumWidth(90);
  volume_->setToolTip(tr("Volume"));
  audio_->setVolume(0.8f);

  play_ = tool(QStringLiteral("media-playback-start"), tr("Play"), tr("Play / pause (Space)"));
  play_->setObjectName(QStringLiteral("playButton"));
  auto* back = tool(QStringLiteral("media-skip-backward"), tr("◀|"), tr("One frame back"));
  auto* forward = tool(QStringLiteral("media-skip-forward"), tr("|▶"), tr("One frame forward"));
  back->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
  forward->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
  connect(play_, &QToolButton::clicked, this, &PreviewPlayer::togglePlay);
  connect(back, &QToolButton::clicked, this, [this] { stepFrames(-1); });
  connect(forward, &QToolButton::clicked, this, [this] { stepFrames(1); });
  connect(scrub_, &QSlider::sliderMoved, this, [this](int ms) {
    showVideo();
    player_->setPosition(ms);
  });
  connect(volume_, &QSlider::valueChanged, this,
          [this](int v) { audio_->setVolume(float(v) / 100.0f); });
  connect(player_, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
    scrub_->setRange(0, int(ms));
    updateTime();
  });
  connect(player_, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
    if (!scrub_->isSliderDown()) scrub_->setValue(int(ms));
    updateTime();
  });
  connect(player_, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus s) {
    if (s == QMediaPlayer::EndOfMedia) next();
  });
  connect(player_, &QMediaPlayer::errorOccurred, this,
          [this](QMediaPlayer::Error, const QString& text) {
            title_->setText(tr("Cannot play: %1").arg(text));
          });

  auto* controls = new QHBoxLayout;
  controls->addWidget(back);
  controls->addWidget(play_);
  controls->addWidget(forward);
  controls->addWidget(scrub_, 1);
  controls->addWidget(time_);
  controls->addWidget(volume_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(title_);
  layout->addWidget(screen_, 1);
  layout->addLayout(controls);
  clear(tr("Nothing to preview yet."));
}

QToolButton* PreviewPlayer::tool(const QString& icon, const QString& text, const QString& tip) {
  auto* button = new QToolButton;
  button->setIcon(QIcon::fromTheme(icon));
  button->setText(text);
  button->setToolTip(tip);
  button->setAutoRaise(true);
  return button;
}

void PreviewPlayer::setSequence(const QStringList& files, const QString& title) {
  files_ = files;
  offsetsMs_ = QList<qint64>(files.size(), -1);
  if (!files.isEmpty()) offsetsMs_[0] = 0;
  playing_ = false;
  title_->setText(title);
  load(files.isEmpty() ? -1 : 0);
  posterPixmap_ = QPixmap();
  requestPoster();
  updateButtons();
}

void PreviewPlayer::setThumbnailLoader(ThumbnailLoader* loader) {
  thumbnails_ = loader;
  connect(loader, &ThumbnailLoader::thumbnailReady, this, [this](const QString& path) {
    if (!files_.isEmpty() && path == files_.first() && posterPixmap_.isNull()) requestPoster();
  });
  requestPoster();
}

// The first frame of the sequence, shown until playback starts (black when it cannot be read).
void PreviewPlayer::requestPoster() {
  if (thumbnails_ && !files_.isEmpty() && posterPixmap_.isNull())
    posterPixmap_ = thumbnails_->thumbnail(files_.first(), 0.0, kPosterHeight);
  if (posterPixmap_.isNull() || playing_) return showVideo();
  poster_->setPixmap(
      posterPixmap_.scaled(screen_->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
  screen_->setCurrentWidget(poster_);
}

void PreviewPlayer::showVideo() { screen_->setCurrentWidget(video_); }

bool PreviewPlayer::showsPoster() const { return screen_->currentWidget() == poster_; }

void PreviewPlayer::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (showsPoster())
    poster_->setPixmap(
        posterPixmap_.scaled(screen_->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

void PreviewPlayer::clear(const QString& message) { setSequence({}, message); }

void PreviewPlayer::load(int item) {
  current_ = item;
  if (item < 0 || item >= files_.size()) {
    player_->stop();
    player_->setSource(QUrl());
    return;
  }
  player_->setSource(QUrl::fromLocalFile(files_.at(item)));
  if (playing_) player_->play();
}

void PreviewPlayer::next() {
  if (current_ < 0) return;
  if (current_ + 1 < files_.size()) {
    if (offsetsMs_[current_] >= 0)
      offsetsMs_[current_ + 1] = offsetsMs_[current_] + player_->duration();
    load(current_ + 1);
    return;
  }
  playing_ = false;  // end of the sequence: back to the start, paused
  load(files_.isEmpty() ? -1 : 0);
  updateButtons();
}

bool PreviewPlayer::isPlaying() const { return playing_; }

void PreviewPlayer::togglePlay() {
  if (current_ < 0) return;
  playing_ = !playing_;
  showVideo();
  playing_ ? player_->play() : player_->pause();
  updateButtons();
}

void PreviewPlayer::stepFrames(int frames) {
  if (current_ < 0) return;
  if (playing_) togglePlay();
  showVideo();
  player_->setPosition(
      std::clamp<qint64>(player_->position() + frames * kFrameMs, 0, player_->duration()));
}

void PreviewPlayer::updateTime() {
  const qint64 offset = current_ >= 0 ? std::max<qint64>(0, offsetsMs_.value(current_)) : 0;
  const double seconds = (offset + player_->position()) / 1000.0;
  time_->setText(tr("%1 / %2").arg(formatDuration(player_->position() / 1000.0),
                                   formatDuration(player_->duration() / 1000.0)));
  if (current_ >= 0) emit sequencePositionChanged(seconds);
}

void PreviewPlayer::updateButtons() {
  const bool any = current_ >= 0;
  play_->setEnabled(any);
  scrub_->setEnabled(any);
  play_->setIcon(style()->standardIcon(playing_ ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  play_->setText(playing_ ? tr("Pause") : tr("Play"));
}

}  // namespace sw::ui
