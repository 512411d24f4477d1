#include "ui/audio_takes_panel.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

#include "render/audio_takes.h"
#include "ui/project_session.h"
#include "ui/row_commands.h"
#include "ui/scene_commands.h"
#include "ui/ui_format.h"
#include "ui/waveform_cache.h"

namespace sw::ui {

namespace {

constexpr QSize kThumb(128, 40);

// The whole take's peaks squeezed into the thumbnail, mirrored around its middle.
QPixmap waveformThumbnail(const media::Waveform* wave, const QPalette& palette, bool active) {
  QPixmap pixmap(kThumb);
  pixmap.fill(active ? palette.color(QPalette::Highlight).darker(140)
                     : palette.color(QPalette::Dark));
  if (!wave || wave->peaks.empty()) return pixmap;
  QPainter p(&pixmap);
  p.setPen(QPen(QColor(255, 255, 255, 190), 1));
  const double mid = kThumb.height() / 2.0, half = mid - 2;
  const size_t n = wave->peaks.size();
  for (int x = 0; x < kThumb.width(); ++x) {
    const size_t from = n * size_t(x) / size_t(kThumb.width());
    const size_t to = std::max(from + 1, n * size_t(x + 1) / size_t(kThumb.width()));
    float peak = 0;
    for (size_t i = from; i < std::min(to, n); ++i) peak = std::max(peak, wave->peaks[i]);
    const double h = std::max(0.5, double(peak) * half);
    p.drawLine(QPointF(x + 0.5, mid - h), QPointF(x + 0.5, mid + h));
  }
  return pixmap;
}

}  // namespace

AudioTakesPanel::AudioTakesPanel(ProjectSession* session, WaveformCache* waveforms, QWidget* parent)
    : QWidget(parent), session_(session), waveforms_(waveforms) {
  setObjectName(QStringLiteral("audioTakesPanel"));
  auto* layout = new QVBoxLayout(this);
  heading_ = new QLabel;
  heading_->setTextFormat(Qt::RichText);
  heading_->setWordWrap(true);
  layout->addWidget(heading_);
  list_ = new QListWidget;
  list_->setObjectName(QStringLiteral("audioTakeView"));
  list_->setViewMode(QListView::IconMode);
  list_->setIconSize(kThumb);
  list_->setResizeMode(QListView::Adjust);
  list_->setMovement(QListView::Static);
  list_->setWordWrap(true);
  list_->setSpacing(4);
  list_->setMinimumHeight(110);
  list_->setToolTip(tr("Every take of this sound; double-click one to use it."));
  layout->addWidget(list_, 1);
  auto* buttons = new QHBoxLayout;
  use_ = new QPushButton(tr("&Use take"));
  use_->setObjectName(QStringLiteral("useAudioTakeButton"));
  regenerate_ = new QPushButton(tr("&Regenerate…"));
  regenerate_->setObjectName(QStringLiteral("regenerateAudioButton"));
  regenerate_->setToolTip(tr("Make a new take with changed inputs; this one is kept."));
  buttons->addWidget(use_);
  buttons->addWidget(regenerate_);
  buttons->addStretch(1);
  layout->addLayout(buttons);
  connect(use_, &QPushButton::clicked, this, [this] { useTake(list_->currentRow()); });
  connect(list_, &QListWidget::itemDoubleClicked, this,
          [this](QListWidgetItem* item) { useTake(list_->row(item)); });
  connect(list_, &QListWidget::currentRowChanged, this, &AudioTakesPanel::updateButtons);
  connect(regenerate_, &QPushButton::clicked, this,
          [this] { emit regenerateRequested(int(slot_), sceneId_, rowId_); });
  if (waveforms_)
    connect(waveforms_, &WaveformCache::waveformReady, this, &AudioTakesPanel::refreshWaveforms);
  auto reloadFor = [this](qint64 sceneId) {
    if (sceneId_ && session_->resolve(Entity::Scene, sceneId_) == sceneId) load();
  };
  connect(session_, &ProjectSession::sceneChanged, this, reloadFor);
  connect(session_, &ProjectSession::sceneContentChanged, this, reloadFor);
  connect(session_, &ProjectSession::scenesReset, this, &AudioTakesPanel::load);
  load();
}

void AudioTakesPanel::setAudioSlot(Slot slot, model::Id sceneId, model::Id rowId) {
  slot_ = slot;
  sceneId_ = sceneId;
  rowId_ = rowId;
  load();
}

void AudioTakesPanel::load() {
  const model::Id scene = sceneId_ ? session_->resolve(Entity::Scene, sceneId_) : 0;
  const model::Id row =
      rowId_ ? session_->resolve(slot_ == Slot::Sfx ? Entity::SfxCue : Entity::DialogueLine, rowId_)
             : 0;
  // The selection stays on a reload of the same takes; a new take selects the one in use.
  const int current = list_->currentRow(), count = list_->count();
  list_->clear();
  QString what;
  switch (slot_) {
    case Slot::Narration:
      what = tr("Narration");
      break;
    case Slot::Dialogue:
      what = tr("Dialogue line");
      break;
    case Slot::Sfx:
      what = tr("Sound effect");
      break;
    default:
      what = tr("Music");
      break;
  }
  const QList<render::AudioTake> takes =
      scene ? render::audioTakes(session_->store(), slot_, scene, row) : QList<render::AudioTake>{};
  heading_->setText(scene ? tr("<b>%1: %n take(s)</b>", nullptr, int(takes.size())).arg(what)
                          : tr("<b>No sound selected</b>"));
  const bool speech = slot_ == Slot::Narration || slot_ == Slot::Dialogue;
  int activeRow = -1;
  for (int i = 0; i < takes.size(); ++i) {
    const render::AudioTake& t = takes[i];
    QStringList lines{t.active ? tr("Take %1 (in use)").arg(i + 1) : tr("Take %1").arg(i + 1)};
    if (t.asset.provider == QLatin1String("user"))
      lines << t.asset.parameters.value(QStringLiteral("sourceName")).toString();
    else if (t.seed)
      lines << (speech ? tr("take no. %1").arg(*t.seed) : tr("seed %1").arg(*t.seed));
    lines << tr("%1 · %2").arg(formatDuration(t.asset.duration), formatCost(t.asset.cost));
    auto* item = new QListWidgetItem(lines.join(QLatin1Char('\n')));
    item->setData(AssetIdRole, qint64(t.asset.id));
    item->setData(ActiveRole, t.active);
    item->setData(PathRole, t.asset.filePath);
    item->setData(SeedRole, t.seed ? QVariant(*t.seed) : QVariant());
    item->setData(CostRole, t.asset.cost);
    item->setData(Qt::UserRole, t.asset.cacheKey);
    item->setToolTip(
        tr("%1\nprovider %2, model %3")
            .arg(QFileInfo(t.asset.filePath).fileName(), t.asset.provider, t.asset.model));
    if (t.active) {
      QFont bold = item->font();
      bold.setBold(true);
      item->setFont(bold);
      activeRow = i;
    }
    list_->addItem(item);
  }
  list_->setCurrentRow(current >= 0 && count == list_->count() ? current : activeRow);
  refreshWaveforms();
  regenerate_->setEnabled(scene != 0);
  updateButtons();
}

void AudioTakesPanel::refreshWaveforms() {
  for (int i = 0; i < list_->count(); ++i) {
    QListWidgetItem* item = list_->item(i);
    const QString path = item->data(PathRole).toString();
    std::shared_ptr<const media::Waveform> wave;
    if (waveforms_ && !path.isEmpty())
      wave = waveforms_->waveform(item->data(Qt::UserRole).toString(), path);
    item->setIcon(QIcon(waveformThumbnail(wave.get(), palette(), item->data(ActiveRole).toBool())));
    item->setData(Qt::UserRole + 100, wave != nullptr);  // whether the waveform is drawn
  }
}

void AudioTakesPanel::updateButtons() {
  const QListWidgetItem* item = list_->currentItem();
  use_->setEnabled(item && !item->data(ActiveRole).toBool());
}

void AudioTakesPanel::useTake(int row) {
  const QListWidgetItem* item = list_->item(row);
  if (!item || item->data(ActiveRole).toBool()) return;
  const model::Id assetId = item->data(AssetIdRole).toLongLong();
  const auto asset = session_->store().asset(assetId);
  const model::Id scene = session_->resolve(Entity::Scene, sceneId_);
  if (!asset) return;
  const QString text = tr("Use take %1").arg(row + 1);
  QUndoCommand* command = nullptr;
  if (slot_ == Slot::Music || slot_ == Slot::Narration) {
    const auto before = session_->store().scene(scene);
    if (!before) return;
    model::Scene after = *before;
    (slot_ == Slot::Music ? after.musicAssetId : after.narrationAssetId) = assetId;
    // A field per take: two switches are two undo steps, not merged into one.
    command =
        new EditSceneCommand(session_, *before, after, QStringLiteral("takeAsset%1").arg(assetId));
  } else if (slot_ == Slot::Dialogue) {
    for (const model::DialogueLine& line : session_->store().dialogueLines(scene))
      if (line.id == session_->resolve(Entity::DialogueLine, rowId_)) {
        model::DialogueLine after = line;
        after.assetId = assetId;
        command = new EditRowCommand<model::DialogueLine>(
            session_, line, after, QStringLiteral("takeAsset%1").arg(assetId), text);
      }
  } else {
    for (const model::SfxCue& cue : session_->store().sfxCues(scene))
      if (cue.id == session_->resolve(Entity::SfxCue, rowId_)) {
        model::SfxCue after = cue;
        after.assetId = assetId;
        // The user's sound plays as a file; a generated one is made from the description.
        after.file = asset->provider == QLatin1String("user") ? asset->filePath : QString();
        command = new EditRowCommand<model::SfxCue>(
            session_, cue, after, QStringLiteral("takeAsset%1").arg(assetId), text);
      }
  }
  if (!command) return;
  // The take in use now stays listed once another is (it may predate the slot tags).
  if (!session_->write([&] {
        render::tagLinkedAudio(
            session_->store(), slot_, scene,
            session_->resolve(slot_ == Slot::Sfx ? Entity::SfxCue : Entity::DialogueLine, rowId_));
      })) {
    delete command;
    return;
  }
  command->setText(text);
  session_->undoStack()->push(command);
  load();
}

}  // namespace sw::ui
