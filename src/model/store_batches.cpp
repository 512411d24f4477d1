#include "model/store_batches.h"

namespace sw::model {

BatchedWriter::BatchedWriter(ProjectStore& store, int rowsPerBatch,
                             std::function<void(qint64)> between)
    : db_(store.database()),
      rowsPerBatch_(rowsPerBatch),
      between_(std::move(between)),
      joined_(db_.inTransaction()) {
  if (!joined_) tx_.emplace(db_);
}

BatchedWriter::~BatchedWriter() = default;  // ~Transaction rolls an uncommitted batch back

void BatchedWriter::row() {
  ++rows_;
  if (joined_ || rowsPerBatch_ <= 0 || rows_ % rowsPerBatch_ != 0) return;
  tx_->commit();
  tx_.reset();
  ++batches_;
  if (between_) between_(rows_);
  tx_.emplace(db_);
}

void BatchedWriter::finish() {
  if (joined_ || !tx_) return;
  tx_->commit();
  tx_.reset();
  ++batches_;
}

}  // namespace sw::model
