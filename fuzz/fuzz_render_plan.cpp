// libFuzzer: bytes -> JSON object -> RenderPlan::fromJson() (parse and validate only, no
// stitching), then toJson() and fromJson() again: a plan we accept must read back.
#include <QJsonDocument>

#include "fuzz/fuzz_common.h"
#include "media/render_plan.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const QJsonDocument doc = QJsonDocument::fromJson(sw::fuzz::bytes(data, size));
  if (!doc.isObject()) return 0;
  sw::fuzz::expectErrors([&] {
    const sw::media::RenderPlan plan = sw::media::RenderPlan::fromJson(doc.object());
    (void)sw::media::RenderPlan::fromJson(plan.toJson());
  });
  return 0;
}
