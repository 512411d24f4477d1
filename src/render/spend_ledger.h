// SpendLedger: what render jobs spend, kept in the project store so it holds across threads,
// processes, batches and resumes. Every paid call writes a "spend" job event when it is reserved
// ({"reserved": estimate}) and when it ends ({"reserved": -estimate, "cost": actual}), so a job's
// cost is the sum of "cost" over every run, and what is committed is that plus the reservations
// still open. A batch is the jobs whose spec carries the same "batchId"; its jobs share one
// budget. Reservations are checked and written in one IMMEDIATE transaction, so two jobs of a
// batch cannot both pass the last dollar.
#pragma once

#include <QString>
#include <optional>

#include "model/project_store.h"
#include "render/render_request.h"

namespace sw::render {

// The project setting (project settings JSON) holding the default budget of a render, in USD.
inline constexpr const char* kProjectBudgetKey = "budgetUsd";

struct Spending {
  double costUsd = 0.0;      // paid, every run
  double reservedUsd = 0.0;  // reserved by calls still in flight (or by a run that died)
  double committedUsd() const { return costUsd + reservedUsd; }
};

// One job, every run.
Spending jobSpending(model::ProjectStore& store, model::Id jobId);
// Every job whose spec has `batchId` (and `jobId` itself, for a spec without one).
Spending batchSpending(model::ProjectStore& store, const QString& batchId, model::Id jobId);
// Every job of the project.
double projectSpentUsd(model::ProjectStore& store);

// The render's budget: the request's own (the dialog's or `render --budget`), else the
// project's "budgetUsd" setting, else none.
std::optional<double> effectiveBudget(model::ProjectStore& store, const RenderRequest& request);

struct Reservation {
  bool granted = false;
  double committedUsd = 0.0;  // the batch's, before this call
  std::optional<double> budgetUsd;
};
// Reserves `estimateUsd` for `what` against the budget of `request`'s batch; writes the
// reservation only when granted. One IMMEDIATE transaction.
Reservation reserveSpend(model::ProjectStore& store, model::Id jobId, const RenderRequest& request,
                         double estimateUsd, const QString& what);
// Ends a reservation with the call's real cost (0 when it failed).
void settleSpend(model::ProjectStore& store, model::Id jobId, double estimateUsd, double actualUsd);
// At the start of a run: reservations an earlier run left open (it died mid-call) are released;
// a call it had started is reserved again, and paid once, when this run resumes it.
void releaseOpenReservations(model::ProjectStore& store, model::Id jobId);

}  // namespace sw::render
