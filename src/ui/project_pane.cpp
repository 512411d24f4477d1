#include "ui/project_pane.h"

#include <QAction>
#include <QMessageBox>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include "ui/character_model.h"
#include "ui/project_session.h"
#include "ui/scene_commands.h"
#include "ui/scene_list_model.h"

namespace sw::ui {

ProjectPane::ProjectPane(ProjectSession* session, SceneListModel* scenes,
                         CharacterModel* characters, QWidget* parent)
    : QWidget(parent), session_(session), scenes_(scenes), characters_(characters) {
  auto* splitter = new QSplitter(Qt::Vertical);
  splitter->addWidget(buildScenes());
  splitter->addWidget(buildCharacters());
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);
  // A reset (add, delete, undo) loses the view's selection: put it back by id.
  connect(scenes_, &QAbstractItemModel::modelReset, this, &ProjectPane::restoreSelection);
  connect(session_, &ProjectSession::sceneRestored, this, &ProjectPane::selectScene);
}

QToolButton* ProjectPane::button(const QString& text, const QString& icon, const QString& tip) {
  auto* b = new QToolButton;
  b->setText(text);
  b->setIcon(QIcon::fromTheme(icon));
  b->setToolTip(tip);
  b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  b->setAutoRaise(true);
  return b;
}

QWidget* ProjectPane::buildScenes() {
  auto* box = new QWidget;
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(4, 4, 4, 0);
  auto* label = new QLabel(tr("<b>Scenes</b>"));
  sceneView_ = new QTableView;
  sceneView_->setObjectName(QStringLiteral("sceneView"));
  sceneView_->setModel(scenes_);
  sceneView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  sceneView_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  sceneView_->setDragDropMode(QAbstractItemView::InternalMove);
  sceneView_->setDragEnabled(true);
  sceneView_->setAcceptDrops(true);
  sceneView_->setDropIndicatorShown(true);
  sceneView_->setDefaultDropAction(Qt::MoveAction);
  sceneView_->verticalHeader()->setSectionsClickable(false);
  sceneView_->horizontalHeader()->setSectionResizeMode(SceneListModel::TitleColumn,
                                                       QHeaderView::Stretch);
  for (int c = SceneListModel::StatusColumn; c < SceneListModel::ColumnCount; ++c)
    sceneView_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
  sceneView_->setAlternatingRowColors(true);
  sceneView_->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
  auto* buttons = new QHBoxLayout;
  auto* add =
      button(tr("Add"), QStringLiteral("list-add"), tr("Add a scene after the selected one"));
  auto* dup =
      button(tr("Duplicate"), QStringLiteral("edit-copy"), tr("Duplicate the selected scene"));
  auto* del = button(tr("Delete"), QStringLiteral("list-remove"), tr("Delete the selected scenes"));
  add->setObjectName(QStringLiteral("addSceneButton"));
  dup->setObjectName(QStringLiteral("duplicateSceneButton"));
  del->setObjectName(QStringLiteral("deleteSceneButton"));
  for (auto* b : {add, dup, del}) buttons->addWidget(b);
  buttons->addStretch();
  layout->addWidget(label);
  layout->addWidget(sceneView_);
  layout->addLayout(buttons);
  connect(add, &QToolButton::clicked, this, &ProjectPane::addScene);
  connect(dup, &QToolButton::clicked, this, &ProjectPane::duplicateScene);
  connect(del, &QToolButton::clicked, this, &ProjectPane::deleteScenes);
  auto* deleteKey = new QAction(tr("Delete Scene…"), sceneView_);
  deleteKey->setObjectName(QStringLiteral("deleteSceneKey"));
  deleteKey->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
  deleteKey->setShortcutContext(Qt::WidgetShortcut);
  sceneView_->addAction(deleteKey);
  connect(deleteKey, &QAction::triggered, this, &ProjectPane::confirmDeleteScenes);
  connect(sceneView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            const model::Id id = scenes_->sceneId(current.row());
            if (id == lastScene_) return;
            lastScene_ = id;
            emit currentSceneChanged(id);
          });
  return box;
}

QWidget* ProjectPane::buildCharacters() {
  auto* box = new QWidget;
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(4, 4, 4, 0);
  characterView_ = new QTableView;
  characterView_->setModel(characters_);
  characterView_->horizontalHeader()->setStretchLastSection(true);
  characterView_->verticalHeader()->hide();
  characterView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  auto* buttons = new QHBoxLayout;
  auto* add = button(tr("Add"), QStringLiteral("list-add"), tr("Add a character"));
  auto* del = button(tr("Delete"), QStringLiteral("list-remove"),
                     tr("Delete the selected character (only when no dialogue uses it)"));
  buttons->addWidget(add);
  buttons->addWidget(del);
  buttons->addStretch();
  layout->addWidget(new QLabel(tr("<b>Characters</b>")));
  layout->addWidget(characterView_);
  layout->addLayout(buttons);
  connect(add, &QToolButton::clicked, this, [this] {
    characters_->addCharacter(tr("Character %1").arg(characters_->rowCount() + 1));
  });
  connect(del, &QToolButton::clicked, this,
          [this] { characters_->removeCharacter(characterView_->currentIndex().row()); });
  return box;
}

model::Id ProjectPane::currentSceneId() const {
  return scenes_->sceneId(sceneView_->currentIndex().row());
}

QList<model::Id> ProjectPane::selectedSceneIds() const {
  QList<model::Id> ids;
  const QModelIndexList rows = sceneView_->selectionModel()->selectedRows();
  QList<int> order;
  for (const QModelIndex& index : rows) order.append(index.row());
  std::sort(order.begin(), order.end());
  for (int row : order) ids.append(scenes_->sceneId(row));
  if (ids.isEmpty() && currentSceneId()) ids.append(currentSceneId());
  return ids;
}

void ProjectPane::selectScene(model::Id sceneId) {
  const int row = scenes_->rowOf(sceneId);
  if (row < 0) return;
  sceneView_->selectionModel()->setCurrentIndex(
      scenes_->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ProjectPane::restoreSelection() {
  const model::Id id = session_->resolve(Entity::Scene, lastScene_);
  lastScene_ = 0;
  if (scenes_->rowOf(id) >= 0) return selectScene(id);
  if (scenes_->rowCount() > 0) return selectScene(scenes_->sceneId(0));
  emit currentSceneChanged(0);
}

void ProjectPane::addScene() {
  const int row = sceneView_->currentIndex().isValid() ? sceneView_->currentIndex().row() + 1
                                                       : scenes_->rowCount();
  SceneSnapshot content;
  content.scene.title = tr("Scene %1").arg(scenes_->rowCount() + 1);
  auto* command = new AddSceneCommand(session_, content, row, tr("Add scene"));
  session_->undoStack()->push(command);
  selectScene(command->sceneId());
}

void ProjectPane::duplicateScene() {
  const model::Id id = currentSceneId();
  if (!id) return;
  try {
    SceneSnapshot copy = SceneSnapshot::capture(session_->store(), id);
    copy.scene.title = tr("%1 (copy)").arg(copy.scene.title);
    auto* command =
        new AddSceneCommand(session_, copy, copy.scene.position + 1, tr("Duplicate scene"));
    session_->undoStack()->push(command);
    selectScene(command->sceneId());
  } catch (const model::StoreError& e) {
    emit session_->storeError(e.message());
  }
}

void ProjectPane::confirmDeleteScenes() {
  const QList<model::Id> ids = selectedSceneIds();
  if (ids.isEmpty()) return;
  QString names;
  for (model::Id id : ids)
    if (const auto scene = session_->store().scene(id))
      names += (names.isEmpty() ? QString() : QStringLiteral(", ")) + scene->title;
  auto* box = new QMessageBox(QMessageBox::Question, tr("Delete Scene"),
                              tr("Delete %n scene(s): %1?", nullptr, int(ids.size())).arg(names),
                              QMessageBox::Yes | QMessageBox::Cancel, this);
  box->setObjectName(QStringLiteral("confirmDeleteScenes"));
  box->setInformativeText(tr("Edit > Undo brings them back with their chunks and takes."));
  box->setDefaultButton(QMessageBox::Yes);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setWindowModality(Qt::WindowModal);
  connect(box, &QMessageBox::finished, this, [this, ids](int result) {
    if (result == QMessageBox::Yes && selectedSceneIds() == ids) deleteScenes();
  });
  box->open();
}

void ProjectPane::deleteScenes() {
  const QList<model::Id> ids = selectedSceneIds();
  if (ids.isEmpty()) return;
  session_->undoStack()->beginMacro(tr("Delete %n scene(s)", nullptr, int(ids.size())));
  for (model::Id id : ids) session_->undoStack()->push(new RemoveSceneCommand(session_, id));
  session_->undoStack()->endMacro();
}

}  // namespace sw::ui
