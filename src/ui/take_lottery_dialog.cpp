#include "ui/take_lottery_dialog.h"

#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>
#include <QVideoWidget>

#include "render/regenerate.h"
#include "render/render_estimate.h"
#include "render/render_queue.h"
#include "ui/project_session.h"
#include "ui/row_commands.h"
#include "ui/scene_commands.h"
#include "ui/thumbnail_loader.h"
#include "ui/ui_format.h"

namespace sw::ui {

namespace {
constexpr int kThumbHeight = 90;
constexpr int kColumns = 4;
}  // namespace

TakeLotteryDialog::TakeLotteryDialog(ProjectSession* session, render::RenderQueue* queue,
                                     ThumbnailLoader* thumbnails,
                                     const providers::ModelRegistry* registry,
                                     const providers::BackendSettings& backends, model::Id id,
                                     QWidget* parent, Subject subject)
    : QDialog(parent),
      session_(session),
      queue_(queue),
      thumbnails_(thumbnails),
      registry_(registry),
      backends_(backends),
      chunkId_(subject == Subject::Chunk ? id : 0),
      sceneId_(subject == Subject::Chunk ? 0 : id),
      subject_(subject) {
  setObjectName(QStringLiteral("takeLotteryDialog"));
  auto* layout = new QVBoxLayout(this);
  if (subject_ == Subject::Chunk) {
    const auto chunk = session_->store().chunk(chunkId_);
    position_ = chunk ? chunk->position + 1 : 0;
    sceneId_ = chunk ? chunk->sceneId : 0;
    setWindowTitle(tr("Takes of chunk %1").arg(position_));
    heading_ = new QLabel(tr("<b>Generate several takes of chunk %1 at once</b><br>Each take has "
                             "its own seed; the active take stays until you keep another.")
                              .arg(position_));
  } else {
    setWindowTitle(tr("Reference images"));
    heading_ =
        new QLabel(tr("<b>Generate several reference images at once</b><br>Each has its "
                      "own seed; the image in use stays until you keep another."));
  }
  heading_->setWordWrap(true);
  layout->addWidget(heading_);

  auto* row = new QHBoxLayout;
  row->addWidget(new QLabel(tr("Takes:")));
  count_ = new QSpinBox;
  count_->setObjectName(QStringLiteral("lotteryTakes"));
  count_->setRange(2, 8);
  count_->setValue(4);
  row->addWidget(count_);
  cost_ = new QLabel;
  cost_->setObjectName(QStringLiteral("lotteryCost"));
  row->addWidget(cost_, 1);
  generate_ = new QPushButton;
  generate_->setObjectName(QStringLiteral("lotteryGenerate"));
  generate_->setDefault(true);
  row->addWidget(generate_);
  layout->addLayout(row);

  progress_ = new QProgressBar;
  progress_->setRange(0, 1000);
  progress_->hide();
  layout->addWidget(progress_);
  status_ = new QLabel;
  status_->setWordWrap(true);
  layout->addWidget(status_);

  auto* body = new QHBoxLayout;
  auto* gridHost = new QWidget;
  grid_ = new QGridLayout(gridHost);
  grid_->setContentsMargins(0, 0, 0, 0);
  body->addWidget(gridHost, 3);
  auto* side = new QVBoxLayout;
  playing_ = new QLabel(tr("Press Play under a take to watch it here."));
  playing_->setWordWrap(true);
  side->addWidget(playing_);
  auto* screen = new QFrame;  // dark behind the picture, also before anything plays
  screen->setObjectName(QStringLiteral("lotteryScreen"));
  screen->setStyleSheet(QStringLiteral("#lotteryScreen { background: black; }"));
  auto* screenLayout = new QVBoxLayout(screen);
  screenLayout->setContentsMargins(0, 0, 0, 0);
  video_ = new QVideoWidget;
  video_->setMinimumSize(240, 135);
  screenLayout->addWidget(video_);
  side->addWidget(screen, 1);
  body->addLayout(side, 2);
  layout->addLayout(body, 1);
  player_ = new QMediaPlayer(this);
  player_->setVideoOutput(video_);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);

  connect(count_, &QSpinBox::valueChanged, this, &TakeLotteryDialog::updateEstimate);
  connect(generate_, &QPushButton::clicked, this, &TakeLotteryDialog::start);
  if (queue_) {
    connect(queue_, &render::RenderQueue::jobProgress, this,
            [this](qint64 id, const QString& stage, double percent, double) {
              if (id != job_) return;
              progress_->setValue(int(std::clamp(percent, 0.0, 100.0) * 10));
              status_->setText(stage);
            });
    connect(queue_, &render::RenderQueue::jobFinished, this,
            [this](qint64 id, int status, const QString&, const QString& error) {
              if (id == job_) jobFinished(status, error);
            });
  }
  connect(thumbnails_, &ThumbnailLoader::thumbnailReady, this,
          &TakeLotteryDialog::requestThumbnails);
  connect(session_, &ProjectSession::chunksChanged, this, &TakeLotteryDialog::refreshCells);
  connect(session_, &ProjectSession::sceneChanged, this, &TakeLotteryDialog::refreshCells);
  updateEstimate();
  resize(900, 420);
}

TakeLotteryDialog::~TakeLotteryDialog() { player_->stop(); }

QPushButton* TakeLotteryDialog::keepButton(int cell) const { return cells_.value(cell).keep; }
QPushButton* TakeLotteryDialog::playButton(int cell) const { return cells_.value(cell).play; }
QLabel* TakeLotteryDialog::captionLabel(int cell) const { return cells_.value(cell).caption; }

render::RenderRequest TakeLotteryDialog::lotteryRequest() const {
  if (subject_ == Subject::ReferenceImage)
    return render::regenerateReferenceRequest(session_->resolve(Entity::Scene, sceneId_), {},
                                              count_->value());
  render::RegenerateRequest r;
  r.chunkId = session_->resolve(Entity::Chunk, chunkId_);
  r.takes = count_->value();
  return render::regenerateRequest(r);
}

void TakeLotteryDialog::updateEstimate() {
  const render::RenderRequest request = lotteryRequest();
  const render::TakesEstimate e = render::estimateTakes(
      session_->store(), registry_, render::renderBackends(backends_, request), request);
  if (const auto total = e.totalUsd())
    cost_->setText(tr("Estimated cost: %1 (%2 each)")
                       .arg(formatCost(*total), formatCost(e.perTakeUsd.value_or(0))));
  else
    cost_->setText(tr("Estimated cost: unknown (%1)").arg(e.note));
  generate_->setText(tr("Generate %n takes", nullptr, count_->value()));
  generate_->setToolTip(cost_->text());
}

bool TakeLotteryDialog::start() {
  if (!queue_ || job_) return false;
  job_ = queue_->enqueue(lotteryRequest()).value(0);
  if (!job_) {
    status_->setText(tr("The render queue did not accept the takes."));
    return false;
  }
  generate_->setEnabled(false);
  count_->setEnabled(false);
  progress_->setValue(0);
  progress_->show();
  status_->setText(tr("Generating %n takes…", nullptr, count_->value()));
  return true;
}

void TakeLotteryDialog::jobFinished(int status, const QString& error) {
  progress_->hide();
  const render::RegenerateResult result = render::regenerateOutcome(session_->store(), job_);
  session_->notifyChunksChanged(sceneId_);
  if (subject_ == Subject::ReferenceImage) session_->notifySceneChanged(sceneId_);
  cells_.clear();
  for (const render::RegenerateResult::Take& t : result.takes) {
    const auto asset = session_->store().asset(t.assetId);
    cells_.append({t.takeId, t.assetId, t.seed, t.costUsd, asset ? asset->filePath : QString()});
  }
  // A failed lottery of a chunk still shows the takes it made (they are kept).
  if (cells_.isEmpty() && subject_ == Subject::Chunk)
    for (const model::Take& take : session_->store().takes(chunkId_))
      if (take.created >= session_->store().job(job_)->created) {
        const auto asset = session_->store().asset(take.assetId);
        cells_.append(
            {take.id, take.assetId, take.seed, take.cost, asset ? asset->filePath : QString()});
      }
  buildGrid();
  if (model::JobStatus(status) != model::JobStatus::Completed) {
    status_->setText(tr("Generating the takes failed: %1").arg(error));
    emit failed(error);
  } else {
    status_->setText(
        tr("%n takes ready. Play them, then keep the one you like; the others stay "
           "in the chunk's takes.",
           nullptr, int(cells_.size())));
  }
  emit takesReady(int(cells_.size()));
}

void TakeLotteryDialog::buildGrid() {
  for (int i = 0; i < cells_.size(); ++i) {
    Cell& c = cells_[i];
    auto* frame = new QFrame;
    frame->setFrameShape(QFrame::StyledPanel);
    auto* v = new QVBoxLayout(frame);
    c.thumbnail = new QLabel;
    c.thumbnail->setAlignment(Qt::AlignCenter);
    c.thumbnail->setMinimumSize(kThumbHeight * 16 / 9, kThumbHeight);
    c.thumbnail->setText(tr("Take %1").arg(i + 1));
    c.caption = new QLabel;
    c.caption->setAlignment(Qt::AlignCenter);
    c.play = new QPushButton(tr("Play"));
    c.play->setVisible(subject_ == Subject::Chunk);  // an image has nothing to play
    c.keep = new QPushButton(tr("Keep this take"));
    c.keep->setObjectName(QStringLiteral("keepTake%1").arg(i + 1));
    connect(c.play, &QPushButton::clicked, this, [this, i] { play(i); });
    connect(c.keep, &QPushButton::clicked, this, [this, i] { keep(i); });
    v->addWidget(c.thumbnail);
    v->addWidget(c.caption);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(c.play);
    buttons->addWidget(c.keep);
    v->addLayout(buttons);
    grid_->addWidget(frame, i / kColumns, i % kColumns);
  }
  refreshCells();
  requestThumbnails();
}

void TakeLotteryDialog::refreshCells() {
  const auto chunk = subject_ == Subject::Chunk
                         ? session_->store().chunk(session_->resolve(Entity::Chunk, chunkId_))
                         : std::nullopt;
  const auto scene = session_->store().scene(session_->resolve(Entity::Scene, sceneId_));
  for (const Cell& c : cells_) {
    if (!c.caption) continue;
    std::optional<model::Id> asset;
    if (subject_ == Subject::Chunk) {
      const model::Id take = session_->resolve(Entity::Take, c.takeId);
      for (const model::Take& t : chunk ? session_->store().takes(chunk->id) : QList<model::Take>{})
        if (t.id == take) asset = t.assetId;
    } else if (session_->store().asset(c.assetId)) {
      asset = c.assetId;
    }
    const bool active =
        asset && (subject_ == Subject::Chunk ? chunk && chunk->assetId == asset
                                             : scene && scene->referenceAssetId == asset);
    c.caption->setText(tr("Seed %1 · %2%3")
                           .arg(c.seed)
                           .arg(formatCost(c.cost))
                           .arg(active ? tr(" · active") : QString()));
    c.keep->setEnabled(!active && asset.has_value());
    c.keep->setText(active ? tr("Active take") : tr("Keep this take"));
  }
}

void TakeLotteryDialog::requestThumbnails() {
  for (Cell& c : cells_) {
    if (!c.thumbnail || c.path.isEmpty()) continue;
    const QPixmap pixmap = subject_ == Subject::Chunk
                               ? thumbnails_->thumbnail(c.path, 0.5, kThumbHeight)
                               : QPixmap(c.path).scaledToHeight(kThumbHeight);
    if (!pixmap.isNull()) c.thumbnail->setPixmap(pixmap);
  }
}

void TakeLotteryDialog::play(int cell) {
  const Cell& c = cells_.value(cell);
  if (c.path.isEmpty()) return;
  playing_->setText(tr("Take %1 (seed %2)").arg(cell + 1).arg(c.seed));
  player_->setSource(QUrl::fromLocalFile(c.path));
  player_->play();
}

void TakeLotteryDialog::keep(int cell) {
  const Cell& c = cells_.value(cell);
  if (subject_ == Subject::ReferenceImage) {
    const auto scene = session_->store().scene(session_->resolve(Entity::Scene, sceneId_));
    if (!scene || !c.assetId) return;
    model::Scene after = *scene;
    after.referenceAssetId = c.assetId;
    session_->undoStack()->push(
        new EditSceneCommand(session_, *scene, after, QStringLiteral("referenceAssetId")));
    refreshCells();
    return;
  }
  const auto chunk = session_->store().chunk(session_->resolve(Entity::Chunk, chunkId_));
  if (!chunk || !c.takeId) return;
  session_->undoStack()->push(
      new SetActiveTakeCommand(session_, *chunk, c.takeId,
                               tr("Keep take (seed %1) of chunk %2").arg(c.seed).arg(position_)));
  refreshCells();
}

}  // namespace sw::ui
