#include "media/probe.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <QJsonArray>
#include <QStringList>

namespace sw::media {

namespace {

QString tagName(const char* name) {
  return name ? QString::fromLatin1(name) : QStringLiteral("unknown");
}

// "bt709/bt709/bt709 tv": matrix/primaries/transfer range, or empty when nothing is tagged.
QString colourText(const StreamInfo& s) {
  if (s.colorSpace == AVCOL_SPC_UNSPECIFIED && s.colorPrimaries == AVCOL_PRI_UNSPECIFIED &&
      s.colorTransfer == AVCOL_TRC_UNSPECIFIED && s.colorRange == AVCOL_RANGE_UNSPECIFIED)
    return {};
  return QStringLiteral("%1/%2/%3 %4")
      .arg(tagName(av_color_space_name(static_cast<AVColorSpace>(s.colorSpace))),
           tagName(av_color_primaries_name(static_cast<AVColorPrimaries>(s.colorPrimaries))),
           tagName(
               av_color_transfer_name(static_cast<AVColorTransferCharacteristic>(s.colorTransfer))),
           tagName(av_color_range_name(static_cast<AVColorRange>(s.colorRange))));
}

}  // namespace

QJsonObject StreamInfo::toJson() const {
  QJsonObject o{{"index", index},
                {"type", type},
                {"codec", codec},
                {"duration", duration},
                {"startTime", startTime},
                {"timeBase", QStringLiteral("%1/%2").arg(timeBaseNum).arg(timeBaseDen)}};
  if (!profile.isEmpty()) o["profile"] = profile;
  if (bitRate > 0) o["bitRate"] = static_cast<double>(bitRate);
  if (type == QLatin1String("video")) {
    o["width"] = width;
    o["height"] = height;
    o["pixelFormat"] = pixelFormat;
    o["frameRate"] = frameRate();
    o["frameRateRational"] = QStringLiteral("%1/%2").arg(frameRateNum).arg(frameRateDen);
    o["variableFrameRate"] = variableFrameRate;
    if (frameCount > 0) o["frameCount"] = static_cast<double>(frameCount);
    o["rotation"] = rotation;
    o["colorPrimaries"] =
        tagName(av_color_primaries_name(static_cast<AVColorPrimaries>(colorPrimaries)));
    o["colorTransfer"] =
        tagName(av_color_transfer_name(static_cast<AVColorTransferCharacteristic>(colorTransfer)));
    o["colorSpace"] = tagName(av_color_space_name(static_cast<AVColorSpace>(colorSpace)));
    o["colorRange"] = tagName(av_color_range_name(static_cast<AVColorRange>(colorRange)));
    QJsonArray keys;
    for (double k : keyframes) keys.append(k);
    o["keyframes"] = keys;
  } else if (type == QLatin1String("audio")) {
    o["sampleRate"] = sampleRate;
    o["channels"] = channels;
    o["channelLayout"] = channelLayout;
  }
  return o;
}

QJsonObject ProbeResult::toJson() const {
  QJsonArray s;
  for (const StreamInfo& st : streams) s.append(st.toJson());
  QJsonObject o{{"path", path},
                {"format", format},
                {"duration", duration},
                {"size", static_cast<double>(size)},
                {"streams", s}};
  if (bitRate > 0) o["bitRate"] = static_cast<double>(bitRate);
  return o;
}

QString ProbeResult::toText() const {
  QStringList lines;
  lines << QStringLiteral("%1: %2, %3 s, %4 bytes")
               .arg(path, format)
               .arg(duration, 0, 'f', 3)
               .arg(size);
  for (const StreamInfo& s : streams) {
    QString line = QStringLiteral("  #%1 %2 %3").arg(s.index).arg(s.type, s.codec);
    if (!s.profile.isEmpty()) line += QStringLiteral(" (%1)").arg(s.profile);
    if (s.type == QLatin1String("video")) {
      line += QStringLiteral(" %1x%2 %3 %4 fps%5, %6 keyframes")
                  .arg(s.width)
                  .arg(s.height)
                  .arg(s.pixelFormat)
                  .arg(s.frameRate(), 0, 'f', 3)
                  .arg(s.variableFrameRate ? QStringLiteral(" (variable)") : QString())
                  .arg(s.keyframes.size());
      if (s.rotation != 0) line += QStringLiteral(", display rotation %1 deg").arg(s.rotation);
      const QString colour = colourText(s);
      if (!colour.isEmpty()) line += QStringLiteral(", colour %1").arg(colour);
    } else if (s.type == QLatin1String("audio")) {
      line += QStringLiteral(" %1 Hz %2").arg(s.sampleRate).arg(s.channelLayout);
    }
    line += QStringLiteral(", %1 s").arg(s.duration, 0, 'f', 3);
    lines << line;
  }
  return lines.join('\n');
}

}  // namespace sw::media
