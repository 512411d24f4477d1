// The rows of one job's log (render::describeJobEvents, the same words as `scenewright-cli jobs
// DIR --events JOB`) as a table: Time, At, Step, Model, Cost, Took, What. Warnings and errors
// are coloured; a row's tooltip has the event's recorded data.
#pragma once

#include <QAbstractTableModel>

#include "model/types.h"
#include "render/job_log.h"

namespace sw::ui {

class JobLogModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { TimeColumn, AtColumn, StepColumn, ModelColumn, CostColumn, TookColumn, WhatColumn };
  struct Entry {
    render::JobLogRow row;
    model::JobEvent event;
  };
  explicit JobLogModel(QObject* parent = nullptr);

  // Appends when `entries` continues the rows shown, else resets.
  void setEntries(QList<Entry> entries);
  const QList<Entry>& entries() const { return entries_; }
  // Worker thread: the job's events read through a store connection of its own.
  static QList<Entry> load(const QString& projectFolder, model::Id jobId);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  QList<Entry> entries_;
};

}  // namespace sw::ui
