#include "media/export_control.h"

#include "media/media_error.h"

namespace sw::media {

void ExportControl::checkCancel() const {
  if (cancel && cancel->load(std::memory_order_relaxed)) {
    throw MediaError(MediaError::Kind::Cancelled,
                     QStringLiteral("Cancelled by the user; no output was written."));
  }
}

}  // namespace sw::media
