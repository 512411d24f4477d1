#include "media/mix_graph.h"

#include <QString>
#include <algorithm>
#include <cmath>

namespace sw::media {

std::string num(double v) { return QString::number(v, 'f', 6).toStdString(); }

namespace {

// Whether music clip k hands over to another music clip that starts while it plays (a loop join
// of fitMusic()): its fade-out is then exactly the crossfade it was given.
bool handsOver(const MixLayout& m, size_t k) {
  const AudioClip& c = m.clips[k];
  if (c.track != AudioTrack::Music) return false;
  for (size_t j = 0; j < m.clips.size(); ++j)
    if (j != k && m.clips[j].track == AudioTrack::Music && m.clips[j].start > c.start + 1e-6 &&
        m.clips[j].start < c.start + m.durations[k] - 1e-6)
      return true;
  return false;
}

std::string clipChain(const AudioClip& c, double d, size_t k, bool handover) {
  const std::string label = "c" + std::to_string(k);
  std::string s = "[" + label +
                  "]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,"
                  "atrim=start=" +
                  num(c.in) + ":duration=" + num(d) + ",asetpts=PTS-STARTPTS";
  double fadeOut = c.fadeOut;
  if (c.track == AudioTrack::Music && !handover)
    fadeOut = std::max(fadeOut, std::min(1.5, d / 3.0));
  const double fadeIn = std::min(c.fadeIn, d);
  fadeOut = std::min(fadeOut, d);
  if (fadeIn > 0) s += ",afade=t=in:st=0:d=" + num(fadeIn);
  if (fadeOut > 0) s += ",afade=t=out:st=" + num(d - fadeOut) + ":d=" + num(fadeOut);
  if (c.gainDb != 0) s += ",volume=" + num(c.gainDb) + "dB";
  const long long delay = std::llround(c.start * 48000);
  if (delay > 0) s += ",adelay=delays=" + std::to_string(delay) + "S:all=1";
  return s + "[a" + std::to_string(k) + "]";
}

// Mixes labels into `out` (anull for one input).
std::string mixOf(const std::vector<std::string>& labels, const std::string& out) {
  std::string s;
  for (const std::string& l : labels) s += "[" + l + "]";
  if (labels.size() == 1) return s + "anull[" + out + "]";
  return s + "amix=inputs=" + std::to_string(labels.size()) +
         ":normalize=0:duration=longest:dropout_transition=0[" + out + "]";
}

}  // namespace

std::string buildMixGraph(const MixLayout& m, const std::string& tail) {
  std::vector<std::string> chains;
  std::vector<std::string> voice, music, sfx, finalInputs;
  if (m.bus) finalInputs.push_back("bus");
  for (size_t k = 0; k < m.clips.size(); ++k) {
    chains.push_back(clipChain(m.clips[k], m.durations[k], k, handsOver(m, k)));
    const std::string l = "a" + std::to_string(k);
    switch (m.clips[k].track) {
      case AudioTrack::Narration:
      case AudioTrack::Dialogue:
        voice.push_back(l);
        break;
      case AudioTrack::Music:
        music.push_back(l);
        break;
      case AudioTrack::Sfx:
        sfx.push_back(l);
        break;
    }
  }
  if (!music.empty()) chains.push_back(mixOf(music, "music"));
  if (!voice.empty()) chains.push_back(mixOf(voice, "voice"));
  if (!music.empty() && !voice.empty() && m.ducking) {
    chains.push_back("[voice]asplit=2[vkey0][vmix]");
    chains.push_back("[vkey0]apad[vkey]");
    chains.push_back(
        "[music][vkey]sidechaincompress=threshold=0.03:ratio=8:attack=20:release=400:makeup=1["
        "ducked]");
    finalInputs.push_back("vmix");
    finalInputs.push_back("ducked");
  } else {
    if (!voice.empty()) finalInputs.push_back("voice");
    if (!music.empty()) finalInputs.push_back("music");
  }
  finalInputs.insert(finalInputs.end(), sfx.begin(), sfx.end());
  const std::string n = std::to_string(m.totalSamples);
  if (finalInputs.empty()) {
    chains.push_back("anullsrc=r=48000:cl=stereo,atrim=end_sample=" + n + "[mixed]");
  } else {
    chains.push_back(mixOf(finalInputs, "mix0"));
    chains.push_back("[mix0]apad=whole_len=" + n + ",atrim=end_sample=" + n + "[mixed]");
  }
  chains.push_back(tail);
  std::string g;
  for (const std::string& c : chains) g += (g.empty() ? "" : ";") + c;
  return g;
}

}  // namespace sw::media
