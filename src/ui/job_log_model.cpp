#include "ui/job_log_model.h"

#include <QBrush>
#include <QColor>
#include <QJsonDocument>

#include "model/project_store.h"

namespace sw::ui {

JobLogModel::JobLogModel(QObject* parent) : QAbstractTableModel(parent) {}

void JobLogModel::setEntries(QList<Entry> entries) {
  // The log of a running job grows at its end: add the new rows, keeping scroll and selection.
  const auto grows = [&] {
    if (entries.size() < entries_.size()) return false;
    for (int i = 0; i < entries_.size(); ++i)
      if (entries.at(i).event.id != entries_.at(i).event.id) return false;
    return true;
  };
  if (grows()) {
    if (entries.size() == entries_.size()) return;
    beginInsertRows({}, int(entries_.size()), int(entries.size()) - 1);
    entries_ = std::move(entries);
    endInsertRows();
    return;
  }
  beginResetModel();
  entries_ = std::move(entries);
  endResetModel();
}

QList<JobLogModel::Entry> JobLogModel::load(const QString& projectFolder, model::Id jobId) {
  const auto store = model::ProjectStore::open(projectFolder, model::ProjectStore::Check::Known);
  const QList<model::JobEvent> events = store->jobEvents(jobId);
  const QList<render::JobLogRow> rows = render::describeJobEvents(events);
  QList<Entry> entries;
  entries.reserve(events.size());
  for (int i = 0; i < events.size(); ++i) entries.append({rows.at(i), events.at(i)});
  return entries;
}

int JobLogModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(entries_.size());
}

int JobLogModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : WhatColumn + 1;
}

QVariant JobLogModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const Entry& e = entries_.at(index.row());
  const render::JobLogRow& r = e.row;
  if (role == Qt::DisplayRole) {
    switch (Column(index.column())) {
      case TimeColumn:
        return r.time.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
      case AtColumn:
        return render::formatElapsed(r.elapsed);
      case StepColumn:
        return r.step;
      case ModelColumn:
        return r.model;
      case CostColumn:
        return render::formatLogCost(r.cost);
      case TookColumn:
        return render::formatLogSeconds(r.seconds);
      case WhatColumn:
        return r.what;
    }
  }
  if (role == Qt::ToolTipRole) {
    const QString data = QString::fromUtf8(QJsonDocument(e.event.data).toJson());
    return tr("%1 (%2)\n%3").arg(r.what, e.event.kind, data.left(4000));
  }
  if (role == Qt::ForegroundRole) {
    if (r.level == QLatin1String("error")) return QBrush(QColor(0xdc, 0x26, 0x26));
    if (r.level == QLatin1String("warning")) return QBrush(QColor(0xb4, 0x53, 0x09));
  }
  if (role == Qt::TextAlignmentRole &&
      (index.column() == CostColumn || index.column() == TookColumn || index.column() == AtColumn))
    return int(Qt::AlignRight | Qt::AlignVCenter);
  return {};
}

QVariant JobLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (Column(section)) {
    case TimeColumn:
      return tr("Time");
    case AtColumn:
      return tr("At");
    case StepColumn:
      return tr("Step");
    case ModelColumn:
      return tr("Model");
    case CostColumn:
      return tr("Cost");
    case TookColumn:
      return tr("Took");
    case WhatColumn:
      return tr("What");
  }
  return {};
}

}  // namespace sw::ui
