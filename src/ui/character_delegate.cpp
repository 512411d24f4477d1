#include "ui/character_delegate.h"

#include <QComboBox>

#include "ui/character_model.h"

namespace sw::ui {

CharacterDelegate::CharacterDelegate(CharacterModel* characters, QObject* parent)
    : QStyledItemDelegate(parent), characters_(characters) {}

QWidget* CharacterDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                         const QModelIndex&) const {
  auto* combo = new QComboBox(parent);
  for (int row = 0; row < characters_->rowCount(); ++row)
    combo->addItem(characters_->character(row).name, characters_->character(row).id);
  return combo;
}

void CharacterDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
  auto* combo = static_cast<QComboBox*>(editor);
  combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
}

void CharacterDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                     const QModelIndex& index) const {
  auto* combo = static_cast<QComboBox*>(editor);
  if (combo->currentIndex() >= 0) model->setData(index, combo->currentData(), Qt::EditRole);
}

}  // namespace sw::ui
