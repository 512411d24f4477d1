// The project's characters (name, voice); editing pushes undoable commands.
#pragma once

#include <QAbstractTableModel>

#include "model/types.h"

namespace sw::ui {

class ProjectSession;

class CharacterModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { NameColumn, VoiceColumn, ColumnCount };
  enum Role { CharacterIdRole = Qt::UserRole + 1 };

  explicit CharacterModel(ProjectSession* session, QObject* parent = nullptr);
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role) override;

  const model::Character& character(int row) const { return rows_.at(row); }
  QString nameOf(model::Id id) const;
  void addCharacter(const QString& name);
  void removeCharacter(int row);  // refused (storeError) while dialogue uses it

 private:
  void reload();
  ProjectSession* session_;
  QList<model::Character> rows_;
};

}  // namespace sw::ui
