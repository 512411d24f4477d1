// Test media generator and measurement helpers (library scenewright_testsupport).
// Everything is made with the FFmpeg libraries (through sw::media::MediaWriter), so tests need no
// external files and no ffmpeg program. Keep media short and small: 1-3 s, 320x180.
#pragma once

extern "C" {
#include <libavutil/rational.h>
}

#include <QString>
#include <optional>
#include <vector>

namespace sw::testsupport {

struct ClipSpec {
  int width = 320;
  int height = 180;
  AVRational fps{25, 1};
  double seconds = 2.0;
  int gop = 0;        // keyframe interval in frames; 0 = one second
  bool audio = true;  // AAC stereo 48 kHz tone
  int sampleRate = 48000;
  double toneHz = 440.0;
  double toneAmplitude = 0.05;     // quiet bed so a marker beep stands out
  double tonePhaseSeconds = 0.0;   // the tone is sin(2 pi f (t + this)): chunks of one sine
  std::optional<double> markerAt;  // white frame + 1 kHz beep (50 ms, amplitude 0.8) at this time
  std::optional<int> solidLuma;    // plain grey picture of this Y value instead of the pattern
  int crf = 23;
  const char* preset = "veryfast";
};

// Writes an H.264 High + AAC MP4 at path with a moving colour-bar pattern; returns path.
QString makeClip(const QString& path, const ClipSpec& spec = {});

// A clip with variable frame rate: frame durations alternate between 1/fps and 2/fps.
QString makeVfrClip(const QString& path, const ClipSpec& spec = {});

enum class WaveKind { Tone, Noise, Silence };
struct WavSpec {
  double seconds = 2.0;
  int sampleRate = 48000;
  int channels = 2;
  WaveKind kind = WaveKind::Tone;
  double hz = 440.0;
  double amplitude = 0.3;
  std::optional<double> beepAt;  // 1 kHz beep (50 ms, amplitude 0.8) at this time
};
// 16-bit PCM WAV.
QString makeWav(const QString& path, const WavSpec& spec = {});

// --- measuring (decode with the FFmpeg libraries) ---
struct VideoFrameInfo {
  double time;      // seconds from the file's first frame
  double meanLuma;  // 0..255 average Y
};
std::vector<VideoFrameInfo> decodeVideoFrames(const QString& path);
int countVideoFrames(const QString& path);
// Mean luma of the frame displayed at time t (seconds).
double lumaAt(const QString& path, double t);
// Times of frames brighter than threshold (first frame of each run).
std::vector<double> findFlashTimes(const QString& path, double threshold = 200.0);

// Audio decoded to mono float at 48 kHz (time 0 = the audio stream's first sample at start_time).
std::vector<float> decodeAudioMono(const QString& path, double* startSeconds = nullptr);
// Onsets (seconds, on the file timeline) where |x| rises above threshold after >= minGap of quiet.
std::vector<double> findBeepOnsets(const QString& path, double threshold = 0.4,
                                   double minGap = 0.3);
// Level in dBFS of one frequency (Goertzel) over [t0, t1) of the mono mix.
double toneLevelDb(const QString& path, double hz, double t0, double t1);
// Integrated loudness (EBU R128, LUFS) measured with the ebur128 filter.
double integratedLoudness(const QString& path);

}  // namespace sw::testsupport
