// Plain concatenations copy the chunks' AAC packets (no decode, no re-encode) and stay in sync.
#include "media/media_input.h"
#include "media/probe.h"
#include "media/stitcher.h"
#include "support/media_fixtures.h"

#include <gtest/gtest.h>
#include <QTemporaryDir>

using namespace sw::media;
using namespace sw::testsupport;

namespace {

std::vector<QByteArray> audioPackets(const QString& path) {
  MediaInput in(path);
  PacketPtr pkt = makePacket();
  std::vector<QByteArray> out;
  while (in.read(pkt.get())) {
    if (pkt->stream_index == in.audioStream())
      out.emplace_back(reinterpret_cast<const char*>(pkt->data), pkt->size);
  }
  return out;
}

class MediaAudioCopy : public ::testing::Test {
 protected:
  RenderPlan plan(const QStringList& files) {
    RenderPlan p;
    for (const QString& f : files) {
      VideoSegment s;
      s.file = f;
      p.segments.push_back(s);
    }
    p.output.path = dir.filePath("out.mp4");
    p.output.preset = "veryfast";
    return p;
  }
  QString clip(const QString& name, std::optional<double> marker, double tone = 440.0,
               int rate = 48000) {
    ClipSpec spec;
    spec.markerAt = marker;
    spec.toneHz = tone;
    spec.sampleRate = rate;
    return makeClip(dir.filePath(name), spec);
  }
  QTemporaryDir dir;
};

}  // namespace

TEST_F(MediaAudioCopy, PlainConcatCopiesAacPacketsInOrder) {
  const QString a = clip("a.mp4", 0.6), b = clip("b.mp4", 1.2, 660), c = clip("c.mp4", 0.2, 550);
  const StitchReport r = stitch(plan({a, b, c}));
  EXPECT_EQ(r.path, StitchPath::StreamCopy) << r.reason.toStdString();
  EXPECT_TRUE(r.audioCopied) << r.audioReason.toStdString();
  const QString out = dir.filePath("out.mp4");
  // Away from the joins every output packet is an input packet, in input order; a few frames
  // around each join are re-encoded.
  std::vector<QByteArray> inputs;
  for (const QString& f : {a, b, c}) {
    const auto p = audioPackets(f);
    inputs.insert(inputs.end(), p.begin(), p.end());
  }
  const auto written = audioPackets(out);
  size_t k = 0, copied = 0;
  for (size_t i = 0; i < written.size(); ++i) {
    size_t at = k;
    while (at < inputs.size() && inputs[at] != written[i]) ++at;
    if (at == inputs.size()) continue;  // re-encoded at a join
    k = at + 1;
    ++copied;
  }
  EXPECT_GE(copied + 2 * 8, written.size());
  EXPECT_GE(written.size() + 2 * 8, inputs.size());
  const ProbeResult p = probe(out);
  ASSERT_NE(p.audio(), nullptr);
  EXPECT_NEAR(p.audio()->duration, 6.0, 0.001);
  EXPECT_NEAR(p.audio()->startTime, 0.0, 1e-6);
}

TEST_F(MediaAudioCopy, CopiedAudioStaysInSyncWithinOneFrame) {
  const QString a = clip("a.mp4", 0.6), b = clip("b.mp4", 1.2), c = clip("c.mp4", 1.8);
  RenderPlan p = plan({a, b, c});
  p.segments[1].in = 0.44;  // a cut inside a GOP: smart render, audio still copied
  const StitchReport r = stitch(p);
  EXPECT_EQ(r.path, StitchPath::SmartRender) << r.reason.toStdString();
  EXPECT_TRUE(r.audioCopied) << r.audioReason.toStdString();
  const QString out = dir.filePath("out.mp4");
  const auto flashes = findFlashTimes(out);
  const auto beeps = findBeepOnsets(out);
  ASSERT_EQ(flashes.size(), 3u);
  ASSERT_EQ(beeps.size(), 3u);
  const double expected[3] = {0.6, 2.0 + 1.2 - 0.44, 2.0 + 1.56 + 1.8};
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(flashes[i], expected[i], 0.021) << i;
    EXPECT_NEAR(beeps[i], flashes[i], 0.04) << i;  // one frame at 25 fps
  }
}

TEST_F(MediaAudioCopy, FreshAudioWhenSomethingIsMixedOrAsked) {
  const QString a = clip("a.mp4", std::nullopt), b = clip("b.mp4", std::nullopt);
  RenderPlan asked = plan({a, b});
  asked.output.copyChunkAudio = false;
  const StitchReport r1 = stitch(asked);
  EXPECT_FALSE(r1.audioCopied);
  EXPECT_NE(r1.audioReason.indexOf("copyChunkAudio"), -1) << r1.audioReason.toStdString();
  EXPECT_NEAR(integratedLoudness(asked.output.path), asked.output.loudnessTarget, 1.0);

  const QString other = clip("c.mp4", std::nullopt, 440, 44100);
  const StitchReport r2 = stitch(plan({a, other}));
  EXPECT_FALSE(r2.audioCopied);
  EXPECT_NE(r2.audioReason.indexOf("another AAC configuration"), -1)
      << r2.audioReason.toStdString();
}
