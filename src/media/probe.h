// Probe: what a media file holds (streams, codecs, sizes, rates, keyframes), without decoding.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <vector>

struct AVStream;

namespace sw::media {

struct StreamInfo {
  int index = -1;
  QString type;     // "video", "audio", "subtitle", "data"
  QString codec;    // "h264", "aac", ...
  QString profile;  // "High", "LC", ... (empty when unknown)
  int64_t bitRate = 0;
  double duration = 0.0;   // seconds
  double startTime = 0.0;  // seconds
  int timeBaseNum = 0, timeBaseDen = 1;
  // video
  int width = 0, height = 0;
  QString pixelFormat;                     // "yuv420p"
  int frameRateNum = 0, frameRateDen = 1;  // nominal (r_frame_rate / avg)
  bool variableFrameRate = false;          // packet durations of the first seconds differ
  int64_t frameCount = 0;                  // from the container, 0 when unknown
  std::vector<double> keyframes;           // seconds from the stream start
  // Display matrix rotation in degrees, as ffprobe reports it (counter-clockwise, -90 = the
  // picture is shown turned a quarter clockwise), normalised to (-180, 180]; 0 when none.
  int rotation = 0;
  // Colour tags (AVColorPrimaries, AVColorTransferCharacteristic, AVColorSpace, AVColorRange
  // values; 2 / 0 = unspecified), from the container or the H.264 VUI.
  int colorPrimaries = 2, colorTransfer = 2, colorSpace = 2, colorRange = 0;
  QByteArray extradata;  // codec private data (SPS/PPS, AAC config); not in JSON
  // audio
  int sampleRate = 0;
  int channels = 0;
  QString channelLayout;  // "stereo"

  // Width and height as displayed (swapped for a quarter turn).
  int displayWidth() const { return rotation % 180 ? height : width; }
  int displayHeight() const { return rotation % 180 ? width : height; }
  double frameRate() const {
    return frameRateDen ? static_cast<double>(frameRateNum) / frameRateDen : 0.0;
  }
  QJsonObject toJson() const;
};

struct ProbeResult {
  QString path;
  QString format;         // "mov,mp4,m4a,3gp,3g2,mj2"
  double duration = 0.0;  // seconds
  int64_t size = 0;       // bytes
  int64_t bitRate = 0;
  std::vector<StreamInfo> streams;
  int videoIndex = -1;  // position in streams of the best video stream, -1 if none
  int audioIndex = -1;
  bool stillImage = false;  // a picture (PNG, JPEG...), not a video

  const StreamInfo* video() const { return videoIndex >= 0 ? &streams[videoIndex] : nullptr; }
  const StreamInfo* audio() const { return audioIndex >= 0 ? &streams[audioIndex] : nullptr; }
  QJsonObject toJson() const;
  QString toText() const;  // a few human-readable lines
};

struct ProbeOptions {
  bool keyframes = true;        // list keyframe times (index, or a packet scan without decoding)
  double vfrScanSeconds = 5.0;  // how much of the video to scan for variable frame rate
  bool requireVideo = false;    // throw MediaError unless the file has a (non still-image) video
};

// Throws MediaError for missing, empty or unreadable files.
ProbeResult probe(const QString& path, const ProbeOptions& options = {});

// The stream's display matrix rotation in quarter turns (StreamInfo::rotation's convention).
int displayRotation(const AVStream* stream);

}  // namespace sw::media
