#include "providers/local/fluid_music.h"

#include "providers/local/music_arrangement.h"

#include <fluidsynth.h>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <memory>
#include <mutex>

namespace sw::providers::local {
namespace {

constexpr int kRate = 48000;
// Bump when the arrangement or the synthesiser settings change what a seed sounds like.
constexpr int kArrangementVersion = 1;

struct SettingsDeleter {
  void operator()(fluid_settings_t* s) const { delete_fluid_settings(s); }
};
struct SynthDeleter {
  void operator()(fluid_synth_t* s) const { delete_fluid_synth(s); }
};
using SettingsPtr = std::unique_ptr<fluid_settings_t, SettingsDeleter>;
using SynthPtr = std::unique_ptr<fluid_synth_t, SynthDeleter>;

// FluidSynth prints its warnings (and, without a driver, notes about drivers) on stderr; the
// failures that matter come back as return codes, reported as ProviderErrors.
void quietFluidSynthLog() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int level : {FLUID_PANIC, FLUID_ERR, FLUID_WARN, FLUID_INFO, FLUID_DBG})
      fluid_set_log_function(level, nullptr, nullptr);
  });
}

SettingsPtr makeSettings() {
  SettingsPtr s(new_fluid_settings());
  if (!s)
    throw ProviderError(ProviderError::Kind::Failed,
                        QStringLiteral("FluidSynth could not start (out of memory)."));
  fluid_settings_setnum(s.get(), "synth.sample-rate", kRate);
  fluid_settings_setint(s.get(), "synth.cpu-cores", 1);
  fluid_settings_setint(s.get(), "synth.audio-channels", 1);
  fluid_settings_setint(s.get(), "synth.polyphony", 256);
  fluid_settings_setint(s.get(), "synth.reverb.active", 1);
  fluid_settings_setint(s.get(), "synth.chorus.active", 1);
  fluid_settings_setnum(s.get(), "synth.gain", 0.5);
  fluid_settings_setint(s.get(), "synth.threadsafe-api", 0);
  fluid_settings_setint(s.get(), "synth.dynamic-sample-loading", 0);
  return s;
}

void apply(fluid_synth_t* synth, const MidiEvent& e) {
  switch (e.type) {
    case MidiEvent::Program:
      fluid_synth_program_change(synth, e.channel, e.key);
      break;
    case MidiEvent::NoteOn:
      fluid_synth_noteon(synth, e.channel, e.key, e.value);
      break;
    case MidiEvent::NoteOff:
      fluid_synth_noteoff(synth, e.channel, e.key);
      break;
    case MidiEvent::Control:
      fluid_synth_cc(synth, e.channel, e.key, e.value);
      break;
  }
}

}  // namespace

QString defaultSoundfontPath() { return QStringLiteral("/usr/share/sounds/sf2/FluidR3_GM.sf2"); }

QString soundfontPath(const QJsonObject& localOptions) {
  const QString env = qEnvironmentVariable("SCENEWRIGHT_SOUNDFONT");
  if (!env.isEmpty()) return env;
  const QString option = localOptions.value(QStringLiteral("soundfont")).toString();
  return option.isEmpty() ? defaultSoundfontPath() : option;
}

QString soundfontIdentity(const QString& path) {
  QFile file(path);
  if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) return {};
  const QByteArray head = file.read(1 << 20);
  if (head.size() < 12 || !head.startsWith("RIFF") || head.mid(8, 4) != "sfbk") return {};
  return QStringLiteral("fluidsynth-%1;arrangement-%2;%3:%4:%5")
      .arg(QString::fromLatin1(fluid_version_str()))
      .arg(kArrangementVersion)
      .arg(QFileInfo(path).fileName())
      .arg(file.size())
      .arg(QString::fromLatin1(QCryptographicHash::hash(head, QCryptographicHash::Sha256).toHex()));
}

PcmAudio playOnSoundfont(const MusicStyle& style, uint64_t seed, int64_t frames,
                         const QString& soundfontPath, const GenerationContext& ctx) {
  quietFluidSynthLog();
  const SettingsPtr settings = makeSettings();
  const SynthPtr synth(new_fluid_synth(settings.get()));
  if (!synth)
    throw ProviderError(ProviderError::Kind::Failed,
                        QStringLiteral("FluidSynth could not start a synthesiser."));
  if (fluid_synth_sfload(synth.get(), QFile::encodeName(soundfontPath).constData(), 1) ==
      FLUID_FAILED)
    throw ProviderError(ProviderError::Kind::Failed,
                        QStringLiteral("FluidSynth could not load the soundfont %1; set "
                                       "SCENEWRIGHT_SOUNDFONT to a General MIDI .sf2 file.")
                            .arg(soundfontPath));
  ctx.throwIfCancelled(QStringLiteral("Music synthesis"));

  PcmAudio audio;
  audio.sampleRate = kRate;
  audio.channels = 2;
  audio.samples.assign(size_t(frames) * 2, 0.0f);
  const std::vector<MidiEvent> events = arrange(style, seed, frames, kRate);
  int64_t position = 0;
  int64_t sinceCheck = 0;
  auto renderTo = [&](int64_t end) {
    while (position < end) {
      const int block = int(std::min<int64_t>(end - position, 4096));
      float* out = audio.samples.data() + 2 * position;
      if (fluid_synth_write_float(synth.get(), block, out, 0, 2, out, 1, 2) != FLUID_OK)
        throw ProviderError(ProviderError::Kind::Failed,
                            QStringLiteral("FluidSynth failed while rendering the music."));
      position += block;
      if ((sinceCheck += block) >= kRate) {
        sinceCheck = 0;
        ctx.throwIfCancelled(QStringLiteral("Music synthesis"));
        ctx.reportProgress(100.0 * double(position) / double(frames),
                           QStringLiteral("music: playing the instruments"));
      }
    }
  };
  for (const MidiEvent& e : events) {
    renderTo(std::min(e.frame, frames));
    apply(synth.get(), e);
  }
  renderTo(frames);
  return audio;
}

}  // namespace sw::providers::local
