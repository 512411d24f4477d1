#include "model/types.h"

#include <array>
#include <utility>

namespace sw::model {

namespace {
constexpr std::array kChunkStatusNames{
    std::pair{ChunkStatus::Pending, "pending"}, std::pair{ChunkStatus::Generating, "generating"},
    std::pair{ChunkStatus::Ready, "ready"}, std::pair{ChunkStatus::Failed, "failed"},
    std::pair{ChunkStatus::Stale, "stale"}};
constexpr std::array kJobStatusNames{
    std::pair{JobStatus::Queued, "queued"},       std::pair{JobStatus::Processing, "processing"},
    std::pair{JobStatus::Completed, "completed"}, std::pair{JobStatus::Failed, "failed"},
    std::pair{JobStatus::Cancelled, "cancelled"}, std::pair{JobStatus::Interrupted, "interrupted"}};

template <typename Table, typename Enum>
QString nameOf(const Table& table, Enum value) {
  for (const auto& [v, name] : table)
    if (v == value) return QString::fromLatin1(name);
  return {};
}

template <typename Table>
auto valueOf(const Table& table, const QString& text)
    -> std::optional<typename Table::value_type::first_type> {
  for (const auto& [v, name] : table)
    if (text == QLatin1String(name)) return v;
  return std::nullopt;
}
}  // namespace

QString toString(ChunkStatus status) { return nameOf(kChunkStatusNames, status); }
QString toString(JobStatus status) { return nameOf(kJobStatusNames, status); }
std::optional<ChunkStatus> chunkStatusFromString(const QString& text) {
  return valueOf(kChunkStatusNames, text);
}
std::optional<JobStatus> jobStatusFromString(const QString& text) {
  return valueOf(kJobStatusNames, text);
}

}  // namespace sw::model
