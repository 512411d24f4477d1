#include "ui/continuity_inspector.h"

#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "ui/chunk_inspector.h"
#include "ui/project_session.h"
#include "ui/theme.h"

namespace sw::ui {

namespace {
constexpr int kFrameHeight = 135;  // 240 x 135 at 16:9

QLabel* frameLabel(const QString& name) {
  auto* label = new QLabel;
  label->setObjectName(name);
  label->setAlignment(Qt::AlignCenter);
  label->setMinimumSize(kFrameHeight * 16 / 9, kFrameHeight);
  label->setFrameShape(QFrame::StyledPanel);
  return label;
}

QWidget* captioned(QLabel* frame, const QString& caption) {
  auto* box = new QWidget;
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(frame);
  auto* text = new QLabel(caption);
  text->setAlignment(Qt::AlignCenter);
  layout->addWidget(text);
  return box;
}
}  // namespace

ContinuityInspector::ContinuityInspector(ProjectSession* session, const QString& frameCache,
                                         QWidget* parent)
    : QDialog(parent), session_(session), frameCache_(frameCache) {
  setObjectName(QStringLiteral("continuityInspector"));
  setWindowTitle(tr("Continuity"));
  pool_.setMaxThreadCount(1);  // one seam at a time: the render and the editor share the cores
  auto* layout = new QVBoxLayout(this);
  summary_ = new QLabel;
  summary_->setObjectName(QStringLiteral("continuitySummary"));
  summary_->setWordWrap(true);
  layout->addWidget(summary_);
  list_ = new QWidget;
  listLayout_ = new QVBoxLayout(list_);
  listLayout_->addStretch(1);
  scroll_ = new QScrollArea;
  scroll_->setWidget(list_);
  scroll_->setWidgetResizable(true);
  layout->addWidget(scroll_, 1);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
  layout->addWidget(buttons);
  resize(620, 640);

  const auto follow = [this](qint64 id) {
    if (id == sceneId_) reload();
  };
  connect(session, &ProjectSession::chunksChanged, this, follow);
  connect(session, &ProjectSession::sceneContentChanged, this, follow);
  connect(session, &ProjectSession::sceneChanged, this, follow);
  connect(session, &ProjectSession::scenesReset, this, &ContinuityInspector::reload);
}

ContinuityInspector::~ContinuityInspector() { pool_.waitForDone(); }

void ContinuityInspector::setScene(model::Id sceneId) {
  if (sceneId == sceneId_ && !dirty_) return;
  sceneId_ = sceneId;
  reload();
}

void ContinuityInspector::setRegenerateAvailable(bool available, const QString& reason) {
  regenerateAvailable_ = available;
  regenerateReason_ = reason;
  for (Row& row : rows_) {
    row.regenerate->setEnabled(available);
    if (!available) row.regenerate->setToolTip(reason);
  }
}

void ContinuityInspector::showSeam(int index) {
  show();
  raise();
  activateWindow();
  for (const Row& row : rows_)
    if (row.spec.index == index) scroll_->ensureWidgetVisible(row.box);
}

void ContinuityInspector::showEvent(QShowEvent* event) {
  QDialog::showEvent(event);
  if (dirty_) look();
}

void ContinuityInspector::reload() {
  dirty_ = true;
  if (isVisible()) look();
}

void ContinuityInspector::look() {
  dirty_ = false;
  ++generation_;
  pending_ = 0;
  for (Row& row : rows_) delete row.box;
  rows_.clear();
  sceneId_ = session_->resolve(Entity::Scene, sceneId_);
  if (sceneId_ && session_->store().scene(sceneId_))
    for (const SeamSpec& spec : sceneSeams(*session_, sceneId_)) rows_.append(Row{spec});
  for (int i = 0; i < rows_.size(); ++i) {
    listLayout_->insertWidget(i, buildRow(rows_[i]));
    const SeamSpec spec = rows_[i].spec;
    if (!spec.missing.isEmpty()) {
      rows_[i].done = true;
      showLook(i);
      continue;
    }
    ++pending_;
    auto* watcher = new QFutureWatcher<SeamLook>(this);
    connect(watcher, &QFutureWatcher<SeamLook>::finished, this,
            [this, watcher, i, generation = generation_] {
              watcher->deleteLater();
              if (generation != generation_) return;
              --pending_;
              rows_[i].look = watcher->result();
              rows_[i].done = true;
              showLook(i);
              updateSummary();
            });
    watcher->setFuture(QtConcurrent::run(
        &pool_, [spec, cache = frameCache_] { return lookAtSeam(spec, cache, kFrameHeight); }));
  }
  updateSummary();
}

QWidget* ContinuityInspector::buildRow(Row& row) {
  const int before = row.spec.index, after = row.spec.index + 1;
  auto* box =
      new QGroupBox(tr("Seam %1: chunk %2 → chunk %3").arg(row.spec.index).arg(before).arg(after));
  box->setObjectName(QStringLiteral("seam%1").arg(row.spec.index));
  auto* layout = new QVBoxLayout(box);
  auto* frames = new QHBoxLayout;
  row.before = frameLabel(QStringLiteral("beforeFrame"));
  row.after = frameLabel(QStringLiteral("afterFrame"));
  row.before->setText(tr("Decoding…"));
  row.after->setText(tr("Decoding…"));
  frames->addWidget(captioned(row.before, tr("Last frame of chunk %1").arg(before)));
  frames->addWidget(captioned(row.after, tr("First frame of chunk %1").arg(after)));
  frames->addStretch(1);
  layout->addLayout(frames);
  row.verdict = new QLabel(tr("Measuring the join…"));
  row.verdict->setObjectName(QStringLiteral("seamVerdict"));
  row.verdict->setWordWrap(true);
  layout->addWidget(row.verdict);
  row.regenerate = new QPushButton(tr("Regenerate Chunk %1").arg(after));
  row.regenerate->setObjectName(QStringLiteral("regenerateAfterSeam"));
  row.regenerate->setToolTip(
      tr("Generate a new take of chunk %1, the chunk after this seam (kept as a take).")
          .arg(after));
  row.regenerate->setEnabled(regenerateAvailable_);
  if (!regenerateAvailable_) row.regenerate->setToolTip(regenerateReason_);
  connect(row.regenerate, &QPushButton::clicked, this,
          [this, id = row.spec.chunkAfter] { requestRegenerate(id); });
  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  buttons->addWidget(row.regenerate);
  layout->addLayout(buttons);
  row.box = box;
  return box;
}

void ContinuityInspector::showLook(int i) {
  Row& row = rows_[i];
  const SeamLook& look = row.look;
  const auto setFrame = [](QLabel* label, const QImage& image) {
    if (image.isNull())
      label->setText(tr("No picture"));
    else
      label->setPixmap(QPixmap::fromImage(image));
  };
  if (!row.spec.missing.isEmpty()) {
    row.before->setText(QString());
    row.after->setText(QString());
    row.verdict->setText(row.spec.missing);
    return;
  }
  setFrame(row.before, look.before);
  setFrame(row.after, look.after);
  if (!look.error.isEmpty()) {
    row.verdict->setText(tr("Cannot look at this seam: %1").arg(look.error));
    row.verdict->setStyleSheet(QStringLiteral("color: %1;").arg(errorTextColor(palette()).name()));
    return;
  }
  const media::SeamFinding& s = look.finding.seam;
  QString text;
  if (look.jump()) {
    text = tr("⚠ The picture jumps here: it changes %1× more across the join than the chunks' "
              "own motion (%2 against %3 grey levels). Regenerate chunk %4 to continue from "
              "chunk %5's last frame.")
               .arg(s.jumpRatio, 0, 'f', 1)
               .arg(s.joinDiff, 0, 'f', 1)
               .arg(s.motion, 0, 'f', 1)
               .arg(row.spec.index + 1)
               .arg(row.spec.index);
    row.verdict->setStyleSheet(
        QStringLiteral("color: %1; font-weight: bold;").arg(errorTextColor(palette()).name()));
  } else {
    text = tr("Continuous: %1 grey levels across the join, %2× the chunks' own motion (%3).")
               .arg(s.joinDiff, 0, 'f', 1)
               .arg(s.jumpRatio, 0, 'f', 1)
               .arg(s.motion, 0, 'f', 1);
    if (s.crossfade) text += QLatin1Char(' ') + tr("A crossfade hides the join.");
    row.verdict->setStyleSheet(QString());
  }
  for (const media::SeamIssue& issue : s.issues)
    if (issue.kind != media::SeamIssueKind::Jump) text += QLatin1Char('\n') + issue.message;
  row.verdict->setText(text);
}

void ContinuityInspector::updateSummary() {
  if (rows_.isEmpty()) {
    summary_->setText(sceneId_ ? tr("This scene has no seams: it has fewer than two chunks.")
                               : tr("Select a scene to see its seams."));
    return;
  }
  int jumps = 0;
  for (const Row& row : rows_) jumps += row.done && row.look.jump() ? 1 : 0;
  if (pending_ > 0)
    summary_->setText(tr("Looking at %n seam(s)…", nullptr, int(rows_.size())));
  else if (jumps == 0)
    summary_->setText(tr("%n seam(s), none jumps.", nullptr, int(rows_.size())));
  else
    summary_->setText(tr("%n seam(s) jump.", nullptr, jumps));
}

void ContinuityInspector::requestRegenerate(model::Id chunkId) {
  const auto chunk = session_->store().chunk(chunkId);
  if (!chunk) return;
  emit regenerateRequested(
      RegenerateRequest{chunk->id, chunk->prompt, chunk->seed, chunk->modelKey});
}

}  // namespace sw::ui
