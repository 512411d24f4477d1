#include "ui/render_scene_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "model/project_store.h"
#include "providers/asset_cache.h"
#include "render/app_settings.h"
#include "render/scene_job.h"
#include "render/scene_state.h"
#include "render/speech_estimate.h"
#include "render/spend_ledger.h"
#include "ui/farm_target_box.h"
#include "ui/file_dialogs.h"
#include "ui/project_session.h"
#include "ui/ui_format.h"

namespace sw::ui {

namespace {
// A slot's state in words, for the parts whose state needs no reason of its own.
QString stateWords(render::SlotState state) {
  switch (state) {
    case render::SlotState::Ready:
      return RenderSceneDialog::tr("ready");
    case render::SlotState::OutOfDate:
      return RenderSceneDialog::tr("its inputs changed");
    case render::SlotState::Stale:
      return RenderSceneDialog::tr("the chunk before it changed");
    case render::SlotState::Missing:
      return RenderSceneDialog::tr("its file left the cache");
    case render::SlotState::Failed:
      return RenderSceneDialog::tr("the last attempt failed");
    case render::SlotState::Pending:
      return RenderSceneDialog::tr("not generated yet");
    case render::SlotState::Generating:
      return RenderSceneDialog::tr("being generated");
    case render::SlotState::Unused:
      return RenderSceneDialog::tr("past the scene's end");
  }
  return {};
}

render::RenderRequest everyTrack(const QList<model::Id>& sceneIds) {
  render::RenderRequest r;
  r.sceneIds = sceneIds;
  return r;
}
}  // namespace

RenderSceneDialog::RenderSceneDialog(ProjectSession* session, const QList<model::Id>& sceneIds,
                                     const providers::ModelRegistry* registry,
                                     const providers::BackendSettings& backends, QWidget* parent)
    : QDialog(parent),
      session_(session),
      sceneIds_(sceneIds),
      registry_(registry),
      backends_(backends),
      estimate_(render::estimateRender(session->store(), everyTrack(sceneIds), registry, backends,
                                       render::AppSettings::load().effectiveCacheDirectory())) {
  setObjectName(QStringLiteral("renderSceneDialog"));
  const auto first = sceneIds.isEmpty() ? std::nullopt : session->store().scene(sceneIds.first());
  setWindowTitle(sceneIds.size() == 1 && first
                     ? tr("Render Scene: %1").arg(first->title)
                     : tr("Render %n Scenes", nullptr, int(sceneIds.size())));
  // Two columns so the dialog fits a 768-pixel screen: the choices, then what they lead to.
  auto* layout = new QVBoxLayout(this);
  auto* columns = new QHBoxLayout;
  auto* choices = new QVBoxLayout;
  choices->addWidget(buildVideoBox());
  choices->addWidget(buildAudioBox());
  choices->addWidget(buildOutputBox());
  if (FarmTargetBox::available()) choices->addWidget(farm_ = new FarmTargetBox);
  choices->addStretch(1);
  auto* outcome = new QVBoxLayout;
  outcome->addWidget(buildStateBox(), 1);
  outcome->addWidget(buildBudgetBox());
  cost_ = new QLabel;
  cost_->setObjectName(QStringLiteral("costLabel"));
  cost_->setWordWrap(true);
  cost_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  outcome->addWidget(cost_);
  columns->addLayout(choices, 1);
  columns->addLayout(outcome, 1);
  layout->addLayout(columns, 1);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
  render_ = buttons->addButton(tr("&Render"), QDialogButtonBox::AcceptRole);
  render_->setObjectName(QStringLiteral("renderButton"));
  render_->setEnabled(!sceneIds.isEmpty());
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  // Only once the button is inside the dialog does the dialog take it as its default (Enter).
  render_->setDefault(true);
  updateCost();
  setMinimumWidth(1000);  // room for the output path and the scene state
}

QWidget* RenderSceneDialog::buildVideoBox() {
  auto* box = new QGroupBox(tr("Video"));
  auto* form = new QFormLayout(box);
  segments_ =
      new QLabel(tr("Video segments: %1 of %2 ready").arg(estimate_.ready).arg(estimate_.segments));
  segments_->setObjectName(QStringLiteral("segmentsLabel"));
  form->addRow(segments_);
  form->addRow(tr("Total duration:"), new QLabel(formatDuration(estimate_.duration)));
  QSettings settings;
  resolution_ = new QComboBox;
  for (const char* r : {"480p", "720p", "1080p", "2160p"})
    resolution_->addItem(QString::fromLatin1(r));
  resolution_->setCurrentText(
      settings.value(QStringLiteral("render/resolution"), QStringLiteral("720p")).toString());
  aspect_ = new QComboBox;
  aspect_->addItem(tr("16:9 (landscape)"), QStringLiteral("16:9"));
  aspect_->addItem(tr("9:16 (vertical)"), QStringLiteral("9:16"));
  aspect_->addItem(tr("1:1 (square)"), QStringLiteral("1:1"));
  preview_ = new QCheckBox(tr("Preview mode (fast, 480p, lower quality)"));
  connect(preview_, &QCheckBox::toggled, resolution_, &QWidget::setDisabled);
  form->addRow(tr("Resolution:"), resolution_);
  form->addRow(tr("Aspect:"), aspect_);
  form->addRow(preview_);
  keepDuration_ = new QCheckBox(tr("Keep the scene's duration (cuts speech that does not fit)"));
  keepDuration_->setObjectName(QStringLiteral("keepDurationBox"));
  keepDuration_->setToolTip(
      tr("Unchecked, the scene is lengthened to fit the speech. Checked, it keeps its duration "
         "and the render warns naming each line that is cut."));
  connect(keepDuration_, &QCheckBox::toggled, this, [this] {
    if (cost_) updateCost();
  });
  form->addRow(keepDuration_);
  int stale = 0;
  for (model::Id id : std::as_const(sceneIds_))
    stale += session_->sceneState(id).count(render::SlotKind::Chunk, render::SlotState::Stale);
  keepStale_ =
      new QCheckBox(stale > 0 ? tr("Keep the %n stale chunk(s) as they are", nullptr, stale)
                              : tr("Keep stale chunks as they are (none is stale)"));
  keepStale_->setObjectName(QStringLiteral("keepStaleBox"));
  keepStale_->setEnabled(stale > 0);
  keepStale_->setToolTip(
      tr("A chunk is stale when the chunk before it changed, so its first frame no longer "
         "matches. Unchecked, the render generates it again from the new frame (priced below). "
         "Checked, it is rendered as it is and the seam may jump."));
  connect(keepStale_, &QCheckBox::toggled, this, [this] {
    if (cost_) updateCost();
  });
  form->addRow(keepStale_);
  return box;
}

QCheckBox* RenderSceneDialog::track(const QString& label, bool present,
                                    const QString& absentReason) {
  auto* box = new QCheckBox(present ? label : tr("%1 — %2").arg(label, absentReason));
  box->setChecked(present);
  box->setEnabled(present);
  if (!present) box->setToolTip(absentReason);
  return box;
}

QWidget* RenderSceneDialog::buildAudioBox() {
  auto* box = new QGroupBox(tr("Audio tracks"));
  auto* layout = new QVBoxLayout(box);
  const render::RenderEstimate& s = estimate_;
  narration_ =
      track(s.narrationGenerated
                ? tr("Narration (%1)").arg(formatDuration(s.narrationSeconds))
                : tr("Narration (about %1, to generate)").arg(formatDuration(s.narrationSeconds)),
            s.narrationSeconds > 0, tr("no narration text"));
  dialogue_ = track(tr("Dialogue (%n line(s)", nullptr, s.dialogueLines) +
                        tr(", %n character(s))", nullptr, s.dialogueCharacters),
                    s.dialogueLines > 0, tr("no dialogue lines"));
  music_ = track(tr("Music (%1)").arg(formatDuration(s.musicSeconds)), s.musicSeconds > 0,
                 tr("no music prompt"));
  sfx_ =
      track(tr("Sound effects (%n cue(s))", nullptr, s.sfxCues), s.sfxCues > 0, tr("no SFX cues"));
  narration_->setObjectName(QStringLiteral("narrationTrack"));
  dialogue_->setObjectName(QStringLiteral("dialogueTrack"));
  music_->setObjectName(QStringLiteral("musicTrack"));
  sfx_->setObjectName(QStringLiteral("sfxTrack"));
  for (QCheckBox* b : {narration_, dialogue_, music_, sfx_}) {
    layout->addWidget(b);
    connect(b, &QCheckBox::toggled, this, [this] {
      if (cost_) updateCost();
    });
  }
  return box;
}

QWidget* RenderSceneDialog::buildOutputBox() {
  auto* box = new QGroupBox(tr("Output"));
  auto* row = new QHBoxLayout(box);
  output_ = new QLineEdit;
  output_->setObjectName(QStringLiteral("outputEdit"));
  auto* browse = new QToolButton;
  browse->setText(tr("Browse…"));
  browse->setObjectName(QStringLiteral("outputBrowseButton"));
  if (sceneIds_.size() == 1) {
    const auto scene = session_->store().scene(sceneIds_.first());
    // The same file the CLI writes; the job creates the folder when it renders.
    const QString exports = QDir(session_->folder()).absoluteFilePath(QStringLiteral("exports"));
    if (scene) output_->setText(render::defaultOutputPath(exports, *scene));
  } else {
    output_->setPlaceholderText(tr("Each scene to exports/NN-scene-title.mp4"));
    output_->setEnabled(false);
    browse->setEnabled(false);
  }
  connect(browse, &QToolButton::clicked, this, &RenderSceneDialog::browse);
  row->addWidget(output_, 1);
  row->addWidget(browse);
  return box;
}

// This render's budget (for every scene of it and every resume), prefilled with the project's.
QWidget* RenderSceneDialog::buildBudgetBox() {
  auto* box = new QGroupBox(tr("Budget"));
  auto* layout = new QVBoxLayout(box);
  auto* row = new QHBoxLayout;
  budgetOn_ = new QCheckBox(tr("Stop before this render spends more than"));
  budgetOn_->setObjectName(QStringLiteral("budgetCheck"));
  budget_ = new QDoubleSpinBox;
  budget_->setObjectName(QStringLiteral("budgetSpin"));
  budget_->setPrefix(QStringLiteral("$"));
  budget_->setDecimals(2);
  budget_->setRange(0.0, 100000.0);
  budget_->setSingleStep(0.5);
  const QJsonValue project =
      session_->store().project().settings.value(QLatin1String(render::kProjectBudgetKey));
  budgetOn_->setChecked(project.isDouble());
  budgetOn_->setToolTip(
      tr("One budget for every scene of this render and every resume of its "
         "jobs. Unticked, the project's budget applies when it has one."));
  budget_->setValue(project.isDouble() ? project.toDouble() : 5.0);
  budget_->setEnabled(budgetOn_->isChecked());
  saveBudget_ = new QCheckBox(tr("Use this as the project's budget for every render"));
  saveBudget_->setObjectName(QStringLiteral("saveBudgetCheck"));
  connect(budgetOn_, &QCheckBox::toggled, budget_, &QWidget::setEnabled);
  row->addWidget(budgetOn_);
  row->addWidget(budget_);
  row->addStretch(1);
  layout->addLayout(row);
  layout->addWidget(saveBudget_);
  budgetNote_ = new QLabel;
  budgetNote_->setObjectName(QStringLiteral("budgetNote"));
  budgetNote_->setWordWrap(true);
  layout->addWidget(budgetNote_);
  connect(budgetOn_, &QCheckBox::toggled, this, &RenderSceneDialog::updateBudgetNote);
  connect(budget_, &QDoubleSpinBox::valueChanged, this, &RenderSceneDialog::updateBudgetNote);
  return box;
}

QWidget* RenderSceneDialog::buildStateBox() {
  auto* box = new QGroupBox(tr("What this render does"));
  auto* layout = new QVBoxLayout(box);
  state_ = new QTreeWidget;
  state_->setObjectName(QStringLiteral("sceneStateList"));
  state_->setRootIsDecorated(false);
  state_->setHeaderLabels({tr("Part"), tr("Action"), tr("Why"), tr("Cost")});
  state_->setSelectionMode(QAbstractItemView::NoSelection);
  state_->setFocusPolicy(Qt::NoFocus);
  state_->setMinimumHeight(120);
  QHeaderView* header = state_->header();
  header->setStretchLastSection(false);
  for (int c : {0, 1, 3}) header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
  header->setSectionResizeMode(2, QHeaderView::Stretch);
  layout->addWidget(state_);
  return box;
}

// The scene state with this render's options: what will be generated, used or kept, and why.
// Computed on a worker with a store connection of its own (a batch of long scenes takes longer
// than a frame); the newest request's answer is shown, an older one is dropped.
void RenderSceneDialog::updateSceneState() {
  render::StateOptions options = render::stateOptions(request(), backends_);
  const render::AppSettings settings = render::AppSettings::load();
  render::setEngineIdentities(options, settings.backendOptions);  // an edited ComfyUI workflow
  const QString folder = session_->folder();
  const QString cacheDir = settings.effectiveCacheDirectory();
  const QList<model::Id> ids = sceneIds_;
  const providers::ModelRegistry* registry = registry_;
  const int generation = ++stateGeneration_;
  auto* watcher = new QFutureWatcher<QList<render::SceneState>>(this);
  connect(watcher, &QFutureWatcher<QList<render::SceneState>>::finished, this,
          [this, watcher, generation] {
            watcher->deleteLater();
            if (generation == stateGeneration_) showSceneStates(watcher->result());
          });
  watcher->setFuture(QtConcurrent::run(&statePool_, [folder, cacheDir, ids, registry, options] {
    QList<render::SceneState> states;
    try {
      const auto store = model::ProjectStore::open(folder, model::ProjectStore::Check::Known);
      const providers::AssetCache cache(cacheDir);
      for (model::Id id : ids)
        states.append(render::sceneState(*store, id, registry, cache, options));
    } catch (const std::exception&) {
      states.clear();  // the list stays empty; the estimate above still shows the cost
    }
    return states;
  }));
}

void RenderSceneDialog::showSceneStates(const QList<render::SceneState>& states) {
  state_->clear();
  for (const render::SceneState& state : states) {
    for (const render::Slot& slot : state.items) {
      QString action = tr("skip");
      if (slot.willGenerate)
        action = tr("generate");
      else if (slot.kept)
        action = tr("keep as is");
      else if (slot.usable())
        action = tr("use");
      else if (slot.state == render::SlotState::Unused)
        action = tr("not used");
      const QString why = slot.why.isEmpty() ? stateWords(slot.state) : slot.why;
      const QString part =
          sceneIds_.size() == 1 ? slot.label : tr("%1: %2").arg(state.scene.title, slot.label);
      QString cost;
      if (slot.willGenerate) cost = slot.cost ? formatCost(*slot.cost) : tr("unknown");
      auto* item = new QTreeWidgetItem(state_, {part, action, why, cost});
      item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
      if (!slot.costNote.isEmpty()) item->setToolTip(3, slot.costNote);
      item->setToolTip(2, why);
    }
  }
  stateShown_ = stateGeneration_;
}

void RenderSceneDialog::updateBudgetNote() {
  if (!budgetNote_) return;
  const QString estimate = estimatedCost_ ? formatCost(*estimatedCost_) : tr("an unknown amount");
  if (!budgetOn_->isChecked()) {
    budgetNote_->setText(
        tr("No budget for this render: it spends what it needs (estimated %1).").arg(estimate));
    budgetNote_->setStyleSheet(QString());
    return;
  }
  const double budget = budget_->value();
  const bool over = estimatedCost_ && *estimatedCost_ > budget + 1e-9;
  budgetNote_->setText(
      over ? tr("The estimate, %1, is over the %2 budget: the render stops before it spends more.")
                 .arg(estimate, formatCost(budget))
           : tr("Estimated %1 of the %2 budget.").arg(estimate, formatCost(budget)));
  budgetNote_->setStyleSheet(over ? QStringLiteral("color: #b45309;") : QString());
}

// The files this render will replace: the output chosen, or each scene's exports/NN-title.mp4
// in a batch (stat only).
QStringList RenderSceneDialog::existingOutputs() const {
  QStringList existing;
  if (sceneIds_.size() == 1) {
    const QString output = output_->text().trimmed();
    if (!output.isEmpty() && QFileInfo::exists(output)) existing << output;
    return existing;
  }
  const QString exports = QDir(session_->folder()).absoluteFilePath(QStringLiteral("exports"));
  for (model::Id id : sceneIds_)
    if (const auto scene = session_->store().scene(id))
      if (const QString path = render::defaultOutputPath(exports, *scene); QFileInfo::exists(path))
        existing << path;
  return existing;
}

void RenderSceneDialog::accept() {
  const QStringList existing = existingOutputs();
  const QString output = existing.join(QLatin1Char('\n'));
  if (!existing.isEmpty() && output != confirmedOverwrite_) {
    const bool one = sceneIds_.size() == 1;
    QStringList names;
    for (const QString& file : existing) names << QFileInfo(file).fileName();
    auto* box = new QMessageBox(
        QMessageBox::Question, one ? tr("Replace the video?") : tr("Replace the videos?"),
        one ? tr("%1 already exists.").arg(names.first())
            : tr("%n of these videos already exist(s): %1", nullptr, int(names.size()))
                  .arg(names.join(QStringLiteral(", "))),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("overwriteConfirm"));
    box->setInformativeText(
        one ? tr("Rendering replaces it with the new video when the render is finished (%1).")
                  .arg(existing.first())
            : tr("Rendering replaces each with its scene's new video when that scene is "
                 "finished (in %1).")
                  .arg(QFileInfo(existing.first()).absolutePath()));
    QPushButton* replace = box->addButton(tr("Replace"), QMessageBox::AcceptRole);
    replace->setObjectName(QStringLiteral("replaceFileButton"));
    QPushButton* keep = box->addButton(tr("Keep the file"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepFileButton"));
    box->setDefaultButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, replace, output] {
      if (box->clickedButton() != replace) return output_->setFocus();
      confirmedOverwrite_ = output;
      accept();
    });
    box->open();
    return;
  }
  if (saveBudget_->isChecked()) {
    QJsonObject settings = session_->store().project().settings;
    if (budgetOn_->isChecked())
      settings.insert(QLatin1String(render::kProjectBudgetKey), budget_->value());
    else
      settings.remove(QLatin1String(render::kProjectBudgetKey));
    if (!session_->write([&] { session_->store().setProjectSettings(settings); })) return;
  }
  QDialog::accept();
}

// Outputs belong in exports/ (no database files there); a path typed inside the project's own
// folder starts the dialog in exports/ instead.
void RenderSceneDialog::browse() {
  FileDialogRequest request;
  request.mode = FileDialogMode::SaveFile;
  request.title = tr("Render to");
  request.start = output_->text().trimmed().isEmpty()
                      ? QDir(session_->folder()).filePath(QStringLiteral("exports"))
                      : output_->text().trimmed();
  request.filter = tr("MP4 video (*.mp4)");
  request.fallback = ProjectFallback::Exports;
  openFileDialog(this, request, [this](const QString& file) {
    output_->setText(file.endsWith(QLatin1String(".mp4")) ? file : file + QStringLiteral(".mp4"));
  });
}

// Re-estimated for the tracks ticked now: what is generated, what comes from the cache, cost.
void RenderSceneDialog::updateCost() {
  const render::RenderEstimate e =
      render::estimateRender(session_->store(), request(), registry_, backends_,
                             render::AppSettings::load().effectiveCacheDirectory());
  QString text = tr("Will generate %n video segment(s)", nullptr, e.toGenerate()) +
                 tr(" and take %n from the cache.", nullptr, e.ready);
  QStringList audio;
  if (e.narrationToGenerate > 0) audio << tr("narration");
  if (e.dialogueToGenerate > 0) audio << tr("%n dialogue line(s)", nullptr, e.dialogueToGenerate);
  if (e.musicToGenerate > 0) audio << tr("music");
  if (e.sfxToGenerate > 0) audio << tr("%n sound effect(s)", nullptr, e.sfxToGenerate);
  if (!audio.isEmpty())
    text +=
        QLatin1Char(' ') + tr("Audio to generate: %1.").arg(QLocale().createSeparatedList(audio));
  if (e.imagesToGenerate > 0)
    text +=
        QLatin1Char(' ') + tr("%n reference image(s) to generate.", nullptr, e.imagesToGenerate);
  if (!e.kept.isEmpty())
    text += QLatin1Char(' ') +
            tr("Rendered as they are: %1.").arg(QLocale().createSeparatedList(e.kept));
  if (e.costToGenerate)
    text += QLatin1Char(' ') + tr("Estimated cost: %1.").arg(formatCost(*e.costToGenerate));
  else
    text += QLatin1Char(' ') +
            tr("Cost unknown: %1")
                .arg(registry_ ? e.costNote : tr("The model registry could not be loaded."));
  const render::RenderRequest r = request();
  for (model::Id id : sceneIds_) {  // how long each scene will be for its speech
    const QString speech =
        render::describeSpeechLayout(render::estimateSpeech(session_->store(), id, r));
    if (speech.isEmpty()) continue;
    const auto scene = session_->store().scene(id);
    text += QLatin1Char(' ') + (sceneIds_.size() == 1 || !scene
                                    ? speech.left(1).toUpper() + speech.mid(1) + QLatin1Char('.')
                                    : tr("%1: %2.").arg(scene->title, speech));
  }
  cost_->setText(text);
  estimatedCost_ = e.costToGenerate;
  updateBudgetNote();
  updateSceneState();
}

void RenderSceneDialog::setRenderAvailable(bool available, const QString& reason) {
  render_->setEnabled(available && !sceneIds_.isEmpty());
  render_->setToolTip(available ? QString() : reason);
}

render::RenderRequest RenderSceneDialog::request() const {
  render::RenderRequest r;
  r.sceneIds = sceneIds_;
  r.narration = narration_->isEnabled() && narration_->isChecked();
  r.dialogue = dialogue_->isEnabled() && dialogue_->isChecked();
  r.music = music_->isEnabled() && music_->isChecked();
  r.sfx = sfx_->isEnabled() && sfx_->isChecked();
  r.resolution = resolution_->currentText();
  r.aspect = aspect_->currentData().toString();
  r.preview = preview_->isChecked();
  r.keepDuration = keepDuration_->isChecked();
  r.keepStale = keepStale_->isChecked();
  if (sceneIds_.size() == 1) r.outputPath = output_->text().trimmed();
  if (budgetOn_->isChecked()) r.budgetUsd = budget_->value();
  return r;
}

}  // namespace sw::ui
