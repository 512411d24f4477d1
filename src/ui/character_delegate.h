// Edits a dialogue line's speaker with a combo box of the project's characters.
#pragma once

#include <QStyledItemDelegate>

namespace sw::ui {

class CharacterModel;

class CharacterDelegate : public QStyledItemDelegate {
  Q_OBJECT
 public:
  CharacterDelegate(CharacterModel* characters, QObject* parent);
  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                        const QModelIndex& index) const override;
  void setEditorData(QWidget* editor, const QModelIndex& index) const override;
  void setModelData(QWidget* editor, QAbstractItemModel* model,
                    const QModelIndex& index) const override;

 private:
  CharacterModel* characters_;
};

}  // namespace sw::ui
