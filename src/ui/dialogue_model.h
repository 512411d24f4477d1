// Dialogue lines of one scene (character, text, the lip-sync mark: a checkbox, off by default,
// for a line whose speaker's face is on screen) and its SFX cues (time, description, file,
// gain). Edits are undoable commands written to the store at once. A sound file dropped on a cue
// is probed and copied into the project (render/copy_in.h) on a worker thread, then set as an
// undoable edit; a refused file is reported through ProjectSession::storeError.
#pragma once

#include <QAbstractTableModel>
#include <QMimeData>

#include "model/types.h"

namespace sw::ui {

class ProjectSession;

class DialogueModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { CharacterColumn, TextColumn, LipSyncColumn, ColumnCount };
  enum Role { CharacterIdRole = Qt::UserRole + 1 };

  explicit DialogueModel(ProjectSession* session, QObject* parent = nullptr);
  void setScene(model::Id sceneId);
  model::Id sceneId() const { return sceneId_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role) override;

  void addLine(model::Id characterId, const QString& text);
  void removeLine(int row);

 private:
  void reload();
  ProjectSession* session_;
  model::Id sceneId_ = 0;
  QList<model::DialogueLine> rows_;
  QHash<model::Id, QString> names_;
};

class SfxCueModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { TimeColumn, DescriptionColumn, FileColumn, GainColumn, ColumnCount };

  explicit SfxCueModel(ProjectSession* session, QObject* parent = nullptr);
  void setScene(model::Id sceneId);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role) override;
  QStringList mimeTypes() const override;
  Qt::DropActions supportedDropActions() const override;
  bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                       const QModelIndex& parent) const override;
  bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                    const QModelIndex& parent) override;

  void addCue(double time, const QString& description);
  void removeCue(int row);

 private:
  void reload();
  ProjectSession* session_;
  model::Id sceneId_ = 0;
  QList<model::SfxCue> rows_;
};

}  // namespace sw::ui
