#include "ui/scene_inspector.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include "providers/model_registry.h"
#include "render/app_settings.h"
#include "render/render_estimate.h"
#include "render/scene_state.h"
#include "ui/character_delegate.h"
#include "ui/character_model.h"
#include "ui/dialogue_model.h"
#include "ui/project_session.h"
#include "ui/reference_slot.h"
#include "ui/scene_commands.h"
#include "ui/ui_format.h"
#include "ui/undo_shortcut_filter.h"

namespace sw::ui {

namespace {
QWidget* scrollable(QWidget* content) {
  auto* area = new QScrollArea;
  area->setWidget(content);
  area->setWidgetResizable(true);
  area->setFrameShape(QFrame::NoFrame);
  return area;
}

void setTextKeepingCursor(QPlainTextEdit* edit, const QString& text) {
  if (edit->toPlainText() != text) edit->setPlainText(text);
}
}  // namespace

SceneInspector::SceneInspector(ProjectSession* session, CharacterModel* characters, QWidget* parent)
    : QWidget(parent),
      session_(session),
      characters_(characters),
      dialogue_(new DialogueModel(session, this)),
      sfx_(new SfxCueModel(session, this)) {
  tabs_ = new QTabWidget(this);
  tabs_->addTab(scrollable(buildSceneTab()), tr("Scene"));
  tabs_->addTab(scrollable(buildAudioTab()), tr("Audio"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(tabs_);
  for (QWidget* field : std::initializer_list<QWidget*>{title_, script_, visual_, direction_,
                                                        narration_, musicPrompt_, musicMood_})
    UndoShortcutFilter::install(field);
  connect(session, &ProjectSession::sceneChanged, this, [this](qint64 id) {
    if (id == sceneId_) load();
  });
  connect(session, &ProjectSession::scenesReset, this, [this] {
    sceneId_ = session_->resolve(Entity::Scene, sceneId_);
    load();
  });
  // The plan and its cost follow the scene's chunks, takes, lines and cues (a regeneration, a
  // take switch, a new line).
  const auto replan = [this](qint64 id) {
    if (id == sceneId_) updatePlan();
  };
  connect(session, &ProjectSession::chunksChanged, this, replan);
  connect(session, &ProjectSession::sceneContentChanged, this, replan);
  setScene(0);
}

QPlainTextEdit* SceneInspector::textArea(const QString& placeholder, int lines) {
  auto* edit = new QPlainTextEdit;
  edit->setPlaceholderText(placeholder);
  edit->setTabChangesFocus(true);
  edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * lines + 12);
  return edit;
}

QWidget* SceneInspector::buildSceneTab() {
  auto* page = new QWidget;
  auto* form = new QFormLayout(page);
  title_ = new QLineEdit;
  script_ = textArea(tr("What happens in this scene"), 4);
  visual_ = textArea(tr("What the camera sees: setting, light, style"), 3);
  direction_ = textArea(tr("Camera, action, shot (added to every chunk)"), 2);
  duration_ = new QDoubleSpinBox;
  duration_->setRange(1.0, 600.0);
  duration_->setDecimals(1);
  duration_->setSuffix(tr(" s"));
  duration_->setKeyboardTracking(false);
  model_ = new QComboBox;
  // A long model name is cut in the closed box (the list shows it whole): the dock keeps its width.
  model_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  model_->setMinimumContentsLength(16);
  plan_ = new QLabel;
  plan_->setWordWrap(true);
  form->addRow(tr("&Title:"), title_);
  form->addRow(tr("Scr&ipt:"), script_);
  form->addRow(tr("&Visual prompt:"), visual_);
  form->addRow(tr("D&irection:"), direction_);
  form->addRow(tr("Target &duration:"), duration_);
  form->addRow(tr("&Model:"), model_);
  form->addRow(QString(), plan_);
  reference_ = new ReferenceSlot(session_);
  form->addRow(tr("&Reference image:"), reference_);

  connect(title_, &QLineEdit::textEdited, this, [this](const QString& text) {
    edit(tr("title"), [&](model::Scene& s) { s.title = text; });
  });
  connect(script_, &QPlainTextEdit::textChanged, this, [this] {
    edit(tr("script"), [&](model::Scene& s) { s.script = script_->toPlainText(); });
  });
  connect(visual_, &QPlainTextEdit::textChanged, this, [this] {
    edit(tr("visual prompt"), [&](model::Scene& s) { s.visualPrompt = visual_->toPlainText(); });
  });
  connect(direction_, &QPlainTextEdit::textChanged, this, [this] {
    edit(tr("direction"), [&](model::Scene& s) { s.directionPrompt = direction_->toPlainText(); });
  });
  connect(duration_, &QDoubleSpinBox::valueChanged, this, [this](double value) {
    edit(tr("duration"), [&](model::Scene& s) { s.targetDuration = value; });
  });
  connect(model_, &QComboBox::activated, this, [this] {
    const QString key = model_->currentData().toString();
    if (!confirmReplan(key)) {
      load();  // back to the scene's model
      return;
    }
    edit(tr("model"), [&](model::Scene& s) { s.modelKey = key; });
  });
  return page;
}

QWidget* SceneInspector::buildAudioTab() {
  auto* page = new QWidget;
  auto* layout = new QVBoxLayout(page);
  auto* narrationBox = new QGroupBox(tr("Narration"));
  auto* narrationLayout = new QVBoxLayout(narrationBox);
  narration_ = textArea(tr("Spoken by the narrator over the scene"), 3);
  narrationLayout->addWidget(narration_);
  connect(narration_, &QPlainTextEdit::textChanged, this, [this] {
    edit(tr("narration"), [&](model::Scene& s) { s.narration = narration_->toPlainText(); });
  });

  auto* musicBox = new QGroupBox(tr("Music"));
  auto* musicForm = new QFormLayout(musicBox);
  musicPrompt_ = new QLineEdit;
  musicPrompt_->setPlaceholderText(tr("e.g. sparse piano, rain outside"));
  musicMood_ = new QLineEdit;
  musicTempo_ = new QSpinBox;
  musicTempo_->setRange(0, 240);
  musicTempo_->setSuffix(tr(" BPM"));
  musicTempo_->setSpecialValueText(tr("any"));
  musicTempo_->setKeyboardTracking(false);
  musicForm->addRow(tr("Prompt:"), musicPrompt_);
  musicForm->addRow(tr("Mood:"), musicMood_);
  musicForm->addRow(tr("Tempo:"), musicTempo_);
  connect(musicPrompt_, &QLineEdit::textEdited, this, [this](const QString& text) {
    edit(tr("music prompt"), [&](model::Scene& s) { s.musicPrompt = text; });
  });
  connect(musicMood_, &QLineEdit::textEdited, this, [this](const QString& text) {
    edit(tr("music mood"), [&](model::Scene& s) { s.musicMood = text; });
  });
  connect(musicTempo_, &QSpinBox::valueChanged, this,
          [this](int bpm) { edit(tr("tempo"), [&](model::Scene& s) { s.musicTempo = bpm; }); });

  layout->addWidget(narrationBox);
  layout->addWidget(buildDialogueBox());
  layout->addWidget(musicBox);
  layout->addWidget(buildSfxBox());
  return page;
}

QWidget* SceneInspector::buildDialogueBox() {
  auto* box = new QGroupBox(tr("Dialogue"));
  auto* layout = new QVBoxLayout(box);
  dialogueView_ = new QTableView;
  dialogueView_->setModel(dialogue_);
  dialogueView_->setItemDelegateForColumn(DialogueModel::CharacterColumn,
                                          new CharacterDelegate(characters_, dialogueView_));
  dialogueView_->horizontalHeader()->setSectionResizeMode(DialogueModel::TextColumn,
                                                          QHeaderView::Stretch);
  dialogueView_->horizontalHeader()->setSectionResizeMode(DialogueModel::LipSyncColumn,
                                                          QHeaderView::ResizeToContents);
  dialogueView_->verticalHeader()->hide();
  dialogueView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  dialogueView_->setMinimumHeight(110);
  auto* buttons = new QHBoxLayout;
  auto* add = new QPushButton(tr("Add line"));
  auto* remove = new QPushButton(tr("Remove line"));
  buttons->addWidget(add);
  buttons->addWidget(remove);
  buttons->addStretch();
  layout->addWidget(dialogueView_);
  layout->addLayout(buttons);
  connect(add, &QPushButton::clicked, this, [this] {
    if (characters_->rowCount() == 0) {
      characters_->addCharacter(tr("Narrator"));
    }
    dialogue_->addLine(characters_->character(0).id, QString());
  });
  connect(remove, &QPushButton::clicked, this,
          [this] { dialogue_->removeLine(dialogueView_->currentIndex().row()); });
  return box;
}

QWidget* SceneInspector::buildSfxBox() {
  auto* box = new QGroupBox(tr("Sound effects"));
  auto* layout = new QVBoxLayout(box);
  sfxView_ = new QTableView;
  sfxView_->setModel(sfx_);
  sfxView_->horizontalHeader()->setSectionResizeMode(SfxCueModel::DescriptionColumn,
                                                     QHeaderView::Stretch);
  sfxView_->verticalHeader()->hide();
  sfxView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  sfxView_->setDragDropMode(QAbstractItemView::DropOnly);  // a sound file onto a cue: copied in
  sfxView_->setDropIndicatorShown(true);
  sfxView_->setMinimumHeight(110);
  auto* buttons = new QHBoxLayout;
  auto* add = new QPushButton(tr("Add cue"));
  auto* remove = new QPushButton(tr("Remove cue"));
  buttons->addWidget(add);
  buttons->addWidget(remove);
  buttons->addStretch();
  layout->addWidget(sfxView_);
  layout->addLayout(buttons);
  connect(add, &QPushButton::clicked, this, [this] { sfx_->addCue(0.0, tr("door slams")); });
  connect(remove, &QPushButton::clicked, this,
          [this] { sfx_->removeCue(sfxView_->currentIndex().row()); });
  return box;
}

void SceneInspector::setRegistry(const providers::ModelRegistry* registry) {
  registry_ = registry;
  fillModels();
  load();
}

void SceneInspector::fillModels() {
  const QSignalBlocker block(model_);
  model_->clear();
  model_->addItem(tr("Project default"), QString());
  if (!registry_) return;
  for (const QString& key : registry_->keys()) {
    const providers::ModelEntry& entry = registry_->model(key);
    model_->addItem(tr("%1 (%2)").arg(entry.displayName, entry.backend), key);
  }
}

void SceneInspector::setScene(model::Id sceneId) {
  sceneId_ = sceneId;
  dialogue_->setScene(sceneId);
  sfx_->setScene(sceneId);
  reference_->setScene(sceneId);
  load();
}

void SceneInspector::load() {
  const auto scene = sceneId_ ? session_->store().scene(sceneId_) : std::nullopt;
  tabs_->setEnabled(scene.has_value());
  const model::Scene s = scene.value_or(model::Scene{});
  loading_ = true;
  if (title_->text() != s.title) title_->setText(s.title);
  setTextKeepingCursor(script_, s.script);
  setTextKeepingCursor(visual_, s.visualPrompt);
  setTextKeepingCursor(direction_, s.directionPrompt);
  setTextKeepingCursor(narration_, s.narration);
  duration_->setValue(s.targetDuration);
  const int modelIndex = model_->findData(s.modelKey);
  model_->setCurrentIndex(modelIndex >= 0 ? modelIndex : 0);
  if (musicPrompt_->text() != s.musicPrompt) musicPrompt_->setText(s.musicPrompt);
  if (musicMood_->text() != s.musicMood) musicMood_->setText(s.musicMood);
  musicTempo_->setValue(s.musicTempo);
  loading_ = false;
  updatePlan();
}

// The scene state's plan (measured chunk lengths, or what the model delivered before) and what
// rendering the scene now generates and costs, with the backends that will run.
void SceneInspector::updatePlan() {
  if (!registry_) {
    plan_->setText(tr("The model registry is not available, so no chunk plan can be shown."));
    return;
  }
  if (!sceneId_) {
    plan_->clear();
    return;
  }
  const render::SceneState state = session_->sceneState(sceneId_);
  if (!state.model) {
    plan_->setText(tr("No chunk plan: %1").arg(state.note));
    return;
  }
  QString text = tr("%n chunk(s) of about %1 s with %2 cover %3.", nullptr, state.chunksNeeded)
                     .arg(render::expectedChunkSeconds(session_->store(), *state.model), 0, 'f', 1)
                     .arg(state.model->displayName, formatDuration(state.duration));
  const int generate = state.toGenerate();
  text += QLatin1Char('\n') +
          (state.cost ? tr("Rendering it now: %n part(s) to generate, about %1.", nullptr, generate)
                            .arg(formatCost(*state.cost))
                      : tr("Rendering it now: %n part(s) to generate, cost unknown (%1).", nullptr,
                           generate)
                            .arg(state.note));
  plan_->setText(text);
}

// A model change re-plans a scene whose chunks were generated: asked first, naming what goes
// out of date and what the next render costs. Every take is kept.
bool SceneInspector::confirmReplan(const QString& modelKey) {
  const auto scene = session_->store().scene(sceneId_);
  if (!scene || scene->modelKey == modelKey || !registry_) return true;
  const render::SceneState now = session_->sceneState(sceneId_);
  const render::SceneState after = session_->sceneState(sceneId_, modelKey);
  int generated = 0, outOfDate = 0;
  for (const render::Slot* slot : now.chunkSlots())
    if (slot->assetId && slot->state != render::SlotState::Unused) ++generated;
  for (const render::Slot* slot : after.chunkSlots())
    if (slot->assetId && slot->willGenerate) ++outOfDate;
  if (generated == 0 || outOfDate == 0) return true;
  const QString name = after.model ? after.model->displayName : modelKey;
  QMessageBox box(QMessageBox::Question, tr("Change the model"),
                  tr("Render \"%1\" with %2 from now on?").arg(scene->title, name),
                  QMessageBox::Cancel, this);
  box.setObjectName(QStringLiteral("replanConfirm"));
  box.setInformativeText(
      tr("%n generated chunk(s) will be out of date: the next render generates them again with "
         "%1 (%2). Every take is kept: choosing one in the chunk inspector brings it back.",
         nullptr, outOfDate)
          .arg(name, after.cost ? tr("about %1").arg(formatCost(*after.cost))
                                : tr("cost unknown: %1").arg(after.note)));
  QPushButton* change = box.addButton(tr("Change &model"), QMessageBox::AcceptRole);
  change->setObjectName(QStringLiteral("replanButton"));
  box.setDefaultButton(QMessageBox::Cancel);
  box.exec();
  return box.clickedButton() == change;
}

void SceneInspector::edit(const QString& field, const std::function<void(model::Scene&)>& change) {
  if (loading_ || !sceneId_) return;
  const auto before = session_->store().scene(sceneId_);
  if (!before) return;
  model::Scene after = *before;
  change(after);
  if (field == tr("title") && after.title.trimmed().isEmpty()) return;
  session_->undoStack()->push(new EditSceneCommand(session_, *before, after, field));
  updatePlan();
}

}  // namespace sw::ui
