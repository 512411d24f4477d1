// RenderPlan: pure data describing a render (the portable job spec the CLI accepts as JSON).
// Schema and example: src/media/README.md.
#pragma once

#include <QJsonObject>
#include <QString>
#include <vector>

namespace sw::media {

enum class Transition { Cut, Crossfade, Dip };
enum class AudioTrack { Narration, Dialogue, Music, Sfx };
enum class ChunkAudio { Keep, Replace };

struct VideoSegment {
  QString file;
  double in = 0.0;    // seconds in the file (snapped to the output frame grid)
  double out = -1.0;  // seconds; < 0 = end of the video stream
  Transition transition = Transition::Cut;  // into the next segment
  // Seconds. Crossfade: the overlap. Dip: the whole dip, half fading this segment's end to black
  // (and its sound to silence), half fading the next one in from black; nothing overlaps.
  double transitionDuration = 0.0;
  bool dropFirstFrame = false;  // the chunk starts with its predecessor's last frame: skip it
  // A still image (PNG, JPEG...) shown for this many seconds; in/out then do not apply.
  // < 0 = the file is a video.
  double duration = -1.0;
  bool isStill() const { return duration >= 0; }
  // Non-empty: an MP4 chapter with this title starts at this segment's first output frame (the
  // start of a crossfade into it) and lasts until the next chapter or the end.
  QString chapter;
};

struct AudioClip {
  QString file;
  AudioTrack track = AudioTrack::Narration;
  double start = 0.0;  // on the output timeline, seconds
  double in = 0.0;     // in the file
  double out = -1.0;   // < 0 = end of file (music: trimmed to the video)
  double gainDb = 0.0;
  double fadeIn = 0.0;
  double fadeOut = 0.0;
};

struct OutputSettings {
  QString path;
  QString resolution = QStringLiteral("source");  // 480p, 720p, 1080p, 2160p, custom, source
  int width = 0;  // custom size (or resolved from the preset / first segment)
  int height = 0;
  int fpsNum = 0;  // 0 = frame rate of the first segment
  int fpsDen = 1;
  int crf = 23;
  QString preset = QStringLiteral("medium");
  int audioBitrate = 160000;
  double loudnessTarget = -16.0;  // LUFS (EBU R128)
  bool ducking = true;            // music ducked under narration/dialogue
  ChunkAudio chunkAudio = ChunkAudio::Keep;
  // Nothing to mix (no clips, chunk audio kept, cuts only) and every chunk has the same AAC
  // configuration (any one rate and channel count): copy its packets instead of decoding,
  // normalising and re-encoding, re-encoding only the frames around each join (audio_copy.h).
  // The chunks then keep their own level (no loudness target).
  bool copyChunkAudio = true;
  // Full re-encode: the video is cut into independent GOP-aligned parts of about this many
  // seconds, encoded side by side on the machine's cores and joined (keyframes land where one
  // encoder would put them). 0 = one encoder for the whole video. Every part pays for opening
  // an encoder (~400 MB of fresh pages at 1080p), so parts much shorter cost time.
  double partSeconds = 8.0;
};

// The ranges a plan's numbers must lie in, checked before any work (and before any paid
// generation: the render job checks its output settings and clip gains when it starts).
inline constexpr int kMinOutputSide = 16, kMaxOutputSide = 8192;           // pixels, even
inline constexpr double kMinFps = 1.0, kMaxFps = 240.0;                    // output frame rate
inline constexpr int kMinAudioBitrate = 32000, kMaxAudioBitrate = 512000;  // bits/s
inline constexpr double kMinLoudness = -40.0, kMaxLoudness = -5.0;         // LUFS target
inline constexpr double kMinGainDb = -60.0, kMaxGainDb = 20.0;             // per clip
inline constexpr double kMaxSeconds = 24 * 3600.0;                         // any time in a plan
inline constexpr double kMaxTransitionSeconds = 10.0;

// Throws MediaError(InvalidInput) naming the field ("output.loudness must be between ...").
void validateOutput(const OutputSettings& output);
void validateClip(const AudioClip& clip, const QString& field);  // field: "audio[3]"

struct RenderPlan {
  int version = 1;
  std::vector<VideoSegment> segments;
  std::vector<AudioClip> audio;
  OutputSettings output;

  QJsonObject toJson() const;
  // Throws MediaError(InvalidInput) naming the offending field.
  static RenderPlan fromJson(const QJsonObject& json);
  // Relative paths in the file (segments, audio, output) name files beside it: they are made
  // absolute against the plan file's folder, not the current directory (docs/bundles.md).
  static RenderPlan fromJsonFile(const QString& path);
  // Field checks that need no file access (paths present, in < out, durations >= 0...).
  void validate() const;
};

// "1080p" -> 1920x1080 ...; returns false for unknown names ("source"/"custom" included).
bool resolutionPreset(const QString& name, int* width, int* height);
QString trackName(AudioTrack t);
QString transitionName(Transition t);  // cut, crossfade, dip
AudioTrack trackFromName(const QString& name, bool* ok);

}  // namespace sw::media
