#include "ui/render_film_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/project_session.h"

namespace sw::ui {

namespace {

// The transition combo's items: data = the spelling's kind ("" = the film's choice).
void fillKinds(QComboBox* box, bool withFilm) {
  if (withFilm) box->addItem(RenderFilmDialog::tr("Film's choice"), QString());
  box->addItem(RenderFilmDialog::tr("Cut"), QStringLiteral("cut"));
  box->addItem(RenderFilmDialog::tr("Crossfade"), QStringLiteral("crossfade"));
  box->addItem(RenderFilmDialog::tr("Dip to black"), QStringLiteral("dip"));
}

QDoubleSpinBox* secondsBox(double value) {
  auto* spin = new QDoubleSpinBox;
  spin->setRange(0.1, 10.0);
  spin->setSingleStep(0.1);
  spin->setDecimals(2);
  spin->setSuffix(QStringLiteral(" s"));
  spin->setValue(value);
  return spin;
}

QString spelling(const QComboBox* kind, const QDoubleSpinBox* seconds) {
  const QString k = kind->currentData().toString();
  if (k.isEmpty() || k == QLatin1String("cut")) return k;
  return render::parseFilmTransition(QStringLiteral("%1:%2").arg(k).arg(seconds->value()))
      .toString();
}

}  // namespace

RenderFilmDialog::RenderFilmDialog(ProjectSession* session, QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("renderFilmDialog"));
  setWindowTitle(tr("Render Film"));
  QList<model::Scene> list = session->store().scenes();
  std::sort(list.begin(), list.end(),
            [](const model::Scene& a, const model::Scene& b) { return a.position < b.position; });

  scenes_ = new QTableWidget(int(list.size()), 3, this);
  scenes_->setObjectName(QStringLiteral("filmScenes"));
  scenes_->setHorizontalHeaderLabels({tr("Scene"), tr("Into the next scene"), tr("Seconds")});
  scenes_->verticalHeader()->hide();
  scenes_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  scenes_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  scenes_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
  for (int row = 0; row < list.size(); ++row) {
    const model::Scene& s = list[row];
    ids_.append(s.id);
    auto* item = new QTableWidgetItem(QStringLiteral("%1. %2").arg(s.position + 1).arg(s.title));
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    scenes_->setItem(row, 0, item);
    auto* kind = new QComboBox;
    fillKinds(kind, true);
    auto* seconds = secondsBox(0.5);
    const QString own = session->store().sceneTransition(s.id);
    if (!own.isEmpty()) {
      try {
        const render::FilmTransition t = render::parseFilmTransition(own);
        kind->setCurrentIndex(kind->findData(t.type == media::Transition::Cut
                                                 ? QStringLiteral("cut")
                                                 : media::transitionName(t.type)));
        if (t.seconds > 0) seconds->setValue(t.seconds);
      } catch (const core::Error&) {
        // An unreadable stored override shows as the film's choice; saving replaces it.
      }
    }
    seconds->setEnabled(kind->currentData().toString() != QLatin1String("cut") &&
                        !kind->currentData().toString().isEmpty());
    connect(kind, &QComboBox::currentIndexChanged, seconds, [kind, seconds] {
      const QString k = kind->currentData().toString();
      seconds->setEnabled(!k.isEmpty() && k != QLatin1String("cut"));
    });
    scenes_->setCellWidget(row, 1, kind);
    scenes_->setCellWidget(row, 2, seconds);
  }
  connect(scenes_, &QTableWidget::itemChanged, this, &RenderFilmDialog::updateRenderButton);

  transition_ = new QComboBox(this);
  transition_->setObjectName(QStringLiteral("filmTransition"));
  fillKinds(transition_, false);
  seconds_ = secondsBox(0.5);
  seconds_->setParent(this);
  seconds_->setObjectName(QStringLiteral("filmSeconds"));
  seconds_->setEnabled(false);
  connect(transition_, &QComboBox::currentIndexChanged, this, [this] {
    seconds_->setEnabled(transition_->currentData().toString() != QLatin1String("cut"));
  });
  auto* transitionRow = new QHBoxLayout;
  transitionRow->addWidget(transition_, 1);
  transitionRow->addWidget(seconds_);

  output_ = new QLineEdit(
      QDir(session->store().exportsFolder()).filePath(QStringLiteral("film.mp4")), this);
  output_->setObjectName(QStringLiteral("filmOutput"));
  connect(output_, &QLineEdit::textChanged, this, &RenderFilmDialog::updateRenderButton);

  preview_ = new QCheckBox(tr("Preview quality (480p, fast) for scenes rendered first"), this);
  preview_->setObjectName(QStringLiteral("filmPreview"));

  auto* form = new QFormLayout;
  form->addRow(tr("Transition between scenes:"), transitionRow);
  form->addRow(QString(), preview_);
  form->addRow(tr("Output:"), output_);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  render_ = buttons->addButton(tr("Render Film"), QDialogButtonBox::AcceptRole);
  render_->setObjectName(QStringLiteral("renderFilmButton"));
  render_->setDefault(true);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(
      tr("Checked scenes are joined in order, a chapter each. A scene whose render is current is "
         "reused; the others are rendered first."),
      this));
  layout->addWidget(scenes_, 1);
  layout->addLayout(form);
  layout->addWidget(buttons);
  resize(560, 380);
  updateRenderButton();
}

render::FilmRequest RenderFilmDialog::request() const {
  render::FilmRequest r;
  for (int row = 0; row < ids_.size(); ++row)
    if (scenes_->item(row, 0)->checkState() == Qt::Checked) r.sceneIds.append(ids_[row]);
  r.transition = render::parseFilmTransition(spelling(transition_, seconds_));
  r.outputPath = QFileInfo(output_->text().trimmed()).absoluteFilePath();
  r.scene.preview = preview_->isChecked();
  return r;
}

QHash<model::Id, QString> RenderFilmDialog::overrides() const {
  QHash<model::Id, QString> out;
  for (int row = 0; row < ids_.size(); ++row)
    out.insert(ids_[row], spelling(qobject_cast<QComboBox*>(scenes_->cellWidget(row, 1)),
                                   qobject_cast<QDoubleSpinBox*>(scenes_->cellWidget(row, 2))));
  return out;
}

void RenderFilmDialog::setRenderAvailable(bool available, const QString& reason) {
  unavailable_ = available ? QString() : reason;
  updateRenderButton();
}

void RenderFilmDialog::updateRenderButton() {
  bool any = false;
  for (int row = 0; row < ids_.size(); ++row)
    any = any || scenes_->item(row, 0)->checkState() == Qt::Checked;
  QString why = unavailable_;
  if (why.isEmpty() && !any) why = tr("Check at least one scene.");
  if (why.isEmpty() && output_->text().trimmed().isEmpty()) why = tr("Name the output file.");
  render_->setEnabled(why.isEmpty());
  render_->setToolTip(why);
}

}  // namespace sw::ui
