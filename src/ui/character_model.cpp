#include "ui/character_model.h"

#include <QUndoStack>

#include "ui/project_session.h"
#include "ui/row_commands.h"

namespace sw::ui {

CharacterModel::CharacterModel(ProjectSession* session, QObject* parent)
    : QAbstractTableModel(parent), session_(session) {
  connect(session, &ProjectSession::charactersChanged, this, &CharacterModel::reload);
  connect(session, &ProjectSession::scenesReset, this, &CharacterModel::reload);
  reload();
}

void CharacterModel::reload() {
  beginResetModel();
  rows_ = session_->store().characters();
  endResetModel();
}

int CharacterModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(rows_.size());
}

int CharacterModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant CharacterModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const model::Character& c = rows_.at(index.row());
  if (role == CharacterIdRole) return c.id;
  if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
  return index.column() == NameColumn ? c.name : c.voice;
}

QVariant CharacterModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  return section == NameColumn ? tr("Character") : tr("Voice");
}

Qt::ItemFlags CharacterModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool CharacterModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::EditRole) return false;
  const model::Character before = rows_.at(index.row());
  model::Character after = before;
  const QString text = value.toString().trimmed();
  QString field;
  if (index.column() == NameColumn) {
    if (text.isEmpty()) return false;
    after.name = text;
    field = tr("character name");
  } else {
    after.voice = text;
    field = tr("voice");
  }
  if (after.name == before.name && after.voice == before.voice) return false;
  session_->undoStack()->push(new EditRowCommand<model::Character>(session_, before, after, field,
                                                                   tr("Edit %1").arg(field)));
  return true;
}

QString CharacterModel::nameOf(model::Id id) const {
  for (const model::Character& c : rows_)
    if (c.id == id) return c.name;
  return {};
}

void CharacterModel::addCharacter(const QString& name) {
  model::Character c;
  c.name = name;
  session_->undoStack()->push(new AddRemoveRowCommand<model::Character>(
      session_, c, false, tr("Add character \"%1\"").arg(name)));
}

void CharacterModel::removeCharacter(int row) {
  if (row < 0 || row >= rows_.size()) return;
  const model::Character c = rows_.at(row);
  session_->undoStack()->push(new AddRemoveRowCommand<model::Character>(
      session_, c, true, tr("Delete character \"%1\"").arg(c.name)));
}

}  // namespace sw::ui
