// Normalised video frames on the output grid: SegmentVideoReader yields exactly the frames of one
// segment (scaled with letterbox/pillarbox, output fps, yuv420p, SAR 1); TimelineVideoSource yields
// the frames of a range of the output timeline, blending crossfades.
#pragma once

#include "media/ffmpeg_raii.h"
#include "media/filter_graph.h"
#include "media/media_input.h"
#include "media/timeline.h"

#include <memory>

namespace sw::media {

class SegmentVideoReader {
 public:
  // Starts at the segment's frame `skip` (0 = its first frame). decoderThreads: 0 = automatic.
  SegmentVideoReader(const ResolvedSegment& seg, const Timeline& t, int64_t skip = 0,
                     int decoderThreads = 0);
  // Next frame (pts = output frame index relative to the segment start); false after the last.
  bool next(AVFrame* out);

 private:
  bool pullGraph(AVFrame* out);
  void seekTo(double seconds);

  const ResolvedSegment& seg_;
  MediaInput input_;
  FrameReader reader_;
  std::unique_ptr<FilterGraph> graph_;
  FramePtr decoded_;
  int64_t endPts_ = AV_NOPTS_VALUE;  // end of the last decoded frame (graph time base)
  int64_t want_;                     // next wanted frame index in file frames (output grid)
  int64_t end_;                      // one past the last wanted frame
  bool graphClosed_ = false;
  bool graphDone_ = false;
};

class TimelineVideoSource {
 public:
  // Frames [first, last) of the output timeline. decoderThreads: 0 = automatic (frame threads);
  // 1 where several sources already run side by side.
  TimelineVideoSource(const Timeline& t, int64_t first, int64_t last, int decoderThreads = 0);
  ~TimelineVideoSource();
  // Next frame with pts = output frame index; false at the end of the range.
  bool next(AVFrame* out);

 private:
  size_t segmentAt(int64_t frame) const;
  SegmentVideoReader& reader(size_t seg);

  const Timeline& t_;
  const int decoderThreads_;
  int64_t pos_;
  int64_t last_;
  std::vector<std::unique_ptr<SegmentVideoReader>> readers_;
  FramePtr a_, b_;
  FramePtr black_;  // dips: the picture faded towards (made at the first dip)
  void dip(const ResolvedSegment& s, AVFrame* frame);
};

// out = a * (1 - alpha) + b * alpha, plane by plane (yuv420p, same size).
void blendFrames(const AVFrame* a, const AVFrame* b, double alpha, AVFrame* out);

}  // namespace sw::media
