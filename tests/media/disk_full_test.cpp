// A write that fails because the disk (or the file size limit) is full is reported as DiskFull, in
// words, and leaves nothing behind. The limit comes from RLIMIT_FSIZE in a forked child (a gtest
// death test): writes past it fail with EFBIG, no root or special file system needed.
#include "media/media_error.h"
#include "media/stitcher.h"
#include "support/media_fixtures.h"

#include <gtest/gtest.h>
#include <QDir>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>

using namespace sw::media;
using namespace sw::testsupport;

namespace {

// Runs in the child: exits 0 only for a DiskFull error with nothing left in the output folder.
[[noreturn]] void stitchWithFileSizeLimit(const RenderPlan& plan, rlim_t bytes) {
  std::signal(SIGXFSZ,
              SIG_IGN);  // otherwise the kernel kills the process instead of failing write()
  const rlimit limit{bytes, bytes};
  if (setrlimit(RLIMIT_FSIZE, &limit) != 0) std::_Exit(3);
  try {
    stitch(plan);
  } catch (const MediaError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    const QDir folder = QFileInfo(plan.output.path).absoluteDir();
    const bool clean =
        folder.entryList({QStringLiteral("*out*")}, QDir::Files | QDir::Hidden).isEmpty();
    std::_Exit(e.kind() == MediaError::Kind::DiskFull && clean ? 0 : 2);
  }
  std::_Exit(1);
}

}  // namespace

TEST(MediaDiskFull, FileSizeLimitReportedAsDiskFull) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  QTemporaryDir dir;
  RenderPlan plan;
  for (const char* name : {"a.mp4", "b.mp4"}) {
    VideoSegment s;
    s.file = makeClip(dir.filePath(name));
    plan.segments.push_back(s);
  }
  plan.output.path = dir.filePath("out.mp4");
  plan.output.preset = "veryfast";
  EXPECT_EXIT(stitchWithFileSizeLimit(plan, 16 * 1024), ::testing::ExitedWithCode(0),
              "too large for the disk");
  EXPECT_FALSE(QFileInfo::exists(plan.output.path));
}
