// Audio-only re-render (issue 12, capability 10): when only the audio changed since the last
// render to the same file, the new render copies that file's video packets as they are and mixes
// only the new audio; when the picture changed, it is rendered again.
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

#include "render_fixture.h"

extern "C" {
#include <libavformat/avformat.h>
}

using namespace sw;

namespace {

// A hash of every packet of the file's first stream of `type`, in order.
QByteArray packetHash(const QString& path, AVMediaType type) {
  AVFormatContext* raw = nullptr;
  if (avformat_open_input(&raw, path.toUtf8().constData(), nullptr, nullptr) < 0) return {};
  std::unique_ptr<AVFormatContext, void (*)(AVFormatContext*)> ctx(
      raw, [](AVFormatContext* c) { avformat_close_input(&c); });
  if (avformat_find_stream_info(ctx.get(), nullptr) < 0) return {};
  const int stream = av_find_best_stream(ctx.get(), type, -1, -1, nullptr, 0);
  if (stream < 0) return {};
  std::unique_ptr<AVPacket, void (*)(AVPacket*)> pkt(av_packet_alloc(),
                                                     [](AVPacket* p) { av_packet_free(&p); });
  QCryptographicHash hash(QCryptographicHash::Sha256);
  while (av_read_frame(ctx.get(), pkt.get()) >= 0) {
    if (pkt->stream_index == stream)
      hash.addData(QByteArrayView(reinterpret_cast<const char*>(pkt->data), pkt->size));
    av_packet_unref(pkt.get());
  }
  return hash.result();
}

class RenderPicture : public sw::testing::RenderFixture {
 protected:
  // How the job's stitch wrote the video: "stream-copy", "smart-render" or "full-reencode".
  QString stitchPath(model::Id job) {
    for (const model::JobEvent& e : openStore()->jobEvents(job))
      if (e.kind == QLatin1String("stitch")) return e.data.value(QStringLiteral("path")).toString();
    return {};
  }
};

TEST_F(RenderPicture, AnAudioOnlyChangeCopiesThePictureOfTheLastRender) {
  render::RenderRequest first = request();
  const model::Id one = renderAndWait(first);
  ASSERT_EQ(openStore()->job(one)->status, model::JobStatus::Completed)
      << openStore()->job(one)->errorMessage.toStdString();
  const QString out = first.outputPath;
  const QByteArray video = packetHash(out, AVMEDIA_TYPE_VIDEO);
  const QByteArray audio = packetHash(out, AVMEDIA_TYPE_AUDIO);
  ASSERT_FALSE(video.isEmpty());
  EXPECT_EQ(eventsOfKind(one, QStringLiteral("picture.reused")), 0);
  ASSERT_NE(stitchPath(one), QStringLiteral("stream-copy"));  // the chunks are re-encoded

  // The same scene without its sound effects: the picture is the last render's, packet for
  // packet; the audio is mixed again.
  render::RenderRequest noSfx = first;
  noSfx.sfx = false;
  const model::Id two = renderAndWait(noSfx);
  ASSERT_EQ(openStore()->job(two)->status, model::JobStatus::Completed)
      << openStore()->job(two)->errorMessage.toStdString();
  EXPECT_EQ(eventsOfKind(two, QStringLiteral("picture.reused")), 1);
  EXPECT_EQ(stitchPath(two), QStringLiteral("stream-copy"));
  EXPECT_EQ(packetHash(out, AVMEDIA_TYPE_VIDEO), video);
  EXPECT_NE(packetHash(out, AVMEDIA_TYPE_AUDIO), audio);
  // Nothing is left beside the output (the copy of the old picture is removed).
  const QStringList beside =
      QFileInfo(out).absoluteDir().entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
  for (const QString& name : beside)
    EXPECT_FALSE(name.contains(QLatin1String(".part-"))) << name.toStdString();

  // A new visual prompt changes the picture: rendered again, never copied.
  {
    auto store = openStore();
    model::Scene scene = *store->scene(sceneId);
    scene.visualPrompt += QStringLiteral(", at dawn");
    store->updateScene(scene);
  }
  const model::Id three = renderAndWait(noSfx);
  ASSERT_EQ(openStore()->job(three)->status, model::JobStatus::Completed)
      << openStore()->job(three)->errorMessage.toStdString();
  EXPECT_EQ(eventsOfKind(three, QStringLiteral("picture.reused")), 0);
  EXPECT_EQ(eventsOfKind(three, QStringLiteral("picture.new")), 1);
  EXPECT_NE(packetHash(out, AVMEDIA_TYPE_VIDEO), video);
}

}  // namespace
