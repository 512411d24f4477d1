// filmstrip_bench (P5): a cold filmstrip of 100 chunks, one thumbnail per chunk as the timeline
// asks for it (media::Thumbnailer with an empty disk cache, on a pool of 2 workers like
// ui::ThumbnailLoader, 110 px wide), against the ffmpeg command line run once per thumbnail
// (`ffmpeg -ss T -i CHUNK -frames:v 1 -vf scale=110:-2 OUT.png`), one after another and two at
// a time. Both sides decode the same keyframes of the same files and write PNGs. The chunks are
// made once with ffmpeg (1280x720, 30 fps, 2 s, H.264 with a keyframe every second) and kept in
// the work folder. Target: ours / ffmpeg one at a time <= 0.3.
// Usage: filmstrip_bench [--chunks 100] [--runs 3] [--work DIR]
#include <sys/resource.h>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent>
#include <algorithm>
#include <cstdio>
#include <vector>

#include "media/thumbnails.h"

namespace {

constexpr int kThumbWidth = 110;  // the timeline's 62 px high 16:9 thumbnails
constexpr double kChunkSeconds = 2.0;

bool runFfmpeg(const QStringList& args) {
  QProcess p;
  p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
  p.start(QStringLiteral("ffmpeg"),
          QStringList{QStringLiteral("-nostdin"), QStringLiteral("-hide_banner"),
                      QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y")} +
              args);
  return p.waitForFinished(-1) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QStringList makeCorpus(const QString& work, int count) {
  QStringList files;
  for (int i = 0; i < count; ++i) {
    const QString file =
        QDir(work).filePath(QStringLiteral("chunk%1.mp4").arg(i, 3, 10, QChar('0')));
    if (!QFile::exists(file) &&
        !runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("testsrc2=s=1280x720:r=30:d=%1,hue=h=%2")
                        .arg(kChunkSeconds)
                        .arg(i * 3.6),
                    QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                    QStringLiteral("veryfast"), QStringLiteral("-g"), QStringLiteral("30"),
                    QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), file})) {
      std::fprintf(stderr, "filmstrip_bench: ffmpeg could not make %s\n", qPrintable(file));
      std::exit(1);
    }
    files << file;
  }
  return files;
}

double cpuSeconds(int who) {
  rusage u{};
  getrusage(who, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Timing {
  double wall = 0;
  double cpu = 0;
};

Timing ours(const QStringList& chunks) {
  QTemporaryDir cache;
  const double cpu0 = cpuSeconds(RUSAGE_SELF);
  QElapsedTimer t;
  t.start();
  QThreadPool pool;
  pool.setMaxThreadCount(2);
  const QString cacheDir = cache.path();
  QList<QFuture<qsizetype>> work;
  for (const QString& chunk : chunks)  // as the timeline's decodeThumbnail, one per request
    work << QtConcurrent::run(&pool, [cacheDir, chunk] {
      return sw::media::Thumbnailer(cacheDir)
          .thumbnail(chunk, kChunkSeconds / 2, kThumbWidth)
          .size();
    });
  for (QFuture<qsizetype>& f : work)
    if (f.result() <= 0) {
      std::fprintf(stderr, "filmstrip_bench: no thumbnail\n");
      std::exit(1);
    }
  return {double(t.nsecsElapsed()) / 1e9, cpuSeconds(RUSAGE_SELF) - cpu0};
}

Timing ffmpeg(const QStringList& chunks, int atOnce) {
  QTemporaryDir out;
  const double cpu0 = cpuSeconds(RUSAGE_CHILDREN);
  QElapsedTimer t;
  t.start();
  QThreadPool pool;
  pool.setMaxThreadCount(atOnce);
  QList<QFuture<bool>> work;
  for (int i = 0; i < chunks.size(); ++i) {
    const QString png = out.filePath(QStringLiteral("%1.png").arg(i));
    const QString chunk = chunks[i];
    work << QtConcurrent::run(&pool, [chunk, png] {
      return runFfmpeg({QStringLiteral("-ss"), QString::number(kChunkSeconds / 2),
                        QStringLiteral("-i"), chunk, QStringLiteral("-frames:v"),
                        QStringLiteral("1"), QStringLiteral("-vf"),
                        QStringLiteral("scale=%1:-2").arg(kThumbWidth), png});
    });
  }
  for (QFuture<bool>& f : work)
    if (!f.result()) {
      std::fprintf(stderr, "filmstrip_bench: ffmpeg failed\n");
      std::exit(1);
    }
  return {double(t.nsecsElapsed()) / 1e9, cpuSeconds(RUSAGE_CHILDREN) - cpu0};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QCommandLineParser p;
  p.addHelpOption();
  p.addOption({QStringLiteral("chunks"), QStringLiteral("Chunks."), QStringLiteral("N"),
               QStringLiteral("100")});
  p.addOption({QStringLiteral("runs"), QStringLiteral("Runs of each side."), QStringLiteral("N"),
               QStringLiteral("3")});
  p.addOption({QStringLiteral("work"), QStringLiteral("Corpus folder."), QStringLiteral("DIR"),
               QDir::temp().filePath(QStringLiteral("scenewright-filmstrip-bench"))});
  p.process(app);
  const QString work = p.value(QStringLiteral("work"));
  QDir().mkpath(work);
  const QStringList chunks =
      makeCorpus(work, std::max(1, p.value(QStringLiteral("chunks")).toInt()));
  const int runs = std::max(1, p.value(QStringLiteral("runs")).toInt());
  std::vector<double> oursWall, oursCpu, ffWall, ffCpu, ff2Wall;
  for (int r = 0; r < runs; ++r) {  // alternate the sides: the machine's speed drifts
    const Timing o = ours(chunks);
    const Timing f = ffmpeg(chunks, 1);
    const Timing f2 = ffmpeg(chunks, 2);
    oursWall.push_back(o.wall);
    oursCpu.push_back(o.cpu);
    ffWall.push_back(f.wall);
    ffCpu.push_back(f.cpu);
    ff2Wall.push_back(f2.wall);
    std::printf(
        "run %d: ours %.2f s (cpu %.2f), ffmpeg one at a time %.2f s (cpu %.2f), two at "
        "a time %.2f s\n",
        r + 1, o.wall, o.cpu, f.wall, f.cpu, f2.wall);
  }
  double load = 0;
  getloadavg(&load, 1);
  std::printf("P5 cold filmstrip of %d chunks (median of %d, load %.2f):\n", int(chunks.size()),
              runs, load);
  std::printf(
      "  ours %.2f s, ffmpeg once per thumbnail %.2f s: ratio %.3f (target <= 0.3), "
      "CPU ratio %.3f\n",
      median(oursWall), median(ffWall), median(oursWall) / median(ffWall),
      median(oursCpu) / median(ffCpu));
  std::printf("  against ffmpeg two at a time (%.2f s): ratio %.3f\n", median(ff2Wall),
              median(oursWall) / median(ff2Wall));
  return 0;
}
