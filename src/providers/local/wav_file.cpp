#include "providers/local/wav_file.h"

#include "providers/provider_error.h"

#include <QFile>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace sw::providers::local {
namespace {

void put16(QByteArray& b, uint16_t v) {
  b.append(static_cast<char>(v & 0xff));
  b.append(static_cast<char>(v >> 8));
}
void put32(QByteArray& b, uint32_t v) {
  put16(b, static_cast<uint16_t>(v & 0xffff));
  put16(b, static_cast<uint16_t>(v >> 16));
}
uint32_t get32(const QByteArray& b, qsizetype at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(b.at(at + i));
  return v;
}
uint16_t get16(const QByteArray& b, qsizetype at) {
  return static_cast<uint16_t>(static_cast<uint8_t>(b.at(at)) |
                               (static_cast<uint8_t>(b.at(at + 1)) << 8));
}

[[noreturn]] void bad(const QString& path, const QString& why) {
  throw ProviderError(ProviderError::Kind::BadOutput,
                      QStringLiteral("%1 is not a usable 16-bit PCM WAV file: %2.").arg(path, why));
}

}  // namespace

void normalizePeak(std::vector<float>& samples, float peak) {
  float max = 0.0f;
  for (float s : samples) max = std::max(max, std::fabs(s));
  if (max <= 1e-9f) return;
  const float gain = peak / max;
  for (float& s : samples) s *= gain;
}

void writeWav(const QString& path, const PcmAudio& audio) {
  const uint32_t dataBytes = static_cast<uint32_t>(audio.samples.size() * 2);
  QByteArray bytes;
  bytes.reserve(44 + static_cast<qsizetype>(dataBytes));
  bytes.append("RIFF");
  put32(bytes, 36 + dataBytes);
  bytes.append("WAVEfmt ");
  put32(bytes, 16);
  put16(bytes, 1);  // PCM
  put16(bytes, static_cast<uint16_t>(audio.channels));
  put32(bytes, static_cast<uint32_t>(audio.sampleRate));
  put32(bytes, static_cast<uint32_t>(audio.sampleRate * audio.channels * 2));
  put16(bytes, static_cast<uint16_t>(audio.channels * 2));
  put16(bytes, 16);
  bytes.append("data");
  put32(bytes, dataBytes);
  for (float s : audio.samples) {
    const long v = std::lround(std::clamp(s, -1.0f, 1.0f) * 32767.0f);
    put16(bytes, static_cast<uint16_t>(static_cast<int16_t>(v)));
  }
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
    throw ProviderError(
        ProviderError::Kind::Failed,
        QStringLiteral("Cannot write the audio file %1: %2 (check the folder and free "
                       "space).")
            .arg(path, file.errorString()));
}

PcmAudio readWav(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) bad(path, file.errorString());
  const QByteArray b = file.readAll();
  if (b.size() < 44 || !b.startsWith("RIFF") || b.mid(8, 4) != "WAVE")
    bad(path, QStringLiteral("no RIFF/WAVE header"));
  PcmAudio audio;
  qsizetype at = 12;
  while (at + 8 <= b.size()) {
    const QByteArray id = b.mid(at, 4);
    const qsizetype size = get32(b, at + 4);
    const qsizetype body = at + 8;
    if (id == "fmt ") {
      if (get16(b, body) != 1 || get16(b, body + 14) != 16)
        bad(path, QStringLiteral("not 16-bit PCM"));
      audio.channels = get16(b, body + 2);
      audio.sampleRate = static_cast<int>(get32(b, body + 4));
    } else if (id == "data") {
      const qsizetype n = std::min<qsizetype>(size, b.size() - body) / 2;
      audio.samples.resize(static_cast<size_t>(n));
      for (qsizetype i = 0; i < n; ++i)
        audio.samples[static_cast<size_t>(i)] =
            static_cast<int16_t>(get16(b, body + 2 * i)) / 32768.0f;
      return audio;
    }
    at = body + size + (size & 1);
  }
  bad(path, QStringLiteral("no data chunk"));
}

}  // namespace sw::providers::local
