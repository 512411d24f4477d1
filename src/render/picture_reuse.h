// Audio-only re-render: when the last render written to a plan's output was made from exactly
// the same picture (the same video segments and video settings, as its manifest records), the
// new render stream-copies that file's video and mixes only the new audio (issue 12,
// capability 10). The picture is never re-encoded from a previous output: reuse happens only when
// the copy is a stream copy.
#pragma once

#include <QJsonObject>
#include <QString>
#include <memory>
#include <optional>

#include "media/render_plan.h"

namespace sw::render {

// The previous output's picture, copied aside (the output path is written by the new render).
// The copy is removed when this is destroyed.
class ReusedPicture {
 public:
  ReusedPicture(const ReusedPicture&) = delete;
  ReusedPicture& operator=(const ReusedPicture&) = delete;
  ~ReusedPicture();

  // The plan to stitch instead of `plan`: one segment, the previous picture, with its own audio
  // replaced by `plan`'s mix. Null (nothing left behind) when the previous render is missing,
  // was made from another picture, cannot be read, or would not be stream-copied; `why` then
  // says which.
  static std::unique_ptr<ReusedPicture> forPlan(const media::RenderPlan& plan, QString* why);

  const media::RenderPlan& plan() const { return plan_; }

 private:
  ReusedPicture() = default;
  media::RenderPlan plan_;
  QString copy_;
};

// The plan's picture: its segments and the video part of its output settings, as JSON.
QJsonObject pictureOf(const media::RenderPlan& plan);

}  // namespace sw::render
