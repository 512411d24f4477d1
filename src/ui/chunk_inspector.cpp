#include "ui/chunk_inspector.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include "providers/model_registry.h"
#include "ui/chunk_model.h"
#include "ui/project_session.h"
#include "ui/row_commands.h"
#include "ui/theme.h"
#include "ui/thumbnail_loader.h"
#include "ui/ui_format.h"

namespace sw::ui {

ChunkInspector::ChunkInspector(ProjectSession* session, ThumbnailLoader* thumbnails,
                               QWidget* parent)
    : QWidget(parent),
      session_(session),
      thumbnails_(thumbnails),
      takes_(new TakeModel(session, this)) {
  auto* layout = new QVBoxLayout(this);
  heading_ = new QLabel;
  heading_->setTextFormat(Qt::RichText);
  layout->addWidget(heading_);
  form_ = buildForm();
  layout->addWidget(form_);
  layout->addWidget(buildProgressRow());  // outside the form: Cancel works with no chunk selected
  takeView_ = new QListView;
  takeView_->setObjectName(QStringLiteral("takeView"));
  takeView_->setModel(takes_);
  takeView_->setViewMode(QListView::IconMode);
  takeView_->setIconSize(QSize(128, 72));
  takeView_->setResizeMode(QListView::Adjust);
  takeView_->setMovement(QListView::Static);
  takeView_->setWordWrap(true);
  takeView_->setMinimumHeight(130);
  takeView_->setToolTip(tr("Click a take to make it the chunk's active one."));
  layout->addWidget(new QLabel(tr("<b>Takes</b>")));
  layout->addWidget(takeView_, 1);
  connect(takeView_, &QListView::clicked, this, &ChunkInspector::activateTake);
  connect(session, &ProjectSession::chunksChanged, this, [this](qint64 sceneId) {
    if (sceneId == sceneId_) load();
  });
  connect(takes_, &QAbstractItemModel::modelReset, this, &ChunkInspector::requestThumbnails);
  connect(thumbnails_, &ThumbnailLoader::thumbnailReady, this, &ChunkInspector::requestThumbnails);
  setChunk(0);
}

QWidget* ChunkInspector::buildForm() {
  auto* page = new QWidget;
  auto* form = new QFormLayout(page);
  form->setContentsMargins(0, 0, 0, 0);
  prompt_ = new QPlainTextEdit;
  prompt_->setTabChangesFocus(true);
  prompt_->setMaximumHeight(prompt_->fontMetrics().lineSpacing() * 4 + 12);
  seed_ = new QLineEdit;
  seed_->setValidator(
      new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,18}")), seed_));
  auto* dice = new QToolButton;
  dice->setText(tr("New seed"));
  dice->setToolTip(tr("Pick a random seed for the next take"));
  connect(dice, &QToolButton::clicked, this, [this] {
    seed_->setText(QString::number(QRandomGenerator::global()->bounded(1, 2147483647)));
  });
  auto* seedRow = new QHBoxLayout;
  seedRow->addWidget(seed_, 1);
  seedRow->addWidget(dice);
  model_ = new QComboBox;
  cost_ = new QLabel;
  status_ = new QLabel;
  status_->setWordWrap(true);
  error_ = new QLabel;
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: %1;").arg(errorTextColor(palette()).name()));
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  regenerate_ = new QPushButton(tr("&Regenerate"));
  regenerate_->setObjectName(QStringLiteral("regenerateButton"));
  regenerateStale_ = new QPushButton;
  lottery_ = new QPushButton(tr("Generate 4 takes…"));
  lottery_->setObjectName(QStringLiteral("lotteryButton"));
  connect(lottery_, &QPushButton::clicked, this, [this] { emit lotteryRequested(chunkId_); });
  connect(regenerate_, &QPushButton::clicked, this, [this] {
    emit regenerateRequested(RegenerateRequest{chunkId_, prompt_->toPlainText(),
                                               seed_->text().toLongLong(),
                                               model_->currentData().toString()});
  });
  connect(regenerateStale_, &QPushButton::clicked, this,
          [this] { emit regenerateStaleRequested(sceneId_); });
  form->addRow(tr("Prompt:"), prompt_);
  form->addRow(tr("Seed:"), seedRow);
  form->addRow(tr("Model:"), model_);
  form->addRow(tr("Cost:"), cost_);
  form->addRow(tr("Status:"), status_);
  form->addRow(QString(), error_);
  form->addRow(QString(), regenerate_);
  form->addRow(QString(), lottery_);
  form->addRow(QString(), regenerateStale_);
  return page;
}

QWidget* ChunkInspector::buildProgressRow() {
  progressRow_ = new QWidget;
  auto* row = new QHBoxLayout(progressRow_);
  row->setContentsMargins(0, 0, 0, 0);
  progress_ = new QProgressBar;
  progress_->setObjectName(QStringLiteral("regenerateProgress"));
  progress_->setRange(0, 1000);
  progress_->setTextVisible(true);
  cancel_ = new QPushButton(tr("Cancel"));
  cancel_->setObjectName(QStringLiteral("cancelRegenerateButton"));
  cancel_->setToolTip(tr("Stop generating; takes already finished are kept."));
  connect(cancel_, &QPushButton::clicked, this, &ChunkInspector::cancelRegenerateRequested);
  row->addWidget(progress_, 1);
  row->addWidget(cancel_);
  progressRow_->hide();
  return progressRow_;
}

void ChunkInspector::setRegistry(const providers::ModelRegistry* registry) {
  registry_ = registry;
  model_->clear();
  model_->addItem(tr("Scene's model"), QString());
  if (registry_)
    for (const QString& key : registry_->keys())
      model_->addItem(registry_->model(key).displayName, key);
  load();
}

void ChunkInspector::setChunk(model::Id chunkId) {
  chunkId_ = chunkId;
  takes_->setChunk(chunkId);
  load();
}

void ChunkInspector::setRegenerateAvailable(bool available, const QString& reason) {
  regenerateAvailable_ = available;
  regenerateReason_ = reason;
  load();
}

void ChunkInspector::showRegenerateProgress(const QString& text, double percent) {
  progress_->setValue(int(std::clamp(percent, 0.0, 100.0) * 10));
  progress_->setFormat(text);
  progress_->setToolTip(text);
  progressRow_->show();
}

void ChunkInspector::hideRegenerateProgress() { progressRow_->hide(); }

void ChunkInspector::load() {
  chunkId_ = session_->resolve(Entity::Chunk, chunkId_);
  const auto chunk = chunkId_ ? session_->store().chunk(chunkId_) : std::nullopt;
  form_->setEnabled(chunk.has_value());
  takeView_->setEnabled(chunk.has_value());
  if (!chunk) {
    sceneId_ = 0;
    heading_->setText(tr("<b>No chunk selected</b>"));
    regenerateStale_->hide();
    return;
  }
  sceneId_ = chunk->sceneId;
  const QList<model::Chunk> all = session_->store().chunks(sceneId_);
  heading_->setText(tr("<b>Chunk %1 of %2</b>").arg(chunk->position + 1).arg(all.size()));
  if (prompt_->toPlainText() != chunk->prompt) prompt_->setPlainText(chunk->prompt);
  const auto scene = session_->store().scene(sceneId_);
  prompt_->setPlaceholderText(
      tr("Follows the scene: %1").arg(scene ? scene->visualPrompt : QString()));
  const render::SceneState state = session_->sceneState(sceneId_);
  const render::Slot* slot = state.slotOfChunk(chunk->id);
  seed_->setText(QString::number(chunk->seed));
  const int modelIndex = model_->findData(chunk->modelKey);
  model_->setCurrentIndex(std::max(0, modelIndex));
  cost_->setText(formatCost(chunk->cost));
  status_->setText(slot ? (slot->why.isEmpty()
                               ? ChunkModel::statusText(slot->state)
                               : tr("%1: %2").arg(ChunkModel::statusText(slot->state), slot->why))
                        : ChunkModel::statusText(render::SlotState::Pending));
  error_->setText(chunk->error);
  error_->setVisible(!chunk->error.isEmpty());
  regenerate_->setEnabled(regenerateAvailable_ && chunk->status != model::ChunkStatus::Generating);
  regenerate_->setToolTip(regenerateAvailable_ ? tr("Generate a new take with the prompt, seed and "
                                                    "model above; the current take is kept.")
                                               : regenerateReason_);
  lottery_->setEnabled(regenerate_->isEnabled());
  lottery_->setToolTip(regenerateAvailable_
                           ? tr("Generate several takes at once, each with its own seed, and "
                                "pick one side by side (the cost is shown before starting).")
                           : regenerateReason_);
  const int stale = state.count(render::SlotKind::Chunk, render::SlotState::Stale);
  regenerateStale_->setVisible(stale > 0);
  regenerateStale_->setText(tr("Regenerate %n stale chunk(s)", nullptr, stale));
  regenerateStale_->setEnabled(regenerateAvailable_);
  regenerateStale_->setToolTip(regenerateAvailable_
                                   ? tr("These chunks started from an older last frame of the "
                                        "chunk before them.")
                                   : regenerateReason_);
}

void ChunkInspector::activateTake(const QModelIndex& index) {
  if (!index.isValid() || index.data(TakeModel::ActiveRole).toBool()) return;
  const auto chunk = session_->store().chunk(chunkId_);
  if (!chunk) return;
  session_->undoStack()->push(
      new SetActiveTakeCommand(session_, *chunk, index.data(TakeModel::TakeIdRole).toLongLong(),
                               tr("Use take %1").arg(index.row() + 1)));
}

void ChunkInspector::requestThumbnails() {
  for (int row = 0; row < takes_->rowCount(); ++row) {
    const QString path = takes_->index(row).data(TakeModel::AssetPathRole).toString();
    const QPixmap pixmap = thumbnails_->thumbnail(path, 0.5, 72);
    if (!pixmap.isNull()) takes_->setThumbnail(path, pixmap);
  }
}

}  // namespace sw::ui
