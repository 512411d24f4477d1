#include "media/waveform.h"

#include "media/media_error.h"
#include "media/media_input.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>
}

#include <algorithm>
#include <cmath>

namespace sw::media {

Waveform audioWaveform(const QString& path, int peaksPerSecond) {
  MediaInput input(path);
  if (input.audioStream() < 0)
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("%1 has no audio stream to draw").arg(path), path);
  input.onlyStream(input.audioStream());
  FrameReader reader(input, input.audioStream());
  AVCodecContext* d = reader.context();
  // Interleaved float, channels kept: the peak is the loudest channel's.
  const int channels = std::max(1, d->ch_layout.nb_channels);
  SwrPtr swr = makeResampler(d, nullptr, AV_SAMPLE_FMT_FLT, 0, path);

  Waveform wave;
  wave.peaksPerSecond = std::max(1, peaksPerSecond);
  const double samplesPerPeak = double(d->sample_rate) / wave.peaksPerSecond;
  int64_t sample = 0;  // sample frames from the stream's start
  FramePtr frame = makeFrame();
  std::vector<float> buffer;
  auto add = [&](const float* data, int n) {
    for (int i = 0; i < n; ++i, ++sample) {
      const auto bucket = size_t(double(sample) / samplesPerPeak);
      if (bucket >= wave.peaks.size()) wave.peaks.resize(bucket + 1, 0.0f);
      for (int c = 0; c < channels; ++c)
        wave.peaks[bucket] =
            std::max(wave.peaks[bucket], std::min(1.0f, std::abs(data[i * channels + c])));
    }
  };
  while (reader.next(frame.get())) {
    const int cap = swr_get_out_samples(swr.get(), frame->nb_samples);
    buffer.resize(size_t(std::max(cap, 0)) * channels);
    uint8_t* out[1] = {reinterpret_cast<uint8_t*>(buffer.data())};
    const int n =
        checkAv(swr_convert(swr.get(), out, cap, const_cast<const uint8_t**>(frame->extended_data),
                            frame->nb_samples),
                QStringLiteral("Cannot convert the audio"), path);
    add(buffer.data(), n);
  }
  const int cap = swr_get_out_samples(swr.get(), 0);
  if (cap > 0) {
    buffer.resize(size_t(cap) * channels);
    uint8_t* out[1] = {reinterpret_cast<uint8_t*>(buffer.data())};
    const int n = swr_convert(swr.get(), out, cap, nullptr, 0);
    if (n > 0) add(buffer.data(), n);
  }
  return wave;
}

}  // namespace sw::media
