// libFuzzer: bytes -> a temp file -> media::probe() (probe() takes a path; MediaInput opens it
// with avformat_open_input). The variable-frame-rate scan is shortened to 1 s; keyframes stay
// on (index and packet-scan paths). FFmpeg itself is not instrumented: coverage is ours.
#include <QFile>

extern "C" {
#include <libavutil/log.h>
}

#include "fuzz/fuzz_common.h"
#include "media/probe.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  av_log_set_level(AV_LOG_QUIET);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const QString path = sw::fuzz::scratch() + QStringLiteral("/input");
  {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) std::abort();
    if (file.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size)) !=
        static_cast<qint64>(size))
      std::abort();
  }
  sw::media::ProbeOptions options;
  options.vfrScanSeconds = 1.0;
  sw::fuzz::expectErrors([&] {
    const sw::media::ProbeResult result = sw::media::probe(path, options);
    (void)result.toJson();
    (void)result.toText();
  });
  return 0;
}
