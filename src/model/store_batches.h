// BatchedWriter: many rows written in transactions of bounded size. Between two batches the write
// lock is free, so another connection (a render job, the GUI) can write instead of waiting for the
// whole import; the WAL can be checkpointed, and a batch's undo data stays small. A failure rolls
// back the open batch only: callers that need all-or-nothing build into a folder of their own
// and rename it into place (importProjectFile()).
#pragma once

#include <functional>
#include <optional>

#include "model/project_store.h"
#include "model/sqlite_db.h"

namespace sw::model {

class BatchedWriter {
 public:
  // rowsPerBatch <= 0: one transaction. `between` runs after each batch's commit but the last,
  // outside any transaction, with the rows committed so far. Inside a caller's transaction the
  // writer joins it and never commits.
  BatchedWriter(ProjectStore& store, int rowsPerBatch,
                std::function<void(qint64 rowsCommitted)> between = {});
  ~BatchedWriter();  // rolls the open batch back unless finish() ran
  BatchedWriter(const BatchedWriter&) = delete;
  BatchedWriter& operator=(const BatchedWriter&) = delete;

  // Counts one row written; commits and opens the next batch every rowsPerBatch rows.
  void row();
  // Commits the last batch.
  void finish();

  qint64 rows() const { return rows_; }
  int batchesCommitted() const { return batches_; }

 private:
  Database& db_;
  int rowsPerBatch_;
  std::function<void(qint64)> between_;
  bool joined_;
  std::optional<Transaction> tx_;
  qint64 rows_ = 0;
  int batches_ = 0;
};

}  // namespace sw::model
