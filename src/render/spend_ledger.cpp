#include "render/spend_ledger.h"

#include <QJsonObject>

namespace sw::render {

namespace {

const QString kSpend = QStringLiteral("spend");

void addSpend(Spending& out, model::ProjectStore& store, model::Id jobId) {
  for (const model::JobEvent& e : store.jobEvents(jobId)) {
    if (e.kind != kSpend) continue;
    out.costUsd += e.data.value(QStringLiteral("cost")).toDouble();
    out.reservedUsd += e.data.value(QStringLiteral("reserved")).toDouble();
  }
}

void spendEvent(model::ProjectStore& store, model::Id jobId, const QString& message,
                const QJsonObject& data) {
  store.addJobEvent({0, jobId, {}, QStringLiteral("info"), kSpend, message, data});
}

}  // namespace

Spending jobSpending(model::ProjectStore& store, model::Id jobId) {
  Spending out;
  addSpend(out, store, jobId);
  out.reservedUsd = std::max(0.0, out.reservedUsd);
  return out;
}

Spending batchSpending(model::ProjectStore& store, const QString& batchId, model::Id jobId) {
  Spending out;
  for (const model::RenderJob& job : store.jobs()) {
    const bool member = job.id == jobId || (!batchId.isEmpty() &&
                                            RenderRequest::fromJson(job.spec).batchId == batchId);
    if (member) addSpend(out, store, job.id);
  }
  out.reservedUsd = std::max(0.0, out.reservedUsd);
  return out;
}

double projectSpentUsd(model::ProjectStore& store) {
  Spending out;
  for (const model::RenderJob& job : store.jobs()) addSpend(out, store, job.id);
  return out.costUsd;
}

std::optional<double> effectiveBudget(model::ProjectStore& store, const RenderRequest& request) {
  if (request.budgetUsd) return request.budgetUsd;
  const QJsonValue v = store.project().settings.value(QLatin1String(kProjectBudgetKey));
  if (v.isDouble() && v.toDouble() >= 0.0) return v.toDouble();
  return std::nullopt;
}

Reservation reserveSpend(model::ProjectStore& store, model::Id jobId, const RenderRequest& request,
                         double estimateUsd, const QString& what) {
  Reservation r;
  store.transaction([&] {
    r.budgetUsd = effectiveBudget(store, request);
    r.committedUsd = batchSpending(store, request.batchId, jobId).committedUsd();
    r.granted = !r.budgetUsd || r.committedUsd + estimateUsd <= *r.budgetUsd + 1e-9;
    if (r.granted)
      spendEvent(store, jobId,
                 QStringLiteral("reserved $%1 for %2").arg(estimateUsd, 0, 'f', 4).arg(what),
                 QJsonObject{{"reserved", estimateUsd}, {"what", what}});
  });
  return r;
}

void settleSpend(model::ProjectStore& store, model::Id jobId, double estimateUsd,
                 double actualUsd) {
  spendEvent(store, jobId, QStringLiteral("paid $%1").arg(actualUsd, 0, 'f', 4),
             QJsonObject{{"reserved", -estimateUsd}, {"cost", actualUsd}});
}

void releaseOpenReservations(model::ProjectStore& store, model::Id jobId) {
  store.transaction([&] {
    const Spending s = jobSpending(store, jobId);
    if (s.reservedUsd > 1e-12)
      spendEvent(
          store, jobId,
          QStringLiteral("released $%1 reserved by an earlier run").arg(s.reservedUsd, 0, 'f', 4),
          QJsonObject{{"reserved", -s.reservedUsd}});
  });
}

}  // namespace sw::render
