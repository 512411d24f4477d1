#include "media/piece_join.h"

#include "media/media_error.h"
#include "media/parallel.h"

#include <algorithm>

namespace sw::media {

namespace {

// The piece to copy for each segment (nullptr: encode it now).
std::vector<const EncodedPiece*> matchPieces(const PieceList& pieces, const Timeline& t,
                                             const VideoEncodeSettings& settings,
                                             const QByteArray& headers) {
  std::vector<const EncodedPiece*> use(t.segments.size(), nullptr);
  for (size_t i = 0; i < t.segments.size(); ++i)
    for (const auto& p : pieces)
      if (p && p->video.headers == headers && pieceMatches(*p, t, i, settings)) {
        use[i] = p.get();
        break;
      }
  return use;
}

// The runs of segments without a piece, as output frame ranges.
std::vector<Island> runsToEncode(const std::vector<const EncodedPiece*>& use, const Timeline& t) {
  std::vector<Island> runs;
  const size_t n = use.size();
  for (size_t i = 0; i < n;) {
    if (use[i]) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && !use[j]) ++j;
    runs.push_back(Island{t.segments[i].outStart, j < n ? t.segments[j].outStart : t.totalFrames});
    i = j;
  }
  return runs;
}

}  // namespace

std::optional<int64_t> writeWithPieces(const VideoEncodeSettings& outputSettings,
                                       const PieceList& pieces, const Timeline& t, StitchMuxer& mux,
                                       const VideoProgress& progress, int* piecesUsed,
                                       int* partsUsed) {
  if (pieces.empty()) return std::nullopt;
  VideoEncodeSettings settings = outputSettings;
  settings.threads = pieceEncoderThreads();  // as the pieces were encoded
  std::vector<const EncodedPiece*> use;
  QByteArray headers;
  {
    VideoEncoder reference(settings);  // the stream's parameters; every part must match them
    const AVCodecContext* c = reference.context();
    headers = QByteArray(reinterpret_cast<const char*>(c->extradata), c->extradata_size);
    use = matchPieces(pieces, t, settings, headers);
    if (std::none_of(use.begin(), use.end(), [](const EncodedPiece* p) { return p; }))
      return std::nullopt;
    mux.addVideoFromEncoder(c);
  }
  const auto copied = static_cast<int>(
      std::count_if(use.begin(), use.end(), [](const EncodedPiece* p) { return p; }));
  mux.start();
  const std::vector<Island> runs = runsToEncode(use, t);
  const unsigned workers = std::min<unsigned>(
      std::min(workerCount(), islandWorkers(t.width, t.height)), std::max<size_t>(1, runs.size()));
  IslandPool pool(t, settings, runs, 0, progress.control, workers);
  int64_t written = 0, encoded = 0;
  size_t nextRun = 0;
  PacketPtr pkt = makePacket();
  const AVRational frameTb = av_inv_q(t.fps);
  for (size_t i = 0; i < use.size();) {
    if (const EncodedPiece* p = use[i]) {
      const int64_t shift = av_rescale_q(t.segments[i].outStart, frameTb, p->video.timeBase);
      for (const PacketPtr& source : p->video.packets) {
        checkAv(av_packet_ref(pkt.get(), source.get()), QStringLiteral("Out of memory"), QString());
        if (pkt->pts != AV_NOPTS_VALUE) pkt->pts += shift;
        if (pkt->dts != AV_NOPTS_VALUE) pkt->dts += shift;
        mux.writeVideo(pkt.get(), p->video.timeBase);
        av_packet_unref(pkt.get());
      }
      written += p->frames;
      progress.frames(written);
      ++i;
      continue;
    }
    EncodedIsland e =
        pool.take(nextRun++, [&] { progress.frames(written + pool.framesEncoded()); });
    if (e.headers != headers)
      throw MediaError(MediaError::Kind::Internal,
                       QStringLiteral("A part encoded beside pieces made ahead came out with "
                                      "different H.264 parameter sets."));
    for (PacketPtr& p : e.packets) mux.writeVideo(p.get(), e.timeBase);
    encoded += e.frames;
    written += e.frames;
    progress.frames(written);
    while (i < use.size() && !use[i]) ++i;
  }
  if (piecesUsed) *piecesUsed = copied;
  if (partsUsed) *partsUsed = static_cast<int>(runs.size()) + copied;
  return encoded;
}

}  // namespace sw::media
