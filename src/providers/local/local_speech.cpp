#include "providers/local/local_speech.h"

#include "providers/asset_cache.h"
#include "providers/local/local_video.h"
#include "providers/local/wav_file.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <QElapsedTimer>
#include <algorithm>
#include <mutex>

namespace sw::providers::local {
namespace {

using Kind = ProviderError::Kind;

// espeak-ng keeps global state: one mutex for initialisation and every synthesis.
std::mutex& engineMutex() {
  static std::mutex m;
  return m;
}

struct Collector {
  std::vector<float>* samples = nullptr;
  const GenerationContext* ctx = nullptr;
};
Collector g_collector;  // guarded by engineMutex()

int synthCallback(short* wav, int count, espeak_EVENT*) {
  if (g_collector.ctx && g_collector.ctx->isCancelled()) return 1;  // abort synthesis
  if (wav && count > 0)
    for (int i = 0; i < count; ++i) g_collector.samples->push_back(wav[i] / 32768.0f);
  return 0;
}

int engineRate() {  // call with the mutex held
  static int rate = 0;
  if (rate > 0) return rate;
  rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, nullptr, espeakINITIALIZE_DONT_EXIT);
  if (rate <= 0)
    throw ProviderError(Kind::Failed,
                        QStringLiteral("espeak-ng could not start: its voice data is "
                                       "missing (install the espeak-ng-data package)."));
  espeak_SetSynthCallback(&synthCallback);
  return rate;
}

[[noreturn]] void unknownVoice(const SpeechRequest& r, const QString& voice) {
  throw ProviderError(
      Kind::Invalid,
      QStringLiteral("espeak-ng has no voice \"%1\" (for %2); use a voice "
                     "like en-us+m3 or en+f2 (language+variant).")
          .arg(voice, r.character.isEmpty() ? QStringLiteral("narration") : r.character));
}

QString readText(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// espeak-ng 1.51 keeps its pitch-flutter phase in a function-static counter that no API resets,
// so the same text would come out a few samples different each time. A voice file that is the
// language file + the variant's lines + "flutter 0" makes every synthesis identical.
QString voiceDefinition(const SpeechRequest& r, const QString& voice) {
  const QString language = voice.section('+', 0, 0).toLower();
  const QString variant = voice.section('+', 1);
  const char* dataPath = nullptr;
  espeak_Info(&dataPath);
  const QDir data(QString::fromLocal8Bit(dataPath ? dataPath : ""));
  QString text;
  for (QDirIterator it(data.filePath(QStringLiteral("lang")), QDir::Files,
                       QDirIterator::Subdirectories);
       it.hasNext() && text.isEmpty();) {
    if (QFileInfo(it.next()).fileName().toLower() == language) text = readText(it.filePath());
  }
  if (text.isEmpty() || variant.contains('/') || variant.contains(QLatin1String("..")))
    unknownVoice(r, voice);
  if (!variant.isEmpty()) {
    const QString variantText = readText(data.filePath(QStringLiteral("voices/!v/") + variant));
    if (variantText.isEmpty()) unknownVoice(r, voice);
    for (const QString& line : variantText.split('\n')) {
      const QString key = line.trimmed().section(' ', 0, 0);
      if (key != QLatin1String("name") && key != QLatin1String("language")) text += '\n' + line;
    }
  }
  return text + QStringLiteral("\nflutter 0\n");
}

// espeak-ng lower-cases the voice file path it is given and keeps only its first ~60 bytes
// (a fixed buffer), so the file lives in a short lower-case path: the temp folder when it is one,
// else /tmp.
constexpr int kMaxVoicePathBytes = 48;

QString voiceFilePath() {
  const QString name = QStringLiteral("sw-espeak-%1.voice").arg(QCoreApplication::applicationPid());
  for (const QString& dir : {QDir::tempPath(), QStringLiteral("/tmp")}) {
    const QString path = QDir(dir).filePath(name);
    if (path == path.toLower() && QFile::encodeName(path).size() <= kMaxVoicePathBytes &&
        QFileInfo(dir).isWritable())
      return path;
  }
  throw ProviderError(
      Kind::Failed,
      QStringLiteral("Local speech (espeak-ng) needs a temporary folder with a short lower-case "
                     "path (at most %1 characters with the file name), and neither %2 nor /tmp "
                     "is one that can be written. Set TMPDIR to such a folder, e.g. /tmp.")
          .arg(kMaxVoicePathBytes)
          .arg(QDir::tempPath()));
}

void applyVoice(const SpeechRequest& r, const QString& voice) {
  const QString path = voiceFilePath();
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
      file.write(voiceDefinition(r, voice).toUtf8()) < 0)
    throw ProviderError(Kind::Failed,
                        QStringLiteral("Cannot write the espeak-ng voice file %1: %2.")
                            .arg(path, file.errorString()));
  file.close();
  const espeak_ng_STATUS status = espeak_ng_SetVoiceByFile(QFile::encodeName(path).constData());
  QFile::remove(path);
  if (status != ENS_OK) unknownVoice(r, voice);
  const QJsonObject s = r.voiceSettings;
  const double speed = s.value("speed").toDouble(1.0);
  const int rate = s.value("rate").toInt(static_cast<int>(espeakRATE_NORMAL * speed));
  espeak_SetParameter(espeakRATE, std::clamp(rate, espeakRATE_MINIMUM, espeakRATE_MAXIMUM), 0);
  // Pitch and range stay as the voice variant sets them unless the character overrides them.
  if (s.contains("pitch"))
    espeak_SetParameter(espeakPITCH, std::clamp(s.value("pitch").toInt(), 0, 100), 0);
  if (s.contains("range"))
    espeak_SetParameter(espeakRANGE, std::clamp(s.value("range").toInt(), 0, 100), 0);
}

PcmAudio synthesise(const SpeechRequest& r, const QString& voice, const GenerationContext& ctx) {
  std::lock_guard lock(engineMutex());
  PcmAudio audio;
  audio.sampleRate = engineRate();
  audio.channels = 1;
  applyVoice(r, voice);
  g_collector = Collector{&audio.samples, &ctx};
  const QByteArray text = r.text.toUtf8();
  const espeak_ERROR err = espeak_Synth(text.constData(), static_cast<size_t>(text.size()) + 1, 0,
                                        POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
  espeak_Synchronize();
  g_collector = Collector{};
  ctx.throwIfCancelled(QStringLiteral("Speech synthesis"));
  if (err != EE_OK)
    throw ProviderError(Kind::Failed,
                        QStringLiteral("espeak-ng failed to speak the line (error %1).").arg(err));
  if (audio.samples.empty())
    throw ProviderError(
        Kind::BadOutput,
        QStringLiteral("espeak-ng produced no sound for \"%1\".").arg(r.text.left(60)));
  return audio;
}

}  // namespace

QString LocalSpeechGenerator::defaultVoice(int characterIndex) const {
  static const char* const kVoices[] = {"en-us+m3", "en-us+f3", "en+m4", "en+f4",
                                        "en-us+m7", "en-us+f2", "en+m2", "en+f5"};
  const int n = static_cast<int>(std::size(kVoices));
  return QString::fromLatin1(kVoices[((characterIndex % n) + n) % n]);
}

GenerationResult LocalSpeechGenerator::generate(const SpeechRequest& request,
                                                const GenerationContext& ctx) {
  QElapsedTimer timer;
  timer.start();
  if (request.text.trimmed().isEmpty())
    throw ProviderError(Kind::Invalid,
                        QStringLiteral("There is no text to speak for %1.")
                            .arg(request.character.isEmpty() ? QStringLiteral("the narration")
                                                             : request.character));
  ctx.throwIfCancelled(QStringLiteral("Speech synthesis"));
  const QString voice = request.voice.isEmpty() ? defaultVoice(0) : request.voice;
  const QString key = AssetCache::key(cacheRequest(request, backendId()));
  const QString output = localOutputPath(ctx, QStringLiteral("speech"), key, QStringLiteral("wav"));
  PcmAudio audio = synthesise(request, voice, ctx);
  writeWav(output, audio);
  GenerationResult result;
  result.filePath = output;
  result.mime = QStringLiteral("audio/wav");
  result.duration = audio.duration();
  result.provider = backendId();
  result.model = QStringLiteral("espeak-ng:") + voice;
  result.seconds = timer.elapsed() / 1000.0;
  ctx.reportProgress(100.0, QStringLiteral("speech ready"));
  return result;
}

}  // namespace sw::providers::local
