#include "media/early_pieces.h"

#include "media/compat.h"
#include "media/media_error.h"
#include "media/parallel.h"
#include "media/video_paths.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <algorithm>

namespace sw::media {

namespace {

struct Stopped {};  // unwinds the worker when the encoder shuts down

bool sameSegment(const VideoSegment& a, const VideoSegment& b) {
  return a.file == b.file && a.in == b.in && a.out == b.out &&
         a.dropFirstFrame == b.dropFirstFrame && a.duration == b.duration;
}

bool sameSettings(const VideoEncodeSettings& a, const VideoEncodeSettings& b) {
  return a.width == b.width && a.height == b.height && av_cmp_q(a.fps, b.fps) == 0 &&
         a.crf == b.crf && a.preset == b.preset && a.profile == b.profile &&
         keyframeInterval(a) == keyframeInterval(b) && a.x264Params == b.x264Params &&
         a.globalHeader == b.globalHeader && a.deterministic == b.deterministic &&
         a.colorPrimaries == b.colorPrimaries && a.colorTransfer == b.colorTransfer &&
         a.colorSpace == b.colorSpace && a.colorRange == b.colorRange;
}

}  // namespace

bool pieceMatches(const EncodedPiece& piece, const Timeline& t, size_t i,
                  const VideoEncodeSettings& settings) {
  const ResolvedSegment& s = t.segments[i];
  if (s.still() || s.xfadeFrames > 0 || (i > 0 && t.segments[i - 1].xfadeFrames > 0)) return false;
  if (s.dipInFrames > 0 || s.dipOutFrames > 0) return false;
  return sameSegment(piece.spec, s.spec) && piece.inFrame == s.inFrame &&
         piece.frames == s.frames && piece.video.frames == s.frames &&
         sameSettings(piece.settings, settings);
}

int pieceEncoderThreads() { return islandEncoderThreads(1); }

PieceEncoder::PieceEncoder(const std::atomic<bool>* cancel)
    : cancel_(cancel), worker_([this] { work(); }) {}

PieceEncoder::~PieceEncoder() {
  {
    std::lock_guard<std::mutex> lock(m_);
    stop_ = true;
    queue_.clear();
  }
  cv_.notify_all();
  worker_.join();
}

void PieceEncoder::submit(int key, RenderPlan plan) {
  {
    std::lock_guard<std::mutex> lock(m_);
    queue_.erase(
        std::remove_if(queue_.begin(), queue_.end(), [key](const Job& j) { return j.key == key; }),
        queue_.end());
    pieces_.erase(std::remove_if(pieces_.begin(), pieces_.end(),
                                 [key](const auto& p) { return p.first == key; }),
                  pieces_.end());
    queue_.push_back(Job{key, std::move(plan)});
  }
  cv_.notify_all();
}

PieceList PieceEncoder::finish(Queued queued) {
  std::unique_lock<std::mutex> lock(m_);
  if (queued == Queued::Drop) queue_.clear();
  cv_.wait(lock, [this] { return !busy_ && queue_.empty(); });
  std::sort(pieces_.begin(), pieces_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  PieceList out;
  for (const auto& p : pieces_) out.push_back(p.second);
  return out;
}

std::vector<PieceReport> PieceEncoder::takeReports() {
  std::lock_guard<std::mutex> lock(m_);
  return std::exchange(reports_, {});
}

void PieceEncoder::work() {
  const ExportControl control{{}, cancel_};
  const auto check = [&] {
    if (stop_) throw Stopped{};
    control.checkCancel();
  };
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(m_);
      cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
    }
    PieceReport report;
    report.key = job.key;
    std::shared_ptr<EncodedPiece> piece;
    QElapsedTimer clock;
    clock.start();
    try {
      const Timeline t = resolveTimeline(job.plan);
      if (t.segments.size() != 1)
        throw MediaError(MediaError::Kind::Internal,
                         QStringLiteral("A piece is made from a plan of exactly one segment."));
      const CompatReport compat = checkCompatibility(t);
      if (compat.segments.front().streamMatches()) {
        report.note = QStringLiteral("its stream matches the output (copied, not re-encoded)");
      } else {
        piece = std::make_shared<EncodedPiece>();
        piece->spec = t.segments.front().spec;
        piece->inFrame = t.segments.front().inFrame;
        piece->frames = t.segments.front().frames;
        piece->settings = outputEncodeSettings(job.plan, t);
        VideoEncodeSettings settings = piece->settings;
        settings.threads = pieceEncoderThreads();
        piece->video = encodeIsland(t, settings, Island{0, t.totalFrames}, 0, check);
        report.encoded = true;
        report.frames = piece->video.frames;
      }
    } catch (const Stopped&) {
      std::lock_guard<std::mutex> lock(m_);
      busy_ = false;
      cv_.notify_all();
      return;
    } catch (const std::exception& e) {
      piece.reset();
      report.note = QString::fromStdString(e.what());
    }
    report.seconds = clock.elapsed() / 1000.0;
    report.finishedAtMs = QDateTime::currentMSecsSinceEpoch();
    {
      std::lock_guard<std::mutex> lock(m_);
      const bool superseded =
          std::any_of(queue_.begin(), queue_.end(), [&](const Job& j) { return j.key == job.key; });
      if (piece && !superseded) pieces_.emplace_back(job.key, std::move(piece));
      reports_.push_back(report);
      busy_ = false;
    }
    cv_.notify_all();
  }
}

}  // namespace sw::media
