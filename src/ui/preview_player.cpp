#include "ui/preview_player.h"

#include <QApplication>
#include <QAudioOutput>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QMenu>
#include <QPainter>
#include <QPalette>
#include <QSlider>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QVideoWidget>
#include <QWindow>
#include <cmath>

#include "ui/elided_label.h"
#include "ui/thumbnail_loader.h"
#include "ui/ui_format.h"

namespace sw::ui {

namespace {
constexpr int kPosterHeight = 360;
constexpr double kMaxShuttle = 4.0;
}  // namespace

PreviewPlayer::PreviewPlayer(QWidget* parent)
    : QWidget(parent),
      player_(new QMediaPlayer(this)),
      audio_(new QAudioOutput(this)),
      video_(new QVideoWidget),
      screen_(new QStackedWidget),
      poster_(new QLabel),
      title_(new ElidedLabel),
      time_(new QLabel),
      scrub_(new QSlider(Qt::Horizontal)),
      volume_(new QSlider(Qt::Horizontal)),
      reverse_(new QTimer(this)) {
  player_->setAudioOutput(audio_);
  player_->setVideoOutput(video_);
  video_->setMinimumSize(240, 135);
  video_->setAspectRatioMode(Qt::KeepAspectRatio);
  QPalette dark = video_->palette();
  dark.setColor(QPalette::Window, Qt::black);
  video_->setPalette(dark);
  video_->setAutoFillBackground(true);
  // The picture is drawn in a window of its own: it must not take the keyboard focus from the
  // player and the timeline when it appears, or their transport keys stop working.
  // When it is shown it becomes the focus window: the focus goes back where it was.
  video_->setFocusPolicy(Qt::NoFocus);
  connect(qApp, &QApplication::focusChanged, this, [this](QWidget* old, QWidget* now) {
    if (now)
      lastFocus_ = now;
    else if (old)
      lastFocus_ = old;
  });
  connect(qApp, &QGuiApplication::focusWindowChanged, this, [this](QWindow* focus) {
    if (!focus || !focus->inherits("QVideoWindow") || !isVisible()) return;
    window()->activateWindow();
    if (lastFocus_) lastFocus_->setFocus(Qt::OtherFocusReason);
  });
  poster_->setObjectName(QStringLiteral("posterFrame"));
  poster_->setAlignment(Qt::AlignCenter);
  poster_->setPalette(dark);
  poster_->setAutoFillBackground(true);
  poster_->setSizePolicy(QSizePolicy::Ignored,
                         QSizePolicy::Ignored);  // the pixmap follows the size
  screen_->addWidget(video_);
  screen_->addWidget(poster_);
  title_->setTextFormat(Qt::PlainText);
  time_->setObjectName(QStringLiteral("timecode"));
  time_->setToolTip(tr("Scene time (hours:minutes:seconds:frames) / scene length"));
  volume_->setRange(0, 100);
  volume_->setValue(80);
  volume_->setMaximumWidth(90);
  scrub_->setMinimumWidth(120);  // a usable track even when the docks leave the preview narrow
  volume_->setToolTip(tr("Volume"));
  audio_->setVolume(0.8f);
  // The keyboard drives the transport (transport_actions.h): a click gives the player the
  // focus, its sliders and buttons take none (a focused slider would eat Home/End and arrows).
  setFocusPolicy(Qt::ClickFocus);
  scrub_->setFocusPolicy(Qt::NoFocus);
  volume_->setFocusPolicy(Qt::NoFocus);

  play_ = tool(QStringLiteral("media-playback-start"), tr("Play"), tr("Play / pause (Space)"));
  play_->setObjectName(QStringLiteral("playButton"));
  back_ = tool(QStringLiteral("media-skip-backward"), tr("◀|"), tr("One frame back (Left)"));
  forward_ = tool(QStringLiteral("media-skip-forward"), tr("|▶"), tr("One frame forward (Right)"));
  back_->setIcon(paletteIcon(QStyle::SP_MediaSeekBackward));
  forward_->setIcon(paletteIcon(QStyle::SP_MediaSeekForward));
  connect(play_, &QToolButton::clicked, this, &PreviewPlayer::togglePlay);
  connect(back_, &QToolButton::clicked, this, [this] { stepFrames(-1); });
  connect(forward_, &QToolButton::clicked, this, [this] { stepFrames(1); });
  connect(scrub_, &QSlider::sliderMoved, this, [this](int ms) {
    pause();
    setPosition(ms / 1000.0);
  });
  connect(volume_, &QSlider::valueChanged, this,
          [this](int v) { audio_->setVolume(float(v) / 100.0f); });
  connect(player_, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
    if (current_ >= 0 && loadedFile_ == currentFile() && lengths_.value(current_) <= 0 && ms > 0)
      lengths_[current_] = ms / 1000.0;
    updateTime();
  });
  connect(player_, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
    // While paused the requested position stands (the backend reports it rounded to ms).
    if (!playing_ || current_ < 0 || loadedFile_ != currentFile() || offset(current_) < 0) return;
    position_ = offset(current_) + ms / 1000.0;
    updateTime();
  });
  connect(player_, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus s) {
    if ((s == QMediaPlayer::LoadedMedia || s == QMediaPlayer::BufferedMedia) &&
        pendingSeekMs_ >= 0) {
      player_->setPosition(pendingSeekMs_);
      pendingSeekMs_ = -1;
    }
    if (s == QMediaPlayer::EndOfMedia) next();
  });
  connect(player_, &QMediaPlayer::errorOccurred, this,
          [this](QMediaPlayer::Error, const QString& text) {
            title_->setText(tr("Cannot play: %1").arg(text));
          });
  connect(reverse_, &QTimer::timeout, this, &PreviewPlayer::reverseTick);

  asRendered_ = new QToolButton;
  asRendered_->setObjectName(QStringLiteral("asRenderedButton"));
  asRendered_->setText(tr("As rendered"));
  asRendered_->setCheckable(true);
  asRendered_->setFocusPolicy(Qt::NoFocus);
  asRendered_->setPopupMode(QToolButton::MenuButtonPopup);
  asRendered_->setToolTip(
      tr("Play the scene as it will render: trims and joins applied, the chosen audio tracks "
         "mixed (a fast 480p re-stitch of the cached assets; nothing is generated). The arrow "
         "chooses the tracks."));
  auto* trackMenu = new QMenu(asRendered_);
  for (const QString& name : {tr("Narration"), tr("Dialogue"), tr("Music"), tr("Sound effects")}) {
    QAction* a = trackMenu->addAction(name);
    a->setCheckable(true);
    a->setChecked(true);
    connect(a, &QAction::toggled, this, [this] {
      if (asRendered()) emit asRenderedChanged(true);
    });
    tracks_.append(a);
  }
  asRendered_->setMenu(trackMenu);
  connect(asRendered_, &QToolButton::toggled, this, &PreviewPlayer::asRenderedChanged);

  auto* controls = new QHBoxLayout;
  controls->addWidget(back_);
  controls->addWidget(play_);
  controls->addWidget(forward_);
  controls->addWidget(scrub_, 1);
  controls->addWidget(time_);
  controls->addWidget(volume_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  auto* header = new QHBoxLayout;
  header->addWidget(title_, 1);
  header->addWidget(asRendered_);
  layout->addLayout(header);
  layout->addWidget(screen_, 1);
  layout->addLayout(controls);
  clear(tr("Nothing to preview yet."));
}

bool PreviewPlayer::asRendered() const { return asRendered_->isChecked(); }

void PreviewPlayer::setAsRendered(bool on) { asRendered_->setChecked(on); }

QToolButton* PreviewPlayer::tool(const QString& icon, const QString& text, const QString& tip) {
  auto* button = new QToolButton;
  button->setIcon(QIcon::fromTheme(icon));
  button->setText(text);
  button->setToolTip(tip);
  button->setAutoRaise(true);
  button->setFocusPolicy(Qt::NoFocus);
  return button;
}

void PreviewPlayer::setSequence(const QStringList& files, const QString& title) {
  QList<PreviewItem> items;
  for (const QString& file : files) items.append({file, 0.0});
  setSequence(items, title);
}

void PreviewPlayer::setSequence(const QList<PreviewItem>& items, const QString& title,
                                double sceneStart) {
  pause();
  files_.clear();
  lengths_.clear();
  for (const PreviewItem& item : items) {
    files_.append(item.file);
    lengths_.append(std::max(0.0, item.seconds));
  }
  sceneStart_ = sceneStart;
  position_ = 0.0;
  pendingSeekMs_ = -1;
  title_->setText(title);
  load(files_.isEmpty() ? -1 : 0);
  posterPixmap_ = QPixmap();
  requestPoster();
  updateButtons();
  updateTime();
}

void PreviewPlayer::setThumbnailLoader(ThumbnailLoader* loader) {
  thumbnails_ = loader;
  connect(loader, &ThumbnailLoader::thumbnailReady, this, [this](const QString& path) {
    if (!files_.isEmpty() && path == files_.first() && posterPixmap_.isNull()) requestPoster();
  });
  requestPoster();
}

// The first frame of the sequence, shown until playback starts (black until it is decoded, or
// when it cannot be read: never the picture of the file shown before).
void PreviewPlayer::requestPoster() {
  if (thumbnails_ && !files_.isEmpty() && posterPixmap_.isNull())
    posterPixmap_ = thumbnails_->thumbnail(files_.first(), 0.0, kPosterHeight);
  if (playing_) return showVideo();
  poster_->setPixmap(
      posterPixmap_.isNull()
          ? QPixmap()
          : posterPixmap_.scaled(screen_->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
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

void PreviewPlayer::clear(const QString& message) { setSequence(QList<PreviewItem>{}, message); }

void PreviewPlayer::load(int item) {
  current_ = item;
  if (item < 0 || item >= files_.size()) {
    current_ = -1;
    if (!loadedFile_.isEmpty()) {
      player_->stop();
      player_->setSource(QUrl());
      loadedFile_.clear();
    }
    return;
  }
  if (playing_) {
    ensureLoaded();
    player_->play();
  }
}

bool PreviewPlayer::ensureLoaded() {
  const QString file = files_.value(current_);
  if (file.isEmpty() || file == loadedFile_) return false;
  loadedFile_ = file;
  player_->setSource(QUrl::fromLocalFile(file));
  return true;
}

double PreviewPlayer::offset(int item) const {
  double start = 0.0;
  for (int i = 0; i < item; ++i) {
    if (lengths_.value(i) <= 0) return -1.0;
    start += lengths_.at(i);
  }
  return start;
}

double PreviewPlayer::duration() const {
  double total = 0.0;
  for (double seconds : lengths_) total += seconds;
  return total;
}

double PreviewPlayer::position() const { return sceneStart_ + position_; }

void PreviewPlayer::next() {
  if (current_ < 0) return;
  if (current_ + 1 < files_.size() && playing_) {
    if (lengths_[current_] <= 0) lengths_[current_] = player_->duration() / 1000.0;
    load(current_ + 1);
    position_ = std::max(0.0, offset(current_));
    updateTime();
    return;
  }
  pause();  // end of the sequence: back to the start, paused
  position_ = 0.0;
  load(files_.isEmpty() ? -1 : 0);
  updateButtons();
  updateTime();
}

bool PreviewPlayer::isPlaying() const { return playing_; }

void PreviewPlayer::togglePlay() {
  if (current_ < 0) return;
  if (playing_) return pause();
  reverse_->stop();
  playing_ = true;
  shuttle_ = 1.0;
  showVideo();
  ensureLoaded();
  player_->setPlaybackRate(1.0);
  player_->play();
  updateButtons();
}

void PreviewPlayer::pause() {
  reverse_->stop();
  const bool was = playing_;
  playing_ = false;
  shuttle_ = 0.0;
  if (was) player_->pause();
  player_->setPlaybackRate(1.0);
  updateButtons();
}

void PreviewPlayer::shuttleForward() {
  if (current_ < 0) return;
  reverse_->stop();
  shuttle_ = shuttle_ <= 0 ? 1.0 : std::min(kMaxShuttle, shuttle_ * 2);
  playing_ = true;
  showVideo();
  ensureLoaded();
  player_->setPlaybackRate(shuttle_);
  player_->play();
  updateButtons();
}

void PreviewPlayer::shuttleBackward() {
  if (current_ < 0) return;
  const double rate = shuttle_ >= 0 ? -1.0 : std::max(-kMaxShuttle, shuttle_ * 2);
  pause();
  shuttle_ = rate;
  showVideo();
  reverse_->start(std::max(1, int(std::lround(1000.0 / fps_))));
  updateButtons();
}

void PreviewPlayer::reverseTick() {
  const double target = position_ + shuttle_ * frame();
  if (target <= 0) {
    pause();
    return setPosition(0.0);
  }
  setPosition(target);
}

void PreviewPlayer::setFrameRate(double fps) {
  fps_ = fps > 0 ? fps : 24.0;
  updateTime();
}

void PreviewPlayer::setPosition(double seconds) {
  if (current_ < 0) return;
  const double total = duration();
  seconds = std::max(0.0, seconds);
  if (total > 0) seconds = std::min(seconds, total);
  int item = 0;
  for (int i = 1; i < files_.size(); ++i) {
    const double start = offset(i);
    if (start < 0 || start > seconds + 1e-9) break;
    item = i;
  }
  showVideo();
  const qint64 ms = std::llround((seconds - std::max(0.0, offset(item))) * 1000.0);
  if (item != current_) load(item);
  if (ensureLoaded()) pendingSeekMs_ = ms;  // applied when the file has loaded
  player_->setPosition(ms);
  position_ = seconds;
  updateTime();
}

void PreviewPlayer::seek(double sceneSeconds) { setPosition(sceneSeconds - sceneStart_); }

void PreviewPlayer::stepFrames(int frames) {
  if (current_ < 0) return;
  pause();
  double f = std::max(0.0, std::round(position_ * fps_) + frames);
  if (duration() > 0) f = std::min(f, std::max(0.0, std::round(duration() * fps_) - 1));
  setPosition(f / fps_);
}

void PreviewPlayer::goToStart() {
  pause();
  setPosition(0.0);
}

void PreviewPlayer::goToEnd() {
  pause();
  setPosition(std::max(0.0, std::round(duration() * fps_) - 1) / fps_);
}

void PreviewPlayer::previousSeam() {
  pause();
  double seam = 0.0;
  for (int i = 1; i < files_.size(); ++i) {
    const double start = offset(i);
    if (start >= 0 && start < position_ - frame() / 2) seam = start;
  }
  setPosition(seam);
}

void PreviewPlayer::nextSeam() {
  pause();
  for (int i = 1; i < files_.size(); ++i) {
    const double start = offset(i);
    if (start >= 0 && start > position_ + frame() / 2) return setPosition(start);
  }
  goToEnd();
}

void PreviewPlayer::updateTime() {
  const double total = duration();
  scrub_->setRange(0, int(std::lround(total * 1000)));
  if (!scrub_->isSliderDown()) scrub_->setValue(int(std::lround(position_ * 1000)));
  time_->setText(tr("%1 / %2").arg(formatTimecode(position(), fps_),
                                   formatTimecode(sceneStart_ + total, fps_)));
  if (current_ >= 0) emit sequencePositionChanged(position());
}

void PreviewPlayer::updateButtons() {
  const bool any = current_ >= 0;
  play_->setEnabled(any);
  scrub_->setEnabled(any);
  play_->setIcon(paletteIcon(playing_ ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  play_->setText(playing_ ? tr("Pause") : tr("Play"));
}

// The style's media icon recoloured to the palette's button text (enabled and disabled), so it
// reads in a dark theme too (Fusion's own media icons are dark).
QIcon PreviewPlayer::paletteIcon(int standardPixmap) const {
  const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
  const qreal ratio = devicePixelRatioF();
  const QPixmap shape = style()
                            ->standardIcon(QStyle::StandardPixmap(standardPixmap), nullptr, this)
                            .pixmap(QSize(size, size), ratio);
  QIcon icon;
  for (const auto& [mode, group] : {std::pair{QIcon::Normal, QPalette::Active},
                                    std::pair{QIcon::Disabled, QPalette::Disabled}}) {
    QPixmap tinted = shape;
    QPainter p(&tinted);
    p.setCompositionMode(QPainter::CompositionMode_SourceIn);
    p.fillRect(QRect(QPoint(0, 0), tinted.size()), palette().color(group, QPalette::ButtonText));
    p.end();
    icon.addPixmap(tinted, mode);
  }
  return icon;
}

void PreviewPlayer::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (!back_ || (event->type() != QEvent::PaletteChange && event->type() != QEvent::StyleChange))
    return;
  back_->setIcon(paletteIcon(QStyle::SP_MediaSeekBackward));
  forward_->setIcon(paletteIcon(QStyle::SP_MediaSeekForward));
  updateButtons();
}

}  // namespace sw::ui
