#include "media/loudness.h"

#include "media/filter_graph.h"
#include "media/media_error.h"
#include "media/media_input.h"

#include <cmath>
#include <cstdlib>
#include <cstring>

namespace sw::media {

namespace {

double metaValue(const AVFrame* f, const char* key, double fallback) {
  const AVDictionaryEntry* e = av_dict_get(f->metadata, key, nullptr, 0);
  return e ? std::strtod(e->value, nullptr) : fallback;
}

}  // namespace

LoudnessMeter::LoudnessMeter(const std::string& sourceArgs, bool truePeak)
    : truePeak_(truePeak), out_(makeFrame()) {
  GraphOutput o;
  o.label = "out";
  o.audio = true;
  o.channels = 0;  // any format
  graph_ = std::make_unique<FilterGraph>(
      std::vector<GraphInput>{{"in", true, sourceArgs}}, std::vector<GraphOutput>{o},
      std::string("[in]ebur128=peak=") + (truePeak ? "true" : "sample") + ":metadata=1[out]",
      QStringLiteral("loudness measurement"));
}

LoudnessMeter::~LoudnessMeter() = default;

void LoudnessMeter::drain() {
  while (graph_->pull(0, out_.get()) == FilterGraph::Pull::Frame) {
    stats_.integrated = metaValue(out_.get(), "lavfi.r128.I", stats_.integrated);
    stats_.range = metaValue(out_.get(), "lavfi.r128.LRA", stats_.range);
    for (int ch = 0; ch < out_->ch_layout.nb_channels; ++ch) {
      char key[64];
      std::snprintf(key, sizeof key,
                    truePeak_ ? "lavfi.r128.true_peaks_ch%d" : "lavfi.r128.sample_peaks_ch%d", ch);
      const double lin = metaValue(out_.get(), key, 0.0);
      if (lin > 0) stats_.truePeak = std::max(stats_.truePeak, 20.0 * std::log10(lin));
    }
  }
}

void LoudnessMeter::push(AVFrame* frame) {
  graph_->push(0, frame);
  drain();
}

LoudnessStats LoudnessMeter::finish() {
  graph_->push(0, nullptr);
  drain();
  if (!std::isfinite(stats_.integrated) || stats_.integrated < -70.0) stats_.integrated = -70.0;
  return stats_;
}

LoudnessStats measureLoudness(const QString& path) {
  MediaInput input(path);
  if (input.audioStream() < 0) {
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("%1 has no audio stream to measure.").arg(path));
  }
  FrameReader reader(input, input.audioStream());
  AVCodecContext* dec = reader.context();
  LoudnessMeter meter(
      audioSourceArgs(dec->sample_rate, dec->sample_fmt, dec->ch_layout, reader.timeBase()));
  FramePtr frame = makeFrame();
  while (reader.next(frame.get())) meter.push(frame.get());
  return meter.finish();
}

}  // namespace sw::media
