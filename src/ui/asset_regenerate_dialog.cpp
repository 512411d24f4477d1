#include "ui/asset_regenerate_dialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

#include "render/regenerate.h"
#include "ui/project_session.h"

namespace sw::ui {

AssetRegenerateDialog::AssetRegenerateDialog(ProjectSession* session, Slot slot, model::Id sceneId,
                                             model::Id rowId, QWidget* parent)
    : QDialog(parent), slot_(slot), sceneId_(sceneId), rowId_(rowId) {
  setObjectName(QStringLiteral("assetRegenerateDialog"));
  model::ProjectStore& store = session->store();
  const model::Scene scene = store.scene(sceneId).value_or(model::Scene{});
  QString what, textLabel = tr("Prompt:"), note;
  bool speech = false;
  switch (slot) {
    case Slot::Narration:
      what = tr("the narration");
      text0_ = scene.narration;
      voice0_ = store.project().settings.value(QStringLiteral("narratorVoice")).toString();
      textLabel = tr("Text:");
      note = tr("The narrator voice is the project's: every scene's narration uses it.");
      speech = true;
      break;
    case Slot::Dialogue:
      what = tr("a dialogue line");
      for (const model::DialogueLine& l : store.dialogueLines(sceneId))
        if (l.id == rowId) {
          text0_ = l.text;
          for (const model::Character& c : store.characters())
            if (c.id == l.characterId) {
              voice0_ = c.voice;
              what = tr("a line of %1").arg(c.name);
            }
        }
      textLabel = tr("Text:");
      note = tr("The voice is the character's: their other lines need new takes after a change.");
      speech = true;
      break;
    case Slot::Music:
      what = tr("the music");
      text0_ = scene.musicPrompt;
      mood0_ = scene.musicMood;
      tempo0_ = scene.musicTempo;
      break;
    case Slot::Sfx:
      what = tr("a sound effect");
      for (const model::SfxCue& c : store.sfxCues(sceneId))
        if (c.id == rowId) text0_ = c.description;
      textLabel = tr("Description:");
      break;
    default:
      what = tr("the reference image");
      text0_ = scene.visualPrompt;
      note = tr("The prompt is the scene's visual prompt: chunks that follow it need new takes.");
      break;
  }
  setWindowTitle(tr("Regenerate %1").arg(what));
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  text_ = new QPlainTextEdit(text0_);
  text_->setTabChangesFocus(true);
  text_->setMaximumHeight(text_->fontMetrics().lineSpacing() * 4 + 12);
  form->addRow(textLabel, text_);
  if (speech) {
    voice_ = new QLineEdit(voice0_);
    voice_->setPlaceholderText(tr("The speech service's default voice"));
    form->addRow(tr("Voice:"), voice_);
  }
  if (slot == Slot::Music) {
    mood_ = new QLineEdit(mood0_);
    form->addRow(tr("Mood:"), mood_);
    tempo_ = new QSpinBox;
    tempo_->setRange(0, 400);
    tempo_->setSpecialValueText(tr("Unspecified"));
    tempo_->setSuffix(tr(" BPM"));
    tempo_->setValue(tempo0_);
    form->addRow(tr("Tempo:"), tempo_);
    length_ = new QDoubleSpinBox;
    length_->setObjectName(QStringLiteral("musicLength"));
    length_->setRange(0, 600);
    length_->setDecimals(0);
    length_->setSpecialValueText(tr("As long as the scene"));
    length_->setSuffix(tr(" s"));
    length_->setToolTip(
        tr("How long this take of the music is; the render cuts a longer one to "
           "the video, a shorter one ends early."));
    form->addRow(tr("Length:"), length_);
  }
  seed_ = new QLineEdit;
  seed_->setValidator(
      new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,18}")), seed_));
  seed_->setPlaceholderText(speech ? tr("Next take") : tr("Next seed"));
  form->addRow(speech ? tr("Take:") : tr("Seed:"), seed_);
  layout->addLayout(form);
  if (!note.isEmpty()) {
    auto* label = new QLabel(note);
    label->setWordWrap(true);
    layout->addWidget(label);
  }
  auto* hint = new QLabel(tr("The current one is kept; the new one is used from now on."));
  hint->setWordWrap(true);
  layout->addWidget(hint);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("&Regenerate"));
  // Speech needs words, a sound effect a description: an empty one has nothing to generate.
  QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
  const bool needsText = slot != Slot::Music && slot != Slot::ReferenceImage;
  connect(text_, &QPlainTextEdit::textChanged, this, [this, ok, needsText] {
    ok->setEnabled(!needsText || !text_->toPlainText().trimmed().isEmpty());
  });
  ok->setEnabled(!needsText || !text0_.trimmed().isEmpty());
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
}

render::RenderRequest AssetRegenerateDialog::request() const {
  render::RenderRequest r = slot_ == Slot::ReferenceImage
                                ? render::regenerateReferenceRequest(sceneId_)
                                : render::regenerateAudioRequest(slot_, sceneId_, rowId_);
  render::RegenerateTarget& t = r.regenerate;
  const QString text = text_->toPlainText();
  if (text != text0_) {
    if (slot_ == Slot::Narration || slot_ == Slot::Dialogue)
      t.text = text;
    else
      t.prompt = text;
  }
  if (voice_ && voice_->text() != voice0_) t.voice = voice_->text();
  if (mood_ && mood_->text() != mood0_) t.mood = mood_->text();
  if (tempo_ && tempo_->value() != tempo0_) t.tempo = tempo_->value();
  if (length_ && length_->value() > 0) t.length = length_->value();
  if (!seed_->text().isEmpty()) t.seed = seed_->text().toLongLong();
  return r;
}

}  // namespace sw::ui
