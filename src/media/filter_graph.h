// FilterGraph: an AVFilterGraph with named buffer sources and buffer sinks, built from one
// textual description ("[in0]scale=...[out]"), with push/pull helpers and readable errors.
#pragma once

#include "media/ffmpeg_raii.h"

#include <QString>
#include <string>
#include <vector>

namespace sw::media {

struct GraphInput {
  std::string label;  // pad label in the description, e.g. "in0"
  bool audio = false;
  std::string args;  // buffer/abuffer arguments (see videoSourceArgs/audioSourceArgs)
};

struct GraphOutput {
  std::string label;  // e.g. "out"
  bool audio = false;
  AVPixelFormat pixFmt = AV_PIX_FMT_YUV420P;  // video sinks
  int sampleRate = 48000;                     // audio sinks: fltp at this rate ...
  int channels = 2;                           // ... and channel count (0 = any format)
  int frameSize = 0;                          // audio: fixed samples per frame (0 = any)
};

// Source arguments describing frames of a decoder (or of a stream) to the graph.
std::string videoSourceArgs(int width, int height, AVPixelFormat fmt, AVRational timeBase,
                            AVRational sar, AVRational frameRate);
std::string audioSourceArgs(int sampleRate, AVSampleFormat fmt, const AVChannelLayout& layout,
                            AVRational timeBase);

class FilterGraph {
 public:
  enum class Pull { Frame, Again, Eof };

  // `what` names the graph in error messages ("video normalisation of chunk.mp4").
  FilterGraph(const std::vector<GraphInput>& inputs, const std::vector<GraphOutput>& outputs,
              const std::string& description, const QString& what);

  // Pushes a frame to input i (the graph takes its own reference); nullptr closes the input.
  void push(int input, AVFrame* frame);
  // Ends `input` at `pts` (its time base): the end of the last frame, so a filter such as fps
  // that needs to know how long the last frame lasts still emits it.
  void close(int input, int64_t pts);
  // Pulls the next frame of output o into frame.
  Pull pull(int output, AVFrame* frame);
  AVRational outputTimeBase(int output) const;
  unsigned failedRequests(int input) const;

 private:
  FilterGraphPtr graph_;
  std::vector<AVFilterContext*> sources_;
  std::vector<AVFilterContext*> sinks_;
  std::vector<bool> closed_;
  QString what_;
};

}  // namespace sw::media
