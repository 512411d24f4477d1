// splitForSpeech() and joinWavFiles(): long narration for TTS services with an input limit.
#include "providers/cloud/tts_backends.h"

#include <QFile>
#include <QtEndian>

namespace sw::providers::cloud {

namespace {

// Best cut position in text[0, limit): after a sentence end, else after a space, else limit.
qsizetype cutPosition(const QString& text, qsizetype limit) {
  if (text.size() <= limit) return text.size();
  for (qsizetype i = limit; i > limit / 2; --i) {
    const QChar c = text[i - 1];
    if ((c == '.' || c == '!' || c == '?' || c == '\n') && text[i].isSpace()) return i;
  }
  for (qsizetype i = limit; i > limit / 2; --i)
    if (text[i - 1].isSpace()) return i;
  return limit;
}

struct WavPcm {
  QByteArray format;  // the fmt chunk body
  QByteArray data;
};

WavPcm readWav(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    throw ProviderError(ProviderError::Kind::BadOutput, "Cannot read " + path, false);
  const QByteArray all = f.readAll();
  if (all.size() < 12 || !all.startsWith("RIFF") || all.mid(8, 4) != "WAVE")
    throw ProviderError(ProviderError::Kind::BadOutput, path + " is not a WAV file", false);
  WavPcm wav;
  qsizetype pos = 12;
  while (pos + 8 <= all.size()) {
    const QByteArray id = all.mid(pos, 4);
    const quint32 size = qFromLittleEndian<quint32>(all.constData() + pos + 4);
    const qsizetype body = pos + 8;
    if (id == "fmt ") wav.format = all.mid(body, size);
    if (id == "data") {  // streamed WAVs may declare 0 or 0xFFFFFFFF: take what is there
      const qsizetype available = all.size() - body;
      wav.data = all.mid(body, size == 0 || size > available ? available : size);
      break;
    }
    pos = body + size + (size & 1);
  }
  if (wav.format.isEmpty() || wav.data.isEmpty())
    throw ProviderError(ProviderError::Kind::BadOutput, path + " has no PCM audio", false);
  return wav;
}

}  // namespace

QStringList splitForSpeech(const QString& text, int limit) {
  QStringList out;
  QString rest = text.trimmed();
  while (!rest.isEmpty()) {
    const qsizetype cut = cutPosition(rest, limit);
    const QString piece = rest.left(cut).trimmed();
    if (!piece.isEmpty()) out << piece;
    rest = rest.mid(cut).trimmed();
  }
  return out;
}

void joinWavFiles(const QStringList& parts, const QString& output) {
  QByteArray format, data;
  for (const auto& path : parts) {
    const WavPcm wav = readWav(path);
    if (!format.isEmpty() && wav.format != format)
      throw ProviderError(ProviderError::Kind::BadOutput,
                          "The speech parts have different audio formats", false);
    format = wav.format;
    data += wav.data;
  }
  QByteArray out = "RIFF";
  const auto le32 = [](quint32 v) {
    QByteArray b(4, '\0');
    qToLittleEndian<quint32>(v, b.data());
    return b;
  };
  out += le32(static_cast<quint32>(4 + 8 + format.size() + 8 + data.size())) + "WAVE";
  out += "fmt " + le32(static_cast<quint32>(format.size())) + format;
  out += "data" + le32(static_cast<quint32>(data.size())) + data;
  QFile f(output);
  if (!f.open(QIODevice::WriteOnly) || f.write(out) != out.size())
    throw ProviderError(ProviderError::Kind::BadOutput,
                        "Cannot write " + output + ": " + f.errorString(), false);
}

}  // namespace sw::providers::cloud
