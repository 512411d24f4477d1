#include "media/frame_splice.h"

#include "media/ffmpeg_raii.h"
#include "media/media_error.h"
#include "media/media_input.h"
#include "media/media_writer.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>
}

#include <QFile>
#include <QSaveFile>
#include <QtEndian>
#include <cmath>
#include <vector>

namespace sw::media {

namespace {

AVRational streamRate(const AVStream* s) {
  return s->avg_frame_rate.num > 0 ? s->avg_frame_rate : s->r_frame_rate;
}

VideoEncodeSettings encodeLike(const AVStream* s) {
  VideoEncodeSettings v;
  v.width = s->codecpar->width - s->codecpar->width % 2;
  v.height = s->codecpar->height - s->codecpar->height % 2;
  v.fps = streamRate(s);
  v.crf = 14;  // the spliced frames sit between original ones: keep them close to the source
  v.preset = "veryfast";
  return v;
}

void putLe16(QByteArray& b, quint16 v) {
  char c[2];
  qToLittleEndian(v, c);
  b.append(c, 2);
}
void putLe32(QByteArray& b, quint32 v) {
  char c[4];
  qToLittleEndian(v, c);
  b.append(c, 4);
}

}  // namespace

FrameCount countVideoFrames(const QString& path) {
  MediaInput in(path, true);
  FrameReader reader(in, in.videoStream());
  FrameCount c;
  const AVStream* s = in.stream(in.videoStream());
  c.width = s->codecpar->width;
  c.height = s->codecpar->height;
  c.fps = streamRate(s);
  FramePtr f = makeFrame();
  while (reader.next(f.get())) ++c.frames;
  return c;
}

FrameCount cutVideoFrames(const QString& source, int64_t first, int64_t count, const QString& out) {
  MediaInput in(source, true);
  FrameReader reader(in, in.videoStream());
  const AVStream* s = in.stream(in.videoStream());
  MediaWriter writer(out);
  const VideoEncodeSettings v = encodeLike(s);
  writer.addVideoStream(v);
  FramePtr f = makeFrame();
  int64_t index = 0, written = 0;
  while (written < count && reader.next(f.get())) {
    if (index++ < first) continue;
    writer.writeVideo(f.get());
    ++written;
  }
  if (written < count)
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("Cannot cut frames %1-%2: the video has only %3 frames")
                         .arg(first)
                         .arg(first + count - 1)
                         .arg(index),
                     source);
  writer.finish();
  return FrameCount{v.width, v.height, v.fps, written};
}

int64_t cutAudioWindow(const QString& source, double offset, double seconds, const QString& out,
                       int rate) {
  const int64_t total = std::llround(seconds * rate);
  std::vector<int16_t> pcm(size_t(std::max<int64_t>(0, total)), 0);
  // Where the source's sample 0 lands in the window (negative offset: later than the start).
  const int64_t shift = std::llround(-offset * rate);
  MediaInput in(source);
  if (in.audioStream() < 0)
    throw MediaError(MediaError::Kind::InvalidInput, QStringLiteral("The file has no audio"),
                     source);
  FrameReader reader(in, in.audioStream());
  AVCodecContext* d = reader.context();
  const AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
  SwrPtr swr = makeResampler(d, &mono, AV_SAMPLE_FMT_S16, rate, source);
  FramePtr f = makeFrame();
  int64_t at = shift;  // window index of the next converted sample
  std::vector<int16_t> buffer;
  const auto place = [&](int n) {
    for (int i = 0; i < n; ++i, ++at)
      if (at >= 0 && at < total) pcm[size_t(at)] = buffer[size_t(i)];
  };
  while (at < total && reader.next(f.get())) {
    const int cap = swr_get_out_samples(swr.get(), f->nb_samples);
    buffer.resize(size_t(std::max(cap, 1)));
    uint8_t* dst[1] = {reinterpret_cast<uint8_t*>(buffer.data())};
    const int n = swr_convert(swr.get(), dst, cap, const_cast<const uint8_t**>(f->extended_data),
                              f->nb_samples);
    checkAv(n, QStringLiteral("Cannot resample the audio"), source);
    place(n);
  }
  for (int n = 1; n > 0 && at < total;) {  // drain the resampler
    buffer.resize(4096);
    uint8_t* dst[1] = {reinterpret_cast<uint8_t*>(buffer.data())};
    n = swr_convert(swr.get(), dst, 4096, nullptr, 0);
    if (n > 0) place(n);
  }
  QByteArray wav;
  const quint32 bytes = quint32(pcm.size() * 2);
  wav.append("RIFF");
  putLe32(wav, 36 + bytes);
  wav.append("WAVEfmt ");
  putLe32(wav, 16);
  putLe16(wav, 1);  // PCM
  putLe16(wav, 1);  // mono
  putLe32(wav, quint32(rate));
  putLe32(wav, quint32(rate * 2));
  putLe16(wav, 2);
  putLe16(wav, 16);
  wav.append("data");
  putLe32(wav, bytes);
  for (int16_t v : pcm) putLe16(wav, quint16(v));
  QSaveFile file(out);
  if (!file.open(QIODevice::WriteOnly) || file.write(wav) != wav.size() || !file.commit())
    throw MediaError(MediaError::Kind::Unwritable,
                     QStringLiteral("Cannot write the audio window: %1").arg(file.errorString()),
                     out);
  return total;
}

SpliceReport spliceFrames(const QString& original, int64_t first, int64_t count,
                          const QString& replacement, const QString& out) {
  MediaInput in(original, true);
  FrameReader reader(in, in.videoStream());
  MediaInput repl(replacement, true);
  FrameReader replReader(repl, repl.videoStream());
  MediaWriter writer(out);
  writer.addVideoStream(encodeLike(in.stream(in.videoStream())));
  SpliceReport report;
  FramePtr f = makeFrame();
  FramePtr r = makeFrame();
  bool replacementLeft = true;
  while (reader.next(f.get())) {
    const int64_t index = report.frames++;
    if (index >= first && index < first + count && replacementLeft) {
      if (replReader.next(r.get())) {
        ++report.replacementFrames;
        ++report.replaced;
        writer.writeVideo(r.get(), index == first);  // a keyframe where the splice starts
        continue;
      }
      replacementLeft = false;
    }
    writer.writeVideo(f.get(), index == first + report.replaced && index > first);
  }
  while (replacementLeft && replReader.next(r.get())) ++report.replacementFrames;
  writer.finish();
  return report;
}

}  // namespace sw::media
