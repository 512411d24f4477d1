// Timeline: a RenderPlan resolved against the probed inputs, on the output frame grid.
#pragma once

#include "media/probe.h"
#include "media/render_plan.h"

extern "C" {
#include <libavutil/pixfmt.h>
#include <libavutil/rational.h>
}

#include <vector>

namespace sw::media {

struct ResolvedSegment {
  VideoSegment spec;
  ProbeResult probe;
  int64_t inFrame = 0;       // first frame taken, in output frames from the file's start
  int64_t frames = 0;        // output frames this segment contributes (incl. crossfade overlap)
  int64_t xfadeFrames = 0;   // frames overlapped with the next segment (crossfade)
  int64_t dipOutFrames = 0;  // last frames fading to black (a dip into the next segment)
  int64_t dipInFrames = 0;   // first frames fading in from black (a dip from the previous one)
  int64_t outStart = 0;      // output frame index of this segment's first frame
  bool still() const { return spec.isStill(); }  // one picture held for `frames`
};

struct Timeline {
  AVRational fps{30, 1};
  int width = 0;
  int height = 0;
  std::vector<ResolvedSegment> segments;
  int64_t totalFrames = 0;
  // The YUV matrix the sources convert every picture to: the output's (encoders.h
  // setOutputColour); smart render keeps the inputs' own (their SPS is reused).
  AVColorSpace matrix = AVCOL_SPC_UNSPECIFIED;

  double frameSeconds(int64_t frames) const { return frames * av_q2d(av_inv_q(fps)); }
  double duration() const { return frameSeconds(totalFrames); }
};

// Probes every segment (throws MediaError naming the file when one is missing or unusable),
// fills in the output size/fps defaults and lays the segments on the output frame grid.
Timeline resolveTimeline(const RenderPlan& plan);

}  // namespace sw::media
